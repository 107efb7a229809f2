'use client';
/** The queue's filters: record type, the project's district, the band of the match probability. Native selects (see search-filters.tsx). */
import { DISTRICTS } from '../search/filter-options';
import { LINK_TYPES, SCORE_BANDS, type ReviewState, type ScoreBand } from './review-state';
import { LINK_REVIEW_TEXTS } from './texts';
import type { LinkType } from './link-review.types';

const T = LINK_REVIEW_TEXTS;

export function ReviewFilters({ state, onChange }: { state: ReviewState; onChange: (patch: Partial<ReviewState>) => void }) {
  return (
    <section aria-label={T.filters.label} className="ph-filters ph-review-filters">
      <select className="ph-select" aria-label={T.filters.type} value={state.type ?? ''} onChange={(e) => onChange({ type: (e.target.value || null) as LinkType | null })}>
        <option value="">{T.filters.typeAll}</option>
        {LINK_TYPES.map((t) => <option key={t} value={t}>{T.types[t]}</option>)}
      </select>
      <select className="ph-select" aria-label={T.filters.district} value={state.district ?? ''} onChange={(e) => onChange({ district: e.target.value || null })}>
        <option value="">{T.filters.districtAll}</option>
        {state.district && !(DISTRICTS as readonly string[]).includes(state.district) ? <option value={state.district}>{state.district}</option> : null}
        {DISTRICTS.map((d) => <option key={d} value={d}>{d}</option>)}
      </select>
      <select className="ph-select" aria-label={T.filters.band} value={state.band ?? ''} onChange={(e) => onChange({ band: (e.target.value || null) as ScoreBand | null })}>
        <option value="">{T.filters.bandAll}</option>
        {SCORE_BANDS.map((b) => <option key={b} value={b}>{T.bands[b]}</option>)}
      </select>
    </section>
  );
}
