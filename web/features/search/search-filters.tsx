'use client';
/**
 * District, business item, status and date range; each change is a new URL. The browser's own
 * select and date fields: keyboard-friendly (type to find, arrows), and with nothing to download
 * (Ant Design's Select, Pagination and DatePicker weigh ~90 KiB gzipped).
 */
import { Button, Radio, Space } from 'antd';
import type { ChangeEvent } from 'react';
import { DISTRICTS, ITEM_OPTIONS, STATUS_OPTIONS } from './filter-options';
import { hasFilters, type SearchState } from './search-state';
import { SEARCH_TEXTS } from './texts';

const T = SEARCH_TEXTS.filters;

/** The groups to offer: on a tab only that type's, on 全部 all of them. */
function groupsFor<K extends string>(groups: Record<K, readonly string[]>, type: string | null): K[] {
  const keys = Object.keys(groups) as K[];
  return type && keys.includes(type as K) ? [type as K] : keys;
}

function ChoiceSelect<K extends string>({ label, all, value, groups, labels, type, onPick }: {
  label: string;
  all: string;
  value: string | null;
  groups: Record<K, readonly string[]>;
  labels: Record<K, string>;
  type: string | null;
  onPick: (v: string | null) => void;
}) {
  const shown = groupsFor(groups, type);
  const known = shown.some((k) => groups[k].includes(value ?? ''));
  return (
    <select className="ph-select" aria-label={label} value={value ?? ''} onChange={(e: ChangeEvent<HTMLSelectElement>) => onPick(e.target.value || null)}>
      <option value="">{all}</option>
      {/* A value from a shared URL that the list lacks stays chosen. */}
      {value && !known ? <option value={value}>{value}</option> : null}
      {shown.map((k) => (
        <optgroup key={k} label={labels[k]}>
          {groups[k].map((v) => <option key={v} value={v}>{v}</option>)}
        </optgroup>
      ))}
    </select>
  );
}

export function SearchFilters({ state, onChange }: { state: SearchState; onChange: (patch: Partial<SearchState>) => void }) {
  return (
    <section aria-label={T.label} className="ph-filters">
      <Space wrap size={[8, 8]}>
        <select
          className="ph-select"
          aria-label={T.district}
          value={state.district ?? ''}
          onChange={(e) => onChange({ district: e.target.value || null })}
        >
          <option value="">{T.districtAll}</option>
          {state.district && !(DISTRICTS as readonly string[]).includes(state.district) ? <option value={state.district}>{state.district}</option> : null}
          {DISTRICTS.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <ChoiceSelect label={T.item} all={T.itemAll} value={state.item} groups={ITEM_OPTIONS} labels={SEARCH_TEXTS.itemGroups} type={state.type} onPick={(item) => onChange({ item })} />
        <ChoiceSelect label={T.status} all={T.statusAll} value={state.status} groups={STATUS_OPTIONS} labels={SEARCH_TEXTS.statusGroups} type={state.type} onPick={(status) => onChange({ status })} />
        <span className="ph-dates">
          <input
            type="date"
            className="ph-select"
            aria-label={T.from}
            value={state.from ?? ''}
            max={state.to ?? undefined}
            onChange={(e) => onChange({ from: e.target.value || null })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            className="ph-select"
            aria-label={T.to}
            value={state.to ?? ''}
            min={state.from ?? undefined}
            onChange={(e) => onChange({ to: e.target.value || null })}
          />
        </span>
        {state.q ? (
          <Radio.Group
            aria-label={T.sort}
            optionType="button"
            value={state.sort}
            onChange={(e) => onChange({ sort: e.target.value as SearchState['sort'] })}
            options={[{ label: T.byRelevance, value: 'relevance' }, { label: T.byDate, value: 'date' }]}
          />
        ) : null}
        {hasFilters(state) ? (
          <Button type="link" onClick={() => onChange({ district: null, item: null, status: null, from: null, to: null })}>
            {T.clear}
          </Button>
        ) : null}
      </Space>
    </section>
  );
}
