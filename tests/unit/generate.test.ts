import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../services/generate/generate.service.ts';
import type { GenerateResult } from '../../services/generate/generate.service.ts';
import { isValidCreditCode } from '../../services/generate/credit-code.ts';
import { IMPORT_SCHEMAS, RESOURCE_TYPES } from '../../services/resources/resource.schema.ts';
import type { ResourceType } from '../../services/resources/resource.schema.ts';
import { DISTRICT_CODES, PROJECT_TYPE_CODES, parseProjectNo } from '../../services/projects/project-no.ts';

const PROJECTS = 300;
const FILES = [...RESOURCE_TYPES.map((t) => `${t}s.jsonl`), 'ground-truth.jsonl', 'officer-queries.jsonl'];

type Row = Record<string, any>;

let root: string;
let a: GenerateResult;
let progress: [number, number][] = [];
const rows = {} as Record<ResourceType, Row[]>;
let truth: { type: string; id: string; project_nos: string[] }[];

async function readLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'planhub-generate-'));
  a = await generateCorpus({ projects: PROJECTS, seed: 7, outDir: join(root, 'a'), onProgress: (done, total) => progress.push([done, total]) });
  await generateCorpus({ projects: PROJECTS, seed: 7, outDir: join(root, 'b') });
  await generateCorpus({ projects: PROJECTS, seed: 8, outDir: join(root, 'c') });
  for (const type of RESOURCE_TYPES) rows[type] = (await readLines(a.files[type]!)).map((l) => JSON.parse(l));
  truth = (await readLines(a.groundTruthPath)).map((l) => JSON.parse(l));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateCorpus', () => {
  it('writes every file and reports what it wrote', () => {
    expect(Object.keys(a.files).sort()).toEqual([...RESOURCE_TYPES].sort());
    for (const type of RESOURCE_TYPES) expect(a.counts[type]).toBe(rows[type].length);
    expect(a.counts.project).toBe(PROJECTS);
    expect(progress.at(-1)).toEqual([PROJECTS, PROJECTS]);
  });

  it('is byte-identical for the same seed and differs for another', async () => {
    for (const file of FILES) {
      const [x, y, z] = await Promise.all(['a', 'b', 'c'].map((d) => readFile(join(root, d, file))));
      expect(x!.equals(y!), `${file} differs between two runs with one seed`).toBe(true);
      expect(x!.equals(z!), `${file} is the same for two seeds`).toBe(false);
    }
  });

  it('writes only lines the importer accepts, with unique ids', () => {
    for (const type of RESOURCE_TYPES) {
      const failures = rows[type]
        .map((r) => ({ id: r.id, result: IMPORT_SCHEMAS[type].safeParse(r) }))
        .filter((x) => !x.result.success)
        .map((x) => `${type} ${x.id}: ${x.result.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      expect(failures).toEqual([]);
      expect(new Set(rows[type].map((r) => r.id)).size).toBe(rows[type].length);
    }
  });

  it('makes about ten records per project', () => {
    const total = RESOURCE_TYPES.reduce((n, t) => n + rows[t].length, 0);
    expect(total / PROJECTS).toBeGreaterThanOrEqual(8);
    expect(total / PROJECTS).toBeLessThanOrEqual(12);
    for (const type of RESOURCE_TYPES) expect(rows[type].length, type).toBeGreaterThan(0);
    expect(rows.regulation.length).toBeGreaterThanOrEqual(10);
  });

  it('numbers projects uniquely, by district, type and year, serials from 1', () => {
    const nos = rows.project.map((p) => p.project_no as string);
    expect(new Set(nos).size).toBe(nos.length);
    const serials = new Map<string, number[]>();
    for (const p of rows.project) {
      const parts = parseProjectNo(p.project_no);
      expect(parts, p.project_no).not.toBeNull();
      expect(parts!.districtCode).toBe(DISTRICT_CODES[p.district as keyof typeof DISTRICT_CODES]);
      expect(parts!.typeCode).toBe(PROJECT_TYPE_CODES[p.project_type as keyof typeof PROJECT_TYPE_CODES]);
      expect(parts!.year).toBe(Number(p.created_at.slice(0, 4)));
      expect(parts!.year).toBeGreaterThanOrEqual(2012);
      expect(parts!.year).toBeLessThanOrEqual(2025);
      const key = p.project_no.slice(0, 8);
      serials.set(key, [...(serials.get(key) ?? []), parts!.serial]);
    }
    for (const list of serials.values()) expect(list.sort((x, y) => x - y)).toEqual(list.map((_, i) => i + 1));
  });

  it('checks credit codes the way GB 32100 does', () => {
    // The standard's own worked example, and the same code with a wrong check character.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('gives builders valid credit codes and every builder a credit record, some 失信', () => {
    const credits = new Map(rows.credit.map((c) => [c.builder, c]));
    for (const p of rows.project) {
      expect(isValidCreditCode(p.builder_credit_code), p.builder_credit_code).toBe(true);
      expect(credits.get(p.builder)?.credit_code).toBe(p.builder_credit_code);
    }
    expect(rows.credit.some((c) => c.status === '失信' && c.reason)).toBe(true);
  });

  it('keeps approval cases consistent: dates in order, certificates and closing only when 办结', () => {
    const projectNos = new Set(rows.project.map((p) => p.project_no));
    const t = (s: string | null) => (s === null ? null : Date.parse(s));
    for (const apv of rows.approval) {
      expect(projectNos.has(apv.project_no)).toBe(true);
      const closed = apv.status === '办结';
      expect(apv.closed_at !== null, apv.id).toBe(closed);
      if (!closed) expect(apv.certificate_no).toBeNull();
      if (apv.certificate_no) expect(apv.certificate_no).toMatch(/^武规(选|地|建|验)\[\d{4}\]\d{3,}号$/);
      const steps = apv.steps as Row[];
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.every((s) => s.finished_at !== null)).toBe(closed);
      let lastStart = t(apv.received_at)!;
      for (const s of steps) {
        if (s.started_at === null) {
          expect(s.finished_at).toBeNull();
          continue;
        }
        expect(t(s.started_at)!).toBeGreaterThanOrEqual(lastStart);
        if (s.finished_at !== null) expect(t(s.finished_at)!).toBeGreaterThan(t(s.started_at)!);
        lastStart = t(s.started_at)!;
      }
      if (closed) expect(t(apv.closed_at)).toBe(Math.max(...steps.map((s) => t(s.finished_at)!)));
    }
    // Older cases are mostly closed; the corpus still has open ones for the progress view.
    const closedShare = rows.approval.filter((r) => r.status === '办结').length / rows.approval.length;
    expect(closedShare).toBeGreaterThan(0.8);
    expect(rows.approval.some((r) => r.status === '在办')).toBe(true);
  });

  it('writes ground truth for every document, meeting and petition, naming existing projects', () => {
    const projectNos = new Set(rows.project.map((p) => p.project_no));
    const linked = [
      ...rows.document.map((r) => ({ type: 'document', r })),
      ...rows.meeting.map((r) => ({ type: 'meeting', r })),
      ...rows.petition.map((r) => ({ type: 'petition', r })),
    ];
    expect(truth.length).toBe(linked.length);
    const byKey = new Map(truth.map((g) => [`${g.type}/${g.id}`, g.project_nos]));
    for (const { type, r } of linked) {
      const real = byKey.get(`${type}/${r.id}`);
      expect(real, `${type} ${r.id} has no ground truth`).toBeDefined();
      for (const no of real!) expect(projectNos.has(no), no).toBe(true);
      // What a record lists is always a subset of what it is really about.
      for (const no of r.project_nos) expect(real).toContain(no);
    }
    // Some records are about a project without listing its number: the hub's linking has work to do.
    expect(rows.document.some((d) => d.project_nos.length === 0 && byKey.get(`document/${d.id}`)!.length > 0)).toBe(true);
    expect(rows.meeting.every((m) => byKey.get(`meeting/${m.id}`)!.length >= 1)).toBe(true);
  });

  it('keeps petitions loose: few carry a number, none writes one, petitioners are invented', () => {
    const numbered = rows.petition.filter((p) => p.project_nos.length > 0).length;
    expect(numbered / rows.petition.length).toBeLessThan(0.15);
    const projectNo = /[A-Z]{4}\d{8}/;
    for (const p of rows.petition) {
      expect(p.text).not.toMatch(projectNo);
      expect(p.subject).not.toMatch(projectNo);
      expect(p.letter_no).toMatch(/^\[\d{4}\]\d{5,}$/);
      if (p.petitioner.email !== null) expect(p.petitioner.email).toMatch(/^[a-z0-9]+@example\.(com|org|net)$/);
      if (p.petitioner.phone !== null) expect(p.petitioner.phone).toMatch(/^1\d{10}$/);
    }
    expect(rows.petition.some((p) => p.petitioner.email !== null)).toBe(true);
  });

  it('mixes 文号 bracket styles as the archive does', () => {
    const nos = rows.document.map((d) => d.doc_no as string | null).filter((n): n is string => n !== null);
    expect(nos.some((n) => n.includes('〔'))).toBe(true);
    expect(nos.some((n) => /\[\d{4}\]|[(（]\d{4}[)）]/.test(n))).toBe(true);
    expect(nos.filter((n) => n.includes('〔')).length / nos.length).toBeGreaterThan(0.8);
  });

  it('refuses options it cannot honour', async () => {
    await expect(generateCorpus({ projects: 0, seed: 1, outDir: join(root, 'x') })).rejects.toThrow(/projects/);
    await expect(generateCorpus({ projects: 10, seed: 1.5, outDir: join(root, 'x') })).rejects.toThrow(/seed/);
  });

  it('makes one project the showcase when asked: two hundred records and more about it, each importable', async () => {
    expect(a.showcaseProjectNo).toBeNull();
    const out = await generateCorpus({ projects: 60, seed: 7, outDir: join(root, 'showcase'), showcase: true });
    const no = out.showcaseProjectNo!;
    expect(no).toMatch(/^[A-Z]{4}\d{8}$/);
    const approvals = (await readLines(out.files.approval!)).map((l) => JSON.parse(l)).filter((r) => r.project_no === no);
    const about = (await readLines(out.groundTruthPath)).map((l) => JSON.parse(l)).filter((t) => t.project_nos.includes(no));
    expect(approvals.length).toBeGreaterThan(20);
    expect(new Set(approvals.map((r) => r.id)).size).toBe(approvals.length);
    expect(about.filter((t) => t.type === 'petition').length).toBeGreaterThanOrEqual(100);
    const petitions = (await readLines(out.files.petition!)).map((l) => JSON.parse(l)).filter((r) => r.project_nos.includes(no));
    expect(petitions.length).toBeGreaterThanOrEqual(100); // filed under its number: linked without the linker
    expect(approvals.length + about.length).toBeGreaterThanOrEqual(200);
    for (const type of RESOURCE_TYPES) {
      const ids = (await readLines(out.files[type]!)).map((l) => JSON.parse(l).id as string);
      expect(new Set(ids).size, `${type} ids are unique`).toBe(ids.length);
    }
  });
});
