'use client';
/** Rules' outcomes at a decision point: each rule's verdict, name and version, reason and trace. */
import type { RuleOutcome } from './alerts.types';
import { useRuleNames } from './rule-names';
import { ALERT_TEXTS as T } from './texts';
import { TraceLines } from './trace-lines';
import { VerdictPill } from './verdict-pill';

export function OutcomeList({ outcomes }: { outcomes: RuleOutcome[] }) {
  const ruleName = useRuleNames();
  return (
    <ul className="ph-outcomes">
      {outcomes.map((o, i) => (
        <li key={`${o.ruleId}:${o.cause ?? ''}:${i}`} className="ph-outcome" data-rule={o.ruleId} data-verdict={o.verdict}>
          <div className="ph-outcome-head">
            <VerdictPill verdict={o.verdict} />
            <strong>{ruleName(o.ruleId)}</strong>
            <span className="ph-muted">{T.version(o.version)}</span>
          </div>
          <div className="ph-outcome-reason">{o.reason}</div>
          {o.verdict === 'pass' ? null : <TraceLines trace={o.trace} ruleId={o.ruleId} />}
        </li>
      ))}
    </ul>
  );
}
