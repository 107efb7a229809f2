/**
 * Keeps the statistics tables current: the rows of changed approvals and projects are counted
 * again, and the roll-ups move by the difference between the rows as they were counted and as
 * they are now, in one transaction under the statistics lock. Counting the difference against
 * the stored rows makes a change handled twice harmless (the second time there is none), and
 * keeps a batch's cost proportional to the batch, not to the store. `rebuild` counts everything
 * again from the records (`planhub stats rebuild`).
 */
import type { Db, Queryable } from '../db/db.ts';
import type { StatsProjectionStore } from './stats-projection.store.ts';
import {
  type ApprovalStatsRow, approvalRowOf, districtCountDeltas, officeCountDeltas, stepChanges, stepDayDeltas, stepRowsOf,
} from './stats-rows.ts';

/** A row as counted before, unchanged (then it is not written again: its indexes stay as they are). */
const sameRow = (a: ApprovalStatsRow, b: ApprovalStatsRow | undefined) =>
  b !== undefined && (Object.keys(a) as (keyof ApprovalStatsRow)[]).every((k) => a[k] === b[k]);

/** Approvals read and written per step of the rebuild. */
export const REBUILD_PAGE = 2000;

type Deps = { db: Db; store: StatsProjectionStore; now: () => Date };

export function createStatsProjection(deps: Deps) {
  const { db, store } = deps;

  /** Counts the approvals again (their rows, steps, and the projects' offices they touch). */
  async function refreshApprovalsIn(tx: Queryable, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const base = await store.baseApprovals(tx, ids);
    const rows = base.map(approvalRowOf);
    const found = new Set(rows.map((r) => r.approval_id));
    const gone = ids.filter((id) => !found.has(id));
    const before = await store.countedApprovals(tx, ids);
    const projects = [...new Set([...before.map((r) => r.project_no), ...rows.map((r) => r.project_no)])];
    const officesBefore = await store.officesOfProjects(tx, projects);
    const stepsBefore = await store.countedSteps(tx, ids);
    const stepsAfter = stepRowsOf(await store.baseSteps(tx, [...found]));
    const counted = new Map(before.map((r) => [r.approval_id, r]));
    await store.saveApprovals(tx, rows.filter((r) => !sameRow(r, counted.get(r.approval_id))), gone);
    const steps = stepChanges(stepsBefore, stepsAfter);
    await store.saveSteps(tx, steps.gone, steps.added);
    await store.addStepDays(tx, stepDayDeltas(stepsBefore, stepsAfter));
    await store.addProjectCounts(tx, officeCountDeltas(officesBefore, await store.officesOfProjects(tx, projects)));
  }

  /** Counts the projects' districts again. */
  async function refreshProjectsIn(tx: Queryable, projectNos: string[]): Promise<void> {
    if (projectNos.length === 0) return;
    const now = await store.projectDistricts(tx, projectNos);
    const before = await store.countedDistricts(tx, projectNos);
    await store.saveDistricts(tx, now, projectNos.filter((no) => !now.has(no)));
    await store.addProjectCounts(tx, districtCountDeltas(before, now));
  }

  /**
   * Brings the statistics up to date with changed approvals and projects. A project's change
   * reaches its approvals too (their district is the project's).
   */
  async function refresh(change: { approvals: string[]; projects: string[] }): Promise<void> {
    await db.transaction(async (tx) => {
      await store.lock(tx);
      const projects = [...new Set(change.projects)];
      const approvals = new Set(change.approvals);
      for (const id of await store.approvalIdsOfProjects(tx, projects)) approvals.add(id);
      await refreshProjectsIn(tx, projects);
      await refreshApprovalsIn(tx, [...approvals]);
      await store.touch(tx, deps.now());
    });
  }

  /**
   * Counts everything again from the records, in one transaction: readers see the old figures
   * until it commits, and the stats job waits for it (the statistics lock).
   */
  async function rebuild(onProgress?: (done: number, total: number) => void): Promise<{ approvals: number; seconds: number }> {
    const started = performance.now();
    const approvals = await db.transaction(async (tx) => {
      await store.lock(tx);
      const total = await store.countApprovals(tx);
      await store.clear(tx);
      let done = 0;
      let after = '';
      onProgress?.(0, total);
      for (;;) {
        const page = await store.baseApprovalPage(tx, after, REBUILD_PAGE);
        if (page.length === 0) break;
        const ids = page.map((a) => a.id);
        await store.saveApprovals(tx, page.map(approvalRowOf), []);
        await store.saveSteps(tx, [], stepRowsOf(await store.baseSteps(tx, ids)));
        done += page.length;
        after = ids.at(-1)!;
        onProgress?.(done, Math.max(total, done));
      }
      await store.recount(tx);
      await store.analyze(tx);
      await store.touch(tx, deps.now());
      return done;
    });
    return { approvals, seconds: (performance.now() - started) / 1000 };
  }

  return { refresh, rebuild };
}

export type StatsProjection = ReturnType<typeof createStatsProjection>;
