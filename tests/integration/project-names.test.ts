/**
 * A project is found by everything it is called, on every engine: hand-written projects and the
 * names officers and citizens use for them. (The generated query set and its benchmark measure
 * the same at scale: tests/bench/naming.bench.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';

const lakeside = buildProject({
  id: 'prj-names-1', project_no: 'HSAA20190031', name: '洪山区南湖片K2地块住宅项目', district: '洪山',
  builder: '武汉某某置业有限公司', estate_name: '某某·湖畔里', aliases: ['湖畔里小区', '南湖K2'],
  address: '洪山区洪山街道南湖大道以南、文治街以东',
});
const other = buildProject({
  id: 'prj-names-2', project_no: 'HSAA20190032', name: '洪山区南湖片K3地块住宅项目', district: '洪山',
  builder: '武汉某某置业有限公司', address: '洪山区洪山街道南湖大道以南',
});

describe.each(SEARCH_SETUPS)('project names on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, { project: [lakeside, other], approval: [buildApproval(lakeside.project_no, { id: 'apv-names-1' })] }));
  }, 120_000);
  afterAll(() => close?.());

  it('finds a project, and its approvals, by its sales name written with or without the dot', async () => {
    for (const q of ['某某·湖畔里', '某某湖畔里', '湖畔里']) {
      const r = await rt.search.search({ q, size: 5 });
      expect(r.hits[0]?.project_no, q).toBe(lakeside.project_no);
      expect(r.hits.map((h) => h.id), q).toContain('apv-names-1');
      expect(r.hits.map((h) => h.project_no), q).not.toContain(other.project_no);
    }
  });

  it('finds a project by an alias', async () => {
    const r = await rt.search.search({ q: '湖畔里小区', type: 'project' });
    expect(r.hits.map((h) => h.id)).toEqual([lakeside.id]);
  });
});
