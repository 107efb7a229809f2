/**
 * Words for builders (建设单位). National developers are real brands with invented Wuhan
 * subsidiaries; local developers and factories are invented from auspicious name characters.
 */
import type { BuilderRole } from './project-kinds.ts';
import type { Registry } from './credit-code.ts';

export interface BrandSpec {
  brand: string;
  /** What estate names start with: 华润置地 builds 华润…, not 华润置地…. */
  short: string;
  /** Company name patterns; {x} is filled with a SUBSIDIARY_WORDS entry. */
  companies: readonly string[];
  weight: number;
  extraRoles?: readonly BuilderRole[];
}

export const BRANDS: readonly BrandSpec[] = [
  { brand: '福星惠誉', short: '福星惠誉', weight: 5, companies: ['武汉福星惠誉置业有限公司', '武汉福星惠誉房地产有限公司', '武汉福星惠誉{x}置业有限公司'] },
  { brand: '万科', short: '万科', weight: 6, companies: ['武汉万科房地产有限公司', '武汉万科{x}房地产有限公司', '武汉市万科{x}置业有限公司'] },
  { brand: '保利', short: '保利', weight: 5, companies: ['保利(武汉)房地产开发有限公司', '武汉保利{x}房地产开发有限公司'] },
  { brand: '绿地', short: '绿地', weight: 3, companies: ['武汉绿地滨江置业有限公司', '武汉绿地{x}置业有限公司'] },
  { brand: '招商', short: '招商', weight: 3, companies: ['武汉招商{x}房地产有限公司'] },
  { brand: '金地', short: '金地', weight: 3, companies: ['武汉金地{x}房地产开发有限公司'] },
  { brand: '融创', short: '融创', weight: 3, companies: ['武汉融创{x}置业有限公司'] },
  { brand: '华润置地', short: '华润', weight: 3, companies: ['华润置地(武汉)有限公司', '武汉华润置地{x}有限公司'] },
  { brand: '碧桂园', short: '碧桂园', weight: 3, companies: ['武汉碧桂园{x}房地产开发有限公司'] },
  { brand: '新城', short: '新城', weight: 2, companies: ['武汉新城{x}房地产开发有限公司'] },
  { brand: '中建三局', short: '中建', weight: 3, companies: ['中建三局集团有限公司', '中建三局{x}投资发展有限公司'], extraRoles: ['resettlement'] },
  { brand: '武汉地产集团', short: '武汉地产', weight: 2, companies: ['武汉地产开发投资集团有限公司', '武汉地产集团{x}置业有限公司'], extraRoles: ['resettlement'] },
  { brand: '龙湖', short: '龙湖', weight: 2, companies: ['武汉龙湖{x}置业有限公司'] },
  { brand: '中海', short: '中海', weight: 2, companies: ['武汉中海{x}房地产有限公司'] },
  { brand: '联投', short: '联投', weight: 2, companies: ['湖北联投{x}置业有限公司'] },
  { brand: '城建', short: '城建', weight: 2, companies: ['武汉城建{x}房地产开发有限公司'], extraRoles: ['resettlement'] },
  { brand: '越秀', short: '越秀', weight: 1, companies: ['武汉越秀{x}房地产开发有限公司'] },
  { brand: '世茂', short: '世茂', weight: 1, companies: ['武汉世茂{x}置业有限公司'] },
  { brand: '当代', short: '当代', weight: 1, companies: ['武汉当代{x}房地产开发有限公司'] },
  { brand: '卓尔', short: '卓尔', weight: 1, companies: ['武汉卓尔{x}置业有限公司'] },
  { brand: '南国置业', short: '南国', weight: 1, companies: ['武汉南国{x}置业有限公司'] },
  { brand: '天纵', short: '天纵', weight: 1, companies: ['武汉天纵{x}房地产开发有限公司'] },
  { brand: '百步亭', short: '百步亭', weight: 1, companies: ['武汉市百步亭{x}房地产开发有限公司'] },
  { brand: '复地', short: '复地', weight: 1, companies: ['武汉复地{x}房地产开发有限公司'] },
  { brand: '金科', short: '金科', weight: 1, companies: ['武汉金科{x}房地产开发有限公司'] },
  { brand: '美的', short: '美的', weight: 1, companies: ['武汉美的{x}房地产发展有限公司'] },
  { brand: '奥山', short: '奥山', weight: 1, companies: ['武汉奥山{x}置业有限公司'] },
  { brand: '旭辉', short: '旭辉', weight: 1, companies: ['武汉旭辉{x}置业有限公司'] },
];

export const SUBSIDIARY_WORDS = [
  '润城', '江城', '汉江', '东湖', '锦程', '恒信', '嘉园', '盛世', '誉城', '光谷', '江南', '汉口', '滨江', '南湖', '新城',
  '华府', '景园', '长江', '楚天', '鼎盛', '汇金', '宏图', '君悦', '晴川', '鑫源', '泽润', '博雅', '华庭', '江岸', '琴台',
];

/** Two-character trade names for invented local developers and factories. */
export const LOCAL_TRADE_NAMES = [
  '宏泰', '恒远', '嘉和', '鼎盛', '瑞祥', '汇隆', '昌兴', '锦丰', '康源', '达信', '德富', '荣华', '泰和', '金盛', '鸿发',
  '天元', '中南', '华中', '楚商', '江腾', '汉泰', '大江', '东方', '光明', '卓越', '伟鹏', '和昌', '盘龙', '百瑞', '新港',
  '长盛', '永信', '福源', '安居', '同济', '华耀', '腾达', '信和', '众邦', '远洋', '天阳', '锦华', '中诚', '海昌', '凯德',
];

export const LOCAL_DEVELOPER_SUFFIXES = ['房地产开发有限公司', '置业有限公司', '房地产有限公司', '实业投资有限公司'];

export const INDUSTRIES = [
  '光电科技', '汽车零部件', '生物医药', '电子信息', '精密机械', '食品', '新材料', '智能装备', '物流', '包装印刷',
  '环保科技', '光纤通信', '医疗器械', '钢结构', '激光设备', '集成电路', '生物科技', '生物技术',
];

/** City-level bodies that build the city's public works. */
export interface InstitutionSpec { name: string; brand: string; roles: readonly BuilderRole[]; registry: Registry }

export const CITY_INSTITUTIONS: readonly InstitutionSpec[] = [
  { name: '武汉市城市建设投资开发集团有限公司', brand: '武汉城投', roles: ['city-investor', 'resettlement'], registry: '91' },
  { name: '武汉地铁集团有限公司', brand: '武汉地铁', roles: ['metro'], registry: '91' },
  { name: '武汉市水务集团有限公司', brand: '武汉水务', roles: ['water'], registry: '91' },
  { name: '国网湖北省电力有限公司武汉供电公司', brand: '武汉供电', roles: ['power'], registry: '91' },
  { name: '武汉市园林和林业局', brand: '市园林局', roles: ['parks'], registry: '11' },
  { name: '武汉市土地整理储备中心', brand: '市土地储备中心', roles: ['land-reserve'], registry: '12' },
  { name: '武汉市测绘研究院', brand: '市测绘院', roles: ['survey'], registry: '12' },
  { name: '武汉市市政建设集团有限公司', brand: '武汉市政', roles: ['city-investor'], registry: '91' },
  { name: '武汉市统建城市开发有限责任公司', brand: '武汉统建', roles: ['resettlement'], registry: '91' },
];

/** District bodies, one of each per district; `{p}` is the district's official prefix. */
export const DISTRICT_INSTITUTIONS: readonly InstitutionSpec[] = [
  { name: '{p}教育局', brand: '{s}教育局', roles: ['education'], registry: '11' },
  { name: '{p}卫生健康局', brand: '{s}卫健局', roles: ['health'], registry: '11' },
  { name: '武汉市{s}城市建设投资开发有限公司', brand: '{s}城投', roles: ['district-investor', 'resettlement'], registry: '91' },
  { name: '武汉市土地整理储备中心{s}分中心', brand: '{s}储备分中心', roles: ['land-reserve'], registry: '12' },
];
