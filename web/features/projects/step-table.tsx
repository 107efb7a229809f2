'use client';
/**
 * An approval's steps: office, time limit in working days, dates, and 超期 where a step ran over.
 * A plain table: Ant Design's Table (sorting, selection, filters) would add ~85 KiB to the page.
 */
import { formatDate, formatDateTime } from '../common/format';
import { Pill } from '../common/pill';
import type { ProjectStep } from './project.types';
import { PROJECT_TEXTS } from './texts';

const T = PROJECT_TEXTS.steps;

export function StepState({ step }: { step: ProjectStep }) {
  const state = step.finished_at ? T.done : step.started_at ? T.running : T.notStarted;
  return (
    <span className="ph-step-state">
      {step.overdue ? <Pill tone="red" data-overdue="true">{T.overdue}</Pill> : null}
      <span>{state}</span>
    </span>
  );
}

export function StepTable({ steps, caption }: { steps: ProjectStep[]; caption: string }) {
  return (
    <table className="ph-table ph-step-table">
      <caption className="ph-sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{T.name}</th>
          <th scope="col">{T.group}</th>
          <th scope="col">{T.office}</th>
          <th scope="col">{T.handler}</th>
          <th scope="col">{T.limit}</th>
          <th scope="col">{T.started}</th>
          <th scope="col">{T.finished}</th>
          <th scope="col">{T.due}</th>
          <th scope="col">{T.state}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s, i) => (
          <tr key={i} className={s.overdue ? 'ph-row-overdue' : undefined}>
            <td>{s.name}</td>
            <td>{s.stage ?? '—'}</td>
            <td>{s.office ?? '—'}</td>
            <td>{s.handler ?? '—'}</td>
            <td>{s.limit_days === null ? '—' : T.limitDays(s.limit_days)}</td>
            <td>{formatDateTime(s.started_at)}</td>
            <td>{formatDateTime(s.finished_at)}</td>
            <td>{formatDate(s.due)}</td>
            <td><StepState step={s} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
