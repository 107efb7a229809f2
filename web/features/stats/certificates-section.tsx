'use client';
/**
 * 证照情况统计: per 办理部门 (总计 first, as the seed prints it) the certificates issued in the
 * period, and per type those uploaded, not uploaded and the upload rate, under the seed's
 * grouped header; its own 开始时间 / 结束时间 with 上一年 and 本年; a chart of each unit's
 * uploads. Every count opens its approvals.
 */
import { Button } from 'antd';
import { useRouter } from 'next/navigation';
import { useMemo, type FormEvent } from 'react';
import { AppLink as Link } from '../common/app-link';
import { uploadClick, uploadOption } from './chart-options';
import { certificateDrill, drillHref } from './drill-down';
import { EChart } from './echart';
import { FigureLink } from './figure-link';
import { StatsSection } from './stats-section';
import { certificateParams, certificateShortcuts, statsCsvHref, statsHref, validDate, type StatsState } from './stats-state';
import { useCertificates } from './stats.queries';
import type { CertificateRow, CertificatesAnswer } from './stats.types';
import { STATS_TEXTS } from './texts';

const T = STATS_TEXTS;
const C = T.certificates;

function CertificatesTable({ answer }: { answer: CertificatesAnswer }) {
  const period = { from: answer.from, to: answer.to };
  const row = (r: CertificateRow, unit: string | null, total = false) => (
    <tr key={r.unit} data-row={r.unit} className={total ? 'ph-stats-total' : undefined}>
      <th scope="row">{r.unit}</th>
      <td className="ph-num" data-cell="issued"><FigureLink value={r.issued} drill={certificateDrill(period, unit, null, null)} label={`${r.unit} ${C.issued} ${r.issued}`} /></td>
      {answer.types.map((type) => {
        const t = r.by_type[type] ?? { issued: 0, uploaded: 0, not_uploaded: 0, rate: '0.0%' };
        return [
          <td key={`${type}-i`} className="ph-num ph-group-start" data-cell={`${type}:issued`}>
            <FigureLink value={t.issued} drill={certificateDrill(period, unit, type, null)} label={`${r.unit} ${type} ${C.issued} ${t.issued}`} />
          </td>,
          <td key={`${type}-u`} className="ph-num" data-cell={`${type}:uploaded`}>
            <FigureLink value={t.uploaded} drill={certificateDrill(period, unit, type, true)} label={`${r.unit} ${type} ${C.uploaded} ${t.uploaded}`} />
          </td>,
          <td key={`${type}-n`} className="ph-num" data-cell={`${type}:not_uploaded`}>
            <FigureLink value={t.not_uploaded} drill={certificateDrill(period, unit, type, false)} label={`${r.unit} ${type} ${C.notUploaded} ${t.not_uploaded}`} />
          </td>,
          <td key={`${type}-r`} className="ph-num" data-cell={`${type}:rate`}>{t.rate}</td>,
        ];
      })}
    </tr>
  );
  return (
    <div className="ph-table-scroll">
      <table className="ph-audit-table ph-stats-table ph-cert-table" data-table="certificates">
        <caption className="ph-sr-only">{`${C.title}（${T.period(answer.from, answer.to)}）`}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={3}>{C.unit}</th>
            <th scope="col" rowSpan={3} className="ph-num">{C.issued}</th>
            {answer.types.map((type) => <th key={type} scope="colgroup" colSpan={4} className="ph-group-start ph-center">{type}</th>)}
          </tr>
          <tr>
            {answer.types.map((type) => [
              <th key={`${type}-i`} scope="col" rowSpan={2} className="ph-num ph-group-start">{C.issued}</th>,
              <th key={`${type}-u`} scope="colgroup" colSpan={2} className="ph-center">{C.upload}</th>,
              <th key={`${type}-r`} scope="col" rowSpan={2} className="ph-num">{C.rate}</th>,
            ])}
          </tr>
          <tr>
            {answer.types.map((type) => [
              <th key={`${type}-u`} scope="col" className="ph-num">{C.uploaded}</th>,
              <th key={`${type}-n`} scope="col" className="ph-num">{C.notUploaded}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {row(answer.total, null, true)}
          {answer.rows.map((r) => row(r, r.unit))}
        </tbody>
      </table>
    </div>
  );
}

function PeriodForm({ state, today, period }: { state: StatsState; today: string; period: { from: string; to: string } }) {
  const router = useRouter();
  const { lastYear, thisYear } = certificateShortcuts(today);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const cfrom = validDate(String(form.get('cfrom') ?? ''));
    const cto = validDate(String(form.get('cto') ?? ''));
    router.push(statsHref({ ...state, cfrom, cto: cfrom && cto && cfrom > cto ? null : cto }), { scroll: false });
  };
  return (
    <form key={`${period.from}/${period.to}`} className="ph-audit-filters" aria-label={`${C.title}：${C.from}、${C.to}`} onSubmit={submit}>
      <label>{C.from}<input className="ph-select" type="date" name="cfrom" defaultValue={period.from} /></label>
      <label>{C.to}<input className="ph-select" type="date" name="cto" defaultValue={period.to} /></label>
      <Button htmlType="submit">{T.apply}</Button>
      <Link href={statsHref({ ...state, cfrom: lastYear.from, cto: lastYear.to })} scroll={false}>{C.lastYear}</Link>
      <Link href={statsHref({ ...state, cfrom: thisYear.from, cto: thisYear.to })} scroll={false}>{C.thisYear}</Link>
    </form>
  );
}

export function CertificatesSection({ state, today }: { state: StatsState; today: string }) {
  const router = useRouter();
  const params = certificateParams(state, today);
  const query = useCertificates(params);
  const option = useMemo(() => (query.data ? uploadOption(query.data) : null), [query.data]);
  return (
    <StatsSection id="certificates" title={C.title} csv={statsCsvHref('certificates', params)} query={query} tools={<PeriodForm state={state} today={today} period={params} />}>
      {(answer) => (
        <>
          <CertificatesTable answer={answer} />
          <h3 className="ph-stats-subtitle">{C.chartTitle}</h3>
          {option ? (
            <EChart
              name="certificates-upload"
              option={option}
              label={C.chartLabel}
              onClick={(click) => {
                const d = uploadClick(answer, click);
                if (d) router.push(drillHref(d));
              }}
            />
          ) : null}
        </>
      )}
    </StatsSection>
  );
}
