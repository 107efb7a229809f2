/**
 * The statistics tables are the same however they were filled, on PGlite and on the PostgreSQL
 * server: by the migration over rows a store already held (SQL, the calendar written in), by the
 * stats job over the import's outbox rows (differences against what was counted), by `planhub
 * stats rebuild`, and by the job starting from nothing. And a step moved by advance reaches them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../services/db/db.ts';
import { listMigrations, migrate } from '../../services/db/migrate.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import { createJobRegistry } from '../../services/jobs/job-registry.ts';
import { createServices } from '../../services/runtime/services.ts';
import { runStatsRebuildWith } from '../../services/cli/commands/stats.command.ts';
import { statsHandler } from '../../services/stats/stats.handler.ts';
import { DB_KINDS, createServerDatabase, type DbKind } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';

const STATS_MIGRATION = '20261203120000_stats';
const NOW = new Date('2025-12-20T15:00:00+08:00');
const TABLES = {
  stats_approvals: 'approval_id',
  stats_steps: 'approval_id, seq',
  stats_step_days: 'due_day, office',
  stats_projects: 'project_no',
  stats_project_counts: 'by, key',
};

async function openBare(kind: DbKind): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite(undefined);
    return { db, drop: () => db.close() };
  }
  const server = await createServerDatabase();
  const db = openPostgres(server.url, 4);
  return { db, async drop() { await db.close(); await server.drop(); } };
}

/** Every statistics table, whole, rows in key order and every value as text. */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    out[table] = (await db.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY ${key}`)).rows.map((r) => r.row);
  }
  return out;
}

describe.each(DB_KINDS)('the statistics tables on %s', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let filled: Record<string, unknown[]>;
  const services = () => createServices(db, { now: () => NOW });
  const drain = async () => {
    const stats = { name: 'stats', handle: statsHandler({ projection: services().statsProjection }) };
    const registry = createJobRegistry({ 'resource.changed': [stats], 'links.changed': [{ name: 'none', handle: async () => {} }] });
    const runner = createInProcessRunner(db, registry, { idleMs: 3_600_000 });
    await runner.drain();
    await runner.stop();
  };

  beforeAll(async () => {
    ({ db, drop } = await openBare(kind));
    // A store as it was before the statistics: every migration but theirs (…_stats*), then a corpus imported.
    await migrate(db, listMigrations().filter((m) => !/^\d{14}_stats/.test(m.version)));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-stats-'));
    try {
      const corpus = await generateCorpus({ projects: 60, seed: 23, outDir: dir });
      for (const type of ['project', 'approval'] as const) {
        expect((await importJsonl(db, type, fs.createReadStream(corpus.files[type]!))).rejected).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await migrate(db)).toContain(STATS_MIGRATION);
    filled = await snapshot(db);
  }, 120_000);
  afterAll(async () => drop?.());

  it('are filled by the migration from the rows the store held', async () => {
    const n = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;
    expect(filled.stats_approvals!.length).toBe(await n('SELECT count(*)::int AS n FROM approvals'));
    expect(filled.stats_steps!.length).toBe(await n('SELECT count(*)::int AS n FROM approval_steps WHERE limit_days IS NOT NULL AND started_at IS NOT NULL'));
    expect(filled.stats_projects!.length).toBe(await n('SELECT count(*)::int AS n FROM projects'));
    expect(filled.stats_step_days!.length).toBeGreaterThan(0);
  });

  it('stay the same when the job handles the import’s outbox rows, after a rebuild, and when the job counts from nothing', async () => {
    const pending = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`)).rows[0]!.n;
    expect(await pending()).toBeGreaterThan(0);
    await drain();
    expect(await pending()).toBe(0);
    expect(await snapshot(db)).toEqual(filled);

    const lines: string[] = [];
    await runStatsRebuildWith(services(), (l) => lines.push(l));
    expect(lines[0]).toMatch(/^statistics rebuilt from \d+ approvals in/);
    expect(await snapshot(db)).toEqual(filled);

    await db.exec('TRUNCATE stats_approvals, stats_steps, stats_step_days, stats_projects, stats_project_counts');
    const ids = (await db.query<{ id: string }>('SELECT id FROM approvals')).rows.map((r) => r.id);
    const nos = (await db.query<{ project_no: string }>('SELECT project_no FROM projects')).rows.map((r) => r.project_no);
    // In batches, as the outbox hands them over: each batch's differences add up to the whole.
    for (let i = 0; i < ids.length; i += 37) await services().statsProjection.refresh({ approvals: ids.slice(i, i + 37), projects: [] });
    await services().statsProjection.refresh({ approvals: [], projects: nos });
    expect(await snapshot(db)).toEqual(filled);
  });

  it('follow a step that advance finishes', async () => {
    const viewer = { grant: 'all' as const, principal: { office: null, username: 'stats-test' } };
    const open = (await db.query<{ approval_id: string; name: string; seq: number }>(
      `SELECT s.approval_id, s.name, s.seq FROM approval_steps s JOIN approvals a ON a.id = s.approval_id
       WHERE a.status <> '办结' AND s.started_at IS NOT NULL AND s.finished_at IS NULL AND s.limit_days IS NOT NULL
       ORDER BY s.approval_id, s.seq`)).rows;
    expect(open.length).toBeGreaterThan(0);
    const before = (await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM outbox')).rows[0]!.id;
    const moved: typeof open = [];
    for (const step of open) {
      const r = await services().advance.advance(step.approval_id, { step: step.name, action: 'finish' }, viewer);
      if (r.allowed) moved.push(step);
      if (moved.length === 2) break;
    }
    expect(moved.length).toBeGreaterThan(0);
    const rows = (await db.query<{ resource_type: string; resource_id: string }>('SELECT resource_type, resource_id FROM outbox WHERE id > $1', [before])).rows;
    expect(rows).toEqual(moved.map((s) => ({ resource_type: 'approval', resource_id: s.approval_id })));
    const counted = async () => (await db.query<{ finished_day: string | null }>(
      'SELECT finished_day::text AS finished_day FROM stats_steps WHERE approval_id = $1 AND seq = $2', [moved[0]!.approval_id, moved[0]!.seq])).rows[0]!.finished_day;
    expect(await counted()).toBeNull();
    await drain();
    expect(await counted()).toBe('2025-12-20');
    // The roll-ups moved with it: a rebuild finds nothing to correct.
    const kept = await snapshot(db);
    await services().statsProjection.rebuild();
    expect(await snapshot(db)).toEqual(kept);
  });
});
