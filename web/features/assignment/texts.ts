/** The words of 分件推荐, in one place for review. */
export const ASSIGNMENT_TEXTS = {
  title: '分件推荐',
  hint: (office: string, similar: number) => `${office}承办人，按在办件数与办过的相似案件（${similar} 件）排序`,
  current: (handler: string) => `现承办人：${handler}`,
  none: '本处室暂无可推荐的承办人',
  score: (score: number) => `${score.toFixed(0)} 分`,
} as const;
