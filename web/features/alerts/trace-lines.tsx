'use client';
/**
 * A rule's trace in plain Chinese (describe-trace.ts), with the table's own column names when the
 * rule center sends its content (cached per rule; a function rule has none).
 */
import { useMemo } from 'react';
import { useRule } from '../rules/rules.queries';
import { describeTrace } from './describe-trace';
import { ALERT_TEXTS as T } from './texts';

export function TraceLines({ trace, ruleId }: { trace: unknown; ruleId: string }) {
  const rule = useRule(ruleId);
  const lines = useMemo(() => describeTrace(trace, rule.data?.content ?? null), [trace, rule.data]);
  if (lines.length === 0) return <p className="ph-muted ph-trace-none">{T.noTrace}</p>;
  return (
    <ol className="ph-trace" aria-label={T.trace}>
      {lines.map((line, i) => <li key={i}>{line}</li>)}
    </ol>
  );
}
