'use client';
/**
 * 预警 (/alerts): the alerts the rules raised at approval steps, filtered by status, office,
 * project and rule (in the URL), newest first a page at a time. Supervisors decide them here.
 */
import { Button } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useTransition, type FormEvent } from 'react';
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { AppLink as Link } from '../common/app-link';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { COMMON_TEXTS } from '../common/texts';
import { useRules } from '../rules/rules.queries';
import { AlertCard } from './alert-card';
import { ALERT_STATUSES, alertsApiParams, alertsHref, DEFAULT_ALERTS, parseAlertsState, type AlertsState } from './alerts-state';
import { useAlerts } from './alerts.queries';
import { useRuleNames } from './rule-names';
import { ALERT_TEXTS as T } from './texts';

export function AlertsPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = useMemo(() => parseAlertsState(new URLSearchParams(params.toString())), [params]);
  const page = useAlerts(alertsApiParams(state));
  const rules = useRules();
  const ruleName = useRuleNames();
  const canDecide = can(useSession().data?.role, 'alertDecide');
  const [navigating, startNavigation] = useTransition();
  const go = (next: AlertsState) => startNavigation(() => router.push(alertsHref(next)));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    go(parseAlertsState(new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]))));
  };

  let body;
  if (page.isPending) body = <Loading rows={8} />;
  else if (page.isError) body = <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  else if (page.data.items.length === 0) body = <EmptyState>{T.empty}</EmptyState>;
  else {
    body = (
      <>
        {typeof page.data.total === 'number' ? <p className="ph-muted" style={{ marginLeft: 0 }}>{T.total(page.data.total)}</p> : null}
        <ul className="ph-alert-list">
          {page.data.items.map((a) => <AlertCard key={a.id} alert={a} ruleName={ruleName(a.rule_id)} canDecide={canDecide} />)}
        </ul>
      </>
    );
  }

  return (
    <div className="ph-alerts">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      {/* Keyed by the URL's filter so Back shows its own values. */}
      <form key={params.toString()} role="search" aria-label={T.filters} method="get" action={pathname} onSubmit={submit} className="ph-audit-filters">
        <label>{T.status}
          <select className="ph-select" name="status" defaultValue={state.status ?? 'all'}>
            <option value="all">{T.anyStatus}</option>
            {ALERT_STATUSES.map((s) => <option key={s} value={s}>{T.statuses[s]}</option>)}
          </select>
        </label>
        <label>{T.office}<input className="ph-select" name="office" defaultValue={state.office ?? ''} maxLength={200} /></label>
        <label>{T.project}<input className="ph-select" name="project" defaultValue={state.project ?? ''} maxLength={40} /></label>
        <label>{T.rule}
          <select className="ph-select" name="rule" defaultValue={state.rule ?? ''}>
            <option value="">{T.anyRule}</option>
            {(rules.data ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            {state.rule && !(rules.data ?? []).some((r) => r.id === state.rule) ? <option value={state.rule}>{state.rule}</option> : null}
          </select>
        </label>
        <Button type="primary" htmlType="submit">{T.apply}</Button>
        <Button onClick={() => go(DEFAULT_ALERTS)}>{T.clear}</Button>
      </form>
      <div className={navigating || page.isPlaceholderData ? 'ph-pending' : undefined} aria-busy={navigating}>{body}</div>
      <nav aria-label={COMMON_TEXTS.pager.label} style={{ display: 'flex', gap: 16, marginTop: 12 }}>
        {state.before !== null ? <Link href={alertsHref({ ...state, before: null })}>{T.newest}</Link> : null}
        {page.data?.next_before ? <Link href={alertsHref({ ...state, before: page.data.next_before })}>{T.older}</Link> : null}
      </nav>
    </div>
  );
}
