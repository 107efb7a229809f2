/**
 * The project-number format, as services/projects/project-no.ts writes it (rules/ may not
 * import it): two district letters, two business-type letters, a four-digit year and a
 * four-digit serial from 0001, e.g. JAAA20160001. A stored number is upper case, no spaces.
 */
import type { ApprovalFacts, DecisionPoint, RuleOutcome } from '../types.ts';
import type { FunctionRule } from './function-rule.ts';

const PROJECT_NO = /^[A-Z]{2}[A-Z]{2}\d{4}(?!0000)\d{4}$/;

/** Whether the text is a project number as the bureau stores it. */
export const isProjectNo = (no: string): boolean => PROJECT_NO.test(no);

const meta = {
  id: 'project-no',
  name: '项目编号规则',
  version: 1,
  effective: '2026-12-01',
  basis: '《武汉市国土资源和规划局业务规则库》编号规则：项目编号由两位区划字母、两位业务类型字母、四位年份和四位序号组成（如 JAAA20160001）',
  points: [{ step: '收件', action: 'start' }],
  kind: 'function',
} satisfies FunctionRule['meta'];

function outcome(no: string | null | undefined): Omit<RuleOutcome, 'ruleId' | 'version'> {
  if (!no) return { verdict: 'pass', reason: '未载明项目编号，未作编号核查', cause: null, options: [], trace: { project_no: no ?? null } };
  const ok = isProjectNo(no);
  return {
    verdict: ok ? 'pass' : 'warn',
    reason: ok ? `项目编号 ${no} 符合编号规则` : `项目编号「${no}」不符合编号规则（两位区划字母 + 两位业务类型字母 + 四位年份 + 四位序号，如 JAAA20160001）`,
    cause: ok ? null : 'project-no',
    options: [],
    trace: { project_no: no, pattern: PROJECT_NO.source, matched: ok },
  };
}

export const projectNoRule: FunctionRule = {
  meta,
  run: (input) => {
    const o = outcome(input.project_no as string | null);
    return { valid: typeof input.project_no === 'string' && isProjectNo(input.project_no), verdict: o.verdict };
  },
  outcomes: (_point: DecisionPoint, facts: ApprovalFacts) => [{ ruleId: meta.id, version: meta.version, ...outcome(facts.project?.project_no) }],
};
