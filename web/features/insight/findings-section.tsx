'use client';
/**
 * What the analysis found for an item: 阻滞节点 ranked by the cycle time they cost, and the
 * pairs of steps done in both orders — 互为前置 (the order matters) and 潜在可并行 (it does
 * not, and two offices could work side by side) — each with the cases behind it.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../common/states';
import { CaseLinks } from './case-links';
import { useBottlenecks, usePairs } from './insight.queries';
import type { Bottleneck, InsightList, PairKind, StepPair } from './insight.types';
import { INSIGHT_TEXTS as T } from './texts';

function Block<D>({ id, title, hint, query, children }: { id: string; title: string; hint: string; query: UseQueryResult<D>; children: (d: D) => ReactNode }) {
  let body;
  if (query.isPending) body = <Loading rows={3} />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else body = children(query.data);
  return (
    <section className="ph-stats-section" aria-labelledby={`${id}-title`} data-section={id}>
      <div className="ph-stats-section-head"><h2 id={`${id}-title`}>{title}</h2></div>
      <p className="ph-muted ph-stats-period">{hint}</p>
      {body}
    </section>
  );
}

function Bottlenecks({ list }: { list: InsightList<Bottleneck> }) {
  const C = T.bottleneckColumns;
  if (list.items.length === 0) return <p className="ph-muted">{T.noBottlenecks}</p>;
  return (
    <div className="ph-table-scroll">
      <table className="ph-audit-table" data-table="bottlenecks">
        <thead>
          <tr>
            <th scope="col">{C.step}</th><th scope="col">{C.office}</th><th scope="col">{C.period}</th>
            <th scope="col" className="ph-num">{C.cases}</th><th scope="col" className="ph-num">{C.waiting}</th>
            <th scope="col" className="ph-num">{C.cost}</th><th scope="col" className="ph-num">{C.share}</th>
            <th scope="col" className="ph-num">{C.growth}</th><th scope="col">{C.reason}</th><th scope="col">{C.examples}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((b) => (
            <tr key={`${b.item}/${b.step}/${b.office}/${b.from}`} data-bottleneck={b.step}>
              <th scope="row" className="ph-nowrap">{b.step}</th>
              <td className="ph-insight-office">{b.office ?? '—'}</td>
              <td className="ph-nowrap">{T.period(b.from, b.to)}</td>
              <td className="ph-num">{b.cases}</td>
              <td className="ph-num ph-nowrap">{T.spread(b.waiting_p50, b.baseline_waiting_p50)}</td>
              <td className="ph-num ph-nowrap">{T.days(b.cost_days)}</td>
              <td className="ph-num">{T.percent(b.wait_share)}</td>
              <td className="ph-num">{T.growth(b.queue_growth)}</td>
              <td className="ph-insight-reason">{b.reason}</td>
              <td><CaseLinks ids={b.example_cases} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pairs({ list, kind }: { list: InsightList<StepPair>; kind: PairKind }) {
  const C = T.pairColumns;
  if (list.items.length === 0) return <p className="ph-muted">{kind === 'mutual' ? T.noMutual : T.noParallel}</p>;
  return (
    <div className="ph-table-scroll">
      <table className="ph-audit-table" data-table={`pairs-${kind}`}>
        <thead>
          <tr>
            <th scope="col">{C.pair}</th><th scope="col">{C.orders}</th><th scope="col">{C.offices}</th>
            <th scope="col" className="ph-num">{kind === 'mutual' ? C.effect : C.saved}</th>
            <th scope="col">{C.reason}</th><th scope="col">{C.examples}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((p) => (
            <tr key={`${p.item}/${p.a}/${p.b}`} data-pair={`${p.a}|${p.b}`}>
              <th scope="row" className="ph-nowrap">{`${p.a} ⇄ ${p.b}`}</th>
              <td>{T.orders(p.a, p.b, p.a_first, p.b_first)}</td>
              <td className="ph-insight-office">{p.offices.map((o) => o ?? '—').join('、')}</td>
              <td className="ph-num ph-nowrap">{kind === 'mutual' ? T.days(p.effect) : T.saved(p.saved_days_p50, p.saved_days_total)}</td>
              <td className="ph-insight-reason">{p.reason}</td>
              <td><CaseLinks ids={p.example_cases} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FindingsSection({ run, item }: { run: string | null; item: string }) {
  const bottlenecks = useBottlenecks(run, item);
  const mutual = usePairs(run, 'mutual', item);
  const parallel = usePairs(run, 'parallel', item);
  return (
    <>
      <Block id="bottlenecks" title={T.bottlenecks} hint={T.bottlenecksHint} query={bottlenecks}>{(l) => <Bottlenecks list={l} />}</Block>
      <Block id="mutual" title={T.mutual} hint={T.mutualHint} query={mutual}>{(l) => <Pairs list={l} kind="mutual" />}</Block>
      <Block id="parallel" title={T.parallel} hint={T.parallelHint} query={parallel}>{(l) => <Pairs list={l} kind="parallel" />}</Block>
    </>
  );
}
