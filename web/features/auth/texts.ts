/** Every word of signing in and out, in one place for review. */
export const AUTH_TEXTS = {
  pageTitle: '登录',
  heading: '登录 PlanHub',
  intro: '请使用本局分配的账号登录。',
  username: '用户名',
  password: '密码',
  submit: '登录',
  submitting: '正在登录…',
  missing: '请输入用户名和密码。',
  wrongCredentials: '用户名或密码错误。',
  tooMany: (seconds: number | null) => (seconds != null ? `尝试次数过多，请 ${seconds} 秒后再试。` : '尝试次数过多，请稍后再试。'),
  publicLink: '公众查询项目审批进度',
  signedInAs: '当前用户',
  logout: '退出',
  loggingOut: '正在退出…',
} as const;
