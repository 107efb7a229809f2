/**
 * Approvals under the rules (issue #14), end to end through the API on PGlite and on the
 * PostgreSQL server: a project whose builder has a 失信 record and an open petition that names
 * its estate only by its sales name (linked by the linker, no project number in the letter);
 * advancing its approval to 受理 is refused by the credit table, and both the credit outcome and
 * the petition alert are stored with their traces; a supervisor's 暂停 suspends the approval
 * (audited); advancing again raises no second alert. Also: the upload gate refuses finishing 受理
 * and changes nothing; a handler of another office is refused.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { buildApp } from '../../services/server/app.ts';
import { DB_KINDS } from '../helpers/databases.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { EXPECT, LINKING_RECORDS, P, PROJECTS } from '../helpers/linking-fixtures.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { signedIn } from '../helpers/sign-in.ts';

const OFFICE = '行政审批处';
const lanqi = PROJECTS.find((p) => p.project_no === P.lanqi)!;
/** 受理 not started; 收件 still open, so the outbox's re-run (at 受理 or 公示 only) leaves it to the advance. */
const approval = buildApproval(P.lanqi, {
  id: 'apv-rules-1', status: '在办', office: OFFICE,
  steps: [
    { name: '收件', office: OFFICE, limit_days: null, started_at: '2026-11-30T09:00:00', finished_at: null },
    { name: '受理', office: OFFICE, limit_days: null, started_at: null, finished_at: null },
    { name: '公示', office: OFFICE, limit_days: null, started_at: null, finished_at: null },
  ],
});
const dishonest = { id: 'cr-rules-1', builder: lanqi.builder, credit_code: null, status: '失信', reason: '未批先建', date: '2026-03-01' };
/** A clean project whose 申报材料 are not uploaded (the import's optional field, kept in extra). */
const clean = buildProject({ id: 'prj-rules-2', project_no: 'HSAA20260201', name: '洪山区测试K2地块', builder: '武汉清白置业有限公司', builder_credit_code: null });
const notUploaded = buildApproval(clean.project_no, {
  id: 'apv-rules-2', office: OFFICE, materials_uploaded: false,
  steps: [{ name: '受理', office: OFFICE, limit_days: null, started_at: null, finished_at: null }, { name: '公示', office: OFFICE, limit_days: null }],
});

interface Alert { id: number; rule_id: string; rule_version: number; cause: string; verdict: string; status: string; options: string[]; trace: unknown; facts: unknown; raised: boolean; decided_by: string | null; decision: string | null }
interface Outcome { ruleId: string; version: number; verdict: string; cause: string | null; reason: string; trace: unknown }

describe.each(DB_KINDS)('approvals under the rules on %s', (kind) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let as: Record<'handler' | 'stranger' | 'supervisor' | 'admin' | 'officer', { authorization: string }>;
  const drain = async () => {
    const runner = createInProcessRunner(rt.db, rt.registry, { idleMs: 3_600_000 });
    await runner.drain();
    await runner.stop();
  };
  const advance = (id: string, step: string, action: 'start' | 'finish', who: keyof typeof as = 'handler') =>
    app.inject({ method: 'POST', url: `/api/approvals/${id}/advance`, headers: as[who], payload: { step, action } });
  const alertsOf = async (approvalId: string) =>
    (await app.inject({ url: `/api/alerts?approval=${approvalId}`, headers: as.supervisor })).json().items as Alert[];
  const stepTimes = async (approvalId: string) =>
    (await rt.db.query<{ name: string; started_at: string | null; finished_at: string | null }>(
      'SELECT name, started_at::text, finished_at::text FROM approval_steps WHERE approval_id = $1 ORDER BY seq', [approvalId])).rows;

  beforeAll(async () => {
    ({ rt, close } = await hubWith(kind, {
      ...Object.fromEntries(LINKING_RECORDS),
      project: [...PROJECTS, clean],
      credit: [dishonest],
      approval: [approval, notUploaded],
    }));
    // What `planhub link` runs: the letter that says only 澜栖湾 is linked to 藏龙岛K9地块 by itself.
    await rt.linking.linkAll();
    await drain();
    app = await buildApp({ ...rt, logLevel: 'silent' });
    as = {
      handler: await signedIn(app, rt.db, { role: 'handler', office: OFFICE, username: 'jingban-jia' }),
      stranger: await signedIn(app, rt.db, { role: 'handler', office: '规划处', username: 'jingban-yi' }),
      supervisor: await signedIn(app, rt.db, { role: 'supervisor', office: OFFICE, username: 'fuzeren-bing' }),
      admin: await signedIn(app, rt.db, { role: 'admin', office: null, username: 'guanli-ding' }),
      officer: await signedIn(app, rt.db, { role: 'officer', office: OFFICE, username: 'gongzuo-wu' }),
    };
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('links the petition that names the estate by its sales name, with no project number', async () => {
    const links = (await rt.links.linksOf('petition', EXPECT.estate.id)).links as { project_no: string; status: string }[];
    expect(links.find((l) => l.project_no === P.lanqi)?.status).toBe('auto');
  });

  it('refuses a handler of another office and an officer', async () => {
    const res = await advance(approval.id, '受理', 'start', 'stranger');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().message).toMatch(/行政审批处/);
    expect((await advance(approval.id, '受理', 'start', 'officer')).statusCode).toBe(403);
    expect(await alertsOf(approval.id)).toEqual([]);
  });

  it('refuses 受理 for the 失信 builder, and stores the credit outcome and the petition alert with their traces', async () => {
    const res = await advance(approval.id, '受理', 'start');
    expect(res.statusCode, res.body).toBe(409);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 409, error: 'Conflict', allowed: false, approval_id: approval.id, step: '受理', action: 'start' });
    expect(body.message).toMatch(/acceptance-credit/);
    const outcomes = body.outcomes as Outcome[];
    const credit = outcomes.find((o) => o.ruleId === 'acceptance-credit')!;
    expect(credit).toMatchObject({ verdict: 'block', cause: dishonest.id });
    expect(credit.reason).toContain(dishonest.id);
    const petition = outcomes.find((o) => o.ruleId === 'petition-check' && o.cause === EXPECT.estate.id)!;
    expect(petition.verdict).toBe('alert');

    const alerts = body.alerts as Alert[];
    expect(alerts.map((a) => [a.rule_id, a.cause, a.raised]).sort()).toEqual(
      expect.arrayContaining([['acceptance-credit', dishonest.id, true], ['petition-check', EXPECT.estate.id, true]]),
    );
    for (const a of alerts) {
      expect(a.trace, a.rule_id).toBeTruthy();
      expect(a.rule_version).toBeGreaterThanOrEqual(1);
      expect(a.facts).toMatchObject({ project: { project_no: P.lanqi }, credit: { dishonest: true } });
    }
    expect(alerts.find((a) => a.rule_id === 'petition-check')!.options).toEqual(['提醒', '退件', '暂停']);
    // A blocked move changes no step time.
    expect((await stepTimes(approval.id)).find((s) => s.name === '受理')).toMatchObject({ started_at: null, finished_at: null });
    // The approval page reads the same outcomes.
    const page = await app.inject({ url: `/api/approvals/${approval.id}/rules`, headers: as.officer });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().evaluations).toEqual([expect.objectContaining({ step: '受理', action: 'start', allowed: false, evaluated_by: 'jingban-jia' })]);
  });

  it('lets a supervisor decide 暂停: the approval is suspended, and the audit log shows who decided', async () => {
    const petition = (await alertsOf(approval.id)).find((a) => a.rule_id === 'petition-check')!;
    // Only supervisors decide.
    expect((await app.inject({ method: 'POST', url: `/api/alerts/${petition.id}/decide`, headers: as.handler, payload: { decision: '暂停' } })).statusCode).toBe(403);
    const ack = await app.inject({ method: 'POST', url: `/api/alerts/${petition.id}/acknowledge`, headers: as.supervisor });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledged_by: 'fuzeren-bing' });
    const res = await app.inject({ method: 'POST', url: `/api/alerts/${petition.id}/decide`, headers: as.supervisor, payload: { decision: '暂停', note: '待信访办结' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', decision: '暂停', decided_by: 'fuzeren-bing', note: '待信访办结' });
    const again = await app.inject({ method: 'POST', url: `/api/alerts/${petition.id}/decide`, headers: as.supervisor, payload: { decision: '提醒' } });
    expect(again.statusCode).toBe(409);

    const blocked = await advance(approval.id, '受理', 'start');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toMatch(/suspended/);
    expect(blocked.json().outcomes).toBeUndefined();

    const audit = await app.inject({ url: `/api/audit?resource_type=alert&resource_id=${petition.id}`, headers: as.admin });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().entries.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
      ['fuzeren-bing', 'alert.decide'], ['fuzeren-bing', 'alert.acknowledge'],
    ]);
    expect(audit.json().entries[0].detail).toMatchObject({ decision: '暂停', suspended: true, approval_id: approval.id });
  });

  it('raises no second alert when the approval is resumed and advanced again', async () => {
    const before = await alertsOf(approval.id);
    const resumed = await app.inject({ method: 'POST', url: `/api/approvals/${approval.id}/resume`, headers: as.supervisor });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/approvals/${approval.id}/resume`, headers: as.supervisor })).statusCode).toBe(409);
    const res = await advance(approval.id, '受理', 'start');
    expect(res.statusCode).toBe(409);
    expect((res.json().alerts as Alert[]).every((a) => !a.raised)).toBe(true);
    const after = await alertsOf(approval.id);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    const { rows } = await rt.db.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE resource_id = $1 AND action LIKE 'approval.%' ORDER BY id`, [approval.id]);
    expect(rows).toEqual([
      { action: 'approval.advance', actor: 'jingban-jia' }, { action: 'approval.resume', actor: 'fuzeren-bing' }, { action: 'approval.advance', actor: 'jingban-jia' },
    ]);
  });

  it('refuses finishing 受理 while the 申报材料 are not uploaded, and changes nothing', async () => {
    const started = await advance(notUploaded.id, '受理', 'start');
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ allowed: true, alerts: [] });
    const times = await stepTimes(notUploaded.id);
    expect(times[0]!.started_at).not.toBeNull();
    const res = await advance(notUploaded.id, '受理', 'finish');
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json().outcomes as Outcome[]).find((o) => o.verdict === 'block')?.ruleId).toBe('upload-gate');
    expect(await stepTimes(notUploaded.id)).toEqual(times);
    expect((await advance(notUploaded.id, '不存在的环节', 'start')).statusCode).toBe(404);
  });

  it('lists a handler only their office\'s alerts', async () => {
    const own = await app.inject({ url: '/api/alerts?status=open', headers: as.handler });
    expect(own.statusCode).toBe(200);
    expect((own.json().items as { office: string }[]).every((a) => a.office === OFFICE)).toBe(true);
    expect(own.json().items.length).toBeGreaterThan(0);
    expect((await app.inject({ url: '/api/alerts', headers: as.stranger })).json().items).toEqual([]);
    expect((await app.inject({ url: `/api/alerts?office=${encodeURIComponent(OFFICE)}`, headers: as.stranger })).statusCode).toBe(403);
  });
});
