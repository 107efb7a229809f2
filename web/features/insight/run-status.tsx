'use client';
/**
 * Which run of the analysis the page shows (「分析于 …」), a run in progress with its progress,
 * and 重新分析 for the roles that may start one (the summary then polls until it is done).
 */
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { formatDateTime } from '../common/format';
import { ErrorState, Notice } from '../common/states';
import { useRefreshInsight } from './insight.queries';
import type { InsightSummary } from './insight.types';
import { INSIGHT_TEXTS as T } from './texts';

export function RunStatus({ summary }: { summary: InsightSummary }) {
  const canRefresh = can(useSession().data?.role, 'insightRefresh');
  const refresh = useRefreshInsight();
  const computing = summary.status === 'computing';
  const button = canRefresh ? (
    <button type="button" className="ph-button ph-button-primary" onClick={() => refresh.mutate()} disabled={computing || refresh.isPending}>
      {refresh.isPending ? T.refreshing : T.refresh}
    </button>
  ) : null;
  return (
    <div className="ph-insight-run" data-status={summary.status}>
      <p className="ph-insight-run-line">
        {summary.computed_at ? <strong data-computed-at={summary.computed_at}>{T.computedAt(formatDateTime(summary.computed_at))}</strong> : null}
        {summary.computed_at && summary.duration_ms !== null ? <span className="ph-muted">{T.duration((summary.duration_ms / 1000).toFixed(1))}</span> : null}
        {summary.computed_at ? <span className="ph-muted">{T.scope(summary.cases, summary.steps)}</span> : null}
        {computing ? (
          <span role="status" className="ph-insight-progress">
            {summary.progress ? T.progress(summary.progress.done, summary.progress.total, summary.progress.phase) : T.computing}
            {summary.progress && summary.progress.total > 0 ? <progress max={summary.progress.total} value={summary.progress.done} aria-label={T.computing} /> : null}
          </span>
        ) : null}
        {button}
      </p>
      {summary.status === 'none' ? <Notice tone="info" title={T.none}>{T.noneHint}</Notice> : null}
      {summary.status === 'failed' ? <Notice tone="warning" title={T.failed} /> : null}
      {refresh.isError ? <ErrorState error={refresh.error} /> : null}
    </div>
  );
}
