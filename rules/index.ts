/**
 * rules/: the bureau's rules kept as data (JDM decision tables under tables/) and as small pure
 * functions (functions/), evaluated at an approval's decision points. Imports nothing of the app.
 */
export * from './types.ts';
export type { RuleCase, TableMeta, TableVersion } from './catalog.ts';
export { createRuleBook, type CaseResult, type RuleBook } from './rule-book.ts';
export { RuleTableError } from './table-check.ts';
