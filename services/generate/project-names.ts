/**
 * Project names as the bureau files them ("福星惠誉东南岸小区二期"), and the loose names citizens
 * use for the same place ("福星东南岸", "东南岸那个工地"), which petitions draw from.
 */
import type { Rng } from './rng.ts';
import { METRO_LINES, WATERWAYS } from './wuhan-places.ts';
import { chineseNumber } from './calendar.ts';
import { brandNickname, districtLabel, districtPrefix } from './naming-context.ts';
import type { NameContext, ProjectNaming } from './naming-context.ts';
import { PHASES, PLOT_PARTS, estateName } from './estate-names.ts';

export { districtLabel };
export type { NameContext, ProjectNaming };

const COMMERCIAL_SUFFIXES = ['中心', '广场', '国际广场', '天地', '大厦', '商业中心', '金融中心', '总部基地'];
const SCHOOL_KINDS = ['小学', '小学', '初级中学', '九年一贯制学校', '幼儿园'];
const ROAD_SUFFIXES = ['一路', '二路', '三路', '大道', '东路', '西路', '南路', '北路', '中路'];

function roadName(c: NameContext, rng: Rng): ProjectNaming {
  const [a, b] = c.roads;
  if (rng.chance(0.6)) {
    const road = `${c.landmark}${rng.pick(ROAD_SUFFIXES)}`;
    return { name: `${road}(${a}-${b})道路工程`, looseNames: [road, `${road}工程`, `${a}到${b}那段新路`] };
  }
  const kind = rng.pick(['改造工程', '快速化改造工程', '综合整治工程', '拓宽改造工程']);
  return { name: `${a}(${b}至${c.landmark}段)${kind}`, looseNames: [a, `${a}改造工程`, `${a}${b}路口`] };
}

function metroName(c: NameContext, rng: Rng): ProjectNaming {
  const line = rng.pick(METRO_LINES);
  const station = rng.chance(0.6) ? c.landmark : c.roads[0];
  const lineLabel = line === '阳逻' ? '阳逻线' : `${line}号线`;
  return {
    name: `武汉市轨道交通${lineLabel}${station}站`,
    looseNames: [`地铁${lineLabel}${station}站`, `${station}地铁站`, `${lineLabel}${station}站`, `${c.roads[0]}上的地铁站`],
  };
}

function pipelineName(c: NameContext, rng: Rng): ProjectNaming {
  const roll = rng.next();
  if (roll < 0.35) {
    return { name: `${c.landmark}片区雨污分流改造工程`, looseNames: [`${c.landmark}雨污分流工程`, `${c.street}管网改造工程`], landUse: 'U21 排水用地' };
  }
  if (roll < 0.6) return { name: `${c.roads[0]}综合管廊工程`, looseNames: [`${c.roads[0]}管廊`, `${c.roads[0]}综合管廊`], landUse: 'U 公用设施用地' };
  if (roll < 0.8) {
    const works = rng.pick(['扩建', '提标改造', '新建']);
    return { name: `${c.landmark}污水处理厂${works}工程`, looseNames: [`${c.landmark}污水处理厂`, `${c.landmark}污水厂`], landUse: 'U21 排水用地' };
  }
  return { name: `${c.roads[0]}给水管网改造工程`, looseNames: [`${c.roads[0]}水管改造工程`, `${c.roads[0]}自来水管改造`], landUse: 'U11 供水用地' };
}

/** 还建房 for people whose homes made way, and 公租房 / 保障房 the district rents or sells cheaply. */
function affordableHousingName(c: NameContext, rng: Rng): ProjectNaming {
  const lm = c.landmark;
  const roll = rng.next();
  if (roll < 0.25) {
    const where = c.district.short === '东湖' && rng.chance(0.5) ? '光谷' : lm;
    const phase = rng.pick(['', '一期', '二期', '二期', '三期']);
    return { name: `${where}公共租赁住房${phase}${rng.pick(['', '项目', '工程'])}`, looseNames: [`${where}公租房`, `${where}公租房小区`, `${lm}的公租房`] };
  }
  if (roll < 0.35) {
    return { name: `${districtLabel(c.district)}${lm}保障性住房${rng.pick(['项目', '建设项目'])}`, looseNames: [`${lm}保障房`, `${lm}保障房小区`] };
  }
  const name = roll < 0.65
    ? `${lm}村城中村改造还建房项目`
    : `${lm}${rng.pick(['K1', 'K2', 'K3', 'P1', 'P2'])}地块还建房项目${rng.pick(['', '', '一期', '二期'])}`;
  return { name, looseNames: [`${lm}还建房`, `${lm}村还建小区`, `${lm}还建楼`] };
}

/** Names for the remaining kinds, which need no sub-choices worth a function of their own. */
export function nameProject(c: NameContext, rng: Rng): ProjectNaming {
  const { landmark: lm, district: d, street, roads } = c;
  switch (c.kind) {
    case 'residential':
      return estateName(c, rng);
    case 'resettlement':
      return affordableHousingName(c, rng);
    case 'commercial': {
      const suffix = rng.pick(COMMERCIAL_SUFFIXES);
      if (rng.chance(0.25)) {
        // A complex filed plot by plot, each part its own project: 王家墩中心K2（地下空间）.
        const complex = `${lm}${rng.pick(['城', '中心', '天地', '广场'])}`;
        const part = rng.pick(PLOT_PARTS);
        return { name: `${districtPrefix(d, lm)}${complex}${rng.pick(['K1', 'K2', 'K3', 'K5', 'A1', 'B2'])}（${part}）`, looseNames: [complex, `${complex}${part}`, `${complex}项目`] };
      }
      return { name: `${c.builder.brand}${lm}${suffix}`, looseNames: [`${lm}${suffix}`, `${brandNickname(c.builder.brand)}${suffix}`, `${lm}${suffix}项目`] };
    }
    case 'school': {
      const school = rng.pick(SCHOOL_KINDS);
      const name = rng.chance(0.25)
        ? `武汉市第${chineseNumber(rng.int(1, 99))}中学${lm}校区新建工程`
        : `${lm}${school}${rng.pick(['新建工程', '改扩建工程', '新建项目'])}`;
      return { name, looseNames: [`${lm}${school}`, `新建的${lm}${school}`, `${lm}新学校`] };
    }
    case 'hospital': {
      const roll = rng.next();
      if (roll < 0.35) {
        const hospital = `${districtLabel(d)}人民医院`;
        return { name: `${hospital}${rng.pick(['新院区', '门诊综合楼', '住院楼扩建工程', '医技楼'])}`, looseNames: [hospital, `${d.short}人民医院新院`, `${lm}医院`] };
      }
      if (roll < 0.6) {
        const kind = rng.chance(0.75) ? '妇幼保健院' : '中医医院';
        const hospital = `${districtLabel(d)}${kind}`;
        return { name: `${hospital}${rng.pick(['新建工程', '新建工程', '门诊综合楼建设项目', '改扩建工程'])}`, looseNames: [hospital, `${d.short}${kind}`, `${lm}那边的医院`] };
      }
      return { name: `${street}社区卫生服务中心新建工程`, looseNames: [`${street}卫生服务中心`, `${street}卫生院`, `${lm}社区医院`] };
    }
    case 'community': {
      const what = rng.pick(['社区服务中心', '派出所业务用房', '文化活动中心', '社区党群服务中心', '养老服务中心']);
      return { name: `${rng.chance(0.5) ? street : lm}${what}`, looseNames: [`${lm}${what}`, `${street}${what}`] };
    }
    case 'industrial': {
      const industry = c.builder.industry ?? '科技';
      const roll = rng.next();
      const name = roll < 0.5
        ? `${c.builder.brand}${industry}${rng.pick(['产业园', '生产基地', '研发中心'])}${rng.pick(['', '一期', '二期'])}`
        : roll < 0.75
          ? `${c.builder.brand}${industry}厂房扩建项目`
          // Filed under the plot, so only the builder says whose it is.
          : `${lm}${rng.pick(['', 'A1地块', 'B2地块', 'C3地块', 'K1地块'])}研发楼${rng.pick(['项目', '建设项目', '新建工程'])}`;
      return { name, looseNames: [`${c.builder.brand}的厂`, `${c.builder.brand}${industry}厂`, `${c.builder.brand}工厂`] };
    }
    case 'road':
      return roadName(c, rng);
    case 'bridge': {
      const name = rng.chance(0.5) ? `${roads[0]}跨${rng.pick(WATERWAYS)}桥梁工程` : `${roads[0]}与${roads[1]}互通立交工程`;
      return { name, looseNames: [`${roads[0]}那座桥`, `${lm}立交`, `${roads[0]}${roads[1]}立交桥`] };
    }
    case 'metro':
      return metroName(c, rng);
    case 'pipeline':
      return pipelineName(c, rng);
    case 'substation': {
      const kv = rng.pick(['110', '110', '220']);
      return { name: `${lm}${kv}千伏输变电工程`, looseNames: [`${lm}变电站`, `${street}变电站`, `${lm}高压电站`] };
    }
    case 'park': {
      const roll = rng.next();
      const name = roll < 0.2 ? `${d.short === '东湖' ? '光谷' : d.short}体育公园` : roll < 0.5 ? `${lm}湿地公园` : roll < 0.7 ? `${lm}绿道${rng.pick(PHASES)}` : `${lm}公园`;
      return { name, looseNames: [name.replace(/[一二三四]期$/, ''), `${lm}公园`, `${lm}那块绿地`] };
    }
    case 'land-reserve': {
      const name = rng.chance(0.5)
        ? `${districtLabel(d)}${lm}片${rng.pick(['A', 'B', 'C', 'D', 'K', 'P'])}${rng.int(1, 30)}地块土地储备项目`
        : `${lm}村${rng.pick(['土地征收储备项目', '城中村改造土地储备项目', '集体土地征收项目'])}`;
      return { name, looseNames: [`${lm}村`, `${lm}村征地项目`, `${lm}那块地`] };
    }
    case 'survey': {
      const roll = rng.next();
      const name = roll < 0.3 ? `${districtLabel(d)}1:500数字地形图更新测绘项目`
        : roll < 0.6 ? `${lm}片区地下管线普查项目`
        : roll < 0.8 ? `${c.year}年度${districtLabel(d)}基础测绘项目`
        : `${lm}片区三维实景建模项目`;
      return { name, looseNames: [] };
    }
  }
}
