/** The rule center's data fetched on the server (see common/server-prefetch.ts). */
import { prefetched, serverGet } from '../common/server-prefetch';
import { ruleKeys, rulePath, rulesPath } from './rules.queries';
import type { RuleDetail } from './rules.types';

export const prefetchRules = () =>
  prefetched(async (client) => {
    await client.prefetchQuery({ queryKey: ruleKeys.list(), queryFn: () => serverGet<unknown>(rulesPath) });
  });

export const prefetchRule = (id: string) =>
  prefetched(async (client) => {
    await client.prefetchQuery({ queryKey: ruleKeys.detail(id), queryFn: () => serverGet<RuleDetail>(rulePath(id)) });
  });
