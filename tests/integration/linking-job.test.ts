/**
 * Linking as the job on `resource.changed` (issue #12), through the runtime's own registry and
 * job runner, on PGlite and on the PostgreSQL server, without `planhub link`: resources are
 * linked as they are imported, a project imported later is linked to the older resources that
 * name it, a person's confirm / reject survives the job's relinks, and stopping the jobs while
 * a large import is being linked is prompt and loses nothing (the rest is handed back to the
 * outbox and linked by the next runner).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, importFile } from '../../services/cli/commands/import.command.ts';
import { loadConfig } from '../../services/config/config.ts';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import type { InProcessRunner } from '../../services/jobs/in-process-runner.ts';
import { LINK_TYPES } from '../../services/linking/link-model.ts';
import type { ResourceType } from '../../services/resources/resource.schema.ts';
import { openRuntime, startJobs, type Jobs, type Runtime } from '../../services/runtime/runtime.ts';
import { DB_KINDS, createServerDatabase, type DbKind } from '../helpers/databases.ts';
import { EXPECT, LINKING_RECORDS, P } from '../helpers/linking-fixtures.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

interface Link { project_no: string; status: string; method: string }

/** A runtime as `planhub serve` opens it, on a fresh store of the kind; `drop` removes the store. */
async function openTestRuntime(kind: DbKind): Promise<{ rt: Runtime; drop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-linking-job-'));
  const server = kind === 'postgres' ? await createServerDatabase() : null;
  const rt = await openRuntime(loadConfig({ PLANHUB_DATA_DIR: dir, LOG_LEVEL: 'silent', ...(server ? { DATABASE_URL: server.url } : {}) }));
  return {
    rt,
    async drop() {
      await rt.close();
      await server?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const recordsOf = (type: ResourceType) => LINKING_RECORDS.find(([t]) => t === type)![1];

describe.each(DB_KINDS)('linking as the job after imports, on %s', (kind) => {
  let rt: Runtime;
  let drop: () => Promise<void>;
  let jobs: Jobs;
  const links = async (type: string, id: string) => (await rt.links.linksOf(type, id)).links as Link[];
  const statusOf = async (type: string, id: string, no: string) => (await links(type, id)).find((l) => l.project_no === no)?.status;
  const importRecords = async (type: ResourceType, records: Record<string, unknown>[]) => {
    const r = await rt.imports.importJsonl(type, fromText(jsonl(records)));
    if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
  };
  /** Runs every job the imports left, as the serving process's runner does. */
  const drain = () => (jobs.runner as InProcessRunner).drain();

  beforeAll(async () => {
    ({ rt, drop } = await openTestRuntime(kind));
    jobs = startJobs(rt, () => {});
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await drop?.();
  });

  it('links imported petitions, 公文 and minutes, then older petitions to a project imported after them', { timeout: 120_000 }, async () => {
    // Every project but 澜栖湾's, with the records that name them; petitions in a later import.
    await importRecords('project', recordsOf('project').filter((p) => p.project_no !== P.lanqi));
    await importRecords('document', recordsOf('document').filter((d) => !(d.project_nos as string[]).includes(P.lanqi)));
    await importRecords('meeting', recordsOf('meeting'));
    await drain();
    await importRecords('petition', recordsOf('petition'));
    await drain();

    expect(await statusOf('petition', EXPECT.brandPhase.id, EXPECT.brandPhase.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.plot.id, EXPECT.plot.auto)).toBe('auto');
    expect(await statusOf('meeting', EXPECT.minutes.id, EXPECT.minutes.auto[0])).toBe('auto');
    expect(await statusOf('document', EXPECT.letter.id, EXPECT.letter.auto[1])).toBe('auto');
    expect(await links('petition', EXPECT.none.id)).toEqual([]);
    expect(await statusOf('petition', EXPECT.estate.id, P.lanqi)).toBeUndefined();

    // 澜栖湾's project arrives: the petitions that named it all along are relinked by the job.
    await importRecords('project', recordsOf('project').filter((p) => p.project_no === P.lanqi));
    await drain();
    expect(['auto', 'suggested']).toContain(await statusOf('petition', EXPECT.estate.id, P.lanqi));
    expect(['auto', 'suggested']).toContain(await statusOf('petition', EXPECT.wrongDistrict.id, P.lanqi));

    // No full run happened: the job linked with the reference model.
    const { rows } = await rt.db.query<{ trained_on: { priorOnly?: boolean } }>('SELECT trained_on FROM linker_models');
    expect(rows.map((r) => r.trained_on.priorOnly)).toEqual([true]);
    expect((await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status <> 'done'`)).rows[0]!.n).toBe(0);
  });

  it('keeps a person\'s confirm and reject through the job\'s relinks', { timeout: 120_000 }, async () => {
    const by = '审核员甲';
    expect(await statusOf('petition', EXPECT.plot.id, EXPECT.plot.auto)).toBe('auto');
    await rt.links.decide({ resource_type: 'petition', resource_id: EXPECT.plot.id, project_no: EXPECT.plot.auto, decision: 'reject', by });
    await rt.links.decide({ resource_type: 'petition', resource_id: EXPECT.road.id, project_no: EXPECT.road.suggested, decision: 'confirm', by });
    await drain();

    // The petitions change (a new version each), and so does the project one of them names.
    const changed = recordsOf('petition').filter((p) => p.id === EXPECT.plot.id || p.id === EXPECT.road.id)
      .map((p) => ({ ...p, text: `${p.text as string}（再次反映）` }));
    await importRecords('petition', changed);
    await importRecords('project', recordsOf('project').filter((p) => p.project_no === EXPECT.plot.auto).map((p) => ({ ...p, address: `${p.address as string}（东区）` })));
    await drain();

    const plot = await links('petition', EXPECT.plot.id);
    expect(plot.filter((l) => l.project_no === EXPECT.plot.auto).map((l) => l.status)).toEqual(['rejected']);
    expect(plot.filter((l) => l.project_no === EXPECT.plot.not).map((l) => l.status)).not.toContain('auto');
    expect(await statusOf('petition', EXPECT.road.id, EXPECT.road.suggested)).toBe('confirmed');
  });
});

describe.each(DB_KINDS)('stopping the jobs while a large import is being linked, on %s', (kind) => {
  let rt: Runtime;
  let drop: () => Promise<void>;
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-linking-job-corpus-'));

  beforeAll(async () => {
    ({ rt, drop } = await openTestRuntime(kind));
    await generateCorpus({ projects: 400, seed: 11, outDir: corpus });
    for (const { file, type } of planImport([], { dir: corpus })) await importFile(rt.imports, file, type);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
    fs.rmSync(corpus, { recursive: true, force: true });
  });

  it('stops within a few seconds, hands back what it did not link, and the next runner links it', { timeout: 300_000 }, async () => {
    const lastImported = (await rt.db.query<{ id: number }>('SELECT max(id)::int AS id FROM outbox')).rows[0]!.id;
    const linkage = async () => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM resource_links WHERE method = 'linkage'`)).rows[0]!.n;
    const jobs = startJobs(rt, () => {});
    // Stop as soon as the job has linked its first chunk: the rest of that batch is still to do.
    const deadline = Date.now() + 240_000;
    while ((await linkage()) === 0) {
      if (Date.now() > deadline) throw new Error('the job never started linking');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const started = performance.now();
    await jobs.stop();
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(3);

    // What was left is back in the outbox as new rows, pending.
    const handedBack = await rt.db.query<{ resource_type: string; status: string }>(
      `SELECT resource_type, status FROM outbox WHERE id > $1 AND topic = 'resource.changed'`, [lastImported]);
    expect(handedBack.rows.length).toBeGreaterThan(0);
    expect(new Set(handedBack.rows.map((r) => r.status))).toEqual(new Set(['pending']));

    // The next runner links it all: linking every resource again changes nothing.
    const next = startJobs(rt, () => {});
    await (next.runner as InProcessRunner).drain();
    await next.stop();
    const refs: { type: (typeof LINK_TYPES)[number]; id: string }[] = [];
    for (const type of LINK_TYPES) {
      const table = { petition: 'petitions', document: 'documents', meeting: 'meetings' }[type];
      for (const r of (await rt.db.query<{ id: string }>(`SELECT id FROM ${table}`)).rows) refs.push({ type, id: r.id });
    }
    const again = await rt.linking.linkResources(refs);
    expect(again.resources).toBe(refs.length);
    expect(again.changed).toBe(0);
    expect(await linkage()).toBeGreaterThan(refs.length / 2);
  });
});
