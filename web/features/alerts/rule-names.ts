'use client';
/** The rules' names by id, from the rule center's list (cached); an unknown rule by its id. */
import { useMemo } from 'react';
import { useRules } from '../rules/rules.queries';
import type { RuleMeta } from '../rules/rules.types';

export function useRuleNames(): (id: string) => string {
  const rules = useRules();
  const byId = useMemo(() => new Map((rules.data ?? []).map((r: RuleMeta) => [r.id, r.name])), [rules.data]);
  return (id) => byId.get(id) ?? id;
}
