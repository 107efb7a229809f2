/** Gathers an approval's facts at a step: the store's rows, built by approval-facts.ts. */
import type { ApprovalFacts } from '../../rules/types.ts';
import type { Queryable } from '../db/db.ts';
import { OPEN_PETITION_STATUSES } from '../resources/resource.schema.ts';
import { buildApprovalFacts, bureauDate } from './approval-facts.ts';
import type { ApprovalFactsStore, ApprovalRow, StepRow } from './approval-facts.store.ts';

export type FactsGatherer = (db: Queryable, approval: ApprovalRow, steps: StepRow[], step: string) => Promise<ApprovalFacts>;

export function createFactsGatherer(deps: {
  store: Pick<ApprovalFactsStore, 'project' | 'openPetitions' | 'credits'>;
  now: () => Date;
}): FactsGatherer {
  const open = [...OPEN_PETITION_STATUSES];
  return async (db, approval, steps, step) => {
    const project = await deps.store.project(db, approval.project_no);
    const [petitions, credits] = await Promise.all([
      deps.store.openPetitions(db, approval.project_no, open),
      deps.store.credits(db, project?.builder ?? null, project?.builder_credit_code ?? null),
    ]);
    return buildApprovalFacts({ approval, project, steps, step, petitions, credits, today: bureauDate(deps.now()) });
  };
}
