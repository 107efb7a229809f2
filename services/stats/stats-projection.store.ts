/**
 * The statistics tables' writes: reading approvals, steps and projects as the stats rows need
 * them (times as the bureau's days), the rows as last counted, and writing rows and roll-up
 * differences. SQL only; what a row holds is stats-rows.ts's, when to write it the projection's.
 */
import type { Queryable } from '../db/db.ts';
import type {
  ApprovalStatsRow, BaseApproval, BaseStep, CountDelta, StepDayDelta, StepStatsRow,
} from './stats-rows.ts';

/** Taken by every writer of the statistics for its transaction, so that differences never interleave. */
const STATS_LOCK = 7_031_316;
const DAY = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * `select` of the rows of `from` whose `col` is one of the keys in `$1`, each key looked up through
 * the index on `col`. Written as a nested loop the planner cannot flatten (OFFSET 0): with `= ANY`
 * and no statistics (PGlite has no autovacuum; a server's may lag an import) it estimates thousands
 * of rows per key and reads the whole table instead, a second per batch at 2 M steps.
 */
const byKeys = (select: string, from: string, col: string, and = '') =>
  `SELECT t.* FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL (SELECT ${select} FROM ${from} WHERE ${col} = k.key${and} OFFSET 0) t`;

async function lock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [STATS_LOCK]);
}

const BASE_APPROVAL = `a.id, a.project_no, a.item, a.status, a.office, ${DAY('a.received_at')} AS received_day,
  ${DAY('a.closed_at')} AS closed_day, a.certificate_no, (a.extra -> 'certificate_uploaded') = 'true'::jsonb AS uploaded, p.district`;

async function baseApprovals(db: Queryable, ids: string[]): Promise<BaseApproval[]> {
  if (ids.length === 0) return [];
  const r = await db.query<BaseApproval>(
    `SELECT ${BASE_APPROVAL} FROM approvals a LEFT JOIN projects p ON p.project_no = a.project_no WHERE a.id = ANY($1::text[])`,
    [ids],
  );
  return r.rows;
}

/** A page of approvals in id order, after `afterId` (the rebuild's walk). */
async function baseApprovalPage(db: Queryable, afterId: string, limit: number): Promise<BaseApproval[]> {
  const r = await db.query<BaseApproval>(
    `SELECT ${BASE_APPROVAL} FROM approvals a LEFT JOIN projects p ON p.project_no = a.project_no
     WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
    [afterId, limit],
  );
  return r.rows;
}

/** What an outbox row about the approval carries. */
async function approvalVersion(db: Queryable, id: string): Promise<{ project_no: string; version: number } | null> {
  const r = await db.query<{ project_no: string; version: number }>('SELECT project_no, version FROM approvals WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

async function countApprovals(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals')).rows[0]!.n;
}

async function baseSteps(db: Queryable, approvalIds: string[]): Promise<BaseStep[]> {
  if (approvalIds.length === 0) return [];
  const r = await db.query<BaseStep>(
    byKeys(`approval_id, seq, office, limit_days, ${DAY('started_at')} AS started_day, ${DAY('finished_at')} AS finished_day`,
      'approval_steps', 'approval_id', ' AND limit_days IS NOT NULL AND started_at IS NOT NULL'),
    [approvalIds],
  );
  return r.rows;
}

async function approvalIdsOfProjects(db: Queryable, projectNos: string[]): Promise<string[]> {
  if (projectNos.length === 0) return [];
  const r = await db.query<{ id: string }>(byKeys('id', 'approvals', 'project_no'), [projectNos]);
  return r.rows.map((x) => x.id);
}

async function projectDistricts(db: Queryable, projectNos: string[]): Promise<Map<string, string>> {
  if (projectNos.length === 0) return new Map();
  const r = await db.query<{ project_no: string; district: string | null }>(
    'SELECT project_no, district FROM projects WHERE project_no = ANY($1::text[])', [projectNos]);
  return new Map(r.rows.map((x) => [x.project_no, x.district ?? '']));
}

async function countedDistricts(db: Queryable, projectNos: string[]): Promise<Map<string, string>> {
  if (projectNos.length === 0) return new Map();
  const r = await db.query<{ project_no: string; district: string }>(
    'SELECT project_no, district FROM stats_projects WHERE project_no = ANY($1::text[])', [projectNos]);
  return new Map(r.rows.map((x) => [x.project_no, x.district]));
}

async function saveDistricts(tx: Queryable, districts: ReadonlyMap<string, string>, gone: string[]): Promise<void> {
  if (districts.size > 0) {
    await tx.query(
      `INSERT INTO stats_projects (project_no, district) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (project_no) DO UPDATE SET district = excluded.district`,
      [[...districts.keys()], [...districts.values()]],
    );
  }
  if (gone.length > 0) await tx.query('DELETE FROM stats_projects WHERE project_no = ANY($1::text[])', [gone]);
}

/** The approvals' rows as last counted. */
async function countedApprovals(db: Queryable, ids: string[]): Promise<ApprovalStatsRow[]> {
  if (ids.length === 0) return [];
  const r = await db.query<ApprovalStatsRow>(
    `SELECT approval_id, project_no, item, office, unit, district, received_day::text AS received_day, closed_day::text AS closed_day,
       ended_day::text AS ended_day, cert_type, uploaded
     FROM stats_approvals WHERE approval_id = ANY($1::text[])`, [ids]);
  return r.rows;
}

async function countedSteps(db: Queryable, approvalIds: string[]): Promise<StepStatsRow[]> {
  if (approvalIds.length === 0) return [];
  const r = await db.query<StepStatsRow>(
    byKeys('approval_id, seq, office, due_day::text AS due_day, finished_day::text AS finished_day', 'stats_steps', 'approval_id'),
    [approvalIds],
  );
  return r.rows;
}

/** Each project's handling offices as counted now. */
async function officesOfProjects(db: Queryable, projectNos: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (projectNos.length === 0) return out;
  const r = await db.query<{ project_no: string; office: string }>(
    `SELECT DISTINCT project_no, office FROM (${byKeys('project_no, office', 'stats_approvals', 'project_no')}) o`, [projectNos]);
  for (const x of r.rows) out.set(x.project_no, (out.get(x.project_no) ?? new Set()).add(x.office));
  return out;
}

async function saveApprovals(tx: Queryable, rows: ApprovalStatsRow[], gone: string[]): Promise<void> {
  if (gone.length > 0) await tx.query('DELETE FROM stats_approvals WHERE approval_id = ANY($1::text[])', [gone]);
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO stats_approvals (approval_id, project_no, item, office, unit, district, received_day, closed_day, ended_day, cert_type, uploaded)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(approval_id text, project_no text, item text, office text, unit text,
       district text, received_day date, closed_day date, ended_day date, cert_type text, uploaded boolean)
     ON CONFLICT (approval_id) DO UPDATE SET project_no = excluded.project_no, item = excluded.item, office = excluded.office,
       unit = excluded.unit, district = excluded.district, received_day = excluded.received_day, closed_day = excluded.closed_day,
       ended_day = excluded.ended_day, cert_type = excluded.cert_type, uploaded = excluded.uploaded`,
    [JSON.stringify(rows)],
  );
}

/** Drops the given counted steps and writes the new ones. */
async function saveSteps(tx: Queryable, gone: Pick<StepStatsRow, 'approval_id' | 'seq'>[], rows: StepStatsRow[]): Promise<void> {
  if (gone.length > 0) {
    await tx.query(
      `DELETE FROM stats_steps WHERE ctid = ANY (ARRAY(SELECT t.ctid FROM unnest($1::text[], $2::int[]) AS k(id, seq)
         CROSS JOIN LATERAL (SELECT ctid FROM stats_steps WHERE approval_id = k.id AND seq = k.seq OFFSET 0) t))`,
      [gone.map((g) => g.approval_id), gone.map((g) => g.seq)],
    );
  }
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO stats_steps (approval_id, seq, office, due_day, finished_day)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(approval_id text, seq integer, office text, due_day date, finished_day date)`,
    [JSON.stringify(rows)],
  );
}

async function addStepDays(tx: Queryable, deltas: StepDayDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await tx.query(
    `INSERT INTO stats_step_days (due_day, office, due, late)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(due_day date, office text, due integer, late integer)
     ON CONFLICT (due_day, office) DO UPDATE SET due = stats_step_days.due + excluded.due, late = stats_step_days.late + excluded.late`,
    [JSON.stringify(deltas)],
  );
}

async function addProjectCounts(tx: Queryable, deltas: CountDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await tx.query(
    `INSERT INTO stats_project_counts (by, key, projects)
     SELECT by, key, delta FROM jsonb_to_recordset($1::jsonb) AS r(by text, key text, delta integer)
     ON CONFLICT (by, key) DO UPDATE SET projects = stats_project_counts.projects + excluded.projects`,
    [JSON.stringify(deltas)],
  );
}

async function touch(tx: Queryable, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO stats_state (id, refreshed_at) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at`,
    [at.toISOString()],
  );
}

/** Empties every statistics table (the rebuild, inside its transaction). */
async function clear(tx: Queryable): Promise<void> {
  await tx.query('TRUNCATE stats_approvals, stats_steps, stats_step_days, stats_projects, stats_project_counts');
}

/** The roll-ups counted afresh from the rows (the rebuild's last step; the job keeps them by differences). */
async function recount(tx: Queryable): Promise<void> {
  await tx.query(`INSERT INTO stats_step_days (due_day, office, due, late)
    SELECT due_day, office, count(*), count(*) FILTER (WHERE late) FROM stats_steps GROUP BY due_day, office`);
  await tx.query(`INSERT INTO stats_projects (project_no, district) SELECT project_no, coalesce(district, '') FROM projects`);
  await tx.query(`INSERT INTO stats_project_counts (by, key, projects)
    SELECT 'district', district, count(*) FROM stats_projects GROUP BY district
    UNION ALL SELECT 'office', office, count(DISTINCT project_no) FROM stats_approvals GROUP BY office
    UNION ALL SELECT 'any', '', count(DISTINCT project_no) FROM stats_approvals HAVING count(*) > 0`);
}

/** Fresh planner statistics after a bulk change (PGlite has no autovacuum to take them). */
async function analyze(tx: Queryable): Promise<void> {
  await tx.query('ANALYZE stats_approvals, stats_steps, stats_step_days, stats_projects, stats_project_counts');
}

export const statsProjectionStore = {
  lock, baseApprovals, baseApprovalPage, approvalVersion, countApprovals, baseSteps, approvalIdsOfProjects, projectDistricts, countedDistricts,
  saveDistricts, countedApprovals, countedSteps, officesOfProjects, saveApprovals, saveSteps, addStepDays, addProjectCounts,
  touch, clear, recount, analyze,
};
export type StatsProjectionStore = typeof statsProjectionStore;
