import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import type { GenerateResult } from '../../services/generate/generate.service.ts';
import {
  MAX_EXPECTED, QUERY_CLASSES, matchOfficerQueries, officerQueries, type OfficerProject, type OfficerQuery,
} from '../../services/generate/officer-queries.ts';
import { compact, cutName, looseNumber } from '../../services/generate/officer-speech.ts';
import { createRng } from '../../services/generate/rng.ts';
import { toSimplified } from '../../indexers/segment/traditional.ts';

const PROJECTS = 1500;
const SEED = 7;

type Project = OfficerProject & { project_no: string; project_type: string };

let root: string;
let corpus: GenerateResult;
let projects: Project[];
let queries: OfficerQuery[];

const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'planhub-officer-'));
  corpus = await generateCorpus({ projects: PROJECTS, seed: SEED, outDir: root });
  projects = await lines(corpus.files.project!);
  queries = await lines(corpus.officerQueriesPath);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the generator names projects the way the issue needs them', () => {
  it('gives part of the housing a sales name, some aliases, and every kind of name officers shorten', () => {
    const housing = projects.filter((p) => p.project_type === '房屋建筑');
    const sold = housing.filter((p) => typeof p.estate_name === 'string');
    expect(sold.length / housing.length).toBeGreaterThan(0.1);
    expect(sold.length / housing.length).toBeLessThan(0.4);
    // The point of a sales name: most are not what the estate is registered as.
    expect(sold.filter((p) => !p.name.includes(String(p.estate_name).split('·').at(-1)!)).length / sold.length).toBeGreaterThan(0.5);
    const withAliases = projects.filter((p) => p.aliases !== undefined);
    expect(withAliases.length).toBeGreaterThan(0);
    for (const p of withAliases) {
      expect(Array.isArray(p.aliases) && p.aliases.length > 0, p.project_no).toBe(true);
      for (const a of p.aliases as string[]) expect(a).not.toBe(p.name);
    }
    for (const re of [/一期/, /二期/, /K\d地块/, /A地块/, /（地下空间）/, /公共租赁住房/, /污水处理厂扩建工程/, /220千伏输变电工程/, /妇幼保健院新建工程/]) {
      expect(projects.some((p) => re.test(p.name)), String(re)).toBe(true);
    }
    expect(projects.some((p) => p.name.includes('研发楼') && /生物(科技|技术|医药)有限公司$/.test(p.builder ?? ''))).toBe(true);
  });
});

describe('officer queries', () => {
  it('are written beside the corpus and are what officerQueries makes of its projects, the same every time', () => {
    expect(queries.length).toBeGreaterThan(400);
    expect(officerQueries(projects, SEED, 900)).toEqual(queries);
    const other = officerQueries(projects, SEED + 1, 900);
    expect(other.map((q) => q.q)).not.toEqual(queries.map((q) => q.q));
  });

  it('cover every class, interleaved so any prefix is balanced', () => {
    const counts = new Map(QUERY_CLASSES.map((c) => [c, queries.filter((q) => q.class === c).length]));
    for (const [cls, n] of counts) expect(n, cls).toBeGreaterThanOrEqual(30);
    expect(new Set(queries.slice(0, QUERY_CLASSES.length).map((q) => q.class)).size).toBe(QUERY_CLASSES.length);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });

  it('expect existing projects, their source among them, and never too many to score', () => {
    const nos = new Set(projects.map((p) => p.project_no));
    for (const q of queries) {
      expect(q.expected.length, q.q).toBeGreaterThanOrEqual(1);
      expect(q.expected.length, q.q).toBeLessThanOrEqual(MAX_EXPECTED);
      expect(new Set(q.expected).size).toBe(q.expected.length);
      for (const no of q.expected) expect(nos.has(no), no).toBe(true);
      expect(q.expected).toContain(q.source);
    }
    expect(queries.some((q) => q.expected.length > 1)).toBe(true);
  });

  it('are not the registered name typed again', () => {
    for (const q of queries) {
      expect(q.q, q.class).not.toBe(q.source_name);
      if (q.class !== 'traditional_fullwidth') expect(compact(q.q), `${q.class}: ${q.q}`).not.toBe(compact(q.source_name));
    }
    const byClass = (c: string) => queries.filter((q) => q.class === c);
    // A number is its project's number once spaces, dashes, case and width are undone, but typed otherwise.
    for (const q of byClass('loose_number')) {
      expect(compact(q.q).toUpperCase()).toBe(q.source);
      expect(q.q).not.toBe(q.source);
    }
    // Full-width forms, or characters simplified text does not use.
    for (const q of byClass('traditional_fullwidth')) expect(q.q.normalize('NFKC') !== q.q || toSimplified(q.q) !== q.q, q.q).toBe(true);
    const byNo = new Map(projects.map((p) => [p.project_no, p]));
    for (const q of byClass('sales_name')) {
      const p = byNo.get(q.source)!;
      expect(p.estate_name !== undefined || p.aliases !== undefined, q.q).toBe(true);
    }
  });

  it('count every project a query means: one named alike in the same district is expected too', () => {
    const nameOnly = new Set(['short_name', 'abbreviation', 'phase_and_plot', 'bracket_fragment', 'traditional_fullwidth']);
    const byNo = new Map(projects.map((p) => [p.project_no, p]));
    let twins = 0;
    for (const q of queries.filter((x) => nameOnly.has(x.class))) {
      const src = byNo.get(q.source)!;
      for (const p of projects) {
        if (p.name !== src.name || p.district !== src.district) continue;
        expect(q.expected, `${q.q} should also mean ${p.project_no}`).toContain(p.project_no);
        if (p.project_no !== src.project_no) twins += 1;
      }
    }
    expect(twins).toBeGreaterThan(0);
  });
});

describe('what a query means', () => {
  const p = (project_no: string, name: string, district: string, extra: Partial<OfficerProject> = {}): OfficerProject => ({ project_no, name, district, ...extra });
  const corpusOf = [
    p('JXAA20190001', '江夏区妇幼保健院新建工程', '江夏', { builder: '武汉市江夏区卫生健康局' }),
    p('JXAA20200002', '江夏区妇幼保健院门诊综合楼建设项目', '江夏', { builder: '武汉市江夏区卫生健康局' }),
    p('HSAA20190003', '洪山区妇幼保健院新建工程', '洪山', { builder: '武汉市洪山区卫生健康局' }),
    p('HSAA20190004', '洪山区黄家湖K3地块项目', '洪山', { builder: '武汉市万科景园置业有限公司', estate_name: '万科·湖畔里', aliases: ['湖畔里小区'] }),
    p('HSAA20190005', '保利湖畔里二期', '洪山', { builder: '武汉保利长江房地产开发有限公司' }),
  ];
  type Units = { any: string[]; in: ('name' | 'builder' | 'brand' | 'address' | 'district' | 'no')[] }[];
  /** What a query drawn from corpusOf[source] with these parts is kept as expecting (null: left out). */
  const expectedFor = (units: Units, source = 0) => {
    const m = matchOfficerQueries([{ q: 'x', units, cls: 'short_name', source: corpusOf[source]! }]);
    corpusOf.forEach((x) => m.add(x));
    return m.finish(1).queries[0]?.expected ?? null;
  };

  it('is every project holding each part in its field', () => {
    expect(expectedFor([{ any: ['江夏'], in: ['district'] }, { any: ['妇幼保健院'], in: ['name'] }])).toEqual(['JXAA20190001', 'JXAA20200002']);
    // A brand is the builder's brand, whole: 万科's 湖畔里 is not 保利's.
    expect(expectedFor([{ any: ['万科'], in: ['brand'] }, { any: ['湖畔里'], in: ['name'] }], 3)).toEqual(['HSAA20190004']);
    expect(expectedFor([{ any: ['湖畔里'], in: ['name'] }], 3)).toEqual(['HSAA20190004', 'HSAA20190005']);
  });

  it('is left out when it means more projects than can be scored', () => {
    expect(expectedFor([{ any: ['妇幼保健院', '湖畔里'], in: ['name'] }])).toBeNull();
  });
});

describe('the pieces of speech', () => {
  it('cut a registered name into district, text, phase, plot, bracket and works', () => {
    expect(cutName('江夏区妇幼保健院新建工程').map((x) => [x.kind, x.text])).toEqual([['district', '江夏区'], ['text', '妇幼保健院'], ['works', '新建工程']]);
    expect(cutName('东湖高新区光谷天地K1（地下空间）').map((x) => x.kind)).toEqual(['district', 'text', 'plot', 'bracket']);
    expect(cutName('南湖P2地块还建房项目一期').map((x) => [x.kind, x.text])).toEqual([['text', '南湖'], ['plot', 'P2地块'], ['text', '还建房'], ['works', '项目'], ['phase', '一期']]);
  });

  it('write a project number in the ways officers type it', () => {
    const rng = createRng(1, 'numbers');
    const forms = new Set(Array.from({ length: 200 }, () => looseNumber('JXAA20190012', rng)));
    expect(forms.size).toBeGreaterThan(8);
    for (const f of forms) expect(compact(f).toUpperCase()).toBe('JXAA20190012');
  });
});
