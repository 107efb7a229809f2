'use client';
/**
 * 统计明细 (/stats/approvals?measure=…): the approvals behind one figure of 统计, counted the
 * same way (so the total is the figure), a page at a time, each opening its approval; the whole
 * list as CSV.
 */
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { AppLink as Link } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { Pager } from '../common/pager';
import { projectHref, recordHref } from '../common/record-links';
import { EmptyState, ErrorState, Loading, Notice } from '../common/states';
import { StatusTag } from '../common/status-tag';
import { drillApiParams, drillCsvHref, drillHref, pageCount, parseDrill } from './drill-down';
import { describeDrill } from './drill-title';
import { useStatsApprovals } from './stats.queries';
import type { StatsApproval } from './stats.types';
import { STATS_TEXTS } from './texts';

const D = STATS_TEXTS.drill;
const COLS = D.columns;

function Approvals({ items }: { items: StatsApproval[] }) {
  return (
    <div className="ph-table-scroll">
      <table className="ph-audit-table" data-table="approvals">
        <thead>
          <tr>
            <th scope="col">{COLS.id}</th>
            <th scope="col">{COLS.project}</th>
            <th scope="col">{COLS.item}</th>
            <th scope="col">{COLS.office}</th>
            <th scope="col">{COLS.district}</th>
            <th scope="col">{COLS.status}</th>
            <th scope="col">{COLS.received}</th>
            <th scope="col">{COLS.closed}</th>
            <th scope="col">{COLS.certificate}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-approval={a.id}>
              <td className="ph-nowrap"><Link href={recordHref('approval', a.id)}>{a.id}</Link></td>
              <td><Link href={projectHref(a.project_no)}>{a.project_no}</Link>{a.project_name ? <div className="ph-muted ph-drill-name">{a.project_name}</div> : null}</td>
              <td>{a.item}</td>
              <td>{a.office ?? '—'}</td>
              <td className="ph-nowrap">{a.district ?? '—'}</td>
              <td><StatusTag status={a.status} /></td>
              <td className="ph-nowrap">{formatDateTime(a.received_at)}</td>
              <td className="ph-nowrap">{formatDateTime(a.closed_at)}</td>
              <td className="ph-nowrap">{a.certificate_no ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Drill({ state }: { state: NonNullable<ReturnType<typeof parseDrill>> }) {
  const page = useStatsApprovals(drillApiParams(state));
  let body;
  if (page.isPending) body = <Loading rows={8} />;
  else if (page.isError) body = <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  else if (page.data.items.length === 0) body = <EmptyState>{D.empty}</EmptyState>;
  else body = <Approvals items={page.data.items} />;
  return (
    <>
      <p className="ph-drill-figure">
        <span>{describeDrill(state)}</span>
        {page.data ? <strong data-total={page.data.total}>{D.total(page.data.total)}</strong> : null}
        <a href={drillCsvHref(state)} download>{D.csv}</a>
      </p>
      <div className={page.isPlaceholderData ? 'ph-pending' : undefined}>{body}</div>
      {page.data ? <Pager page={state.page} pages={pageCount(page.data.total, page.data.size)} href={(p) => drillHref({ ...state, page: p })} /> : null}
    </>
  );
}

export function DrillDownPage() {
  const params = useSearchParams();
  const state = useMemo(() => parseDrill(new URLSearchParams(params.toString())), [params]);
  return (
    <div className="ph-statistics">
      <p className="ph-back"><Link href="/stats">{D.back}</Link></p>
      <h1 className="ph-page-title">{D.pageTitle}</h1>
      {state ? <Drill state={state} /> : <Notice tone="info" title={D.noMeasure} />}
    </div>
  );
}
