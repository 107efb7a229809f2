/**
 * The process truths the generator plants (services/generate/process-truths.ts): written to
 * process-truth.json, the same for one seed, each case changed the way its truth says, and no
 * other record of the corpus changed by them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type GenerateResult } from '../../services/generate/generate.service.ts';
import type { ProcessTruthFile } from '../../services/generate/process-truths.ts';

const PROJECTS = 1200;
const FILES = ['projects', 'approvals', 'documents', 'meetings', 'petitions', 'credits', 'regulations', 'ground-truth', 'officer-queries'];
type Step = { name: string; office: string; started_at: string | null; finished_at: string | null };
type Approval = { id: string; item: string; status: string; received_at: string; closed_at: string | null; steps: Step[] };

let root: string;
let planted: GenerateResult;
let truth: ProcessTruthFile;
const lines = async (dir: string, f: string) => (await readFile(join(dir, `${f}.jsonl`), 'utf8')).split('\n');
const approvals = async (dir: string) => new Map((await lines(dir, 'approvals')).filter(Boolean).map((l) => [JSON.parse(l).id as string, JSON.parse(l) as Approval]));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'planhub-truths-'));
  planted = await generateCorpus({ projects: PROJECTS, seed: 5, outDir: join(root, 'planted') });
  await generateCorpus({ projects: PROJECTS, seed: 5, outDir: join(root, 'again') });
  await generateCorpus({ projects: PROJECTS, seed: 5, outDir: join(root, 'bare'), processTruths: false });
  truth = JSON.parse(await readFile(planted.processTruthPath, 'utf8'));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('process truths', () => {
  it('are written beside the corpus, the same for the same seed, each with cases', async () => {
    expect(planted.processTruthPath).toBe(join(root, 'planted', 'process-truth.json'));
    expect(await readFile(join(root, 'again', 'process-truth.json'), 'utf8')).toBe(await readFile(planted.processTruthPath, 'utf8'));
    for (const kind of ['bottleneck', 'mutual', 'parallel', 'skipped', 'out_of_order'] as const) expect(truth[kind].cases.length, kind).toBeGreaterThan(2);
    expect(truth.bottleneck).toMatchObject({ step: '面积校核', office: '武汉市测绘研究院', from: '2021-03', to: '2021-08' });
  });

  it('change only the cases they were planted in: every other record is as drawn', async () => {
    const cases = new Set([truth.bottleneck, truth.mutual, truth.parallel, truth.skipped, truth.out_of_order].flatMap((t) => t.cases));
    for (const f of FILES) {
      const [a, b] = await Promise.all([lines(join(root, 'planted'), f), lines(join(root, 'bare'), f)]);
      expect(a.length, f).toBe(b.length);
      const changed = a.filter((l, i) => l !== b[i]).map((l) => JSON.parse(l).id as string);
      if (f === 'approvals') expect(new Set(changed)).toEqual(cases);
      else expect(changed, f).toEqual([]);
    }
  });

  it('change each case the way its truth says, in closed cases with their steps in the order done', async () => {
    const [p, b] = await Promise.all([approvals(join(root, 'planted')), approvals(join(root, 'bare'))]);
    const names = (a: Approval) => a.steps.map((s) => s.name);
    const at = (a: Approval, name: string) => a.steps.find((s) => s.name === name)!;
    for (const id of truth.parallel.cases) {
      expect(p.get(id)!.item).toBe('规划设计方案审查');
      expect(names(p.get(id)!).indexOf('三维')).toBe(names(p.get(id)!).indexOf('海绵城市') - 1);
      expect(p.get(id)!.closed_at, 'no effect on the case').toBe(b.get(id)!.closed_at);
    }
    for (const id of truth.mutual.cases) {
      const a = p.get(id)!;
      expect(names(a).indexOf('蓝图审签')).toBe(names(a).indexOf('核位红线') - 1);
      expect(Date.parse(a.closed_at!) - Date.parse(b.get(id)!.closed_at!), 'the rework costs days').toBeGreaterThan(2 * 86_400_000);
    }
    for (const id of truth.skipped.cases) expect(names(p.get(id)!)).toEqual(names(b.get(id)!).filter((n) => n !== '核位红线'));
    for (const id of truth.out_of_order.cases) expect(names(p.get(id)!).indexOf('签批')).toBeLessThan(names(p.get(id)!).indexOf('方案会'));
    for (const id of truth.bottleneck.cases) {
      const [x, y] = [at(p.get(id)!, '面积校核'), at(b.get(id)!, '面积校核')];
      expect(x.office).toBe('武汉市测绘研究院');
      expect(Date.parse(x.started_at!)).toBeGreaterThan(Date.parse(y.started_at!));
      expect(x.started_at!.slice(0, 4)).toBe('2021');
    }
    for (const id of new Set([truth.bottleneck, truth.mutual, truth.parallel, truth.skipped, truth.out_of_order].flatMap((t) => t.cases))) {
      const a = p.get(id)!;
      expect(a.status).toBe('办结');
      expect(a.closed_at!.slice(0, 4)).toBe(b.get(id)!.closed_at!.slice(0, 4));
      const starts = a.steps.map((s) => Date.parse(s.started_at!));
      expect(starts).toEqual([...starts].sort((x, y) => x - y));
      for (const s of a.steps) expect(Date.parse(s.finished_at!)).toBeGreaterThan(Date.parse(s.started_at!));
      expect(Date.parse(a.closed_at!)).toBe(Math.max(...a.steps.map((s) => Date.parse(s.finished_at!))));
    }
  });
});
