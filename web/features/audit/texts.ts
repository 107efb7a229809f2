/** Every word of 审计日志, in one place for review. */
export const AUDIT_TEXTS = {
  pageTitle: '审计日志',
  intro: '谁在何时做了什么：登录、查阅来信人个人信息、导入、关联审核等，新的在前。',
  filters: '筛选',
  actor: '操作人（用户名）',
  action: '操作',
  resourceType: '资源类型',
  from: '起始日期',
  to: '截止日期',
  apply: '筛选',
  clear: '清除条件',
  csv: '导出 CSV（按当前条件，全部记录）',
  columns: { at: '时间（UTC）', actor: '操作人', action: '操作', resource: '资源', detail: '详情' },
  empty: '没有符合条件的记录。',
  newest: '最新一页',
  older: '更早的记录',
  none: '—',
} as const;
