/** Process rules for 流程分析: each item's standard step sequence and the working-day clock. */
export { SIGN_OFF_STEPS, STANDARD_ITEMS, standardSequence, standardStepsOn, type StandardSequence, type StandardStep } from './standard-steps.ts';
export { OFFICE_CLOSE_MINUTES, OFFICE_OPEN_MINUTES, createWorkingClock, type WorkingClock } from './working-clock.ts';
