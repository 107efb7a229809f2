/** The function rules, listed beside the tables by the rule book. */
import type { FunctionRule } from './function-rule.ts';

export const FUNCTION_RULES: FunctionRule[] = [];
