'use client';
/** 全部 / 项目 / 审批 / 公文 / 会议 / 信访 / 法规 / 诚信 with their counts: links, so each tab has its URL. */
import { AppLink as Link } from '../common/app-link';
import { formatNumber } from '../common/format';
import { SEARCH_TYPES, changeSearch, searchHref, type SearchState, type SearchType } from './search-state';
import { SEARCH_TEXTS } from './texts';

const ORDER: (SearchType | null)[] = [null, ...SEARCH_TYPES];

export function SearchTabs({ state, counts, total }: { state: SearchState; counts?: Partial<Record<SearchType, number>>; total?: number }) {
  return (
    <nav aria-label={SEARCH_TEXTS.tabsLabel} className="ph-tabs">
      {ORDER.map((type) => {
        const current = state.type === type;
        const n = counts ? (type ? (counts[type] ?? 0) : (total ?? 0)) : null;
        return (
          <Link
            key={type ?? 'all'}
            href={searchHref(changeSearch(state, { type }))}
            aria-current={current ? 'page' : undefined}
            className={current ? 'ph-tab ph-tab-current' : 'ph-tab'}
            data-tab={type ?? 'all'}
          >
            {SEARCH_TEXTS.tabs[type ?? 'all']}
            {n !== null ? <span className="ph-tab-count">{formatNumber(n)}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
