/** Small readings of a search hit for its card. */
import type { SearchHit } from './search.types';

/**
 * An approval's 审批事项: its hit's title is `事项：项目名称` (indexers/indexable.ts), so the item
 * is what stands before the project's name; a title without the name is the item itself.
 */
export function approvalItem(hit: Pick<SearchHit, 'title' | 'project_name'>): string {
  const suffix = hit.project_name ? `：${hit.project_name}` : null;
  if (suffix && hit.title.endsWith(suffix) && hit.title.length > suffix.length) return hit.title.slice(0, -suffix.length);
  const colon = hit.title.indexOf('：');
  return colon > 0 ? hit.title.slice(0, colon) : hit.title;
}

/** The project numbers of hits whose cards show the project's builder and address (approvals). */
export function projectNosForBriefs(hits: readonly Pick<SearchHit, 'type' | 'project_no'>[]): string[] {
  return [...new Set(hits.filter((h) => h.type === 'approval' && h.project_no).map((h) => h.project_no!))];
}
