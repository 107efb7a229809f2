'use client';
/** A titled block of 统计 with its CSV link, its query's loading and error states, and its data once there. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../common/states';
import { STATS_TEXTS as T } from './texts';

export function StatsSection<D>({ id, title, csv, query, tools, children }: {
  id: string;
  title: string;
  csv?: string;
  query: UseQueryResult<D>;
  /** Controls of its own (证照情况统计's dates), shown under the title. */
  tools?: ReactNode;
  children: (data: D) => ReactNode;
}) {
  let body;
  if (query.isPending) body = <Loading rows={5} />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else body = <div className={query.isPlaceholderData ? 'ph-pending' : undefined}>{children(query.data)}</div>;
  return (
    <section className="ph-stats-section" aria-labelledby={`${id}-title`} data-section={id}>
      <div className="ph-stats-section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {csv ? <a href={csv} download className="ph-stats-csv" aria-label={`${title} ${T.csv}`}>{T.csv}</a> : null}
      </div>
      {tools}
      {body}
    </section>
  );
}
