/**
 * Runs the petition and credit checks again when what they read changes (wired by the runtime to
 * `resource.changed` and `links.changed`): a petition or credit record arrives or changes, or a
 * petition's link to a project is made, confirmed or rejected. The open approvals of the projects
 * concerned that stand at 受理 or 公示 are re-evaluated and get the alerts not raised yet.
 * Idempotent: an alert already raised is not raised again.
 */
import type { Queryable } from '../db/db.ts';
import type { OutboxRow } from '../jobs/job-types.ts';
import type { ApprovalFactsStore } from './approval-facts.store.ts';
import { RECHECKED_STEPS, type AdvanceService } from './advance.service.ts';

/** Approvals one batch re-evaluates at most; a project has a handful. */
const BATCH_APPROVALS = 10_000;

export function rulesRerunHandler(deps: {
  db: Queryable;
  facts: Pick<ApprovalFactsStore, 'projectsOfCredits' | 'openApprovalsAt'>;
  advance: Pick<AdvanceService, 'reevaluate'>;
}): (rows: OutboxRow<'resource.changed' | 'links.changed'>[]) => Promise<void> {
  return async (rows) => {
    const projects = new Set<string>();
    for (const r of rows) if (r.resource_type === 'petition') for (const no of r.payload.project_nos) projects.add(no);
    const credits = rows.filter((r) => r.resource_type === 'credit').map((r) => r.resource_id);
    for (const no of await deps.facts.projectsOfCredits(deps.db, credits)) projects.add(no);
    if (projects.size === 0) return;
    const at = (await deps.facts.openApprovalsAt(deps.db, [...projects], BATCH_APPROVALS))
      .filter((x) => (RECHECKED_STEPS as readonly string[]).includes(x.step));
    await deps.advance.reevaluate(at);
  };
}
