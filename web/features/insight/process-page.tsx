'use client';
/**
 * 流程分析 (/process, supervisors and admins): which run of the analysis is shown and 重新分析,
 * the business item (in the URL), its flow, what was found, and the cases that deviate. Other
 * roles are told which roles it needs, without asking the API.
 */
import { Button } from 'antd';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useTransition, type FormEvent } from 'react';
import { useSession } from '../auth/auth.queries';
import { can, ROLE_NAMES } from '../auth/roles';
import { ErrorState, Loading, Notice } from '../common/states';
import { COMMON_TEXTS } from '../common/texts';
import { ConformanceSection } from './conformance-section';
import { FindingsSection } from './findings-section';
import { FlowSection } from './flow-section';
import { chosenItem, DEFAULT_INSIGHT, insightHref, parseInsightState } from './insight-state';
import { useInsightSummary } from './insight.queries';
import type { InsightSummary } from './insight.types';
import { RunStatus } from './run-status';
import { INSIGHT_TEXTS as T } from './texts';

function ItemPicker({ summary, item }: { summary: InsightSummary; item: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const picked = String(new FormData(e.currentTarget).get('item') ?? '');
    start(() => router.push(insightHref({ ...DEFAULT_INSIGHT, item: picked || null }), { scroll: false }));
  };
  const items = [...summary.items].sort((a, b) => b.cases - a.cases);
  return (
    <form key={item ?? ''} role="search" aria-label={T.item} method="get" action={pathname} onSubmit={submit} className="ph-audit-filters" aria-busy={pending}>
      <label>{T.item}
        <select className="ph-select" name="item" defaultValue={item ?? ''}>
          {items.map((i) => <option key={i.item} value={i.item}>{T.itemOption(i.item, i.cases)}</option>)}
          {item && !items.some((i) => i.item === item) ? <option value={item}>{item}</option> : null}
        </select>
      </label>
      <Button type="primary" htmlType="submit">{T.show}</Button>
    </form>
  );
}

function Analysis() {
  const params = useSearchParams();
  const state = useMemo(() => parseInsightState(new URLSearchParams(params.toString())), [params]);
  const summary = useInsightSummary();
  if (summary.isPending) return <Loading rows={8} />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const item = chosenItem(state, s);
  const run = s.computed_at;
  return (
    <>
      <RunStatus summary={s} />
      {run === null ? null : item === null ? <p className="ph-muted">{T.noItems}</p> : (
        <>
          <ItemPicker summary={s} item={item} />
          <FlowSection run={run} item={item} />
          <FindingsSection run={run} item={item} />
          <ConformanceSection run={run} item={item} state={state} />
        </>
      )}
    </>
  );
}

export function ProcessPage() {
  const session = useSession();
  const role = session.data?.role;
  let body;
  if (session.isPending) body = <Loading rows={4} />;
  else if (!can(role, 'insight')) {
    body = <Notice tone="error" title={COMMON_TEXTS.errors.forbiddenNeeds([ROLE_NAMES.supervisor, ROLE_NAMES.admin])} />;
  } else body = <Analysis />;
  return (
    <div className="ph-statistics ph-process">
      <h1 className="ph-page-title">{T.pageTitle}</h1>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.intro}</p>
      {body}
    </div>
  );
}
