/**
 * One project: where it is, who builds it, what it is called and numbered. The draft keeps more
 * than the imported record (kind, loose names, roads) because approvals, documents and petitions
 * about the project are written from it.
 */
import { DISTRICT_CODES, PROJECT_TYPE_CODES, formatProjectNo } from '../projects/project-no.ts';
import type { ProjectRecord } from '../resources/resource.schema.ts';
import { CORPUS_END, CORPUS_START, addDays, atOfficeHour, formatDateTime, toWorkingDay, yearOf } from './calendar.ts';
import { weightedTable } from './rng.ts';
import type { Rng } from './rng.ts';
import { DISTRICTS } from './wuhan-places.ts';
import type { DistrictPlace } from './wuhan-places.ts';
import { KIND_SPECS, PROJECT_KINDS } from './project-kinds.ts';
import type { KindSpec, ProjectKind } from './project-kinds.ts';
import type { Builder, BuilderPool } from './builder-pool.ts';
import { nameProject } from './project-names.ts';
import type { Counters } from './counters.ts';

export interface ProjectDraft {
  index: number;
  id: string;
  projectNo: string;
  name: string;
  /** The sales name of an estate filed under another name (福星惠誉·东湖城). */
  estateName: string | null;
  /** Other names on file (小区 name, an earlier sales name). */
  aliases: readonly string[];
  looseNames: readonly string[];
  kind: ProjectKind;
  spec: KindSpec;
  district: DistrictPlace;
  street: string;
  roads: readonly [string, string];
  landmark: string;
  address: string;
  builder: Builder;
  landUse: string | null;
  scaleM2: number;
  createdMs: number;
  /** 重大项目: handled by 行政审批处 and put before the 局务会. */
  major: boolean;
}

export interface ProjectContext {
  projects: number;
  builders: BuilderPool;
  counters: Counters;
}

const districts = weightedTable(DISTRICTS.map((d) => [d, d.weight] as const));
const kinds = weightedTable(PROJECT_KINDS.map((k) => [k, KIND_SPECS[k].weight] as const));
const builderRoles = new Map(PROJECT_KINDS.map((k) => [k, weightedTable(KIND_SPECS[k].builders)]));
const landUseTables = new Map(PROJECT_KINDS.filter((k) => KIND_SPECS[k].landUses.length > 0).map((k) => [k, weightedTable(KIND_SPECS[k].landUses)]));

/** Linear works run between two roads; buildings sit at a corner or a number. */
function address(d: DistrictPlace, street: string, [a, b]: readonly [string, string], kind: ProjectKind, landmark: string, rng: Rng): string {
  const place = `${d.full}${street}`;
  if (kind === 'survey') return rng.chance(0.5) ? `${d.full}全域` : `${d.full}${landmark}片区`;
  if (kind === 'road' || kind === 'pipeline') return `${place}，${a}至${b}段`;
  const roll = rng.next();
  if (roll < 0.55) return `${place}${a}以${rng.pick(['东', '西'])}、${b}以${rng.pick(['南', '北'])}`;
  if (roll < 0.8) return `${place}${a}与${b}交汇处${rng.pick(['东北角', '西北角', '东南角', '西南角'])}`;
  return `${d.full}${a}${rng.int(1, 888)}号`;
}

/** Log-uniform, so small schools and huge estates are both common enough. */
function scale([min, max]: readonly [number, number], rng: Rng): number {
  const x = Math.exp(rng.float(Math.log(min), Math.log(max)));
  return Math.round(x * 100) / 100;
}

export function createProject(ctx: ProjectContext, index: number, rng: Rng): ProjectDraft {
  const kind = kinds.draw(rng);
  const spec = KIND_SPECS[kind];
  const district = districts.draw(rng);
  const street = rng.pick(district.streets);
  const [roadA, roadB] = rng.sample(district.roads, 2) as [string, string];
  const landmark = rng.pick(district.landmarks);

  // Creation dates rise with the index (with jitter) so serials within a year follow time.
  const span = addDays(CORPUS_END, -45) - CORPUS_START;
  const createdMs = atOfficeHour(toWorkingDay(CORPUS_START + Math.floor(((index + rng.next()) / ctx.projects) * span)), rng);
  const year = yearOf(createdMs);

  const role = builderRoles.get(kind)!.draw(rng);
  const builder = ctx.builders.choose(role, district.short, rng);
  const naming = nameProject({ kind, district, street, roads: [roadA, roadB], landmark, builder, year }, rng);
  const scaleM2 = scale(spec.scale, rng);

  const districtCode = DISTRICT_CODES[district.short];
  const typeCode = PROJECT_TYPE_CODES[spec.projectType];
  const serial = ctx.counters.next(`no/${districtCode}${typeCode}${year}`);

  return {
    index,
    id: `prj-${String(index + 1).padStart(6, '0')}`,
    projectNo: formatProjectNo({ districtCode, typeCode, year, serial }),
    name: naming.name,
    estateName: naming.estateName ?? null,
    aliases: naming.aliases ?? [],
    looseNames: naming.looseNames,
    kind,
    spec,
    district,
    street,
    roads: [roadA, roadB],
    landmark,
    address: address(district, street, [roadA, roadB], kind, landmark, rng),
    builder,
    landUse: naming.landUse ?? landUseTables.get(kind)?.draw(rng) ?? null,
    scaleM2,
    createdMs,
    major: rng.chance(spec.majorShare) || scaleM2 > 300_000,
  };
}

/** The line written to projects.jsonl. */
export function projectRecord(p: ProjectDraft): ProjectRecord {
  return {
    id: p.id,
    project_no: p.projectNo,
    name: p.name,
    builder: p.builder.name,
    builder_credit_code: p.builder.creditCode,
    address: p.address,
    district: p.district.short,
    project_type: p.spec.projectType,
    land_use: p.landUse,
    scale_m2: p.scaleM2,
    created_at: formatDateTime(p.createdMs),
    // Only when the project has them (the projects table keeps them in its `extra` column).
    ...(p.estateName ? { estate_name: p.estateName } : {}),
    ...(p.aliases.length > 0 ? { aliases: [...p.aliases] } : {}),
  };
}
