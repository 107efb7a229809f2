/**
 * The corpus's builders (建设单位), made once per run: fixed public bodies plus invented
 * developers and factories, their number growing with the corpus so big corpora do not reuse a
 * handful of companies for every estate.
 */
import { creditCode } from './credit-code.ts';
import type { Registry } from './credit-code.ts';
import { createRng, weightedTable } from './rng.ts';
import type { Rng, WeightedTable } from './rng.ts';
import { DISTRICTS } from './wuhan-places.ts';
import type { DistrictPlace } from './wuhan-places.ts';
import type { BuilderRole } from './project-kinds.ts';
import type { District } from '../projects/project-no.ts';
import {
  BRANDS, CITY_INSTITUTIONS, DISTRICT_INSTITUTIONS, INDUSTRIES, LOCAL_DEVELOPER_SUFFIXES, LOCAL_TRADE_NAMES,
  SUBSIDIARY_WORDS,
} from './builder-vocabulary.ts';

export interface Builder {
  index: number;
  name: string;
  /** What people call it, and what estate names start with (福星惠誉, 万科, 宏泰…). */
  brand: string;
  creditCode: string;
  registry: Registry;
  roles: readonly BuilderRole[];
  /** Set for district bodies, which only build in their own district. */
  district: District | null;
  /** For factories: what they make, which names their plants. */
  industry: string | null;
}

export interface BuilderPool {
  builders: readonly Builder[];
  choose(role: BuilderRole, district: District, rng: Rng): Builder;
}

const DISTRICT_ONLY = new Set<BuilderRole>(['education', 'health', 'district-investor']);

/** About 6·√N builders, between 50 and 2000. */
export function builderTarget(projects: number): number {
  return Math.min(2000, Math.max(50, Math.round(6 * Math.sqrt(projects))));
}

function officialPrefix(d: DistrictPlace): string {
  return d.short === '东湖' ? '武汉东湖新技术开发区' : `武汉市${d.full}`;
}

export function createBuilderPool(seed: number, projects: number): BuilderPool {
  const rng = createRng(seed, 'builders');
  const builders: Builder[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();

  const add = (b: Omit<Builder, 'index' | 'creditCode'>, areaCode: string, weight: number, entries: Map<BuilderRole, [Builder, number][]>) => {
    let code = creditCode(rng, b.registry, areaCode);
    while (codes.has(code)) code = creditCode(rng, b.registry, areaCode);
    codes.add(code);
    names.add(b.name);
    const builder: Builder = { ...b, index: builders.length, creditCode: code };
    builders.push(builder);
    if (!b.district) for (const role of b.roles) entries.set(role, [...(entries.get(role) ?? []), [builder, weight]]);
    return builder;
  };

  const shared = new Map<BuilderRole, [Builder, number][]>();
  const local = new Map<string, Builder>();
  for (const spec of CITY_INSTITUTIONS) {
    add({ name: spec.name, brand: spec.brand, registry: spec.registry, roles: spec.roles, district: null, industry: null }, '420100', 1, shared);
  }
  for (const d of DISTRICTS) {
    for (const spec of DISTRICT_INSTITUTIONS) {
      const fill = (s: string) => s.replace('{p}', officialPrefix(d)).replace('{s}', d.short === '东湖' ? '东湖高新' : d.short);
      const b = add({ name: fill(spec.name), brand: fill(spec.brand), registry: spec.registry, roles: spec.roles, district: d.short, industry: null }, d.areaCode, 1, shared);
      for (const role of spec.roles) local.set(`${d.short}/${role}`, b);
    }
  }

  const companies = Math.max(30, builderTarget(projects) - builders.length);
  const brands = weightedTable(BRANDS.map((b) => [b, b.weight] as const));
  let tries = 0;
  while (builders.length < CITY_INSTITUTIONS.length + DISTRICTS.length * DISTRICT_INSTITUTIONS.length + companies) {
    if (++tries > companies * 50) throw new Error('could not invent enough distinct builder names');
    const areaCode = rng.chance(0.6) ? '420100' : rng.pick(DISTRICTS).areaCode;
    const roll = rng.next();
    if (roll < 0.4) {
      const brand = brands.draw(rng);
      const name = rng.pick(brand.companies).replace('{x}', rng.pick(SUBSIDIARY_WORDS));
      if (names.has(name)) continue;
      add({ name, brand: brand.short, registry: '91', roles: ['developer', ...(brand.extraRoles ?? [])], district: null, industry: null }, areaCode, 3 * brand.weight, shared);
    } else if (roll < 0.75) {
      const trade = rng.pick(LOCAL_TRADE_NAMES);
      const name = `${rng.chance(0.8) ? '武汉' : '湖北'}${trade}${rng.chance(0.5) ? rng.pick(SUBSIDIARY_WORDS) : ''}${rng.pick(LOCAL_DEVELOPER_SUFFIXES)}`;
      if (names.has(name)) continue;
      add({ name, brand: trade, registry: '91', roles: ['developer'], district: null, industry: null }, areaCode, 1, shared);
    } else {
      const trade = rng.pick(LOCAL_TRADE_NAMES);
      const industry = rng.pick(INDUSTRIES);
      const name = `武汉${trade}${industry}${rng.chance(0.3) ? '股份' : ''}有限公司`;
      if (names.has(name)) continue;
      add({ name, brand: trade, registry: '91', roles: ['industrial'], district: null, industry }, areaCode, 1, shared);
    }
  }

  const tables = new Map<BuilderRole, WeightedTable<Builder>>();
  for (const [role, entries] of shared) tables.set(role, weightedTable(entries));

  return {
    builders,
    choose(role, district, r) {
      // District bodies build in their own district; resettlement and land reserve are shared
      // between the district's body and the city's.
      const own = local.get(`${district}/${role}`);
      const table = tables.get(role);
      if (own && (!table || DISTRICT_ONLY.has(role) || r.chance(0.5))) return own;
      if (table) return table.draw(r);
      throw new Error(`no builder can take the role ${role}`);
    },
  };
}
