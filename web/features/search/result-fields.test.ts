import { describe, expect, it } from 'vitest';
import { approvalItem, projectNosForBriefs } from './result-fields';

describe('an approval card’s fields', () => {
  it('reads the item before the project name, even when the item has full-width brackets', () => {
    expect(approvalItem({ title: '建设选址意见书（市政）：青山一路(临江大道-仁和路)道路工程', project_name: '青山一路(临江大道-仁和路)道路工程' })).toBe('建设选址意见书（市政）');
    // A project name that itself holds a colon.
    expect(approvalItem({ title: '规划条件核实：光谷：二期', project_name: '光谷：二期' })).toBe('规划条件核实');
  });

  it('takes the title up to its colon, or whole, without a project name', () => {
    expect(approvalItem({ title: '规划条件核实：某工程', project_name: null })).toBe('规划条件核实');
    expect(approvalItem({ title: '测绘登记', project_name: null })).toBe('测绘登记');
  });

  it('asks briefs only for the projects of approval cards, each once', () => {
    expect(projectNosForBriefs([
      { type: 'approval', project_no: 'A' }, { type: 'approval', project_no: 'A' }, { type: 'document', project_no: 'B' }, { type: 'approval', project_no: null },
    ])).toEqual(['A']);
  });
});
