'use client';
/**
 * 搜索: the box, the filters, the tabs with their counts, the line 找到 N 条结果（用时 X 毫秒）,
 * the result cards and paging. Everything is read from the URL and every change is a new URL,
 * so a search can be shared and Back goes to the previous one.
 */
import { Space } from 'antd';
import { Pager } from '../common/pager';
import { AppLink as Link } from '../common/app-link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useTransition } from 'react';
import { formatNumber } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { useProjectBriefs } from '../projects/project.queries';
import { ResultCard } from './result-card';
import { projectNosForBriefs } from './result-fields';
import { SearchBox } from './search-box';
import { SearchFilters } from './search-filters';
import { SearchTabs } from './search-tabs';
import { MAX_RESULTS, PAGE_SIZE, canSearch, changeSearch, parseSearchState, searchApiParams, searchHref, type SearchState } from './search-state';
import { useSearch } from './search.queries';
import type { SearchResponse } from './search.types';
import { SEARCH_TEXTS } from './texts';

function Landing() {
  return (
    <div className="ph-landing">
      <p>{SEARCH_TEXTS.intro}</p>
      <p>
        {SEARCH_TEXTS.examplesLabel}
        {SEARCH_TEXTS.examples.map((q) => <Link key={q} href={searchHref({ q })} className="ph-chip">{q}</Link>)}
      </p>
      <p>
        {SEARCH_TEXTS.browseLabel}
        {SEARCH_TEXTS.browse.map((b) => <Link key={b.label} href={searchHref(b.state)} className="ph-chip">{b.label}</Link>)}
      </p>
    </div>
  );
}

/** The count the line and the pager use: the tab's own, or the sum of all. */
function shownTotal(data: SearchResponse, state: SearchState): number {
  return state.type ? (data.counts[state.type] ?? 0) : data.total;
}

function Results({ state, data }: { state: SearchState; data: SearchResponse }) {
  const briefs = useProjectBriefs(projectNosForBriefs(data.hits));
  const total = shownTotal(data, state);
  const n = data.total_is_estimate ? SEARCH_TEXTS.aboutCount(formatNumber(total)) : formatNumber(total);
  return (
    <>
      <p className="ph-summary" role="status" aria-live="polite">
        {SEARCH_TEXTS.found(n, String(Math.round(data.took_ms)))}
        {!state.q ? <span className="ph-muted">　{SEARCH_TEXTS.listing}</span> : null}
      </p>
      {data.partial ? <p className="ph-partial">{SEARCH_TEXTS.partial}</p> : null}
      {data.hits.length === 0 ? (
        <EmptyState>
          {SEARCH_TEXTS.noResults}
          <br />
          {SEARCH_TEXTS.noResultsHint}
        </EmptyState>
      ) : (
        <div className="ph-results">
          {data.hits.map((hit) => (
            <ResultCard key={`${hit.type}:${hit.id}`} hit={hit} q={state.q} brief={hit.project_no ? briefs.data?.get(hit.project_no) : undefined} />
          ))}
        </div>
      )}
      <Pager
        page={state.page}
        pages={Math.ceil(Math.min(total, MAX_RESULTS) / PAGE_SIZE)}
        href={(page) => searchHref(changeSearch(state, { page }))}
        summary={total > MAX_RESULTS ? SEARCH_TEXTS.windowNote : undefined}
      />
    </>
  );
}

export function SearchPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = useMemo(() => parseSearchState(new URLSearchParams(params.toString())), [params]);
  const active = canSearch(state);
  const search = useSearch(active ? searchApiParams(state) : null);
  // The next page renders on the server with its results; until it arrives the old one is dimmed.
  const [navigating, startNavigation] = useTransition();

  const go = (patch: Partial<SearchState>) => {
    const next = changeSearch(state, patch);
    startNavigation(() => router.push(searchHref(next), { scroll: patch.page !== undefined }));
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <h1 className="ph-page-title">{SEARCH_TEXTS.pageTitle}</h1>
      <SearchBox initial={state.q} onSearch={(q) => go({ q })} autoFocus={pathname === '/'} />
      {active ? (
        <>
          <SearchFilters state={state} onChange={go} />
          <SearchTabs state={state} counts={search.data?.counts} total={search.data?.total} />
          {search.isPending ? <Loading /> : null}
          {search.isError ? <ErrorState error={search.error} onRetry={() => void search.refetch()} /> : null}
          {search.data && !search.isError ? (
            <div className={navigating || search.isPlaceholderData ? 'ph-pending' : undefined} aria-busy={navigating || search.isFetching}>
              <Results state={state} data={search.data} />
            </div>
          ) : null}
        </>
      ) : (
        <Landing />
      )}
    </Space>
  );
}
