/**
 * The 360 view's own state in its URL (`/projects/HSAA20160001?view=resources&rtype=document&rq=…`):
 * which view is open and, in 资源视图, the type, the query and the page searched within the project.
 */
import { SEARCH_TYPES, type SearchType } from '../search/search-state';

export const PROJECT_VIEWS = ['progress', 'work', 'resources'] as const;
export type ProjectView = (typeof PROJECT_VIEWS)[number];

export interface ProjectViewState {
  view: ProjectView;
  /** 资源视图's type; null for every type. */
  rtype: SearchType | null;
  rq: string;
  rpage: number;
}

export const DEFAULT_PROJECT_VIEW: ProjectViewState = { view: 'progress', rtype: null, rq: '', rpage: 1 };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const read = (p: Params, k: string) => {
  const v = p instanceof URLSearchParams ? p.get(k) : p[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() || null;
};

export function parseProjectView(params: Params): ProjectViewState {
  const view = read(params, 'view');
  const rtype = read(params, 'rtype');
  const rpage = Number(read(params, 'rpage') ?? '1');
  return {
    view: view && (PROJECT_VIEWS as readonly string[]).includes(view) ? (view as ProjectView) : 'progress',
    rtype: rtype && (SEARCH_TYPES as readonly string[]).includes(rtype) ? (rtype as SearchType) : null,
    rq: read(params, 'rq') ?? '',
    rpage: Number.isInteger(rpage) && rpage >= 1 && rpage <= 50 ? rpage : 1,
  };
}

/** The project page's URL for a state; the default view has no query at all. */
export function projectViewHref(projectNo: string, state: Partial<ProjectViewState>): string {
  const s = { ...DEFAULT_PROJECT_VIEW, ...state };
  const qs = new URLSearchParams();
  if (s.view !== 'progress') qs.set('view', s.view);
  if (s.view === 'resources') {
    if (s.rtype) qs.set('rtype', s.rtype);
    if (s.rq.trim()) qs.set('rq', s.rq.trim());
    if (s.rpage > 1) qs.set('rpage', String(s.rpage));
  }
  const q = qs.toString();
  return `/projects/${encodeURIComponent(projectNo)}${q ? `?${q}` : ''}`;
}
