'use client';
/**
 * 进度视图: the six lifecycle stages with how far the project has come, and in each stage its
 * approvals with their steps (steps past their limit marked 超期).
 */
import { Steps } from 'antd';
import { Pill } from '../common/pill';
import { AppLink as Link } from '../common/app-link';
import { formatDate } from '../common/format';
import { recordHref } from '../common/record-links';
import { EmptyState } from '../common/states';
import { StatusTag } from '../common/status-tag';
import { groupByStage, type StageGroup } from './lifecycle';
import type { ProjectApproval } from './project.types';
import { StepTable } from './step-table';
import { PROJECT_TEXTS } from './texts';

const P = PROJECT_TEXTS.progress;
const STEP_STATUS = { done: 'finish', active: 'process', none: 'wait' } as const;
const PROGRESS_TEXT = { done: P.stageDone, active: P.stageActive, none: P.stageNone } as const;

function ApprovalBlock({ a }: { a: ProjectApproval }) {
  const overdue = a.steps.filter((s) => s.overdue).length;
  return (
    <div className="ph-approval" data-approval={a.id}>
      <div className="ph-approval-head">
        <Link href={recordHref('approval', a.id)} className="ph-approval-item">{a.item}</Link>
        <StatusTag status={a.status} />
        {overdue > 0 ? <Pill tone="red">{PROJECT_TEXTS.steps.overdue} {overdue}</Pill> : null}
        <span className="ph-muted">
          {P.received} {formatDate(a.received_at)}
          {a.closed_at ? ` · ${P.closed} ${formatDate(a.closed_at)}` : ''}
          {a.office ? ` · ${P.lead} ${a.office}${a.handler ? ` ${a.handler}` : ''}` : ''}
          {a.certificate_no ? ` · ${P.certificate} ${a.certificate_no}` : ''}
        </span>
      </div>
      <StepTable steps={a.steps} caption={`${a.item} ${PROJECT_TEXTS.steps.name}`} />
    </div>
  );
}

function StageSection({ group }: { group: StageGroup }) {
  return (
    <section className="ph-stage" aria-labelledby={`stage-${group.stage}`}>
      <h3 id={`stage-${group.stage}`} className="ph-stage-title">
        {group.stage}
        <span className="ph-muted">{PROGRESS_TEXT[group.progress]}</span>
      </h3>
      {group.approvals.map((a) => <ApprovalBlock key={a.id} a={a} />)}
    </section>
  );
}

export function ProgressView({ approvals }: { approvals: ProjectApproval[] }) {
  const groups = groupByStage(approvals);
  const main = groups.slice(0, 6);
  return (
    <div className="ph-progress">
      <section aria-label={P.stagesLabel} className="ph-panel">
        <Steps
          size="small"
          items={main.map((g) => ({
            title: g.stage,
            status: STEP_STATUS[g.progress],
            content: `${PROGRESS_TEXT[g.progress]}${g.approvals.length > 0 ? ` · ${g.approvals.length} 件` : ''}`,
          }))}
        />
      </section>
      {approvals.length === 0 ? <EmptyState>{P.noApprovals}</EmptyState> : null}
      {groups.filter((g) => g.approvals.length > 0).map((g) => <StageSection key={g.stage} group={g} />)}
    </div>
  );
}
