'use client';
/**
 * 超期环节: steps past their time limit by office and month, as a heatmap (a cell opens its
 * approvals) and, for reading and keyboards, the same figures as a table of links.
 */
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { overdueClick, overdueHeight, overdueOption } from './chart-options';
import { drillHref, overdueDrill } from './drill-down';
import { EChart } from './echart';
import { FigureLink } from './figure-link';
import { StatsSection } from './stats-section';
import { overdueParams, statsCsvHref, type StatsState } from './stats-state';
import { useOverdue } from './stats.queries';
import type { OverdueAnswer } from './stats.types';
import { STATS_TEXTS } from './texts';

const O = STATS_TEXTS.overdue;

function OverdueTable({ answer }: { answer: OverdueAnswer }) {
  const period = { from: answer.from, to: answer.to };
  const cell = new Map(answer.cells.map((c) => [`${c.office}\u0000${c.month}`, c]));
  return (
    <div className="ph-table-scroll">
      <table className="ph-audit-table ph-stats-table ph-overdue-table" data-table="overdue">
        <caption className="ph-sr-only">{`${O.title}（${O.cellTitle}）`}</caption>
        <thead>
          <tr>
            <th scope="col">{O.office}</th>
            {answer.months.map((m) => <th key={m} scope="col" className="ph-num">{m.slice(5)}</th>)}
          </tr>
        </thead>
        <tbody>
          {answer.offices.map((office) => (
            <tr key={office} data-row={office}>
              <th scope="row">{office}</th>
              {answer.months.map((m) => {
                const c = cell.get(`${office}\u0000${m}`);
                return (
                  <td key={m} className="ph-num" data-month={m}>
                    {c ? <><FigureLink value={c.overdue} drill={overdueDrill(period, office, m)} label={`${office} ${m} ${O.series} ${c.overdue}`} /><span className="ph-muted"> / {c.due}</span></> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OverdueSection({ state, today }: { state: StatsState; today: string }) {
  const router = useRouter();
  const params = overdueParams(state, today);
  const query = useOverdue(params);
  const option = useMemo(() => (query.data ? overdueOption(query.data) : null), [query.data]);
  return (
    <StatsSection id="overdue" title={O.title} csv={statsCsvHref('overdue', params)} query={query}>
      {(answer) => answer.cells.length === 0 ? <p className="ph-muted">{O.empty}</p> : (
        <>
          <p className="ph-muted ph-stats-period">{O.intro}</p>
          <p data-total="overdue">
            {O.totalBefore(answer.total.due)}
            <FigureLink value={answer.total.overdue} drill={overdueDrill({ from: answer.from, to: answer.to }, null, null)} />
            {O.totalAfter}
          </p>
          {option ? (
            <EChart
              name="overdue-heatmap"
              option={option}
              height={overdueHeight(answer)}
              label={O.chartLabel}
              onClick={(click) => {
                const d = overdueClick(answer, click);
                if (d) router.push(drillHref(d));
              }}
            />
          ) : null}
          <details className="ph-stats-details">
            <summary>{O.cellTitle}</summary>
            <OverdueTable answer={answer} />
          </details>
        </>
      )}
    </StatsSection>
  );
}
