'use client';
/**
 * 审计日志 (/audit, admins): the log's entries newest first, filtered by who, what and when (the
 * filter in the URL), a page at a time, and the filter's whole result as a CSV download.
 */
import { Button } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useTransition, type FormEvent } from 'react';
import { AppLink as Link } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { COMMON_TEXTS } from '../common/texts';
import { auditCsvHref, auditApiParams, auditHref, parseAuditState, EMPTY_AUDIT, type AuditState } from './audit-state';
import { useAuditPage } from './audit.queries';
import type { AuditEntry } from './audit.types';
import { AUDIT_TEXTS as T } from './texts';

/** The entry's detail as `key: value` pairs (its fields as the server wrote them). */
const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('；');

function Entries({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="ph-audit-table">
      <thead>
        <tr>
          <th scope="col">{T.columns.at}</th>
          <th scope="col">{T.columns.actor}</th>
          <th scope="col">{T.columns.action}</th>
          <th scope="col">{T.columns.resource}</th>
          <th scope="col">{T.columns.detail}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-entry={e.id}>
            <td className="ph-nowrap">{formatDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td><code>{e.action}</code></td>
            <td>{e.resource_type ? `${e.resource_type}${e.resource_id ? ` ${e.resource_id}` : ''}` : T.none}</td>
            <td className="ph-audit-detail">{detailText(e.detail) || T.none}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = useMemo(() => parseAuditState(new URLSearchParams(params.toString())), [params]);
  const page = useAuditPage(auditApiParams(state));
  const [navigating, startNavigation] = useTransition();
  const go = (next: AuditState) => startNavigation(() => router.push(auditHref(next)));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    go(parseAuditState(new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]))));
  };

  let body;
  if (page.isPending) body = <Loading rows={8} />;
  else if (page.isError) body = <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  else if (page.data.entries.length === 0) body = <EmptyState>{T.empty}</EmptyState>;
  else body = <Entries entries={page.data.entries} />;

  return (
    <div className="ph-audit">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      {/* Keyed by the URL's filter so Back shows its own values. */}
      <form key={params.toString()} role="search" aria-label={T.filters} method="get" action={pathname} onSubmit={submit} className="ph-audit-filters">
        <label>{T.actor}<input className="ph-select" name="actor" defaultValue={state.actor ?? ''} maxLength={200} /></label>
        <label>{T.action}<input className="ph-select" name="action" defaultValue={state.action ?? ''} maxLength={200} /></label>
        <label>{T.resourceType}<input className="ph-select" name="resource_type" defaultValue={state.resource_type ?? ''} maxLength={200} /></label>
        <label>{T.from}<input className="ph-select" type="date" name="from" defaultValue={state.from ?? ''} /></label>
        <label>{T.to}<input className="ph-select" type="date" name="to" defaultValue={state.to ?? ''} /></label>
        <Button type="primary" htmlType="submit">{T.apply}</Button>
        <Button onClick={() => go(EMPTY_AUDIT)}>{T.clear}</Button>
      </form>
      <p><a href={auditCsvHref(state)} download>{T.csv}</a></p>
      <div className={navigating || page.isPlaceholderData ? 'ph-pending' : undefined} aria-busy={navigating}>{body}</div>
      <nav aria-label={COMMON_TEXTS.pager.label} style={{ display: 'flex', gap: 16, marginTop: 12 }}>
        {state.before !== null ? <Link href={auditHref({ ...state, before: null })}>{T.newest}</Link> : null}
        {page.data?.next_before ? <Link href={auditHref({ ...state, before: page.data.next_before })}>{T.older}</Link> : null}
      </nav>
    </div>
  );
}
