/**
 * The alias table (issue #12): a name people use that the project's record lacks, added by a
 * person over the API, is taken up by search and by the linker as an imported alias is; a
 * re-import of the record keeps it; bad names are refused with the field named; every change is
 * in the audit log. On every engine.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../services/jobs/in-process-runner.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';
import { buildApp } from '../../services/server/app.ts';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildPetition, buildProject } from '../helpers/factories.ts';
import { importJsonl } from '../helpers/imports.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import { fromText, jsonl } from '../helpers/streams.ts';
import { actAs, signedIn } from '../helpers/sign-in.ts';

/** Registered under a plot name; people call the site by what stood there before. */
const site = buildProject({
  id: 'prj-al-1', project_no: 'QKAA20180011', name: '硚口区古田四路K7地块项目', district: '硚口',
  builder: '武汉古田置业有限公司', address: '硚口区古田街道古田四路以南',
});
const other = buildProject({
  id: 'prj-al-2', project_no: 'QKAA20180012', name: '硚口区汉西一路商业中心', district: '硚口',
  builder: '武汉汉西商业有限公司', address: '硚口区汉水桥街道汉西一路',
});
const ALIAS = '老水泥厂那块地';
const letter = buildPetition({
  id: 'pet-al-1', subject: '老水泥厂那块地夜间施工', project_nos: [],
  text: '老水泥厂那块地现在在盖楼，每天晚上十二点还在打桩，吵得睡不着，请相关部门管一管。',
});

describe.each(SEARCH_SETUPS)('project aliases on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const drain = async () => {
    const runner = createInProcessRunner(rt.db, rt.registry, { idleMs: 3_600_000 });
    await runner.drain();
    await runner.stop();
  };
  /** Two handlers sign in; the log names whoever was signed in. */
  let as: { jia: { authorization: string }; yi: { authorization: string } };
  const post = (alias: string, by: 'jia' | 'yi' = 'jia', no = site.project_no) =>
    app.inject({ method: 'POST', url: `/api/projects/${no}/aliases`, headers: as[by], payload: { alias, note: '群众来信的叫法' } });
  const searchProjects = async (q: string) =>
    ((await app.inject({ url: `/api/search?type=project&q=${encodeURIComponent(q)}` })).json().hits as { id: string; project_no: string }[]);
  const linkStatus = async () =>
    ((await rt.links.linksOf('petition', letter.id)).links as { project_no: string; status: string }[]).find((l) => l.project_no === site.project_no)?.status;

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, {
      project: [site, other],
      approval: [buildApproval(site.project_no, { id: 'apv-al-1' }), buildApproval(other.project_no, { id: 'apv-al-2' })],
      petition: [letter],
    }));
    app = await actAs(buildApp({ ...rt, logLevel: 'silent' }), rt.db, 'handler');
    as = {
      jia: await signedIn(app, rt.db, { role: 'handler', username: 'handler-jia' }),
      yi: await signedIn(app, rt.db, { role: 'handler', username: 'handler-yi' }),
    };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('finds and links nothing by the colloquial name before anyone adds it', async () => {
    expect((await searchProjects(ALIAS)).some((h) => h.project_no === site.project_no)).toBe(false);
    await rt.linking.linkAll();
    expect(await linkStatus()).toBeUndefined();
  });

  it('adds the name, then search finds the project by it and the linker links the letter that uses it', async () => {
    const res = await post(`  ${ALIAS} `);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ project_no: site.project_no, alias: ALIAS, added: true, shared_with: [] });
    expect(res.json().aliases).toEqual([expect.objectContaining({ alias: ALIAS, added_by: 'handler-jia', note: '群众来信的叫法' })]);
    await drain();
    expect((await searchProjects(ALIAS))[0]?.project_no).toBe(site.project_no);
    await rt.linking.linkAll();
    expect(['auto', 'suggested']).toContain(await linkStatus());
  });

  it('keeps the name when the record is imported again, and says so twice-added names were there', async () => {
    const again = await importJsonl(rt.db, 'project', fromText(jsonl([{ ...site, address: '硚口区古田街道古田四路以南（变更）' }])));
    expect(again.rejected).toBe(0);
    await drain();
    const listed = await app.inject({ url: `/api/projects/${site.project_no}/aliases` });
    expect(listed.json().aliases.map((a: { alias: string }) => a.alias)).toEqual([ALIAS]);
    expect((await searchProjects(ALIAS))[0]?.project_no).toBe(site.project_no);
    expect((await post(ALIAS)).json().added).toBe(false);
  });

  it('names the other projects already known by a name it adds', async () => {
    const res = await post(ALIAS, 'yi', other.project_no);
    expect(res.json()).toMatchObject({ added: true, shared_with: [site.project_no] });
  });

  it('refuses names that cannot name one project, naming the field', async () => {
    for (const [alias, why] of [['硚口区', /district or the city/], ['K', /at least 2/], ['2018-11', /no name/], [site.name, /already a name/]] as const) {
      const res = await post(alias);
      expect(res.statusCode, alias).toBe(400);
      expect(res.json().message).toMatch(/^alias: /);
      expect(res.json().message).toMatch(why);
    }
    expect((await post(ALIAS, 'jia', 'QKAA20990001')).statusCode).toBe(404);
    // Who adds it is the signed-in user, never a name the client sends.
    const claimed = await app.inject({ method: 'POST', url: `/api/projects/${site.project_no}/aliases`, headers: as.jia, payload: { alias: ALIAS, by: '别人' } });
    expect(claimed.json()).toMatchObject({ statusCode: 400, message: 'body must NOT have additional properties' });
  });

  it('removes an added name, and search no longer finds the project by it', async () => {
    const res = await app.inject({ method: 'DELETE', url: `/api/projects/${site.project_no}/aliases?alias=${encodeURIComponent(ALIAS)}`, headers: as.jia });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ removed: true, aliases: [] });
    await drain();
    expect((await searchProjects(ALIAS)).some((h) => h.project_no === site.project_no)).toBe(false);
    const again = await app.inject({ method: 'DELETE', url: `/api/projects/${site.project_no}/aliases?alias=${encodeURIComponent(ALIAS)}`, headers: as.jia });
    expect(again.statusCode).toBe(404);
  });

  it('writes who added and removed each name to the audit log', async () => {
    const r = await rt.db.query<{ actor: string; action: string }>(
      `SELECT actor, action FROM audit_log WHERE action LIKE 'project.alias.%' ORDER BY at, action`,
    );
    expect(r.rows).toEqual([
      { actor: 'handler-jia', action: 'project.alias.add' },
      { actor: 'handler-yi', action: 'project.alias.add' },
      { actor: 'handler-jia', action: 'project.alias.remove' },
    ]);
  });
});
