'use client';
/**
 * 统计 (/stats): the seed's 业务办理情况 (年份 / 月份, 区域, 单位) and 证照情况统计 (开始时间 /
 * 结束时间), projects by district and office, and overdue steps by office and month, with
 * charts; every selector is in the URL, every figure opens the approvals behind it
 * (/stats/approvals), every table downloads as CSV.
 */
import { Button } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useTransition, type FormEvent } from 'react';
import { DISTRICTS } from '../search/filter-options';
import { CertificatesSection } from './certificates-section';
import { HandlingSection } from './handling-section';
import { OverdueSection } from './overdue-section';
import { ProjectsSection } from './projects-section';
import { DEFAULT_STATS, parseStatsState, statsHref, yearOf, yearOptions, type StatsState } from './stats-state';
import { HANDLING_GROUPS } from './stats.types';
import { STATS_TEXTS as T } from './texts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function Selectors({ state, today, go }: { state: StatsState; today: string; go: (s: StatsState) => void }) {
  const pathname = usePathname();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const picked = parseStatsState(new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)])));
    // The certificates' own dates stay as they were.
    go({ ...picked, cfrom: state.cfrom, cto: state.cto });
  };
  return (
    <form key={statsHref(state)} role="search" aria-label={T.selectors} method="get" action={pathname} onSubmit={submit} className="ph-audit-filters">
      <label>{T.year}
        <select className="ph-select" name="year" defaultValue={String(yearOf(state, today))}>
          {yearOptions(today, state.year).map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <label>{T.month}
        <select className="ph-select" name="month" defaultValue={state.month === null ? '' : String(state.month)}>
          <option value="">{T.wholeYear}</option>
          {MONTHS.map((m) => <option key={m} value={m}>{T.monthName(m)}</option>)}
        </select>
      </label>
      <label>{T.district}
        <select className="ph-select" name="district" defaultValue={state.district ?? ''}>
          <option value="">{T.anyDistrict}</option>
          {DISTRICTS.map((d) => <option key={d} value={d}>{d}</option>)}
          {state.district && !(DISTRICTS as readonly string[]).includes(state.district) ? <option value={state.district}>{state.district}</option> : null}
        </select>
      </label>
      <label>{T.office}<input className="ph-select" name="office" defaultValue={state.office ?? ''} maxLength={200} placeholder={T.officeHint} /></label>
      <label>{T.group}
        <select className="ph-select" name="group" defaultValue={state.group}>
          {HANDLING_GROUPS.map((g) => <option key={g} value={g}>{T.groups[g]}</option>)}
        </select>
      </label>
      <Button type="primary" htmlType="submit">{T.apply}</Button>
      <Button onClick={() => go(DEFAULT_STATS)}>{T.clear}</Button>
    </form>
  );
}

export function StatsPage({ today }: { today: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const state = useMemo(() => parseStatsState(new URLSearchParams(params.toString())), [params]);
  const [navigating, startNavigation] = useTransition();
  const go = (next: StatsState) => startNavigation(() => router.push(statsHref(next), { scroll: false }));
  return (
    <div className="ph-statistics">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      <Selectors state={state} today={today} go={go} />
      <div className={navigating ? 'ph-pending' : undefined} aria-busy={navigating}>
        <HandlingSection state={state} today={today} />
        <CertificatesSection state={state} today={today} />
        <ProjectsSection />
        <OverdueSection state={state} today={today} />
      </div>
    </div>
  );
}
