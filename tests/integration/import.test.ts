import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../helpers/imports.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

describe.each(DB_KINDS)('import on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.drop());

  it('upserts projects and approvals with their steps, links and outbox rows', async () => {
    const p = buildProject();
    const a = buildApproval(p.project_no);
    const r1 = await importJsonl(t.db, 'project', fromText(jsonl([p])));
    const r2 = await importJsonl(t.db, 'approval', fromText(jsonl([a])));
    expect(r1).toMatchObject({ accepted: 1, changed: 1, rejected: 0 });
    expect(r2).toMatchObject({ accepted: 1, changed: 1, rejected: 0, unknownProjectNos: 0 });
    const steps = await t.db.query<{ name: string; limit_days: number }>(
      'SELECT name, limit_days FROM approval_steps WHERE approval_id = $1 ORDER BY seq', [a.id]);
    expect(steps.rows).toEqual([{ name: '受理', limit_days: 1 }, { name: '方案会', limit_days: 5 }]);
    const links = await t.db.query('SELECT project_no FROM resource_links WHERE resource_id = $1', [a.id]);
    expect(links.rows).toEqual([{ project_no: p.project_no }]);
    const outbox = await t.db.query<{ resource_id: string; payload: { project_nos: string[] } }>(
      'SELECT resource_id, payload FROM outbox ORDER BY id');
    expect(outbox.rows.map((r) => r.resource_id)).toEqual([p.id, a.id]);
    expect(outbox.rows[1]!.payload.project_nos).toEqual([p.project_no]);
    const audit = await t.db.query<{ action: string; resource_type: string; detail: { accepted: number } }>(
      'SELECT action, resource_type, detail FROM audit_log ORDER BY id');
    expect(audit.rows.map((a) => [a.action, a.resource_type, a.detail.accepted])).toEqual([['import', 'project', 1], ['import', 'approval', 1]]);
  });

  it('changes nothing when the same file is imported again, and bumps the version on a real change', async () => {
    const p = buildProject();
    const file = jsonl([p]);
    await importJsonl(t.db, 'project', fromText(file));
    const outboxBefore = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;
    const again = await importJsonl(t.db, 'project', fromText(file));
    expect(again).toMatchObject({ accepted: 1, changed: 0, unchanged: 1 });
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n).toBe(outboxBefore);

    await importJsonl(t.db, 'project', fromText(jsonl([{ ...p, name: `${p.name}（调整）` }])));
    const row = (await t.db.query<{ name: string; version: number }>('SELECT name, version FROM projects WHERE id = $1', [p.id])).rows[0];
    expect(row).toEqual({ name: `${p.name}（调整）`, version: 2 });
  });

  it('rejects bad lines by number and field while the good lines land', async () => {
    const good1 = buildProject();
    const good2 = buildProject();
    const lines = [
      JSON.stringify(good1),
      JSON.stringify(buildProject()).slice(0, 40), // truncated
      JSON.stringify(buildProject({ scale_m2: '五万' })), // wrong type
      JSON.stringify(buildProject({ created_at: '2016-02-30' })),
      '[1,2]',
      JSON.stringify(good2),
    ];
    const bad = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x0a])]);
    const r = await importJsonl(t.db, 'project', fromText(bad));
    expect(r.accepted).toBe(2);
    expect(r.rejected).toBe(5);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 7]);
    expect(r.errors[0]!.message).toMatch(/not valid JSON/);
    expect(r.errors[1]).toMatchObject({ field: 'scale_m2' });
    expect(r.errors[1]!.message).toMatch(/^scale_m2: /);
    expect(r.errors[2]).toMatchObject({ field: 'created_at' });
    expect(r.errors[3]!.message).toMatch(/expected a JSON object/);
    expect(r.errors[4]!.message).toMatch(/UTF-8/);
    const ids = (await t.db.query<{ id: string }>('SELECT id FROM projects WHERE id = ANY($1::text[])', [[good1.id, good2.id]])).rows;
    expect(ids).toHaveLength(2);
  });

  it('rejects a second project claiming a number, keeping the first', async () => {
    const first = buildProject();
    const thief = buildProject({ project_no: first.project_no });
    const other = buildProject();
    const r = await importJsonl(t.db, 'project', fromText(jsonl([first, thief, other])));
    expect(r.rejected).toBe(1);
    expect(r.errors[0]).toMatchObject({ line: 2, field: 'project_no' });
    const owner = await t.db.query('SELECT id FROM projects WHERE project_no = $1', [first.project_no]);
    expect(owner.rows).toEqual([{ id: first.id }]);
  });

  it('issues project numbers from the counters when a project has none', async () => {
    await importJsonl(t.db, 'project', fromText(jsonl([buildProject({ project_no: 'QSSZ20190007' })])));
    const r = await importJsonl(t.db, 'project', fromText(jsonl([
      buildProject({ id: 'prj-noless-1', project_no: undefined, district: '青山区', project_type: '市政交通', created_at: '2019-04-02' }),
      buildProject({ id: 'prj-noless-2', project_no: undefined, district: '青山', project_type: '市政交通', created_at: '2019-08-01' }),
      buildProject({ id: 'prj-noless-3', project_no: undefined, district: '火星', project_type: '市政交通' }),
    ])));
    expect(r.accepted).toBe(2);
    expect(r.errors[0]).toMatchObject({ line: 3, field: 'project_no' });
    expect(r.errors[0]!.message).toMatch(/火星/);
    const nos = await t.db.query<{ project_no: string }>(
      `SELECT project_no FROM projects WHERE id LIKE 'prj-noless-%' ORDER BY id`);
    expect(nos.rows.map((x) => x.project_no)).toEqual(['QSSZ20190008', 'QSSZ20190009']);
  });

  it('keeps the petitioner apart from the petition and out of error messages', async () => {
    const pet = buildPetition({ petitioner: { name: '来信人乙', phone: '13912345678' } });
    const broken = buildPetition({ deadline: 'not-a-date', petitioner: { name: '来信人丙', phone: '13700001111' } });
    const r = await importJsonl(t.db, 'petition', fromText(jsonl([pet, broken])));
    expect(r.accepted).toBe(1);
    expect(JSON.stringify(r)).not.toMatch(/来信人丙|13700001111/);
    const row = (await t.db.query<Record<string, unknown>>('SELECT * FROM petitions WHERE id = $1', [pet.id])).rows[0]!;
    expect(JSON.stringify(row)).not.toMatch(/来信人乙|13912345678/);
    const person = await t.db.query('SELECT name, phone FROM petitioners WHERE petition_id = $1', [pet.id]);
    expect(person.rows).toEqual([{ name: '来信人乙', phone: '13912345678' }]);
  });

  it('rejects a 20 MB text field by name', async () => {
    const huge = buildPetition({ text: '噪'.repeat(7 * 1024 * 1024) });
    const fine = buildPetition();
    const r = await importJsonl(t.db, 'petition', fromText(jsonl([huge, fine])));
    expect(r.accepted).toBe(1);
    expect(r.errors[0]).toMatchObject({ line: 1, field: 'text' });
    expect(r.errors[0]!.message).toMatch(/over the 5 MB limit/);
  });
});
