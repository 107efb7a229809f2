/**
 * Housing estates as the bureau registers them and as they are sold. Many estates are filed
 * under a plot name ("洪山区黄家湖K3地块项目") and marketed under a sales name
 * ("福星惠誉·东湖城"), which is what officers and buyers say; the project record then carries
 * `estate_name` and, now and then, `aliases` (the 小区 name, an earlier sales name, the short
 * name people use).
 */
import type { Rng } from './rng.ts';
import type { NameContext, ProjectNaming } from './naming-context.ts';
import { brandNickname, districtPrefix } from './naming-context.ts';

export const ESTATE_CORES = [
  '东南岸', '城市花园', '金域华府', '翡翠公园', '江山如画', '御江台', '公园里', '星光天地', '水岸国际', '锦绣江南',
  '中央公馆', '时代天街', '滨江苑', '悦府', '壹号院', '云璟', '观澜府', '森林城', '春风里', '国际社区', '紫郡', '璟园',
  '天悦', '翰林府', '和府', '江悦', '书香门第', '蓝湾', '御府', '名都', '华庭', '花语城', '海棠湾', '未来城', '理想城',
];
/** Marketing names, which read differently from the names estates are filed under. */
const SALES_CORES = [
  '东湖城', '湖畔里', '心语', '城市之光', '香颂', '公园大道', '璞悦', '锦上', '时光里', '大都会', '江来', '朗园', '澜岸',
  '御澜湾', '国宾府', '玖悦府', '星河湾', '滨江府', '云锦', '一品', '天韵', '晴川府', '长江印', '山水间', '湖光里', '枫丹',
  '铂悦', '臻园', '九里', '云庐', '华章', '东湖印', '汉口府', '桃花源', '珑府', '熙岸', '知音府', '光谷来', '金茂府', '西岸',
];
/** What a landmark becomes in a sales name: 后湖 → 后湖印, 南湖 → 南湖里. */
const LANDMARK_SALES_SUFFIXES = ['湖畔里', '壹号', '印', '府', '湾', '公馆', '里', '云境', '春晓'];
export const LANDMARK_SUFFIXES = ['壹号', '印象', '春晓', '花园', '华府', '公馆', '新城', '名邸', '御园', '湾', '府', '天地', '半岛', '里'];
export const PHASES: readonly string[] = ['', '', '', '一期', '二期', '二期', '三期', '四期', 'A地块', 'B地块', 'K2地块', 'C包'];
const PLOTS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'P1', 'P2', 'A1', 'A2', 'B1', 'B3', 'C2', 'D1'];
/** Parts of a plot that are filed as their own project. */
export const PLOT_PARTS = ['地下空间', '住宅部分', '商业部分', '还建部分', '配套学校', '地下车库', '公寓部分'];
/** Share of estates marketed under a sales name of their own. */
const SALES_SHARE = 0.42;

/** How a sales name is written: 万科·湖畔里, 万科湖畔里, or the core alone. */
function styled(brand: string, core: string, rng: Rng): string {
  if (!brand) return core;
  const roll = rng.next();
  return roll < 0.6 ? `${brand}·${core}` : roll < 0.85 ? `${brand}${core}` : core;
}

/** A plot name of the kind estates are filed under before they have a sales name. */
function plotName(c: NameContext, rng: Rng): string {
  const plot = rng.pick(PLOTS);
  const roll = rng.next();
  if (roll < 0.4) return `${districtPrefix(c.district, c.landmark)}${c.landmark}${plot}地块${rng.pick(['项目', '住宅项目', ''])}`;
  if (roll < 0.6) return `${c.landmark}村城中村改造${plot}地块${rng.pick(['项目', '开发项目'])}`;
  if (roll < 0.8) return `${c.landmark}片${plot}地块${rng.pick(['一期', '二期', ''])}`;
  return `${districtPrefix(c.district, c.landmark)}${c.landmark}${plot}地块（${rng.pick(PLOT_PARTS.slice(0, 4))}）`;
}

export function estateName(c: NameContext, rng: Rng): ProjectNaming {
  const core = rng.chance(0.6) ? rng.pick(ESTATE_CORES) : `${c.landmark}${rng.pick(LANDMARK_SUFFIXES)}`;
  const brand = c.builder.roles.includes('developer') ? c.builder.brand : '';
  const withBrand = rng.chance(0.85) ? brand : '';
  const xiaoqu = rng.chance(0.25) ? '小区' : '';
  const phase = rng.pick(PHASES);
  const base = `${withBrand}${core}${xiaoqu}`;
  const loose = [base, core, `${core}小区`];
  if (brand) loose.push(`${brandNickname(brand)}${core}`, `${brand}的${core}`);
  if (!rng.chance(SALES_SHARE)) return { name: `${base}${phase}`, looseNames: loose };

  const salesCore = rng.chance(0.7) ? rng.pick(SALES_CORES) : `${c.landmark}${rng.pick(LANDMARK_SALES_SUFFIXES)}`;
  const estate = styled(brand, salesCore, rng);
  // Filed under its plot, or under the sales name itself with the phase.
  const name = rng.chance(0.6) ? plotName(c, rng) : `${brand}${salesCore}${phase}`;
  const aliases: string[] = [];
  if (rng.chance(0.35)) aliases.push(`${salesCore}小区`);
  if (rng.chance(0.25)) aliases.push(`${withBrand}${core}`);
  if (brand && rng.chance(0.2)) aliases.push(`${brandNickname(brand)}${salesCore}`);
  return {
    name,
    looseNames: [salesCore, `${salesCore}小区`, ...(brand ? [`${brandNickname(brand)}${salesCore}`] : [])],
    estateName: estate,
    ...(aliases.length > 0 ? { aliases: [...new Set(aliases)].filter((a) => a !== name && a !== estate) } : {}),
  };
}
