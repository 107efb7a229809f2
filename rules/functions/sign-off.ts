/**
 * 三传件: an approval's sign-off runs 经办人 → 处(科)室负责人 → 首席代表, each once, in that
 * order; anything else is recorded as non-compliant (a supervision warning, never a block).
 */
import type { ApprovalFacts, DecisionPoint, RuleOutcome } from '../types.ts';
import type { FunctionRule } from './function-rule.ts';

const CHAIN = ['经办人', '处(科)室负责人', '首席代表'] as const;
const CHAIN_TEXT = CHAIN.join(' → ');
/** The ways the record writes the middle signer: a 处 at the city bureau, a 科 at a branch. */
const HEAD = new Set(['处室负责人', '科室负责人', '处(科)室负责人', '处（科）室负责人', '处长', '科长']);

const normal = (role: string): string => (HEAD.has(role.trim()) ? '处(科)室负责人' : role.trim());

/** Whether the sign-off chain is 经办人 → 处(科)室负责人 → 首席代表, and if not, what is wrong. */
export function checkSignOff(chain: string[]): { compliant: boolean; reason: string } {
  if (chain.length === 0) return { compliant: false, reason: '未记录签批人，无法确认三传件顺序' };
  const roles = chain.map(normal);
  const actual = `实际为 ${roles.join(' → ')}`;
  if (roles.length === CHAIN.length && roles.every((r, i) => r === CHAIN[i])) return { compliant: true, reason: `签批顺序合规：${CHAIN_TEXT}` };
  const problems: string[] = [];
  const missing = CHAIN.filter((r) => !roles.includes(r));
  if (missing.length) problems.push(`缺少${missing.join('、')}签批`);
  const strangers = [...new Set(roles.filter((r) => !(CHAIN as readonly string[]).includes(r)))];
  if (strangers.length) problems.push(`有规定外的签批人（${strangers.join('、')}）`);
  const repeated = CHAIN.filter((r) => roles.filter((x) => x === r).length > 1);
  if (repeated.length) problems.push(`${repeated.join('、')}重复签批`);
  if (!problems.length) problems.push('签批顺序颠倒');
  return { compliant: false, reason: `三传件不合规：${problems.join('；')}（应为 ${CHAIN_TEXT}，${actual}）` };
}

const meta = {
  id: 'sign-off',
  name: '三传件签批顺序',
  version: 1,
  effective: '2026-12-01',
  basis: '《武汉市国土资源和规划局业务规则库》三传件规则：签批须依次经经办人、处(科)室负责人、首席代表，不按此顺序的记为不合规',
  points: [
    { step: '签批', action: 'finish' },
    { step: '审批表签批', action: 'finish' },
  ],
  kind: 'function',
} satisfies FunctionRule['meta'];

function outcome(facts: Pick<ApprovalFacts, 'sign_off'>): Omit<RuleOutcome, 'ruleId' | 'version'> {
  const chain = facts.sign_off ?? [];
  // Not recorded is not stated: nothing to judge, so it passes and says so.
  if (chain.length === 0) return { verdict: 'pass', reason: '未记录三传件签批顺序，未作判断', cause: null, options: [], trace: { chain } };
  const { compliant, reason } = checkSignOff(chain);
  return { verdict: compliant ? 'pass' : 'warn', reason, cause: compliant ? null : 'sign-off', options: [], trace: { chain, expected: CHAIN, compliant } };
}

export const signOffRule: FunctionRule = {
  meta,
  run: (input) => {
    const o = outcome({ sign_off: (input.sign_off as string[] | undefined) ?? [] });
    return { verdict: o.verdict, reason: o.reason, cause: o.cause };
  },
  outcomes: (_point: DecisionPoint, facts) => [{ ruleId: meta.id, version: meta.version, ...outcome(facts) }],
};
