/**
 * The seed's two routing decisions as the services ask them: which window receives an
 * application (收件) and which office leads it (主办处室). Both read a table, so the rule center
 * can change them; pass the services' current book to use published versions.
 */
import { createRuleBook, type RuleBook } from './rule-book.ts';
import type { ApprovalFacts } from './types.ts';

let fileBook: Promise<RuleBook> | null = null;
const bookOr = (book?: RuleBook): Promise<RuleBook> => (book ? Promise.resolve(book) : (fileBook ??= createRuleBook()));

/** 收件: the window that receives the application, with the row that chose it. */
export async function intakeWindow(facts: ApprovalFacts, book?: RuleBook): Promise<{ window: string; trace: unknown }> {
  const { result, trace } = await (await bookOr(book)).decide('intake-window', { ...facts, point: { step: '收件', action: 'start' } });
  return { window: String(result?.window ?? '市民之家窗口'), trace };
}

/** 主办处室: the office that leads the approval, with the row that chose it. */
export async function leadOffice(facts: ApprovalFacts, book?: RuleBook): Promise<{ office: string; trace: unknown }> {
  const { result, trace } = await (await bookOr(book)).decide('lead-office', { ...facts, point: { step: '收件', action: 'start' } });
  return { office: String(result?.office ?? '规划处'), trace };
}
