/** Every word of the 推荐资源 panel, in one place for review. */
import type { RecommendationGroup } from './recommend.types';

export const RECOMMEND_TEXTS = {
  title: '推荐资源',
  titleForApproval: '办件推荐',
  hint: '按与本项目的关系排序，每条附可核对的理由',
  empty: '暂无可推荐的资源',
  groups: {
    about: '本项目材料',
    builder: '建设单位信用',
    case: '相似案例',
    regulation: '适用法规',
    nearby: '同一地点',
  } satisfies Record<RecommendationGroup, string>,
  showAll: (n: number) => `展开全部 ${n} 条`,
  showFewer: '收起',
  caseOf: '所属项目',
  reasonsLabel: '推荐理由',
} as const;
