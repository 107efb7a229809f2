'use client';
/**
 * An item's process: its cases' cycle time, the critical path, the directly-follows graph with
 * counts and waiting times on its edges, and each step's service and waiting times.
 */
import { useMemo } from 'react';
import { ErrorState, Loading } from '../common/states';
import { EChart } from '../stats/echart';
import { flowGraphHeight, flowGraphOption } from './flow-graph-option';
import { useItemInsight } from './insight.queries';
import { spanText, summariseSteps } from './step-summary';
import type { ItemInsight } from './insight.types';
import { INSIGHT_TEXTS as T } from './texts';

function StepsTable({ insight }: { insight: ItemInsight }) {
  const C = T.stepColumns;
  const steps = summariseSteps(insight.steps);
  return (
    <>
      <table className="ph-audit-table ph-stats-table" data-table="steps">
        <caption className="ph-sr-only">{T.steps}</caption>
        <thead>
          <tr>
            <th scope="col">{C.name}</th>
            <th scope="col">{C.offices}</th>
            <th scope="col" className="ph-num">{C.count}</th>
            <th scope="col" className="ph-num">{C.serviceSpan}</th>
            <th scope="col" className="ph-num">{C.waitingSpan}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.name} data-step={s.name}>
              <th scope="row">{s.name}</th>
              <td>{s.offices === 1 ? s.rows[0]!.office ?? '—' : T.officeCount(s.offices)}</td>
              <td className="ph-num">{s.count}</td>
              <td className="ph-num">{spanText(s.service)}</td>
              <td className="ph-num">{spanText(s.waiting)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="ph-stats-details">
        <summary>{T.stepOffices(insight.steps.length)}</summary>
        <table className="ph-audit-table ph-stats-table" data-table="step-offices">
          <thead>
            <tr>
              <th scope="col">{C.name}</th>
              <th scope="col">{C.office}</th>
              <th scope="col" className="ph-num">{C.count}</th>
              <th scope="col" className="ph-num">{C.service}</th>
              <th scope="col" className="ph-num">{C.waiting}</th>
            </tr>
          </thead>
          <tbody>
            {steps.flatMap((s) => s.rows).map((r) => (
              <tr key={`${r.name}\u0000${r.office}`}>
                <th scope="row">{r.name}</th>
                <td>{r.office ?? '—'}</td>
                <td className="ph-num">{r.count}</td>
                <td className="ph-num">{T.spread(r.service.p50, r.service.p90)}</td>
                <td className="ph-num">{T.spread(r.waiting.p50, r.waiting.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

function EdgesTable({ insight }: { insight: ItemInsight }) {
  const C = T.edgeColumns;
  return (
    <details className="ph-stats-details">
      <summary>{T.edgesTable}</summary>
      <table className="ph-audit-table ph-stats-table" data-table="edges">
        <thead>
          <tr>
            <th scope="col">{C.from}</th>
            <th scope="col">{C.to}</th>
            <th scope="col" className="ph-num">{C.count}</th>
            <th scope="col" className="ph-num">{C.waiting}</th>
          </tr>
        </thead>
        <tbody>
          {insight.edges.map((e) => (
            <tr key={`${e.from}→${e.to}`}>
              <td>{e.from}</td>
              <td>{e.to}</td>
              <td className="ph-num">{e.count}</td>
              <td className="ph-num">{e.waiting_p50 ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function FlowSection({ run, item }: { run: string | null; item: string }) {
  const query = useItemInsight(run, item);
  const option = useMemo(() => (query.data ? flowGraphOption(query.data) : null), [query.data]);
  let body;
  if (query.isPending) body = <Loading rows={6} />;
  else if (query.isError) body = <ErrorState error={query.error} notFound={T.notFoundItem(item)} onRetry={() => void query.refetch()} />;
  else {
    const d = query.data;
    body = (
      <>
        <p data-cycle>{T.cycle(d.cases, d.cycle.p50, d.cycle.p90)}</p>
        <p data-critical-path>
          <strong>{T.criticalPath}：</strong>{d.critical_path.steps.join(T.arrow)}{T.criticalPathDays(d.critical_path.days)}
        </p>
        <h3 className="ph-stats-subtitle">{T.graph}</h3>
        <p className="ph-muted ph-stats-period">{T.graphHint}</p>
        {option ? <EChart name="flow-graph" option={option} label={T.graphLabel(d.item)} height={flowGraphHeight(d)} /> : null}
        <EdgesTable insight={d} />
        <h3 className="ph-stats-subtitle">{T.steps}</h3>
        <StepsTable insight={d} />
      </>
    );
  }
  return (
    <section className="ph-stats-section" aria-labelledby="flow-title" data-section="flow">
      <div className="ph-stats-section-head"><h2 id="flow-title">{item}</h2></div>
      {body}
    </section>
  );
}
