'use client';
/**
 * An admin's edit of a rule table: its cells in plain text fields, rows added and removed, then
 * 试运行 (which alerts the edit would open and close; nothing changes) and 发布 (the API runs the
 * table's cases first and refuses a version whose cases fail, listing them).
 */
import { useState } from 'react';
import { AppLink as Link } from '../common/app-link';
import { recordHref } from '../common/record-links';
import { ErrorState, Notice } from '../common/states';
import { RefusalError } from '../alerts/post-keeping-body';
import { DecisionTableView } from './decision-table-view';
import { addRow, decisionTables, removeRow, setCell } from './jdm-table';
import { dryRunSummary, failingCases, type DryRunAlert } from './rules-answers';
import { useDryRun, usePublish } from './rules.queries';
import type { CaseResult } from './rules.types';
import { RULE_TEXTS as T } from './texts';

const json = (v: unknown) => JSON.stringify(v);

function AlertLines({ title, items }: { title: string; items: DryRunAlert[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <div className="ph-notice-title">{title}</div>
      <ul className="ph-dry-run">
        {items.map((a, i) => (
          <li key={i}>
            {a.approval_id ? <Link href={recordHref('approval', a.approval_id)}>{a.approval_id}</Link> : null}
            {a.project_no ? ` · ${a.project_no}` : ''}{a.step ? ` · ${a.step}` : ''}{a.reason ? `：${a.reason}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function FailingCases({ cases }: { cases: CaseResult[] }) {
  return (
    <ul className="ph-failing-cases">
      {cases.map((c) => (
        <li key={c.name} data-case={c.name}>
          <strong>{c.name}</strong>
          <div>{T.caseExpected}：<code>{json(c.expected)}</code></div>
          <div>{T.caseGot}：<code>{json(c.got)}</code></div>
        </li>
      ))}
    </ul>
  );
}

export function RuleEditor({ ruleId, content, onDone }: { ruleId: string; content: unknown; onDone: () => void }) {
  const [draft, setDraft] = useState<unknown>(content);
  const dryRun = useDryRun(ruleId);
  const publish = usePublish(ruleId);
  const tables = decisionTables(draft);
  const summary = dryRun.data !== undefined ? dryRunSummary(dryRun.data) : null;
  const refused = publish.error instanceof RefusalError && publish.error.status === 422 ? failingCases(publish.error.body) : null;
  const edit = (next: unknown) => {
    setDraft(next);
    dryRun.reset();
    publish.reset();
  };
  return (
    <section className="ph-panel ph-rule-editor" aria-label={T.edit}>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.editing}</p>
      {tables.map((t) => (
        <DecisionTableView
          key={t.nodeId}
          table={t}
          onCell={(row, col, value) => edit(setCell(draft, t.nodeId, row, col, value))}
          onAddRow={(after) => edit(addRow(draft, t.nodeId, after))}
          onRemoveRow={(row) => edit(removeRow(draft, t.nodeId, row))}
        />
      ))}
      <div className="ph-alert-buttons" style={{ marginTop: 12 }}>
        <button type="button" className="ph-button" disabled={dryRun.isPending || publish.isPending} onClick={() => dryRun.mutate(draft)}>{T.dryRun}</button>
        <button type="button" className="ph-button ph-button-primary" disabled={dryRun.isPending || publish.isPending} onClick={() => publish.mutate(draft, { onSuccess: onDone })}>{T.publish}</button>
        <button type="button" className="ph-button" onClick={onDone}>{T.stopEdit}</button>
        {dryRun.isPending ? <span className="ph-muted" role="status">{T.dryRunning}</span> : null}
        {publish.isPending ? <span className="ph-muted" role="status">{T.publishing}</span> : null}
      </div>
      {summary ? (
        <Notice tone="info" title={T.dryRunTitle}>
          <div data-dry-run="true">
            {summary.open.length === 0 && summary.close.length === 0 ? T.noChange : null}
            <AlertLines title={T.wouldOpen(summary.open.length)} items={summary.open} />
            <AlertLines title={T.wouldClose(summary.close.length)} items={summary.close} />
            {summary.cases.length > 0 ? <><div className="ph-notice-title">{T.refused}</div><FailingCases cases={summary.cases} /></> : null}
          </div>
        </Notice>
      ) : null}
      {dryRun.isError ? <ErrorState error={dryRun.error} /> : null}
      {refused ? (
        <Notice tone="error" title={T.refused}><FailingCases cases={refused} /></Notice>
      ) : publish.isError ? <ErrorState error={publish.error} /> : null}
    </section>
  );
}
