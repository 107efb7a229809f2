/**
 * A step's time recorded by advance (alerts/advance.service.ts: `markStep`) changes the approval
 * as much as an import does, but advance writes no outbox row, so nothing that follows approvals
 * through the outbox (the statistics' overdue steps, the search index, project summaries) would
 * see it. Wrapped here by the runtime's wiring (runtime/services.ts): the step's time, then a
 * `resource.changed` row for its approval, in advance's own transaction.
 */
import type { Queryable } from '../db/db.ts';
import { TOPICS, type OutboxEntry } from '../jobs/job-types.ts';
import type { StatsProjectionStore } from './stats-projection.store.ts';

type MarkStep = (tx: Queryable, approvalId: string, seq: number, action: 'start' | 'finish', at: Date) => Promise<void>;

export function markStepWithOutbox(markStep: MarkStep, deps: {
  outbox: { append(tx: Queryable, entries: OutboxEntry[]): Promise<void> };
  approvals: Pick<StatsProjectionStore, 'approvalVersion'>;
}): MarkStep {
  return async (tx, approvalId, seq, action, at) => {
    await markStep(tx, approvalId, seq, action, at);
    const a = await deps.approvals.approvalVersion(tx, approvalId);
    if (!a) return;
    await deps.outbox.append(tx, [{
      topic: TOPICS.resourceChanged, resource_type: 'approval', resource_id: approvalId, version: a.version, payload: { project_nos: [a.project_no] },
    }]);
  };
}
