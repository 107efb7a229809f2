/**
 * How a link between a resource and the project stands, for the 资源视图: the status in the
 * bureau's words, the confidence as a percentage, and the lookups the view makes. Pure.
 */
import type { LinkedResource, LinkStatus } from './project.types';
import { PROJECT_TEXTS } from './texts';

const S = PROJECT_TEXTS.links;

export const LINK_STATUS_LABELS: Record<LinkStatus, string> = {
  declared: S.declared, auto: S.auto, suggested: S.suggested, confirmed: S.confirmed,
};

/** 0.97740 → `97.7%`; 1 → `100%`; a probability just short of 1 never rounds up to a certain-looking 100%. */
export function formatPercent(p: number): string {
  const tenths = Math.round(p * 1000);
  const shown = tenths === 1000 && p < 1 ? 999 : tenths === 0 && p > 0 ? 1 : tenths;
  return `${shown % 10 === 0 ? shown / 10 : (shown / 10).toFixed(1)}%`;
}

export const linkKey = (type: string, id: string) => `${type}:${id}`;

/** The project's links by `type:id`, for finding a search hit's link. */
export function linksByResource(links: readonly LinkedResource[]): Map<string, LinkedResource> {
  return new Map(links.map((l) => [linkKey(l.resource_type, l.resource_id), l]));
}

/** The suggestions awaiting review, of one type or of all, in the order the API gave (best first). */
export function suggestedLinks(links: readonly LinkedResource[], type: string | null): LinkedResource[] {
  return links.filter((l) => l.status === 'suggested' && (!type || l.resource_type === type));
}
