import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, OTHER_STAGE, groupByStage, openSteps, stageOfItem } from './lifecycle';
import type { ProjectApproval, ProjectStep } from './project.types';

const step = (name: string, o: Partial<ProjectStep> = {}): ProjectStep => ({
  name, stage: '技术审查', office: '行政审批处', handler: '经办人', limit_days: 3, started_at: null, finished_at: null, due: null, overdue: false, ...o,
});
const approval = (id: string, item: string, status: string, steps: ProjectStep[] = [], received_at: string | null = '2020-01-01T00:00:00Z'): ProjectApproval => ({
  id, item, status, received_at, closed_at: null, office: null, handler: null, certificate_no: null, steps,
});

describe('the lifecycle stages of a project', () => {
  it('puts each business item in its stage, municipal variants included', () => {
    expect(stageOfItem('建设选址意见书')).toBe('选址及用地');
    expect(stageOfItem('建设用地规划许可（市政）')).toBe('选址及用地');
    expect(stageOfItem('新增建设用地报批')).toBe('土地批复');
    expect(stageOfItem('征收完毕确认')).toBe('土地征收');
    expect(stageOfItem('国有建设用地供应审批')).toBe('土地供应');
    expect(stageOfItem('建设工程规划许可证(市政)')).toBe('设计方案审核');
    expect(stageOfItem('规划条件核实')).toBe('竣工验收');
    expect(stageOfItem('地图编制审批')).toBe(OTHER_STAGE);
  });

  it('lists all six stages in order, with their progress, and 其他事项 only when present', () => {
    const groups = groupByStage([
      approval('b', '规划设计方案审查', '在办', [], '2021-01-01T00:00:00Z'),
      approval('a', '建设工程规划许可证', '办结', [], '2020-06-01T00:00:00Z'),
      approval('c', '规划设计条件', '办结'),
    ]);
    expect(groups.map((g) => g.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(groups.map((g) => g.progress)).toEqual(['done', 'none', 'none', 'none', 'active', 'none']);
    expect(groups[4]!.approvals.map((a) => a.id)).toEqual(['a', 'b']);
    expect(groupByStage([approval('m', '测绘登记', '在办')]).at(-1)).toMatchObject({ stage: OTHER_STAGE, progress: 'active' });
  });
});

describe('the work in hand', () => {
  it('lists the started, unfinished steps of open approvals, oldest first, and skips closed ones', () => {
    const work = openSteps([
      approval('x', '规划设计方案审查', '在办', [
        step('受理', { started_at: '2024-01-02T00:00:00Z', finished_at: '2024-01-02T05:00:00Z' }),
        step('消防', { started_at: '2024-01-05T00:00:00Z', overdue: true }),
        step('人防', { started_at: '2024-01-03T00:00:00Z' }),
      ]),
      approval('y', '规划条件核实', '办结', [step('签批', { started_at: '2023-01-01T00:00:00Z' })]),
    ]);
    expect(work.map((w) => `${w.approval.id}:${w.step.name}`)).toEqual(['x:人防', 'x:消防']);
    expect(work[1]!.step.overdue).toBe(true);
  });

  it('shows an open approval that no one has started by its next step, after the running ones', () => {
    const work = openSteps([
      approval('n', '建设选址意见书', '新增', [step('受理'), step('签批')]),
      approval('r', '规划设计条件', '在办', [step('受理', { started_at: '2024-02-01T00:00:00Z' })]),
    ]);
    expect(work.map((w) => [w.approval.id, w.step.name, w.waiting])).toEqual([['r', '受理', false], ['n', '受理', true]]);
  });
});
