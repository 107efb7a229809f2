/**
 * The search benchmark's queries, drawn deterministically from a generated corpus: project
 * names, project numbers, 文号 retyped with other brackets, phrases cut from document and
 * meeting text, and very common terms. Lines are picked by seeded reservoir sampling while the
 * files stream past, so a 1M-record corpus is never held in memory.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { GenerateResult } from '../../services/generate/generate.service.ts';

export const QUERY_CLASSES = ['project name', 'project number', '文号 (other brackets)', 'phrase', 'common term'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  cls: QueryClass;
  q: string;
}

/** Terms that occur in a large share of the records (they stress ranking, not lookup). */
export const COMMON_TERMS = ['规划', '建设', '项目', '用地', '审批', '工程', '土地', '批复', '许可', '道路', '小区', '方案', '会议', '武汉', '单位'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k lines of a JSON-lines file, uniformly, in one streaming pass. */
async function reservoir(file: string, k: number, rng: () => number): Promise<string[]> {
  const kept: string[] = [];
  let seen = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    seen += 1;
    if (kept.length < k) kept.push(line);
    else {
      const j = Math.floor(rng() * seen);
      if (j < k) kept[j] = line;
    }
  }
  return kept;
}

export const BRACKETS: [string, string][] = [['[', ']'], ['(', ')'], ['【', '】'], ['（', '）']];

/** A run of 6–12 letters/digits/CJK characters from the text, or null when it has none that long. */
export function phraseOf(text: string, rng: () => number): string | null {
  const runs = (text.match(/[\p{L}\p{N}]{6,}/gu) ?? []).filter((r) => /\p{Script=Han}/u.test(r));
  if (runs.length === 0) return null;
  const run = [...runs[Math.floor(rng() * runs.length)]!];
  const len = Math.min(run.length, 6 + Math.floor(rng() * 7));
  const start = Math.floor(rng() * (run.length - len + 1));
  return run.slice(start, start + len).join('');
}

/** `perClass` queries of each class; they come interleaved by class, so any prefix is balanced. */
export async function drawQueries(corpus: GenerateResult, perClass: number, seed = 20261125): Promise<BenchQuery[]> {
  const rng = seededRng(seed);
  const projects = (await reservoir(corpus.files.project!, perClass * 2, rng)).map((l) => JSON.parse(l) as { name: string; project_no: string });
  const docs = (await reservoir(corpus.files.document!, perClass * 20, rng)).map((l) => JSON.parse(l) as { doc_no: string | null; text: string });
  const meetings = (await reservoir(corpus.files.meeting!, perClass, rng)).map((l) => JSON.parse(l) as { text: string });

  const names = projects.slice(0, perClass).map((p) => p.name);
  const numbers = projects.slice(perClass).map((p) => p.project_no);
  const docNos = docs
    .map((d) => d.doc_no)
    .filter((n): n is string => Boolean(n && /〔\d{4}〕/.test(n)))
    .slice(0, perClass)
    .map((n, i) => {
      const [open, close] = BRACKETS[i % BRACKETS.length]!;
      return n.replace('〔', open).replace('〕', close);
    });
  const texts = [...docs.slice(0, perClass).map((d) => d.text), ...meetings.map((m) => m.text)];
  const phrases: string[] = [];
  for (let i = 0; phrases.length < perClass && i < texts.length * 3; i++) {
    const p = phraseOf(texts[Math.floor(rng() * texts.length)]!, rng);
    if (p) phrases.push(p);
  }
  const common = Array.from({ length: perClass }, (_, i) => COMMON_TERMS[i % COMMON_TERMS.length]!);

  const byClass: Record<QueryClass, string[]> = {
    'project name': names,
    'project number': numbers,
    '文号 (other brackets)': docNos,
    phrase: phrases,
    'common term': common,
  };
  const out: BenchQuery[] = [];
  for (let i = 0; i < perClass; i++) {
    for (const cls of QUERY_CLASSES) {
      const q = byClass[cls][i];
      if (q) out.push({ cls, q });
    }
  }
  return out;
}

/** Every n-th law title (the same sample the corpus test takes). */
export function sampleLawTitles(file: string, n: number): string[] {
  const titles = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title);
  const step = Math.max(1, Math.floor(titles.length / n));
  return titles.filter((_, i) => i % step === 0).slice(0, n);
}
