'use client';
/** 工作视图: the steps in hand now, who holds them, since when, and which are past their limit. */
import { AppLink as Link } from '../common/app-link';
import { formatDate, formatDateTime } from '../common/format';
import { Pill } from '../common/pill';
import { recordHref } from '../common/record-links';
import { EmptyState } from '../common/states';
import { openSteps } from './lifecycle';
import type { ProjectApproval } from './project.types';
import { StepState } from './step-table';
import { PROJECT_TEXTS } from './texts';

const W = PROJECT_TEXTS.work;
const T = PROJECT_TEXTS.steps;

export function WorkView({ approvals }: { approvals: ProjectApproval[] }) {
  const work = openSteps(approvals);
  if (work.length === 0) return <EmptyState>{W.none}</EmptyState>;
  const overdue = work.filter((w) => w.step.overdue).length;
  return (
    <section aria-label={PROJECT_TEXTS.views.work}>
      <p className="ph-muted" style={{ marginLeft: 0 }}>
        {W.intro}
        {overdue > 0 ? <Pill tone="red" style={{ marginLeft: 8 }}>{W.overdueCount(overdue)}</Pill> : null}
      </p>
      <table className="ph-table ph-work-table">
        <caption className="ph-sr-only">{PROJECT_TEXTS.views.work}</caption>
        <thead>
          <tr>
            <th scope="col">{W.approval}</th>
            <th scope="col">{T.name}</th>
            <th scope="col">{T.office}</th>
            <th scope="col">{W.holder}</th>
            <th scope="col">{W.since}</th>
            <th scope="col">{T.limit}</th>
            <th scope="col">{T.due}</th>
            <th scope="col">{T.state}</th>
          </tr>
        </thead>
        <tbody>
          {work.map((w) => (
            <tr key={`${w.approval.id}:${w.step.name}`} className={w.step.overdue ? 'ph-row-overdue' : undefined}>
              <td><Link href={recordHref('approval', w.approval.id)}>{w.approval.item}</Link></td>
              <td>{w.step.name}</td>
              <td>{w.step.office ?? '—'}</td>
              <td>{w.step.handler ?? '—'}</td>
              <td>{w.waiting ? T.waiting : formatDateTime(w.step.started_at)}</td>
              <td>{w.step.limit_days === null ? '—' : T.limitDays(w.step.limit_days)}</td>
              <td>{formatDate(w.step.due)}</td>
              <td>{w.waiting ? T.waiting : <StepState step={w.step} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
