'use client';
/**
 * Loading, empty and error states, the same on every page. Plain markup rather than Ant Design's
 * Skeleton, Empty, Alert and Result: they are on every page, and together weigh ~45 KiB gzipped.
 */
import type { ReactNode } from 'react';
import { describeError } from './describe-error';
import { COMMON_TEXTS } from './texts';

export function Loading({ rows = 6, label = COMMON_TEXTS.loading }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="ph-loading">
      <span className="ph-sr-only">{label}</span>
      <div className="ph-skeleton ph-skeleton-title" />
      {Array.from({ length: rows }, (_, i) => <div key={i} className="ph-skeleton" style={{ width: `${92 - ((i * 17) % 30)}%` }} />)}
    </div>
  );
}

/** A boxed message: `error` for failures (announced), `info` and `warning` for notes. */
export function Notice({ tone, title, children, action }: { tone: 'error' | 'info' | 'warning'; title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'note'} className={`ph-notice ph-notice-${tone}`}>
      <div className="ph-notice-body">
        <div className="ph-notice-title">{title}</div>
        {children ? <div className="ph-notice-detail">{children}</div> : null}
      </div>
      {action ? <div className="ph-notice-action">{action}</div> : null}
    </div>
  );
}

export function ErrorState({ error, notFound, onRetry }: { error: unknown; notFound?: string; onRetry?: () => void }) {
  const { title, detail } = describeError(error, notFound);
  return (
    <Notice
      tone="error"
      title={title}
      action={onRetry ? <button type="button" className="ph-button" onClick={onRetry}>{COMMON_TEXTS.retry}</button> : undefined}
    >
      {detail ? <span style={{ wordBreak: 'break-all' }}>{COMMON_TEXTS.errors.detailLabel}：{detail}</span> : null}
    </Notice>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="ph-empty">{children}</div>;
}
