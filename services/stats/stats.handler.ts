/**
 * Keeps the statistics current as records change (wired to `resource.changed` by the runtime):
 * a changed approval is counted again (its steps too: a step moved by advance writes the same
 * row, see step-outbox.ts), and a changed project moves between districts and carries its
 * approvals' district with it. Other records do not count. Idempotent (stats-projection.service.ts).
 */
import type { OutboxRow } from '../jobs/job-types.ts';
import type { StatsProjection } from './stats-projection.service.ts';

export function statsHandler(deps: { projection: Pick<StatsProjection, 'refresh'> }): (rows: OutboxRow<'resource.changed'>[]) => Promise<void> {
  return async (rows) => {
    const approvals: string[] = [];
    const projects: string[] = [];
    for (const r of rows) {
      if (r.resource_type === 'approval') approvals.push(r.resource_id);
      // A project's payload names its number before and after the change: both rows move.
      else if (r.resource_type === 'project') projects.push(...r.payload.project_nos);
    }
    if (approvals.length === 0 && projects.length === 0) return;
    await deps.projection.refresh({ approvals, projects });
  };
}
