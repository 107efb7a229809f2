/**
 * rules/: the bureau's rules kept as data (JDM decision tables under tables/) and as small pure
 * functions (functions/), evaluated at an approval's decision points. Imports nothing of the app.
 */
export * from './types.ts';
export { runsAt, type RuleCase, type TableMeta, type TableVersion } from './catalog.ts';
export { createRuleBook, type CaseResult, type RuleBook } from './rule-book.ts';
export { RuleTableError } from './table-check.ts';
export { intakeWindow, leadOffice } from './seed-decisions.ts';
export { rankHandlers, type HandlerCandidate, type RankedHandler } from './functions/handler-ranking.ts';
export { checkSignOff } from './functions/sign-off.ts';
export { dueDate, workingDaysBetween } from './functions/working-days.ts';
export { isProjectNo } from './functions/project-no.ts';
export * from './process/index.ts';
