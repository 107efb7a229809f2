/** The function rules, listed beside the tables by the rule book. */
import type { FunctionRule } from './function-rule.ts';
import { handlerRankingRule } from './handler-ranking.ts';
import { projectNoRule } from './project-no.ts';
import { signOffRule } from './sign-off.ts';
import { overdueRule } from './working-days.ts';

export const FUNCTION_RULES: FunctionRule[] = [signOffRule, handlerRankingRule, overdueRule, projectNoRule];
