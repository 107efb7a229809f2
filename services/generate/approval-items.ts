/**
 * Business items (业务项) and their steps, as data. The steps and stages are those of the seed's
 * 设计方案审核 table; each item uses the subset that makes sense for it, in that order.
 */
import type { ItemChain } from './project-kinds.ts';

/** Who performs a step; approval-factory.ts resolves it to an office name for each project. */
export type StepOffice = 'window' | 'lead' | 'municipal' | 'info' | 'survey-institute' | 'fire' | 'civil-defense' | 'power';

export interface StepDef {
  stage: string;
  /** Time limit in working days. */
  limitDays: number;
  office: StepOffice;
  /** Steps sharing a group run at the same time (the external co-reviews). */
  parallelGroup?: string;
  /** Publicity lasts exactly its period; it cannot finish early. */
  fixed?: boolean;
}

export const STEP_DEFS: Readonly<Record<string, StepDef>> = {
  进件: { stage: '孵化', limitDays: 1, office: 'window' },
  交评: { stage: '孵化', limitDays: 5, office: 'municipal' },
  海绵城市: { stage: '孵化', limitDays: 5, office: 'municipal' },
  三维: { stage: '孵化', limitDays: 3, office: 'info' },
  受理: { stage: '技术审查', limitDays: 1, office: 'window' },
  方案会: { stage: '技术审查', limitDays: 10, office: 'lead' },
  签批: { stage: '技术审查', limitDays: 3, office: 'lead' },
  市政处协审: { stage: '技术审查', limitDays: 5, office: 'municipal' },
  方案批准: { stage: '技术审查', limitDays: 2, office: 'lead' },
  消防: { stage: '外部协审', limitDays: 10, office: 'fire', parallelGroup: 'external' },
  人防: { stage: '外部协审', limitDays: 7, office: 'civil-defense', parallelGroup: 'external' },
  供电: { stage: '外部协审', limitDays: 5, office: 'power', parallelGroup: 'external' },
  面积校核: { stage: '技术服务', limitDays: 5, office: 'survey-institute' },
  核位红线: { stage: '技术服务', limitDays: 3, office: 'survey-institute' },
  蓝图审签: { stage: '技术服务', limitDays: 3, office: 'lead' },
  公示: { stage: '公示', limitDays: 7, office: 'lead', fixed: true },
  审批表签批: { stage: '工程许可', limitDays: 2, office: 'lead' },
  缴费: { stage: '工程许可', limitDays: 5, office: 'window' },
  发证: { stage: '工程许可', limitDays: 1, office: 'window' },
};

/** Which office leads an item: planning items follow the project's rule (重大/一般/市政). */
export type ItemLead = 'planning' | 'municipal' | 'land-use' | 'farmland' | 'expropriation' | 'survey';

export interface ItemSpec {
  /** 业务类型, the business stage the seed's statistics group by. */
  businessType: string;
  steps: readonly string[];
  lead: ItemLead;
  /** Certificate number prefix, e.g. 武规选 → 武规选[2014]072号; null when no certificate is issued. */
  certificate: string | null;
}

const SITING = ['受理', '核位红线', '签批', '发证'];
const LAND_PERMIT = ['受理', '核位红线', '面积校核', '签批', '发证'];
const DESIGN = ['进件', '交评', '海绵城市', '三维', '受理', '方案会', '签批', '方案批准', '公示'];
const MUNICIPAL_DESIGN = ['进件', '交评', '海绵城市', '三维', '受理', '方案会', '签批', '市政处协审', '方案批准', '公示'];
const WORKS_PERMIT = ['受理', '消防', '人防', '供电', '面积校核', '核位红线', '蓝图审签', '审批表签批', '缴费', '发证'];
const VERIFY = ['受理', '面积校核', '核位红线', '签批', '发证'];

export const ITEM_SPECS: Readonly<Record<string, ItemSpec>> = {
  重大项目选址: { businessType: '选址用地类', steps: SITING, lead: 'planning', certificate: '武规选' },
  建设选址意见书: { businessType: '选址用地类', steps: SITING, lead: 'planning', certificate: '武规选' },
  '建设选址意见书（市政）': { businessType: '选址用地类', steps: SITING, lead: 'municipal', certificate: '武规选' },
  规划设计条件: { businessType: '选址用地类', steps: SITING, lead: 'planning', certificate: null },
  建设用地规划许可: { businessType: '选址用地类', steps: LAND_PERMIT, lead: 'planning', certificate: '武规地' },
  '建设用地规划许可（市政）': { businessType: '选址用地类', steps: LAND_PERMIT, lead: 'municipal', certificate: '武规地' },
  规划方案预审: { businessType: '规划方案', steps: ['进件', '受理', '方案会', '签批'], lead: 'planning', certificate: null },
  规划设计方案审查: { businessType: '规划方案', steps: DESIGN, lead: 'planning', certificate: null },
  '规划设计方案审查（市政）': { businessType: '规划方案', steps: MUNICIPAL_DESIGN, lead: 'municipal', certificate: null },
  建设工程规划许可证: { businessType: '规划方案', steps: WORKS_PERMIT, lead: 'planning', certificate: '武规建' },
  '建设工程规划许可证（市政）': { businessType: '规划方案', steps: WORKS_PERMIT, lead: 'municipal', certificate: '武规建' },
  规划调整审批: { businessType: '规划方案', steps: ['受理', '方案会', '公示', '签批', '发证'], lead: 'planning', certificate: null },
  规划条件核实: { businessType: '条件核实', steps: VERIFY, lead: 'planning', certificate: '武规验' },
  土地储备要点: { businessType: '选址用地类', steps: SITING, lead: 'land-use', certificate: null },
  新增建设用地报批: { businessType: '建设用地报批', steps: ['受理', '面积校核', '签批', '发证'], lead: 'farmland', certificate: null },
  征收土地公告: { businessType: '土地征收', steps: ['受理', '签批', '公示'], lead: 'expropriation', certificate: null },
  征收土地补偿安置方案公告: { businessType: '土地征收', steps: ['受理', '公示', '签批'], lead: 'expropriation', certificate: null },
  征收完毕确认: { businessType: '土地征收', steps: ['受理', '签批'], lead: 'expropriation', certificate: null },
  国有建设用地供应审批: { businessType: '土地供应', steps: ['受理', '签批', '公示', '发证'], lead: 'land-use', certificate: null },
  测绘登记: { businessType: '基础测绘', steps: ['受理', '签批', '发证'], lead: 'survey', certificate: null },
  基础测绘成果使用审批: { businessType: '基础测绘', steps: ['受理', '签批', '发证'], lead: 'survey', certificate: null },
  地图编制审批: { businessType: '地图编制', steps: ['受理', '三维', '签批', '发证'], lead: 'survey', certificate: null },
};

/** The items a project runs through, in order, before optional extras are spliced in. */
export const ITEM_CHAINS: Readonly<Record<ItemChain, readonly string[]>> = {
  building: ['规划设计条件', '建设用地规划许可', '规划设计方案审查', '建设工程规划许可证', '规划条件核实'],
  'allocated-building': ['建设选址意见书', '建设用地规划许可', '规划设计方案审查', '建设工程规划许可证', '规划条件核实'],
  municipal: ['建设选址意见书（市政）', '建设用地规划许可（市政）', '规划设计方案审查（市政）', '建设工程规划许可证（市政）', '规划条件核实'],
  land: ['土地储备要点', '新增建设用地报批', '征收土地公告', '征收土地补偿安置方案公告', '征收完毕确认', '国有建设用地供应审批'],
  survey: ['测绘登记', '基础测绘成果使用审批', '地图编制审批'],
};

/** Fixed offices for the items that are not planning items. */
export const FIXED_LEADS: Readonly<Record<Exclude<ItemLead, 'planning' | 'municipal'>, string>> = {
  'land-use': '土地利用处',
  farmland: '耕地保护处',
  expropriation: '征地事务中心',
  survey: '测绘管理处',
};

export const EXTERNAL_OFFICES: Readonly<Record<'info' | 'survey-institute' | 'fire' | 'civil-defense' | 'power' | 'municipal', string>> = {
  info: '信息中心',
  'survey-institute': '武汉市测绘研究院',
  fire: '市消防支队',
  'civil-defense': '市人防办',
  power: '市供电公司',
  municipal: '市政处',
};

/** Districts whose allocated and non-cross-district municipal cases the 中心城区分局 window takes. */
export const CENTRAL_DISTRICTS: ReadonlySet<string> = new Set(['江岸', '江汉', '硚口', '汉阳', '武昌', '青山', '洪山']);
