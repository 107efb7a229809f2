'use client';
/**
 * 合规性检查: the item's cases that deviate from its standard step sequence (a skipped step,
 * steps out of order, an extra step), filtered by kind and paged in the URL; and its slowest
 * cases. Each opens its approval.
 */
import { AppLink as Link } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { Pager } from '../common/pager';
import { projectHref, recordHref } from '../common/record-links';
import { ErrorState, Loading } from '../common/states';
import { pageCount } from '../stats/drill-down';
import { caseParams, deviationParams, INSIGHT_PAGE_SIZE, insightHref, type InsightState } from './insight-state';
import { useCases, useDeviations } from './insight.queries';
import { DEVIATION_KINDS } from './insight.types';
import { INSIGHT_TEXTS as T } from './texts';

function KindFilter({ state, item }: { state: InsightState; item: string }) {
  const choices = [null, ...DEVIATION_KINDS] as const;
  return (
    <nav aria-label={T.kindLabel} className="ph-insight-kinds">
      {choices.map((k) => {
        const label = k === null ? T.anyKind : T.kinds[k];
        return state.kind === k
          ? <span key={k ?? 'all'} aria-current="true" className="ph-insight-kind-current">{label}</span>
          : <Link key={k ?? 'all'} href={insightHref({ ...state, item, kind: k, page: 1 })} scroll={false}>{label}</Link>;
      })}
    </nav>
  );
}

function Deviations({ run, item, state }: { run: string | null; item: string; state: InsightState }) {
  const query = useDeviations(run, deviationParams(item, state));
  const C = T.deviationColumns;
  let body;
  if (query.isPending) body = <Loading rows={5} />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0) body = <p className="ph-muted">{T.noDeviations}</p>;
  else {
    body = (
      <>
        <p className="ph-muted ph-stats-period" data-total={query.data.total}>{T.deviationsTotal(query.data.total)}</p>
        <div className="ph-table-scroll">
          <table className="ph-audit-table" data-table="deviations">
            <thead>
              <tr><th scope="col">{C.approval}</th><th scope="col">{C.project}</th><th scope="col">{C.kind}</th><th scope="col">{C.detail}</th><th scope="col">{C.steps}</th></tr>
            </thead>
            <tbody>
              {query.data.items.map((d, i) => (
                <tr key={`${d.approval_id}/${d.kind}/${i}`} data-deviation={d.kind}>
                  <td className="ph-nowrap"><Link href={recordHref('approval', d.approval_id)}>{d.approval_id}</Link></td>
                  <td className="ph-nowrap">{d.project_no ? <Link href={projectHref(d.project_no)}>{d.project_no}</Link> : '—'}</td>
                  <td className="ph-nowrap">{T.kinds[d.kind] ?? d.kind}</td>
                  <td>{d.detail}</td>
                  <td className="ph-insight-steps">{d.steps.join(T.arrow)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={state.page} pages={pageCount(query.data.total, query.data.size ?? INSIGHT_PAGE_SIZE)} href={(p) => insightHref({ ...state, item, page: p })} scroll={false} />
      </>
    );
  }
  return (
    <section className="ph-stats-section" aria-labelledby="conformance-title" data-section="conformance">
      <div className="ph-stats-section-head"><h2 id="conformance-title">{T.conformance}</h2></div>
      <p className="ph-muted ph-stats-period">{T.conformanceHint}</p>
      <KindFilter state={state} item={item} />
      <div className={query.isPlaceholderData ? 'ph-pending' : undefined}>{body}</div>
    </section>
  );
}

function SlowestCases({ run, item, state }: { run: string | null; item: string; state: InsightState }) {
  const query = useCases(run, caseParams(item, state));
  const C = T.caseColumns;
  let body;
  if (query.isPending) body = <Loading rows={5} />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else {
    body = (
      <>
        <p className="ph-muted ph-stats-period">{T.casesTotal(query.data.total)}</p>
        <div className="ph-table-scroll">
          <table className="ph-audit-table" data-table="cases">
            <thead>
              <tr><th scope="col">{C.approval}</th><th scope="col">{C.project}</th><th scope="col">{C.office}</th><th scope="col" className="ph-num">{C.cycle}</th><th scope="col">{C.received}</th><th scope="col">{C.closed}</th></tr>
            </thead>
            <tbody>
              {query.data.items.map((c) => (
                <tr key={c.approval_id} data-case={c.approval_id}>
                  <td className="ph-nowrap"><Link href={recordHref('approval', c.approval_id)}>{c.approval_id}</Link></td>
                  <td className="ph-nowrap">{c.project_no ? <Link href={projectHref(c.project_no)}>{c.project_no}</Link> : '—'}</td>
                  <td>{c.office ?? '—'}</td>
                  <td className="ph-num">{c.cycle_days}</td>
                  <td className="ph-nowrap">{formatDateTime(c.received_at)}</td>
                  <td className="ph-nowrap">{formatDateTime(c.closed_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={state.cases} pages={pageCount(query.data.total, query.data.size ?? INSIGHT_PAGE_SIZE)} href={(p) => insightHref({ ...state, item, cases: p })} scroll={false} />
      </>
    );
  }
  return (
    <section className="ph-stats-section" aria-labelledby="cases-title" data-section="cases">
      <div className="ph-stats-section-head"><h2 id="cases-title">{T.cases}</h2></div>
      <div className={query.isPlaceholderData ? 'ph-pending' : undefined}>{body}</div>
    </section>
  );
}

export function ConformanceSection({ run, item, state }: { run: string | null; item: string; state: InsightState }) {
  return (
    <>
      <Deviations run={run} item={item} state={state} />
      <SlowestCases run={run} item={item} state={state} />
    </>
  );
}
