/**
 * One test per kind of naming in issue #10, on every engine, on hand-written projects (not the
 * generator's templates): a short name without the district or the works word, a village cut
 * differently by jieba in the query and in the name, fragments starting inside a word, plot codes written loosely, a fragment of a
 * bracketed road section, a builder's short name with a road, an abbreviated works word, a
 * project number typed loosely, and a record of several projects shown under the one the query
 * names. Every query must put the expected project among the first three projects of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_SETUPS } from '../helpers/engines.ts';
import { buildApproval, buildProject } from '../helpers/factories.ts';
import { hubWith } from '../helpers/search-fixture.ts';
import type { Runtime } from '../../services/runtime/runtime.ts';

const hospital = buildProject({
  id: 'prj-on-1', project_no: 'JXAA20190012', name: '江夏区妇幼保健院新建工程', district: '江夏',
  builder: '武汉市江夏区卫生健康局', address: '江夏区纸坊街道文化大道以南', project_type: '公共建筑',
});
const village = buildProject({
  id: 'prj-on-2', project_no: 'HYAA20210007', name: '杨泗港村城中村改造还建房项目', district: '汉阳',
  builder: '武汉市汉阳城市建设投资开发有限公司', address: '汉阳区鹦鹉洲街道鹦鹉大道以西',
});
const plot = buildProject({
  id: 'prj-on-3', project_no: 'QKAA20170003', name: '硚口区汉正街K3地块', district: '硚口',
  builder: '武汉某某汇置业有限公司', address: '硚口区汉正街道沿河大道以南',
});
const plotNeighbour = buildProject({
  id: 'prj-on-4', project_no: 'QKAA20170004', name: '硚口区汉正街K5地块', district: '硚口',
  builder: '武汉某某汇置业有限公司', address: '硚口区汉正街道沿河大道以南',
});
const road = buildProject({
  id: 'prj-on-5', project_no: 'WCSZ20180004', name: '沙湖港路(中北路至友谊大道段)改造工程', district: '武昌',
  builder: '武汉市武昌城市建设投资开发有限公司', address: '武昌区徐家棚街道', project_type: '市政交通',
});
const tunnel = buildProject({
  id: 'prj-on-6', project_no: 'WCSZ20200009', name: '中北路(沙湖港路至徐东大街段)综合管廊工程', district: '武昌',
  builder: '武汉市市政建设集团有限公司', address: '武昌区中北路', project_type: '市政管线',
});
const basement = buildProject({
  id: 'prj-on-7', project_no: 'QSAA20200031', name: '青山区钢都花园城K1（地下空间）', district: '青山',
  builder: '武汉某某钢城置业有限公司', address: '青山区钢都花园街道和平大道以北',
});
const station = buildProject({
  id: 'prj-on-8', project_no: 'WCSZ20150002', name: '武汉市轨道交通8号线徐家棚站', district: '武昌',
  builder: '武汉地铁集团有限公司', address: '武昌区徐家棚街道和平大道与徐东大街交汇处', project_type: '市政交通',
});
const otherLine = buildProject({
  id: 'prj-on-9', project_no: 'WCSZ20150003', name: '武汉市轨道交通5号线徐家棚站', district: '武昌',
  builder: '武汉地铁集团有限公司', address: '武昌区徐家棚街道和平大道', project_type: '市政交通',
});
const projects = [hospital, village, plot, plotNeighbour, road, tunnel, basement, station, otherLine];

// The district's road works approved at one meeting: a record of three projects.
const minutes = {
  id: 'mtg-on-1', title: '2020年第12次规划方案审查会会议纪要', date: '2020-06-18', project_nos: [tunnel.project_no, road.project_no, basement.project_no],
  text: '会议审查了中北路综合管廊工程、沙湖港路改造工程和钢都花园城地下空间的方案，原则同意。',
};

describe.each(SEARCH_SETUPS)('projects as officers name them, on %s', (setup) => {
  let rt: Runtime;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ rt, close } = await hubWith(setup, {
      project: projects,
      approval: projects.map((p, i) => buildApproval(p.project_no, { id: `apv-on-${i + 1}` })),
      meeting: [minutes],
    }));
    if (rt.config.searchEngine === 'postgres') await rt.db.exec(`ANALYZE search_docs_g${(await rt.engine.state()).generation}`);
  }, 120_000);
  afterAll(() => close?.());

  /** The distinct projects of the page, in order (hits without one skipped), and how each first matched. */
  const projectsFound = async (q: string) => {
    const r = await rt.search.search({ q, size: 20 });
    const matched = new Map<string, string>();
    for (const h of r.hits) if (h.project_no && !matched.has(h.project_no)) matched.set(h.project_no, h.matched);
    return Object.assign([...matched.keys()], { matched });
  };

  it.each([
    ['a short name without the district or the works word', '江夏妇幼保健院', hospital],
    ['a village and 还建房, cut differently in the query and in the name', '杨泗港村还建房', village],
    ['城改 for 城中村改造, with the village glued to it', '杨泗港村城改还建房', village],
    ['a plot written 号地块', '汉正街K3号地块', plot],
    ['a plot code in lower case, without 地块', '汉正街k3', plot],
    ['a plot code in full-width characters', '汉正街Ｋ３地块', plot],
    ['a fragment of a bracketed road section', '沙湖港路友谊大道段', road],
    ['a builder’s short name and a road', '武昌城投沙湖港路', road],
    ['管廊 for 综合管廊', '中北路管廊', tunnel],
    ['地铁 and a line in Chinese numerals', '地铁八号线徐家棚站', station],
    ['a fragment of a bracketed part', '钢都花园城地下空间', basement],
    // jieba cuts a fragment otherwise than the name it comes from: its words are not the name's words.
    ['a fragment starting inside a word', '泗港村还建房', village],
    ['a fragment starting inside a word, with a bracketed part', '都花园城地下空间', basement],
    ['a fragment of a road and its section', '湖港路友谊段', road],
    ['a project number with spaces', 'QKAA 2017 0003', plot],
    ['a project number with dashes, in lower case', 'qkaa-2017-0003', plot],
  ])('finds %s (%s)', async (_kind, q, project) => {
    const found = await projectsFound(q);
    expect(found.slice(0, 3), q).toContain(project.project_no);
    // Everything typed is in the project's records, in some form: a complete match, not the fallback.
    expect(found.matched.get(project.project_no), q).not.toBe('partial');
  });

  it('tells K3 from K5, and line 8 from line 5: the other one is not above it', async () => {
    expect((await projectsFound('汉正街K3号地块'))[0]).toBe(plot.project_no);
    expect((await projectsFound('地铁八号线徐家棚站'))[0]).toBe(station.project_no);
  });

  it('shows a record of several projects under the one the query names', async () => {
    const r = await rt.search.search({ q: '钢都花园城地下空间', type: 'meeting', size: 5 });
    expect(r.hits[0]).toMatchObject({ id: minutes.id, project_no: basement.project_no });
    expect(r.hits[0]!.project_nos).toEqual(expect.arrayContaining(minutes.project_nos));
  });
});
