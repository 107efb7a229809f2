/** What a project's name is made from, and what naming it yields (project-names.ts, estate-names.ts). */
import type { Builder } from './builder-pool.ts';
import type { DistrictPlace } from './wuhan-places.ts';
import type { ProjectKind } from './project-kinds.ts';

export interface NameContext {
  kind: ProjectKind;
  district: DistrictPlace;
  street: string;
  roads: readonly [string, string];
  landmark: string;
  builder: Builder;
  year: number;
}

export interface ProjectNaming {
  name: string;
  /**
   * How people who live nearby refer to it: noun phrases that read well before "的工地" or
   * "旁边", never its number.
   */
  looseNames: string[];
  /** Set when the name decides the land use (a sewage plant is U21, not U11). */
  landUse?: string;
  /** The name an estate is sold under (福星惠誉·东湖城), when it is not the registered name. */
  estateName?: string;
  /** Other names on file: the 小区 name, an earlier sales name, the short name people use. */
  aliases?: string[];
}

/** Districts as official titles write them. */
export function districtLabel(d: DistrictPlace): string {
  return d.short === '东湖' ? '东湖高新区' : d.full;
}

/** The district written before a place in plot names; none before 东湖高新, which says it already. */
export function districtPrefix(d: DistrictPlace, place: string): string {
  const label = districtLabel(d);
  return label.startsWith(place) ? '' : label;
}

/** The short form of a brand people use: 福星惠誉 → 福星, 万科 → 万科. */
export function brandNickname(brand: string): string {
  return brand.length >= 4 ? brand.slice(0, 2) : brand;
}
