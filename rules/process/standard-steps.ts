/**
 * 标准环节: each business item's standard step sequence, the bureau's rule that conformance is
 * judged against (流程分析). A step that joined an item later carries the day it took effect, so
 * older cases are judged by the sequence of their own day: the 海绵城市 review joined the design
 * reviews with Wuhan's sponge-city pilot (2015), and a 2014 case without it is conforming.
 * Steps that share a `group` run side by side (the external co-reviews 消防, 人防 and 供电 start
 * together), so their order among themselves is no deviation.
 */

export interface StandardStep {
  name: string;
  /** Steps with the same group run at the same time; the next step waits for all of them. */
  group?: string;
  /** First day (Beijing date, the case's 收件日) on which the step belongs to the item. */
  since?: string;
}

export interface StandardSequence {
  item: string;
  steps: readonly StandardStep[];
  basis: string;
}

/** Steps the office head signs: the 三传件 rule (经办人 → 处(科)室负责人 → 首席代表) applies to them. */
export const SIGN_OFF_STEPS: ReadonlySet<string> = new Set(['签批', '方案批准', '审批表签批']);

const SPONGE_CITY_SINCE = '2015-01-01';
const RULE_BOOK = '《武汉市国土资源和规划局业务规则库》业务流程规则';

const s = (name: string, extra: Omit<StandardStep, 'name'> = {}): StandardStep => ({ name, ...extra });
const seq = (...names: string[]): StandardStep[] => names.map((n) => s(n));

const SITING = seq('受理', '核位红线', '签批', '发证');
const LAND_PERMIT = seq('受理', '核位红线', '面积校核', '签批', '发证');
const DESIGN = [
  ...seq('进件', '交评'), s('海绵城市', { since: SPONGE_CITY_SINCE }), ...seq('三维', '受理', '方案会', '签批', '方案批准', '公示'),
];
const MUNICIPAL_DESIGN = [
  ...seq('进件', '交评'), s('海绵城市', { since: SPONGE_CITY_SINCE }), ...seq('三维', '受理', '方案会', '签批', '市政处协审', '方案批准', '公示'),
];
const WORKS_PERMIT = [
  s('受理'), s('消防', { group: '外部协审' }), s('人防', { group: '外部协审' }), s('供电', { group: '外部协审' }),
  ...seq('面积校核', '核位红线', '蓝图审签', '审批表签批', '缴费', '发证'),
];
const VERIFY = seq('受理', '面积校核', '核位红线', '签批', '发证');

const SEQUENCES: Readonly<Record<string, readonly StandardStep[]>> = {
  重大项目选址: SITING,
  建设选址意见书: SITING,
  '建设选址意见书（市政）': SITING,
  规划设计条件: SITING,
  建设用地规划许可: LAND_PERMIT,
  '建设用地规划许可（市政）': LAND_PERMIT,
  规划方案预审: seq('进件', '受理', '方案会', '签批'),
  规划设计方案审查: DESIGN,
  '规划设计方案审查（市政）': MUNICIPAL_DESIGN,
  建设工程规划许可证: WORKS_PERMIT,
  '建设工程规划许可证（市政）': WORKS_PERMIT,
  规划调整审批: seq('受理', '方案会', '公示', '签批', '发证'),
  规划条件核实: VERIFY,
  土地储备要点: SITING,
  新增建设用地报批: seq('受理', '面积校核', '签批', '发证'),
  征收土地公告: seq('受理', '签批', '公示'),
  征收土地补偿安置方案公告: seq('受理', '公示', '签批'),
  征收完毕确认: seq('受理', '签批'),
  国有建设用地供应审批: seq('受理', '签批', '公示', '发证'),
  测绘登记: seq('受理', '签批', '发证'),
  基础测绘成果使用审批: seq('受理', '签批', '发证'),
  地图编制审批: seq('受理', '三维', '签批', '发证'),
};

/** Every item with a standard sequence, in the order above. */
export const STANDARD_ITEMS: readonly string[] = Object.keys(SEQUENCES);

/** The item's whole standard (every step that ever belonged to it), or null for an item the rules do not know. */
export function standardSequence(item: string): StandardSequence | null {
  const steps = SEQUENCES[item];
  return steps ? { item, steps, basis: RULE_BOOK } : null;
}

/** The standard steps of `item` for a case received on `day` (YYYY-MM-DD, Beijing), or null for an unknown item. */
export function standardStepsOn(item: string, day: string): StandardStep[] | null {
  const steps = SEQUENCES[item];
  return steps ? steps.filter((st) => st.since === undefined || day >= st.since) : null;
}
