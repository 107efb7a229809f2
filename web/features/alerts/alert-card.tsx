'use client';
/**
 * One alert: its project and approval, the step, the rule and the version that raised it, the
 * reason, the trace in plain Chinese, and where it stands. A supervisor may 确认收到 it and decide
 * 提醒 / 退件 / 暂停 with a note; everyone else sees its status.
 */
import { useId, useState } from 'react';
import { AppLink as Link } from '../common/app-link';
import { formatDateTime } from '../common/format';
import { Pill } from '../common/pill';
import { projectHref, recordHref } from '../common/record-links';
import { ErrorState } from '../common/states';
import { DECISIONS, type Alert, type Decision } from './alerts.types';
import { useAcknowledge, useDecide } from './alerts.queries';
import { ALERT_TEXTS as T } from './texts';
import { TraceLines } from './trace-lines';
import { VerdictPill } from './verdict-pill';

const STATUS_TONES = { open: 'volcano', acknowledged: 'blue', decided: 'green' } as const;

function Decide({ alert }: { alert: Alert }) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const decide = useDecide();
  const acknowledge = useAcknowledge();
  const options = (alert.options.length > 0 ? alert.options : DECISIONS).filter((o): o is Decision => (DECISIONS as readonly string[]).includes(o));
  const busy = decide.isPending || acknowledge.isPending;
  return (
    <div className="ph-alert-decide" role="group" aria-label={T.decideLabel}>
      <label htmlFor={noteId} className="ph-sr-only">{T.note}</label>
      <textarea id={noteId} className="ph-alert-note" rows={2} maxLength={500} placeholder={T.notePlaceholder} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="ph-alert-buttons">
        {options.map((d) => (
          <button key={d} type="button" className={d === '暂停' || d === '退件' ? 'ph-button ph-button-danger' : 'ph-button'} disabled={busy}
            onClick={() => decide.mutate({ alertId: alert.id, decision: d, note: note.trim() || undefined })}>
            {d}
          </button>
        ))}
        {alert.status === 'open' ? (
          <button type="button" className="ph-button" disabled={busy} onClick={() => acknowledge.mutate(alert.id)}>{T.acknowledge}</button>
        ) : null}
        {busy ? <span className="ph-muted" role="status">{T.deciding}</span> : null}
      </div>
      {decide.isError ? <ErrorState error={decide.error} /> : null}
      {acknowledge.isError ? <ErrorState error={acknowledge.error} /> : null}
    </div>
  );
}

export function AlertCard({ alert, ruleName, canDecide }: { alert: Alert; ruleName: string; canDecide: boolean }) {
  return (
    <li className="ph-alert-card" data-alert={alert.id} data-status={alert.status}>
      <div className="ph-alert-head">
        <VerdictPill verdict={alert.verdict} />
        <Pill tone={STATUS_TONES[alert.status] ?? 'gray'} data-alert-status={alert.status}>{T.statuses[alert.status] ?? alert.status}</Pill>
        <strong className="ph-alert-rule">{ruleName}</strong>
        <span className="ph-muted">{T.version(alert.rule_version)}</span>
        <span className="ph-muted ph-alert-at">{T.raisedAt} {formatDateTime(alert.created_at)}</span>
      </div>
      <dl className="ph-alert-facts">
        <dt>{T.projectLabel}</dt>
        <dd>{alert.project_no ? <Link href={projectHref(alert.project_no)}>{alert.project_no}</Link> : '—'}</dd>
        <dt>{T.approvalLabel}</dt>
        <dd><Link href={recordHref('approval', alert.approval_id)}>{alert.approval_id}</Link></dd>
        <dt>{T.stepLabel}</dt>
        <dd>{alert.step}</dd>
        {alert.office ? <><dt>{T.office}</dt><dd>{alert.office}</dd></> : null}
      </dl>
      <p className="ph-alert-reason"><span className="ph-sr-only">{T.reason}：</span>{alert.reason}</p>
      <details className="ph-alert-trace" open>
        <summary>{T.trace}</summary>
        <TraceLines trace={alert.trace} ruleId={alert.rule_id} />
      </details>
      {alert.status === 'acknowledged' && alert.acknowledged_by ? (
        <p className="ph-alert-decided">{T.acknowledgedBy(alert.acknowledged_by, formatDateTime(alert.acknowledged_at))}</p>
      ) : null}
      {alert.status === 'decided' && alert.decision ? (
        <p className="ph-alert-decided" data-decision={alert.decision}>
          {T.decidedAs(alert.decision, alert.decided_by, formatDateTime(alert.decided_at))}
          {alert.note ? `　${T.note}：${alert.note}` : ''}
        </p>
      ) : null}
      {canDecide && alert.status !== 'decided' ? <Decide alert={alert} /> : null}
    </li>
  );
}
