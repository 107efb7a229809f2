/**
 * Confidential petitioners (issue #13) over HTTP, on every search setup (PGlite, the PostgreSQL
 * server, and OpenSearch when one answers): petitions whose petitioner and text carry personal
 * data (all invented) are imported, linked and indexed; for each role below supervisor no piece
 * of it appears in any response — search hits and snippets (for the subject and for the phone
 * number itself), suggestions, the reading page, the project's page, recommendations, links,
 * error bodies — nor in the server's log at trace level. A supervisor reads it whole, each read
 * audited, and sees the petitions sent from the same phone in another format (重复信访).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../services/access/roles.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { createServices } from '../../services/runtime/services.ts';
import { buildApp } from '../../services/server/app.ts';
import { SEARCH_SETUPS, isCluster } from '../helpers/engines.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { signedIn } from '../helpers/sign-in.ts';

const PHONE = '13712345678';
const PHONE_DASHED = '137-1234-5678';
const ID_NUMBER = '420106198807154321';
const EMAIL = 'liu.yiyi.sample@example.org';
const NAME = '柳依依';
const FLAT = '5栋2单元803室';
const ADDRESS = `武汉市洪山区青菱湖路18号${FLAT}`;
const OTHER_PHONE = '15987654321';
const OTHER_NAME = '祁某某';

/** Every string no role below supervisor may receive or see logged. */
const PERSONAL = [PHONE, PHONE_DASHED, '137 1234 5678', ID_NUMBER, EMAIL, NAME, FLAT, ADDRESS, OTHER_PHONE, OTHER_NAME, 'liu.yiyi'];

const project = buildProject({
  id: 'prj-pd-1', project_no: 'HSAA20190301', name: '洪山区青菱湖K9地块住宅项目', district: '洪山',
  builder: '武汉青菱湖置业有限公司', builder_credit_code: '91420100PD00000011', address: '洪山区青菱街道青菱湖路20号',
  land_use: 'R2 二类居住用地', scale_m2: 50000,
});
const SUBJECT = '青菱湖K9地块工地夜间施工扰民';
const first = buildPetition({
  id: 'pet-pd-1', subject: `${SUBJECT}（联系电话${PHONE}）`, received_at: '2019-06-01T10:00:00', project_nos: [project.project_no],
  text: `我叫${NAME}，住在青菱湖路18号${FLAT}，身份证号${ID_NUMBER}。洪山区青菱湖K9地块住宅项目工地每天夜里施工到凌晨，`
    + `噪音扰民，请尽快处理。联系电话：${PHONE_DASHED}，邮箱 ${EMAIL}。`,
  petitioner: { name: NAME, phone: PHONE, email: EMAIL, address: ADDRESS, gender: '女' },
});
/** The same petitioner months later, the phone written another way: a repeat petition. */
const again = buildPetition({
  id: 'pet-pd-2', subject: '青菱湖K9地块工地又在夜间施工', received_at: '2019-09-01T10:00:00', project_nos: [],
  text: `本人${NAME}，之前反映过洪山区青菱湖K9地块住宅项目夜间施工的问题，现在又开始了。电话 137 1234 5678。`,
  petitioner: { name: NAME, phone: `+86 ${PHONE_DASHED}`, email: null, address: ADDRESS, gender: '女' },
});
/** Someone else about the same site: not a repeat of the others. */
const other = buildPetition({
  id: 'pet-pd-3', subject: '青菱湖K9地块渣土车撒漏', received_at: '2019-07-01T10:00:00', project_nos: [project.project_no],
  text: `联系人：${OTHER_NAME}，电话${OTHER_PHONE}。青菱湖路上渣土车撒漏。`,
  petitioner: { name: OTHER_NAME, phone: OTHER_PHONE, email: null, address: null },
});

/** The requests each role makes: every endpoint that may carry a petition, and errors that quote their input. */
const REQUESTS = [
  `/api/search?q=${encodeURIComponent(SUBJECT)}`,
  `/api/search?q=${encodeURIComponent(first.subject)}`,
  `/api/search?q=${PHONE}`,
  `/api/search?q=${encodeURIComponent(PHONE_DASHED)}`,
  `/api/search?q=${ID_NUMBER}`,
  `/api/search?q=${encodeURIComponent(EMAIL)}`,
  `/api/search?q=${encodeURIComponent(NAME)}`,
  `/api/search?q=${encodeURIComponent(`青菱湖 ${PHONE}`)}`,
  '/api/search?type=petition',
  `/api/search?q=${encodeURIComponent('青菱湖')}&type=petition&collapse=true`,
  `/api/suggest?q=${encodeURIComponent(NAME)}`,
  '/api/suggest?q=137',
  '/api/petitions/pet-pd-1',
  '/api/petitions/pet-pd-2',
  '/api/petitions/pet-pd-3',
  `/api/projects/${project.project_no}`,
  `/api/projects/${project.project_no}/recommendations`,
  '/api/links?resource_type=petition&resource_id=pet-pd-1',
  '/api/links?resource_type=petition&resource_id=pet-pd-2',
  '/api/links/review?type=petition&status=auto',
  '/api/links/review?type=petition&status=declared',
  `/api/petitions/${PHONE}`,
  `/api/no-such-page/${PHONE}?q=${PHONE}`,
  `/api/search?q=x&from=${PHONE}`,
  `/api/search?q=x&type=${encodeURIComponent(EMAIL)}`,
  `/api/links?resource_type=petition&resource_id=${ID_NUMBER}`,
];

const found = (text: string) => PERSONAL.filter((s) => text.includes(s));

describe.each(SEARCH_SETUPS)('personal data on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const log: string[] = [];
  const headers: Partial<Record<UserRole, { authorization: string }>> = {};

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, {
      project: [project],
      approval: [buildApproval(project.project_no, { id: 'apv-pd-1', item: '建设工程规划许可证', status: '在办' })],
      petition: [first, again, other],
    }));
    // What a linker reading a long text stores: the passage the mention was found in, quoting the
    // petition, and evidence that names the writer. Masked when sent, whatever the store holds.
    const quoted = await rt.db.query(
      `UPDATE resource_links SET passage = $1, reasons = $2::jsonb WHERE resource_type = 'petition' AND resource_id = 'pet-pd-2' RETURNING project_no`,
      [again.text, JSON.stringify([{ feature: 'name', level: 'whole', weight: 5, text: `文中出现“本人${NAME}”与项目名称` }])],
    );
    if (quoted.rows.length === 0) throw new Error('the linker linked pet-pd-2 to nothing: the links checks would prove nothing');
    app = await buildApp({ ...rt, logLevel: 'trace', logStream: { write: (line: string) => void log.push(line) } });
    for (const role of ['officer', 'handler', 'admin'] as const) headers[role] = await signedIn(app, rt.db, role);
    headers.supervisor = await signedIn(app, rt.db, { role: 'supervisor', username: 'pd-supervisor' });
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  const get = (role: UserRole, url: string) => app.inject({ url, headers: headers[role] });

  it.each(['officer', 'handler', 'admin'] as const)('sends the %s no personal data in any response, and finds nothing by the phone', async (role) => {
    const statuses: Record<string, number> = {};
    const leaks: string[] = [];
    for (const url of REQUESTS) {
      const res = await get(role, url);
      statuses[url] = res.statusCode;
      for (const s of found(res.body)) leaks.push(`${url} (${res.statusCode}): ${s}`);
    }
    expect(leaks).toEqual([]);
    // The pages themselves answered (a 403 everywhere would prove nothing).
    expect(statuses['/api/petitions/pet-pd-1']).toBe(200);
    expect(statuses[`/api/projects/${project.project_no}`]).toBe(200);
    expect(statuses['/api/links?resource_type=petition&resource_id=pet-pd-1']).toBe(200);
    if (role === 'handler') expect(statuses[`/api/projects/${project.project_no}/recommendations`]).toBe(200);
    for (const q of [PHONE, encodeURIComponent(PHONE_DASHED), ID_NUMBER, encodeURIComponent(EMAIL)]) {
      expect((await get(role, `/api/search?q=${q}`)).json().total, q).toBe(0);
    }
    // The subject finds the petitions, with the masked text in their snippets.
    const bySubject = (await get(role, `/api/search?q=${encodeURIComponent(SUBJECT)}&type=petition`)).json();
    expect(bySubject.hits.map((h: { id: string }) => h.id)).toContain('pet-pd-1');
  });

  it('exports links (planhub links export) with the petitions they quote masked', async () => {
    const rows = [];
    for await (const row of rt.links.exportLinks({ type: 'petition' })) rows.push(row);
    expect(rows.map((r) => r.resource_id)).toContain('pet-pd-2');
    expect(found(JSON.stringify(rows))).toEqual([]);
  });

  it('shows the masked page below supervisor: petitioner and text masked, references intact, no repeats', async () => {
    const body = (await get('officer', '/api/petitions/pet-pd-1')).json();
    expect(body.record.petitioner).toEqual({ name: '柳女士', phone: '137****5678', district: '洪山区' });
    expect(body.record.subject).toBe(`${SUBJECT}（联系电话137****5678）`);
    expect(body.record.text).toContain('我叫柳*，住在青菱湖路18号*栋*单元***室，身份证号4201**********4321');
    expect(body.record.text).toContain('联系电话：137****5678，邮箱 l***@example.org');
    expect(body).not.toHaveProperty('repeat_petitions');
    for (const r of body.references as { field: string; start: number; end: number; text: string }[]) {
      expect(body.record[r.field].slice(r.start, r.end)).toBe(r.text);
    }
  });

  it('shows a supervisor the petitioner and text whole, and audits the read with the fields sent', async () => {
    const before = await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'petitioner.read'`);
    const body = (await get('supervisor', '/api/petitions/pet-pd-1')).json();
    expect(body.record.petitioner).toEqual({ name: NAME, phone: PHONE, email: EMAIL, address: ADDRESS, district: '洪山区' });
    expect(body.record.subject).toBe(first.subject);
    expect(body.record.text).toBe(first.text);
    const audit = await rt.db.query<{ actor: string; resource_type: string; resource_id: string; detail: { fields: string[] } }>(
      `SELECT actor, resource_type, resource_id, detail FROM audit_log WHERE action = 'petitioner.read' ORDER BY id DESC LIMIT 1`,
    );
    const after = await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'petitioner.read'`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
    expect(audit.rows[0]).toMatchObject({ actor: 'pd-supervisor', resource_type: 'petition', resource_id: 'pet-pd-1' });
    expect(audit.rows[0]!.detail.fields.sort()).toEqual(
      ['petitioner.address', 'petitioner.email', 'petitioner.name', 'petitioner.phone', 'subject', 'text'],
    );
    // Not indexed, so not found, by a supervisor either.
    expect((await get('supervisor', `/api/search?q=${PHONE}`)).json().total).toBe(0);
  });

  it('lists repeat petitions for a supervisor: the same phone in another format, each the other, newest first', async () => {
    const one = (await get('supervisor', '/api/petitions/pet-pd-1')).json();
    expect(one.repeat_petitions).toEqual([{ id: 'pet-pd-2', subject: again.subject, received_at: '2019-09-01T02:00:00.000Z' }]);
    const two = (await get('supervisor', '/api/petitions/pet-pd-2')).json();
    expect(two.repeat_petitions.map((p: { id: string }) => p.id)).toEqual(['pet-pd-1']);
    const three = (await get('supervisor', '/api/petitions/pet-pd-3')).json();
    expect(three.repeat_petitions).toEqual([]);
  });

  it('keys petitioners imported before phone keys existed the first time a supervisor needs them', async () => {
    await rt.db.query(`UPDATE petitioners SET phone_key = NULL`);
    // A fresh service, as in a process started after the migration.
    const reading = createServices(rt.db).reading;
    const supervisor = { userId: null, username: 'pd-supervisor', displayName: '负责人', role: 'supervisor' as const, office: null };
    const read = await reading.read('petition', 'pet-pd-2', supervisor);
    expect(read.repeat_petitions?.map((p) => p.id)).toEqual(['pet-pd-1']);
    const unkeyed = await rt.db.query('SELECT petition_id FROM petitioners WHERE phone_key IS NULL');
    expect(unkeyed.rows).toEqual([]);
  });

  it('keeps the phone key out of every response and the phone out of the search tables', async () => {
    const keys = await rt.db.query<{ petition_id: string; phone_key: string }>('SELECT petition_id, phone_key FROM petitioners ORDER BY petition_id');
    expect(keys.rows.map((r) => r.petition_id)).toEqual(['pet-pd-1', 'pet-pd-2', 'pet-pd-3']);
    expect(keys.rows[0]!.phone_key).toBe(keys.rows[1]!.phone_key);
    expect(keys.rows[2]!.phone_key).not.toBe(keys.rows[0]!.phone_key);
    for (const role of ['officer', 'supervisor'] as const) {
      for (const url of ['/api/petitions/pet-pd-1', `/api/projects/${project.project_no}`]) {
        expect((await get(role, url)).body).not.toContain(keys.rows[0]!.phone_key);
      }
    }
    if (isCluster(setup)) return;
    const tables = await rt.db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname LIKE 'search%'`,
    );
    expect(tables.rows.length).toBeGreaterThan(2);
    for (const { name } of tables.rows) {
      const r = await rt.db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      for (const { row } of r.rows) expect(found(row), name).toEqual([]);
    }
  });

  // Last: every request of the suite has been logged by now.
  it('logs none of it, at any level', () => {
    expect(log.length).toBeGreaterThan(REQUESTS.length);
    const text = log.join('');
    expect(text).toContain('/api/search?q=');
    expect(found(text)).toEqual([]);
  });
});
