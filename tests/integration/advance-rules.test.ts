/**
 * The rules run again through the outbox (issue #14), on PGlite and on the PostgreSQL server:
 * a petition naming a project, a credit record of its builder and a supervisor's confirmation of
 * a suggested link each give the project's open approval at 受理 or 公示 its alert, once; and the
 * rule center: a version whose cases fail is refused and nothing stored, a good one is used by
 * the next advance, the dry run says which alerts a changed table would close.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { signedIn } from '../helpers/sign-in.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

const OFFICE = '行政审批处';
const open = (name: string) => ({ name, office: OFFICE, limit_days: null, started_at: null, finished_at: null });
const done = (name: string) => ({ name, office: OFFICE, limit_days: null, started_at: '2026-11-02T09:00:00', finished_at: '2026-11-03T09:00:00' });

const atAcceptance = buildProject({ id: 'prj-rr-1', project_no: 'HSAA20260301', name: '洪山区复核K1地块', builder: '武汉复核一置业有限公司', builder_credit_code: null });
const atPublicity = buildProject({ id: 'prj-rr-2', project_no: 'HSAA20260302', name: '洪山区复核K2地块', builder: '武汉复核二置业有限公司', builder_credit_code: null });
const laterDishonest = buildProject({ id: 'prj-rr-3', project_no: 'HSAA20260303', name: '洪山区复核K3地块', builder: '武汉后来失信置业有限公司', builder_credit_code: null });
const apvA = buildApproval(atAcceptance.project_no, { id: 'apv-rr-1', office: OFFICE, steps: [open('受理'), open('公示')] });
const apvB = buildApproval(atPublicity.project_no, { id: 'apv-rr-2', office: OFFICE, steps: [done('受理'), open('公示')] });
const apvC = buildApproval(laterDishonest.project_no, { id: 'apv-rr-3', office: OFFICE, steps: [open('受理'), open('公示')] });
/** 方案会 started on the Monday before National Day with 3 working days: long overdue, whatever today is. */
const apvD = buildApproval(atAcceptance.project_no, {
  id: 'apv-rr-4', office: OFFICE,
  steps: [done('受理'), { name: '方案会', office: OFFICE, limit_days: 3, started_at: '2026-09-28T09:00:00', finished_at: null }],
});

const declared = buildPetition({ id: 'pet-rr-1', subject: '复核K1地块夜间施工', status: '办理中', project_nos: [atAcceptance.project_no] });
/** Names no project the linker could find: only a person's decision links it. */
const undeclared = buildPetition({ id: 'pet-rr-2', subject: '对规划公示有异议', text: '家门口贴出的规划公示，我们有不同意见，请核实。', status: '受理', project_nos: [] });
const credit = { id: 'cr-rr-1', builder: laterDishonest.builder, status: '失信', reason: '拖欠农民工工资', date: '2026-10-01' };

interface Alert { id: number; rule_id: string; rule_version: number; cause: string; step: string; verdict: string; raised?: boolean }

describe.each(DB_KINDS)('rules re-run through the outbox, and the rule center, on %s', (kind) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let as: Record<'handler' | 'supervisor' | 'admin', { authorization: string }>;
  const drain = async () => {
    const runner = createInProcessRunner(rt.db, rt.registry, { idleMs: 3_600_000 });
    await runner.drain();
    await runner.stop();
  };
  const importRecords = async (type: 'petition' | 'credit', records: Record<string, unknown>[]) => {
    const r = await importJsonl(rt.db, type, fromText(jsonl(records)));
    expect(r.rejected, r.errors[0]?.message).toBe(0);
    await drain();
  };
  const alertsOf = async (approvalId: string) =>
    (await app.inject({ url: `/api/alerts?approval=${approvalId}`, headers: as.supervisor })).json().items as Alert[];

  beforeAll(async () => {
    ({ rt, close } = await hubWith(kind, { project: [atAcceptance, atPublicity, laterDishonest], approval: [apvA, apvB, apvC, apvD] }));
    app = await buildApp({ ...rt, logLevel: 'silent' });
    as = {
      handler: await signedIn(app, rt.db, { role: 'handler', office: OFFICE, username: 'rr-handler' }),
      supervisor: await signedIn(app, rt.db, { role: 'supervisor', office: OFFICE, username: 'rr-supervisor' }),
      admin: await signedIn(app, rt.db, { role: 'admin', office: null, username: 'rr-admin' }),
    };
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('raises nothing while no petition or credit record concerns the projects', async () => {
    for (const a of [apvA, apvB, apvC, apvD]) expect(await alertsOf(a.id)).toEqual([]);
  });

  it('gives the approval at 受理 its petition alert when a petition naming the project arrives, once', async () => {
    await importRecords('petition', [declared]);
    const alerts = await alertsOf(apvA.id);
    expect(alerts.map((a) => [a.rule_id, a.cause, a.step, a.verdict])).toEqual([['petition-check', declared.id, '受理', 'alert']]);
    const page = (await app.inject({ url: `/api/approvals/${apvA.id}/rules`, headers: as.handler })).json();
    expect(page.evaluations).toEqual([expect.objectContaining({ step: '受理', action: 'start', evaluated_by: 'rules' })]);
    // The petition changes: evaluated again, no second alert.
    await importRecords('petition', [{ ...declared, text: `${declared.text}（再次反映）` }]);
    expect((await alertsOf(apvA.id)).map((a) => a.id)).toEqual(alerts.map((a) => a.id));
    // The other projects' approvals are not touched.
    expect(await alertsOf(apvB.id)).toEqual([]);
  });

  it('gives the approval at 受理 the credit outcome when a 失信 record of its builder arrives', async () => {
    await importRecords('credit', [credit]);
    expect((await alertsOf(apvC.id)).map((a) => [a.rule_id, a.cause, a.verdict])).toEqual([['acceptance-credit', credit.id, 'block']]);
  });

  it('gives the approval at 公示 its alert when a supervisor confirms a suggested link', async () => {
    await importRecords('petition', [undeclared]);
    expect(await alertsOf(apvB.id)).toEqual([]);
    // What the linker leaves for review: a suggestion, which does not count yet.
    await rt.db.query(
      `INSERT INTO resource_links (resource_type, resource_id, project_no, score, method, status) VALUES ('petition', $1, $2, 0.6, 'linkage', 'suggested')`,
      [undeclared.id, atPublicity.project_no],
    );
    const res = await app.inject({
      method: 'POST', url: '/api/links/decision', headers: as.supervisor,
      payload: { resource_type: 'petition', resource_id: undeclared.id, project_no: atPublicity.project_no, decision: 'confirm' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await drain();
    expect((await alertsOf(apvB.id)).map((a) => [a.rule_id, a.cause, a.step])).toEqual([['petition-check', undeclared.id, '公示']]);
  });

  it('dry-runs a changed table: which open alerts it would close, storing nothing', async () => {
    const table = (await app.inject({ url: '/api/rules/petition-check', headers: as.handler })).json();
    expect(table.meta).toMatchObject({ id: 'petition-check', kind: 'table' });
    expect(table.cases.length).toBeGreaterThan(0);
    const same = await app.inject({ method: 'POST', url: '/api/rules/petition-check/dry-run', headers: as.admin, payload: { content: table.content } });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ would_open: [], would_close: [] });
    expect(same.json().evaluated).toBeGreaterThanOrEqual(2);
    const silent = JSON.parse(JSON.stringify(table.content).replaceAll('\\"alert\\"', '\\"pass\\"'));
    const res = await app.inject({ method: 'POST', url: '/api/rules/petition-check/dry-run', headers: as.admin, payload: { content: silent } });
    expect(res.json().would_close.map((c: { approval_id: string; cause: string }) => [c.approval_id, c.cause]).sort()).toEqual(
      [[apvA.id, declared.id], [apvB.id, undeclared.id]],
    );
    expect((await rt.db.query('SELECT 1 FROM rule_versions')).rowCount).toBe(0);
    expect((await app.inject({ method: 'POST', url: '/api/rules/petition-check/dry-run', headers: as.supervisor, payload: { content: silent } })).statusCode).toBe(403);
  });

  it('refuses a version whose cases fail, and the next advance uses a good one', async () => {
    const table = (await app.inject({ url: '/api/rules/acceptance-credit', headers: as.admin })).json();
    const lenient = JSON.parse(JSON.stringify(table.content).replaceAll('\\"block\\"', '\\"warn\\"'));
    const refused = await app.inject({ method: 'POST', url: '/api/rules/acceptance-credit/versions', headers: as.admin, payload: { content: lenient } });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', published: false });
    expect(refused.json().failures.length).toBeGreaterThan(0);
    expect((await app.inject({ url: '/api/rules/acceptance-credit', headers: as.admin })).json().versions).toEqual([]);
    const broken = await app.inject({ method: 'POST', url: '/api/rules/acceptance-credit/versions', headers: as.admin, payload: { content: { nodes: [] } } });
    expect(broken.statusCode).toBe(400);

    const renamed = JSON.parse(JSON.stringify(table.content).replace('受理：建设单位信用核查', '受理：建设单位信用核查（修订）'));
    const res = await app.inject({
      method: 'POST', url: '/api/rules/acceptance-credit/versions', headers: as.admin,
      payload: { content: renamed, effective: '2026-12-02', basis: `${table.meta.basis as string}（修订）` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const version = table.meta.version + 1;
    expect(res.json()).toMatchObject({ published: true, version, failures: [] });
    const shown = (await app.inject({ url: '/api/rules/acceptance-credit', headers: as.admin })).json();
    expect(shown.meta.version).toBe(version);
    expect(shown.versions).toEqual([expect.objectContaining({ version, published_by: 'rr-admin' })]);

    const advanced = await app.inject({ method: 'POST', url: `/api/approvals/${apvC.id}/advance`, headers: as.handler, payload: { step: '受理', action: 'start' } });
    expect(advanced.statusCode, advanced.body).toBe(409);
    expect(advanced.json().outcomes.find((o: { ruleId: string }) => o.ruleId === 'acceptance-credit')).toMatchObject({ version, verdict: 'block' });
    // The alert raised earlier keeps the version that raised it; none is duplicated.
    expect((await alertsOf(apvC.id)).map((a) => [a.rule_id, a.rule_version])).toEqual([['acceptance-credit', table.meta.version]]);
    const audit = await rt.db.query<{ actor: string; resource_id: string }>(`SELECT actor, resource_id FROM audit_log WHERE action = 'rule.publish'`);
    expect(audit.rows).toEqual([{ actor: 'rr-admin', resource_id: 'acceptance-credit' }]);
  });

  it('sweeps the open approvals for supervision warnings: a step past its limit in working days, warned once', async () => {
    const first = await rt.advance.sweep();
    expect(first.evaluated).toBeGreaterThanOrEqual(4);
    expect(first.raised).toBe(1);
    const warned = await alertsOf(apvD.id);
    expect(warned.map((a) => [a.rule_id, a.cause, a.verdict, a.step])).toEqual([['overdue', 'overdue:方案会', 'warn', '方案会']]);
    expect(await rt.advance.sweep()).toMatchObject({ raised: 0 });
    // Only warnings: the sweep raised no petition alert or block anywhere else.
    expect((await alertsOf(apvA.id)).map((a) => a.rule_id)).toEqual(['petition-check']);
  });
});
