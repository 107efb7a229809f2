/**
 * The kinds of project the demo city builds, as data: how common each is, its number's business
 * type, land use (GB 50137 codes), scale, who builds it, which approval chain it runs through,
 * and how often citizens write about it.
 */
import type { ProjectType } from '../projects/project-no.ts';

export type ProjectKind =
  | 'residential' | 'resettlement' | 'commercial' | 'school' | 'hospital' | 'community' | 'industrial'
  | 'road' | 'bridge' | 'metro' | 'pipeline' | 'substation' | 'park'
  | 'land-reserve' | 'survey';

/** Who can be the builder (建设单位) of a kind of project; builder-pool.ts fills each role. */
export type BuilderRole =
  | 'developer' | 'industrial' | 'resettlement' | 'education' | 'health' | 'district-investor'
  | 'city-investor' | 'metro' | 'water' | 'power' | 'parks' | 'land-reserve' | 'survey';

/** Which sequence of business items (业务项) a project goes through (approval-items.ts). */
export type ItemChain = 'building' | 'allocated-building' | 'municipal' | 'land' | 'survey';

/** What citizens complain about (petition-vocabulary.ts). */
export type ComplaintKey =
  | 'noise' | 'night-work' | 'sunlight' | 'green-space' | 'road-plan' | 'compensation'
  | 'illegal-building' | 'publicity' | 'dust' | 'facilities' | 'siting' | 'pollution' | 'traffic';

export interface KindSpec {
  weight: number;
  projectType: ProjectType;
  landUses: readonly (readonly [string, number])[];
  /** Building or land area, m². */
  scale: readonly [number, number];
  builders: readonly (readonly [BuilderRole, number])[];
  chain: ItemChain;
  /** Mean petitions per project. */
  petitionMean: number;
  complaints: readonly ComplaintKey[];
  /** Share of projects the bureau treats as 重大项目 (handled by 行政审批处, discussed at 局务会). */
  majorShare: number;
}

export const KIND_SPECS: Readonly<Record<ProjectKind, KindSpec>> = {
  residential: {
    weight: 30, projectType: '房屋建筑', landUses: [['R2 二类居住用地', 9], ['R1 一类居住用地', 1]], scale: [30_000, 420_000],
    builders: [['developer', 1]], chain: 'building', petitionMean: 2.3,
    complaints: ['noise', 'night-work', 'sunlight', 'green-space', 'publicity', 'dust', 'facilities', 'illegal-building'], majorShare: 0.08,
  },
  resettlement: {
    weight: 6, projectType: '房屋建筑', landUses: [['R2 二类居住用地', 1]], scale: [40_000, 300_000],
    builders: [['resettlement', 3], ['district-investor', 2], ['developer', 1]], chain: 'allocated-building', petitionMean: 2.2,
    complaints: ['compensation', 'noise', 'facilities', 'publicity', 'night-work'], majorShare: 0.1,
  },
  commercial: {
    weight: 8, projectType: '房屋建筑', landUses: [['B1 商业用地', 3], ['B2 商务用地', 2]], scale: [20_000, 260_000],
    builders: [['developer', 1]], chain: 'building', petitionMean: 1.4,
    complaints: ['noise', 'night-work', 'sunlight', 'traffic', 'dust', 'publicity'], majorShare: 0.12,
  },
  school: {
    weight: 6, projectType: '房屋建筑', landUses: [['A33 中小学用地', 4], ['R22 服务设施用地', 1]], scale: [6_000, 45_000],
    builders: [['education', 1]], chain: 'allocated-building', petitionMean: 0.8,
    complaints: ['siting', 'traffic', 'noise'], majorShare: 0.02,
  },
  hospital: {
    weight: 2, projectType: '房屋建筑', landUses: [['A51 医院用地', 3], ['A5 医疗卫生用地', 1]], scale: [8_000, 160_000],
    builders: [['health', 1]], chain: 'allocated-building', petitionMean: 0.8,
    complaints: ['siting', 'traffic', 'noise'], majorShare: 0.2,
  },
  community: {
    weight: 3, projectType: '房屋建筑', landUses: [['R22 服务设施用地', 2], ['A2 文化设施用地', 1], ['A1 行政办公用地', 1]], scale: [2_000, 20_000],
    builders: [['district-investor', 1]], chain: 'allocated-building', petitionMean: 0.5,
    complaints: ['siting', 'noise', 'traffic'], majorShare: 0,
  },
  industrial: {
    weight: 8, projectType: '房屋建筑', landUses: [['M1 一类工业用地', 5], ['M2 二类工业用地', 2], ['W1 一类物流仓储用地', 1]], scale: [10_000, 320_000],
    builders: [['industrial', 1]], chain: 'building', petitionMean: 0.7,
    complaints: ['pollution', 'noise', 'night-work', 'dust'], majorShare: 0.1,
  },
  road: {
    weight: 10, projectType: '市政交通', landUses: [['S1 城市道路用地', 1]], scale: [15_000, 320_000],
    builders: [['city-investor', 3], ['district-investor', 3]], chain: 'municipal', petitionMean: 1.7,
    complaints: ['road-plan', 'night-work', 'noise', 'compensation', 'traffic', 'dust'], majorShare: 0.15,
  },
  bridge: {
    weight: 2, projectType: '市政交通', landUses: [['S1 城市道路用地', 1]], scale: [8_000, 90_000],
    builders: [['city-investor', 1]], chain: 'municipal', petitionMean: 1.2,
    complaints: ['road-plan', 'night-work', 'noise', 'compensation'], majorShare: 0.5,
  },
  metro: {
    weight: 3, projectType: '市政交通', landUses: [['S2 城市轨道交通用地', 1]], scale: [9_000, 45_000],
    builders: [['metro', 1]], chain: 'municipal', petitionMean: 1.6,
    complaints: ['night-work', 'noise', 'traffic', 'road-plan', 'dust'], majorShare: 0.6,
  },
  pipeline: {
    weight: 6, projectType: '市政交通', landUses: [['U 公用设施用地', 2], ['U21 排水用地', 2], ['U11 供水用地', 1]], scale: [4_000, 120_000],
    builders: [['water', 2], ['city-investor', 1], ['district-investor', 2]], chain: 'municipal', petitionMean: 1,
    complaints: ['night-work', 'noise', 'traffic', 'pollution'], majorShare: 0.05,
  },
  substation: {
    weight: 2, projectType: '市政交通', landUses: [['U12 供电用地', 1]], scale: [2_500, 18_000],
    builders: [['power', 1]], chain: 'municipal', petitionMean: 1.1,
    complaints: ['siting', 'noise', 'publicity'], majorShare: 0.05,
  },
  park: {
    weight: 4, projectType: '市政交通', landUses: [['G1 公园绿地', 1]], scale: [40_000, 900_000],
    builders: [['parks', 2], ['district-investor', 2], ['city-investor', 1]], chain: 'municipal', petitionMean: 0.9,
    complaints: ['green-space', 'facilities', 'noise'], majorShare: 0.1,
  },
  'land-reserve': {
    weight: 7, projectType: '土地储备', landUses: [['R2 二类居住用地', 4], ['B1 商业用地', 2], ['M1 一类工业用地', 1], ['G1 公园绿地', 1]], scale: [20_000, 600_000],
    builders: [['land-reserve', 1]], chain: 'land', petitionMean: 1.5,
    complaints: ['compensation', 'illegal-building', 'publicity'], majorShare: 0.1,
  },
  survey: {
    weight: 3, projectType: '测绘地信', landUses: [], scale: [500_000, 40_000_000],
    builders: [['survey', 1]], chain: 'survey', petitionMean: 0, complaints: [], majorShare: 0,
  },
};

export const PROJECT_KINDS = Object.keys(KIND_SPECS) as ProjectKind[];

/** Kinds whose builder is a company selling homes (their names carry the builder's brand). */
export function isEstate(kind: ProjectKind): boolean {
  return kind === 'residential' || kind === 'commercial';
}

export function isMunicipal(kind: ProjectKind): boolean {
  return KIND_SPECS[kind].chain === 'municipal';
}
