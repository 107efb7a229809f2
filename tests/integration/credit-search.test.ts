/**
 * Builders' credit records (法人诚信) are a searchable type that belongs to the builder's
 * projects: found by the builder's name or credit code, in the credit tab, in each project's
 * 360 view, and shown with the project as its builder's standing. On every engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPostgresEngine } from '../../indexers/engines/postgres/postgres-engine.ts';
import { createIndexer } from '../../indexers/indexer.service.ts';
import { createSegmenter } from '../../indexers/segment/segmenter.ts';
import { createSearchService } from '../../services/search/search.service.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS, createTestDb } from '../helpers/databases.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { importJsonl } from '../helpers/imports.ts';
import { readJsonl, searchFixture, type SearchFixture } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { actAs } from '../helpers/sign-in.ts';

interface Project { id: string; project_no: string; name: string; builder: string; builder_credit_code: string; district: string; project_type: string }
interface Credit { id: string; builder: string; credit_code: string; status: string; reason: string | null }

describe.each(SEARCH_SETUPS)('credit records on %s', (kind) => {
  let f: SearchFixture;
  let app: FastifyInstance;
  let projects: Project[];
  let credits: Credit[];
  let dishonest: Credit;
  let project: Project;

  beforeAll(async () => {
    f = await searchFixture(kind, 60, 23);
    app = await actAs(buildApp({ ...f.rt, logLevel: 'silent' }), f.rt.db, 'officer');
    projects = readJsonl<Project>(f.corpus.files.project!);
    credits = readJsonl<Credit>(f.corpus.files.credit!);
    dishonest = credits.find((c) => c.status === '失信' && projects.some((p) => p.builder === c.builder))!;
    project = projects.find((p) => p.builder === dishonest.builder)!;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await f?.close();
  });

  it('finds a builder\'s credit record in the credit tab by its name and by its credit code', async () => {
    const byName = await f.rt.search.search({ q: dishonest.builder, type: 'credit', size: 5 });
    expect(byName.hits[0]).toMatchObject({ type: 'credit', id: dishonest.id, status: '失信' });
    expect(byName.hits[0]!.title).toContain(dishonest.builder);
    const byCode = await f.rt.search.search({ q: dishonest.credit_code, size: 5 });
    expect(byCode.hits[0]).toMatchObject({ type: 'credit', id: dishonest.id, matched: 'key' });
    // The tab is counted with the others when no type is chosen.
    const all = await f.rt.search.search({ q: dishonest.builder, size: 5 });
    expect(all.counts.credit).toBeGreaterThanOrEqual(1);
  });

  it('answers type=credit over HTTP, and filters credit records by their status', async () => {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(dishonest.builder)}&type=credit&status=${encodeURIComponent('失信')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().hits.map((h: { id: string }) => h.id)).toContain(dishonest.id);
    const honest = await app.inject({ url: `/api/search?q=${encodeURIComponent(dishonest.builder)}&type=credit&status=${encodeURIComponent('守信')}` });
    expect(honest.json().hits.map((h: { id: string }) => h.id)).not.toContain(dishonest.id);
  });

  it("puts the builder's credit record in each of its projects' 360 view", async () => {
    const r = await f.rt.search.search({ project: project.project_no, type: 'credit' });
    expect(r.hits.map((h) => h.id)).toContain(dishonest.id);
    expect(r.hits.find((h) => h.id === dishonest.id)!.project_nos).toContain(project.project_no);
  });

  it("shows the project with its builder's standing, credit records and other projects", async () => {
    const res = await app.inject({ url: `/api/projects/${project.project_no}` });
    expect(res.statusCode).toBe(200);
    const { builder } = res.json();
    expect(builder).toMatchObject({ name: dishonest.builder, standing: '失信', dishonest: true });
    expect(builder.credit_records[0]).toMatchObject({ id: dishonest.id, status: '失信', reason: dishonest.reason });
    const others = projects.filter((p) => p.builder === project.builder && p.project_no !== project.project_no).map((p) => p.project_no);
    expect(builder.projects.map((p: { project_no: string }) => p.project_no).sort()).toEqual(others.sort());
  });

  it("follows a project to its new builder: the new builder's credit record joins its 360 view", async () => {
    const other = credits.find((c) => c.builder !== dishonest.builder && !projects.some((p) => p.builder === c.builder))
      ?? credits.find((c) => c.builder !== dishonest.builder)!;
    const moved = projects.find((p) => p.builder === dishonest.builder && p.id !== project.id) ?? project;
    await importJsonl(f.rt.db, 'project', fromText(jsonl([{ ...moved, builder: other.builder, builder_credit_code: other.credit_code }])));
    await f.drainJobs();
    const r = await f.rt.search.search({ project: moved.project_no, type: 'credit' });
    expect(r.hits.map((h) => h.id)).toContain(other.id);
    // The old builder's record is re-indexed when its own builder's projects change; reconcile finds nothing stale.
    expect(await f.rt.indexer.reconcile({ repair: false })).toMatchObject({ missing: 0, stale: 0, extra: 0 });
  });
});

describe.each(DB_KINDS)('a store indexed before credit records were searchable, on %s', (kind) => {
  it('gets the credit partition when the engine starts, and writes to it', async () => {
    const t = await createTestDb(kind);
    try {
      const engine = createPostgresEngine(t.db);
      await engine.init();
      // The layout of an older PlanHub: no credit partition in the live generation.
      await t.db.exec('DROP TABLE search_docs_g1_credit');
      await engine.init();
      const parts = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'search_docs_g1_credit'`);
      expect(parts.rows[0]!.n).toBe(1);
      await importJsonl(t.db, 'credit', fromText(jsonl([{ id: 'crd-1', builder: '武汉某某置业有限公司', status: '失信', reason: '违法用地' }])));
      const rt = { db: t.db, engine, segmenter: createSegmenter() };
      await createIndexer(rt).indexRecords([{ type: 'credit', id: 'crd-1' }]);
      const r = await createSearchService(rt).search({ q: '某某置业', type: 'credit' });
      expect(r.hits.map((h) => h.id)).toEqual(['crd-1']);
    } finally {
      await t.drop();
    }
  });
});
