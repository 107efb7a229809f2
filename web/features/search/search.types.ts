/** What GET /api/search and GET /api/suggest answer (services/search/search.schema.ts). */
import type { SearchType } from './search-state';

export interface SearchHit {
  id: string;
  type: SearchType;
  title: string;
  /** The title with <mark> highlights; the rest HTML-escaped. */
  title_html: string;
  snippet: string;
  date: string | null;
  status: string | null;
  project_no: string | null;
  project_name: string | null;
  project_nos: string[];
  score: number;
  matched: 'key' | 'title' | 'phrase' | 'words' | 'chars' | 'partial';
  /** Only on partial matches: the query's terms this record lacks. */
  missing?: string[];
}

export interface SearchResponse {
  total: number;
  total_is_estimate: boolean;
  took_ms: number;
  counts: Partial<Record<SearchType, number>>;
  filters: Record<string, string>;
  sort: 'relevance' | 'date';
  page: number;
  size: number;
  partial: boolean;
  hits: SearchHit[];
}

export type SuggestionKind = 'project' | 'builder' | 'place' | 'regulation';

export interface Suggestion {
  text: string;
  kind: SuggestionKind;
  ref: string;
  detail: string | null;
  href: string;
}

export interface ProjectBrief {
  project_no: string;
  name: string;
  builder: string | null;
  address: string | null;
  district: string | null;
}
