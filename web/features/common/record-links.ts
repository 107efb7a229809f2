/** Where each kind of record opens in the web app. */
import type { RecordType } from './texts';

const READING_PATHS = {
  approval: 'approvals',
  document: 'documents',
  meeting: 'meetings',
  petition: 'petitions',
  regulation: 'regulations',
  credit: 'credits',
} as const;

export type ReadingType = keyof typeof READING_PATHS;

export const projectHref = (projectNo: string) => `/projects/${encodeURIComponent(projectNo)}`;

/**
 * A record's page; `q` carries the query along so the reading page highlights it. Projects open
 * by their number, everything else by its id.
 */
export function recordHref(type: RecordType, id: string, q?: string): string {
  if (type === 'project') return projectHref(id);
  const path = `/${READING_PATHS[type]}/${encodeURIComponent(id)}`;
  const query = q?.trim();
  return query ? `${path}?q=${encodeURIComponent(query)}` : path;
}

/** The API path of a record's reading page data. */
export const readingApiPath = (type: ReadingType, id: string) => `/api/${READING_PATHS[type]}/${encodeURIComponent(id)}`;
