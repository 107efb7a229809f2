/**
 * A project's lifecycle as the 360 view's 进度视图 shows it: the six stages of the bureau's
 * talk (选址及用地 → 竣工验收), each holding the approvals of its business items, and the
 * steps of the approvals still open (工作视图).
 */
import type { ProjectApproval, ProjectStep } from './project.types';

export const LIFECYCLE_STAGES = ['选址及用地', '土地批复', '土地征收', '土地供应', '设计方案审核', '竣工验收'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
/** Items outside the six stages (surveying and mapping): shown after them, only when present. */
export const OTHER_STAGE = '其他事项';
export type StageName = LifecycleStage | typeof OTHER_STAGE;

/** Business items (业务项) by stage; an item's （市政） variant belongs where the item does. */
const ITEMS_BY_STAGE: Record<LifecycleStage, readonly string[]> = {
  选址及用地: ['重大项目选址', '建设选址意见书', '规划设计条件', '建设用地规划许可', '土地储备要点'],
  土地批复: ['新增建设用地报批'],
  土地征收: ['征收土地公告', '征收土地补偿安置方案公告', '征收土地补偿安置方案审批', '征收完毕确认', '国有农用地转用补偿'],
  土地供应: ['国有建设用地供应审批', '建设用地批准书', '土地资产处置'],
  设计方案审核: ['规划方案预审', '规划设计方案审查', '建设工程规划许可证', '规划调整审批'],
  竣工验收: ['规划条件核实'],
};

const STAGE_OF_ITEM = new Map<string, LifecycleStage>(
  LIFECYCLE_STAGES.flatMap((stage) => ITEMS_BY_STAGE[stage].map((item): [string, LifecycleStage] => [item, stage])),
);

/** The stage an item belongs to: `建设用地规划许可（市政）` is 选址及用地 like its plain form. */
export function stageOfItem(item: string): StageName {
  const plain = item.trim().replace(/[（(]\s*市政\s*[）)]$/u, '');
  return STAGE_OF_ITEM.get(plain) ?? OTHER_STAGE;
}

/** An approval is done when 办结; anything else is still in hand. */
export const isClosed = (a: Pick<ProjectApproval, 'status'>) => a.status === '办结';

export type StageProgress = 'done' | 'active' | 'none';

export interface StageGroup {
  stage: StageName;
  progress: StageProgress;
  approvals: ProjectApproval[];
}

const byReceived = (a: ProjectApproval, b: ProjectApproval) =>
  (a.received_at ?? '9999').localeCompare(b.received_at ?? '9999') || a.id.localeCompare(b.id);

/**
 * Every lifecycle stage in order with its approvals (done when all are 办结, active while one is
 * open, none when the project has no approval there), then 其他事项 when there are any.
 */
export function groupByStage(approvals: readonly ProjectApproval[]): StageGroup[] {
  const groups = new Map<StageName, ProjectApproval[]>();
  for (const a of approvals) {
    const stage = stageOfItem(a.item);
    groups.set(stage, [...(groups.get(stage) ?? []), a]);
  }
  const progress = (list: ProjectApproval[]): StageProgress => (list.length === 0 ? 'none' : list.every(isClosed) ? 'done' : 'active');
  const out: StageGroup[] = LIFECYCLE_STAGES.map((stage) => {
    const list = (groups.get(stage) ?? []).sort(byReceived);
    return { stage, progress: progress(list), approvals: list };
  });
  const other = groups.get(OTHER_STAGE);
  if (other) out.push({ stage: OTHER_STAGE, progress: progress(other), approvals: other.sort(byReceived) });
  return out;
}

export interface OpenStep {
  approval: Pick<ProjectApproval, 'id' | 'item' | 'status'>;
  step: ProjectStep;
  /** Not started yet: the open approval's next step, waiting to be picked up. */
  waiting: boolean;
}

/**
 * The work in hand (工作视图): each started, unfinished step of an open approval, oldest first;
 * an open approval with no such step shows its next step, waiting.
 */
export function openSteps(approvals: readonly ProjectApproval[]): OpenStep[] {
  const out: OpenStep[] = [];
  for (const a of approvals) {
    if (isClosed(a)) continue;
    const approval = { id: a.id, item: a.item, status: a.status };
    const running = a.steps.filter((s) => s.started_at && !s.finished_at);
    if (running.length > 0) {
      for (const step of running) out.push({ approval, step, waiting: false });
    } else {
      const next = a.steps.find((s) => !s.started_at);
      if (next) out.push({ approval, step: next, waiting: true });
    }
  }
  return out.sort((x, y) => Number(x.waiting) - Number(y.waiting)
    || (x.step.started_at ?? '').localeCompare(y.step.started_at ?? '')
    || x.approval.id.localeCompare(y.approval.id));
}
