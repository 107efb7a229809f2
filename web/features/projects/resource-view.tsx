'use client';
/**
 * 资源视图: the approvals, 公文, meetings, petitions, regulations and credit records linked to the
 * project, grouped by type with their counts, searchable within the project (search's `project=`).
 * Each found record shows how its link stands (from the project's `resources`), and the links
 * still awaiting review, which the search does not count, follow the results.
 */
import { Input } from 'antd';
import { Pager } from '../common/pager';
import { useRouter } from 'next/navigation';
import { useMemo, useTransition } from 'react';
import { AppLink as Link } from '../common/app-link';
import { formatNumber } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { ResultCard } from '../search/result-card';
import { projectNosForBriefs } from '../search/result-fields';
import { EMPTY_SEARCH, MAX_RESULTS, PAGE_SIZE, searchApiParams, type SearchType } from '../search/search-state';
import { SEARCH_TEXTS } from '../search/texts';
import { LinkStanding } from './link-standing';
import { linkKey, linksByResource, suggestedLinks } from './link-status';
import { projectViewHref, type ProjectViewState } from './project-view-state';
import type { LinkedResource } from './project.types';
import { SuggestedLinks } from './suggested-links';
import { useProjectBriefs, useProjectResources } from './project.queries';
import { PROJECT_TEXTS } from './texts';

const R = PROJECT_TEXTS.resources;
/** The project itself is the page; its linked records are these. */
const TYPES: (SearchType | null)[] = [null, 'approval', 'document', 'meeting', 'petition', 'regulation', 'credit'];

/** Below a result card: how the record's link to the project stands. */
const STANDING_STYLE = { padding: '4px 14px', marginTop: -1, background: '#fff', border: '1px solid #e5e8ee', borderTop: '1px dashed #e5e8ee', borderRadius: '0 0 4px 4px', fontSize: 13 } as const;

export function ResourceView({ projectNo, state, links }: { projectNo: string; state: ProjectViewState; links: readonly LinkedResource[] }) {
  const router = useRouter();
  const params = searchApiParams({ ...EMPTY_SEARCH, q: state.rq, type: state.rtype, page: state.rpage });
  const found = useProjectResources(projectNo, params);
  const briefs = useProjectBriefs(projectNosForBriefs(found.data?.hits ?? []));
  const [navigating, startNavigation] = useTransition();
  const linkOf = useMemo(() => linksByResource(links), [links]);
  const go = (patch: Partial<ProjectViewState>) =>
    startNavigation(() => router.push(projectViewHref(projectNo, { ...state, view: 'resources', rpage: 1, ...patch }), { scroll: false }));
  const counts = found.data?.counts;
  const total = found.data ? (state.rtype ? (counts?.[state.rtype] ?? 0) : found.data.total) : 0;

  return (
    <section aria-label={PROJECT_TEXTS.views.resources} className="ph-resources">
      <p className="ph-muted" style={{ marginLeft: 0 }}>{R.intro}</p>
      <Input.Search
        key={state.rq}
        defaultValue={state.rq}
        aria-label={R.searchLabel}
        placeholder={R.searchPlaceholder}
        allowClear
        enterButton={SEARCH_TEXTS.submit}
        onSearch={(rq) => go({ rq })}
        style={{ maxWidth: 520 }}
      />
      <nav aria-label={R.typesLabel} className="ph-tabs" style={{ marginTop: 8 }}>
        {TYPES.map((type) => {
          const current = state.rtype === type;
          const n = counts ? (type ? (counts[type] ?? 0) : (found.data?.total ?? 0)) : null;
          return (
            <Link
              key={type ?? 'all'}
              href={projectViewHref(projectNo, { ...state, view: 'resources', rtype: type, rpage: 1 })}
              scroll={false}
              aria-current={current ? 'page' : undefined}
              className={current ? 'ph-tab ph-tab-current' : 'ph-tab'}
              data-tab={type ?? 'all'}
            >
              {type ? SEARCH_TEXTS.tabs[type] : R.all}
              {n !== null ? <span className="ph-tab-count">{formatNumber(n)}</span> : null}
            </Link>
          );
        })}
      </nav>
      {found.isPending ? <Loading /> : null}
      {found.isError ? <ErrorState error={found.error} onRetry={() => void found.refetch()} /> : null}
      {found.data && !found.isError ? (
        <div className={navigating || found.isPlaceholderData ? 'ph-pending' : undefined} aria-busy={navigating || found.isFetching}>
          <p className="ph-summary">{R.found(formatNumber(total))}</p>
          {found.data.hits.length === 0 ? (
            <EmptyState>{R.none}</EmptyState>
          ) : (
            <div className="ph-results">
              {found.data.hits.map((hit) => {
                const link = linkOf.get(linkKey(hit.type, hit.id));
                return (
                  <div key={`${hit.type}:${hit.id}`} data-hit={`${hit.type}:${hit.id}`}>
                    <ResultCard hit={hit} q={state.rq} brief={hit.project_no ? briefs.data?.get(hit.project_no) : undefined} />
                    {link ? <div style={STANDING_STYLE}><LinkStanding link={link} /></div> : null}
                  </div>
                );
              })}
            </div>
          )}
          <Pager
            page={state.rpage}
            pages={Math.ceil(Math.min(total, MAX_RESULTS) / PAGE_SIZE)}
            href={(rpage) => projectViewHref(projectNo, { ...state, view: 'resources', rpage })}
            scroll={false}
          />
        </div>
      ) : null}
      {state.rq ? null : <SuggestedLinks links={suggestedLinks(links, state.rtype)} />}
    </section>
  );
}
