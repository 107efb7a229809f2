'use client';
/**
 * 业务办理情况: 新增 / 在办 / 办结 per 业务类型 (or month, district, office) with a 合计 row, as
 * the seed's table, and the selected year month by month as a chart. Every figure opens its approvals.
 */
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { formatDateTime } from '../common/format';
import { monthlyClick, monthlyOption } from './chart-options';
import { drillHref, handlingDrill } from './drill-down';
import { EChart } from './echart';
import { FigureLink } from './figure-link';
import { StatsSection } from './stats-section';
import { handlingParams, monthlyParams, statsCsvHref, yearOf, type StatsState } from './stats-state';
import { useHandling } from './stats.queries';
import type { HandlingAnswer, HandlingRow } from './stats.types';
import { STATS_TEXTS } from './texts';

const T = STATS_TEXTS;
const MEASURES = ['received', 'open', 'closed'] as const;

function HandlingTable({ answer, filters }: { answer: HandlingAnswer; filters: { district: string | null; office: string | null } }) {
  const period = { from: answer.from, to: answer.to };
  const row = (r: HandlingRow, key: string | null, total = false) => (
    <tr key={key ?? '合计'} data-row={key ?? '合计'} className={total ? 'ph-stats-total' : undefined}>
      <th scope="row">{r.key}</th>
      {MEASURES.map((m) => (
        <td key={m} className="ph-num" data-measure={m}>
          <FigureLink value={r[m]} drill={handlingDrill(period, filters, answer.group, key, m)} label={`${r.key} ${T.handling.columns[m]} ${r[m]}`} />
        </td>
      ))}
    </tr>
  );
  return (
    <table className="ph-audit-table ph-stats-table" data-table="handling">
      <caption className="ph-sr-only">{`${T.handling.title}（${T.period(answer.from, answer.to)}）`}</caption>
      <thead>
        <tr>
          <th scope="col">{T.groups[answer.group]}</th>
          {MEASURES.map((m) => <th key={m} scope="col" className="ph-num">{T.handling.columns[m]}</th>)}
        </tr>
      </thead>
      <tbody>
        {answer.rows.map((r) => row(r, r.key))}
        {row({ ...answer.total, key: T.handling.total }, null, true)}
      </tbody>
    </table>
  );
}

export function HandlingSection({ state, today }: { state: StatsState; today: string }) {
  const router = useRouter();
  const params = handlingParams(state, today);
  const monthly = monthlyParams(state, today);
  const table = useHandling(params);
  const months = useHandling(monthly);
  const filters = { district: state.district, office: state.office };
  const option = useMemo(() => (months.data ? monthlyOption(months.data) : null), [months.data]);
  return (
    <>
      <StatsSection id="handling" title={T.handling.title} csv={statsCsvHref('handling', params)} query={table}>
        {(answer) => (
          <>
            <p className="ph-muted ph-stats-period">{T.period(answer.from, answer.to)}{answer.as_of ? ` · ${T.asOf(formatDateTime(answer.as_of))}` : ''}</p>
            {answer.rows.length === 0 && answer.total.open === 0 ? <p className="ph-muted">{T.handling.empty}</p> : null}
            <HandlingTable answer={answer} filters={filters} />
          </>
        )}
      </StatsSection>
      <StatsSection id="handling-months" title={`${T.handling.chartTitle}（${yearOf(state, today)} 年）`} csv={statsCsvHref('handling', monthly)} query={months}>
        {(answer) => option ? (
          <EChart
            name="handling-months"
            option={option}
            label={T.handling.chartLabel(yearOf(state, today))}
            onClick={(click) => {
              const d = monthlyClick(answer, filters, click);
              if (d) router.push(drillHref(d));
            }}
          />
        ) : null}
      </StatsSection>
    </>
  );
}
