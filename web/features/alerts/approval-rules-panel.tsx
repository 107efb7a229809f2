'use client';
/**
 * 规则检查 on an approval's page: each step's latest rule results, 暂停 when an alert's decision
 * suspended it (with 恢复办理 for supervisors), and for the office's handlers (and supervisors)
 * 开始 / 完成 of the step at hand — a blocked move's reasons said as the rules gave them.
 * Shown to everyone signed in; mounted with one line on the reading page.
 */
import { useSession } from '../auth/auth.queries';
import { can } from '../auth/roles';
import { formatDateTime } from '../common/format';
import { Pill } from '../common/pill';
import { EmptyState, ErrorState, Loading, Notice } from '../common/states';
import type { RuleOutcome } from './alerts.types';
import { useAdvance, useApprovalRules, useResume } from './alerts.queries';
import { nextMove, recordSuspended } from './approval-rules';
import { OutcomeList } from './outcome-list';
import { RefusalError } from './post-keeping-body';
import { ALERT_TEXTS as T } from './texts';

interface StepLike { name: string; started_at: string | null; finished_at: string | null }

/** What a refused move said, in Chinese: the blocking rules' reasons, or why the approval does not move at all. */
function Refusal({ error }: { error: unknown }) {
  if (!(error instanceof RefusalError) || error.status !== 409) return <ErrorState error={error} />;
  const outcomes = (error.body.outcomes as RuleOutcome[] | undefined) ?? [];
  const blocking = outcomes.filter((o) => o.verdict === 'block');
  const raised = ((error.body.alerts as unknown[] | undefined) ?? []).length;
  if (blocking.length > 0) {
    return (
      <Notice tone="error" title={T.blocked}>
        <OutcomeList outcomes={blocking} />
        {raised > 0 ? <p style={{ margin: '4px 0 0' }}>{T.raised(raised)}</p> : null}
      </Notice>
    );
  }
  // No rule spoke: the approval itself does not move (suspended, or closed).
  return <Notice tone="error" title={/suspended/.test(error.message) ? T.suspendedNote : /no longer moves/.test(error.message) ? T.closedNote : T.blocked} />;
}

function Advance({ approvalId, steps, suspended }: { approvalId: string; steps: StepLike[]; suspended: boolean }) {
  const advance = useAdvance(approvalId);
  const move = nextMove(steps);
  if (!move) return <p className="ph-muted" style={{ marginLeft: 0 }}>{T.allDone}</p>;
  const shown = advance.data ? advance.data.outcomes.filter((o) => o.verdict !== 'pass') : [];
  return (
    <div className="ph-advance" role="group" aria-label={T.advanceTitle}>
      <div className="ph-advance-row">
        <span>{T.currentStep(move.step)}</span>
        <button type="button" className="ph-button ph-button-primary" disabled={suspended || advance.isPending} onClick={() => advance.mutate(move)}>
          {move.action === 'start' ? T.start(move.step) : T.finish(move.step)}
        </button>
        {advance.isPending ? <span className="ph-muted" role="status">{T.advancing}</span> : null}
      </div>
      {advance.isError ? <Refusal error={advance.error} /> : null}
      {advance.data ? (
        <Notice tone="info" title={`${T.allowed(advance.data.step, advance.data.action)}${advance.data.alerts?.length ? T.raised(advance.data.alerts.length) : ''}`}>
          {shown.length > 0 ? <OutcomeList outcomes={shown} /> : null}
        </Notice>
      ) : null}
    </div>
  );
}

export function ApprovalRulesPanel({ approvalId, record }: { approvalId: string; record: Record<string, unknown> }) {
  const user = useSession().data;
  const role = user?.role;
  // Every signed-in role reads the results (resource:read); moving and resuming are offered by role.
  const shown = role !== undefined;
  const rules = useApprovalRules(approvalId, shown);
  const resume = useResume(approvalId);
  if (!shown) return null;
  const steps = (Array.isArray(record.steps) ? record.steps : []) as StepLike[];
  const suspended = (rules.data?.suspended ?? recordSuspended(record)) === true;
  const office = typeof record.office === 'string' ? record.office : null;
  // A handler moves their own office's cases only (the API says so too); a supervisor any.
  const mayAdvance = can(role, 'approvalAdvance') && (role !== 'handler' || !office || !user?.office || office === user.office);

  let body;
  if (rules.isPending) body = <Loading rows={3} />;
  else if (rules.isError) body = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (rules.data.steps.length === 0) body = <EmptyState>{T.noRules}</EmptyState>;
  else {
    body = (
      <ol className="ph-step-rules">
        {rules.data.steps.map((s) => (
          <li key={`${s.step}:${s.action ?? ''}`} data-step={s.step}>
            <div className="ph-step-rules-head">
              <strong>{s.step}</strong>
              {s.action ? <span className="ph-muted">{T.actions[s.action]}</span> : null}
              {s.evaluated_at ? <span className="ph-muted">{T.evaluatedAt} {formatDateTime(s.evaluated_at)}</span> : null}
            </div>
            <OutcomeList outcomes={s.outcomes} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <section aria-labelledby="ph-rules-title" className="ph-panel ph-rules-panel" style={{ marginTop: 12 }}>
      <h2 id="ph-rules-title" className="ph-section-title">
        {T.rulesPanel}
        {suspended ? <Pill tone="red" data-suspended="true" style={{ marginLeft: 8 }}>{T.suspended}</Pill> : null}
        <span className="ph-section-hint">{T.rulesHint}</span>
      </h2>
      {suspended ? (
        <Notice tone="warning" title={T.suspendedNote}
          action={can(role, 'alertDecide') ? <button type="button" className="ph-button" disabled={resume.isPending} onClick={() => resume.mutate()}>{T.resume}</button> : undefined}>
          {resume.isError ? <ErrorState error={resume.error} /> : null}
        </Notice>
      ) : null}
      {mayAdvance ? <Advance approvalId={approvalId} steps={steps} suspended={suspended} /> : null}
      {body}
    </section>
  );
}
