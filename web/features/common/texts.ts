/** Text shared by every page (the header, states, errors, not-found), in one place for review. */
export const COMMON_TEXTS = {
  appName: 'PlanHub 国土规划资源中心',
  appTagline: '审批 · 公文 · 会议 · 信访 · 法规 · 诚信，按项目一站检索',
  nav: { label: '主导航', linkReview: '关联审核' },
  loading: '正在加载…',
  retry: '重试',
  backToSearch: '返回检索',
  none: '—',
  pager: {
    label: '分页',
    prev: '上一页',
    next: '下一页',
    page: (n: number) => `第 ${n} 页`,
  },
  errors: {
    offline: '无法连接到服务器，请检查网络后重试。',
    notFound: '没有找到要查看的内容。',
    notFoundWhat: (what: string) => `没有找到${what}。`,
    badRequest: '请求的条件有误，请修改后重试。',
    tooLong: '输入的内容太长，请缩短后重试。',
    tooMany: '请求过于频繁，请稍后再试。',
    signIn: '请先登录。',
    forbidden: '无权访问：您的角色不能使用此功能。',
    forbiddenNeeds: (roles: string[]) =>
      `无权访问：需要${roles.length > 1 ? `${roles.slice(0, -1).join('、')}或${roles.at(-1)}` : roles[0]}角色。`,
    unavailable: '服务暂时不可用（可能正在重启），请稍后再试。',
    serverError: '服务器处理时出错，请稍后再试；如仍有问题，请把请求编号告诉管理员。',
    unexpected: '出现了意外错误，请刷新页面重试。',
    requestId: '请求编号：',
    detailLabel: '详细信息',
  },
  notFoundPage: {
    title: '页面不存在',
    body: '您访问的页面不存在，可能是链接有误或已被移除。',
  },
  errorPage: {
    title: '页面出错了',
    body: '页面显示时出现错误，请重试。',
  },
  typeNames: {
    project: '项目',
    approval: '审批',
    document: '公文',
    meeting: '会议',
    petition: '信访',
    regulation: '法规',
    credit: '诚信',
  },
} as const;

export type RecordType = keyof typeof COMMON_TEXTS.typeNames;
