/**
 * Planted process truths (流程分析, issue #16): what the process analysis must find in the corpus,
 * put there on purpose and written to process-truth.json, so tests can check that it is found
 * and that nothing comparable is found where none was planted.
 *
 * - 阻滞节点: 面积校核 at 武汉市测绘研究院 from March to August 2021, its queue growing month by
 *   month (an institute short of surveyors while the 2021 land supply peaked). Many items pass
 *   that step, so even a small corpus shows it.
 * - 互为前置: in 建设工程规划许可证, 蓝图审签 is sometimes signed before 核位红线 positions the red
 *   line; the red line then has to be reconciled with the signed blueprint (3–6 working days of
 *   rework), so the order matters though nobody has settled it.
 * - 潜在可并行: in 规划设计方案审查, 海绵城市 (市政处) and 三维 (信息中心) are done in either order
 *   with no effect on either: they could run side by side.
 * - Non-conforming cases: 规划条件核实 without 核位红线 (a skipped step), and 签批 before 方案会 in
 *   the design reviews (三传件 out of order).
 *
 * Real variation that is not a finding stays as it was: stuck cases (approval-factory's STUCK),
 * design reviews received before 2015 without 海绵城市, and the external co-reviews (消防, 人防,
 * 供电) that start together.
 *
 * A truth changes only its own case: its randomness comes from the case's own streams (keyed by
 * the approval id and its received time; the showcase's phases reuse ids while drafting), never
 * from the project's, and the project's next case is timed from the case's unplanted close. So
 * every record without a planted truth is byte for byte what it was. Times move in office time
 * (weekdays 08:30–17:30), so a moved step keeps its length in working hours and never lands on
 * a night or a weekend; a case whose close would change year (certificate serials count by year),
 * or that ends within 400 days of the corpus's end, is left unplanted.
 */
import { CORPUS_END, addDays, yearOf } from './calendar.ts';
import { createRng } from './rng.ts';

/** A step's times as the approval factory schedules them (local ms; null once cut at the corpus end). */
export interface TimedStep { name: string; startMs: number | null; finishMs: number | null }

export const BOTTLENECK = {
  step: '面积校核',
  office: '武汉市测绘研究院',
  /** Months (by the day the case reached the office) in which the queue grew. */
  from: '2021-03',
  to: '2021-08',
  /** Extra working days of waiting in each month of the period, before a ±35% spread per case. */
  extraDays: [2, 4, 6, 8, 10, 12],
  spread: 0.35,
} as const;

export const MUTUAL_PAIR = { item: '建设工程规划许可证', first: '核位红线', second: '蓝图审签', rate: 0.25, reworkDays: [3, 6] } as const;
export const PARALLEL_PAIR = { item: '规划设计方案审查', first: '海绵城市', second: '三维', rate: 0.3 } as const;
export const SKIPPED = { items: ['规划条件核实'], step: '核位红线', rate: 0.012 } as const;
/** 签批 moved before the 方案会 it signs. */
export const OUT_OF_ORDER = { items: ['规划设计方案审查', '规划方案预审'], step: '签批', before: '方案会', rate: 0.012 } as const;

export type PlantedTruth =
  | { kind: 'bottleneck'; step: string; office: string; month: string; extraDays: number }
  | { kind: 'mutual' | 'parallel'; item: string; a: string; b: string; reworkDays: number }
  | { kind: 'skipped'; item: string; step: string }
  | { kind: 'out_of_order'; item: string; step: string; before: string };

export interface PlantInput {
  id: string;
  item: string;
  receivedMs: number;
  /** The case's schedule before any truth, every step timed, in the order done. */
  steps: readonly TimedStep[];
  /** The office that performs a step of this case. */
  officeOf(name: string): string;
}

/** Structural truths need the whole case well inside the corpus, so cutting it never differs. */
const MARGIN_DAYS = 400;
const DAY_MS = 86_400_000;
const OPEN_MS = (8 * 60 + 30) * 60_000;
const SPAN_MS = 9 * 3_600_000;

// Office time: weekdays' office hours laid end to end (the generator's calendar has no holidays).
const weekdaysBefore = (day: number): number => {
  let n = Math.floor(day / 7) * 5;
  for (let r = 0; r < ((day % 7) + 7) % 7; r++) {
    const dow = (4 + r) % 7; // 1970-01-01 was a Thursday
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
};
const isWeekend = (day: number): boolean => [0, 6].includes((((day + 4) % 7) + 7) % 7);

function toOffice(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const base = weekdaysBefore(day) * SPAN_MS;
  if (isWeekend(day)) return base;
  const into = ms - day * DAY_MS - OPEN_MS;
  return base + Math.min(SPAN_MS, Math.max(0, into));
}

function fromOffice(o: number): number {
  const k = Math.floor(o / SPAN_MS);
  let day = Math.floor(k / 5) * 7 - 7;
  while (weekdaysBefore(day) < k || isWeekend(day)) day++;
  return day * DAY_MS + OPEN_MS + (o - k * SPAN_MS);
}

interface Span { name: string; s: number; f: number }

const toSpans = (steps: readonly TimedStep[]): Span[] => steps.map((x) => ({ name: x.name, s: toOffice(x.startMs!), f: toOffice(x.finishMs!) }));

/** Back to times; a time that did not move keeps its exact instant. */
function toSteps(spans: readonly Span[], before: readonly TimedStep[]): TimedStep[] {
  const original = new Map(before.flatMap((x) => [[toOffice(x.startMs!), x.startMs!], [toOffice(x.finishMs!), x.finishMs!]]));
  const back = (o: number) => original.get(o) ?? fromOffice(o);
  return spans.map((x) => ({ name: x.name, startMs: back(x.s), finishMs: back(x.f) }));
}

const shiftFrom = (spans: Span[], from: number, by: number): void => {
  for (let k = from; k < spans.length; k++) {
    spans[k]!.s += by;
    spans[k]!.f += by;
  }
};

/** Steps i and i+1 done the other way round, each as long as before and the hand-over between them kept. */
function swap(spans: Span[], i: number, reworkDays: number): boolean {
  const [a, b] = [spans[i]!, spans[i + 1]!];
  const [da, db, gap] = [a.f - a.s, b.f - b.s, b.s - a.f];
  if (da <= 0 || db <= 0 || gap < 0) return false;
  const bFirst = { name: b.name, s: a.s, f: a.s + db };
  const aAfter = { name: a.name, s: bFirst.f + gap, f: bFirst.f + gap + da };
  spans.splice(i, 2, bFirst, aAfter);
  if (reworkDays > 0) {
    aAfter.f += reworkDays * SPAN_MS;
    shiftFrom(spans, i + 2, reworkDays * SPAN_MS);
  }
  return true;
}

/** Step i left out; what followed it moves up by its time and the hand-over after it. */
function skip(spans: Span[], i: number): boolean {
  const gone = spans[i]!;
  const next = spans[i + 1];
  spans.splice(i, 1);
  if (next) shiftFrom(spans, i, -(next.s - gone.s));
  return true;
}

const adjacent = (spans: readonly Span[], a: string, b: string): number => {
  const i = spans.findIndex((x) => x.name === a);
  return i >= 0 && spans[i + 1]?.name === b ? i : -1;
};

/** The one structural truth a case may get (at most one), drawn from the case's own stream. */
function plantStructure(input: PlantInput, spans: Span[]): PlantedTruth | null {
  if (input.receivedMs > addDays(CORPUS_END, -MARGIN_DAYS)) return null;
  const rng = createRng('process-truths', 'structure', input.id, input.receivedMs);
  const roll = rng.next();
  const { item } = input;
  let cut = 0;
  const within = (rate: number) => roll >= cut && roll < (cut += rate);

  if (item === PARALLEL_PAIR.item && within(PARALLEL_PAIR.rate)) {
    const i = adjacent(spans, PARALLEL_PAIR.first, PARALLEL_PAIR.second);
    if (i >= 0 && swap(spans, i, 0)) return { kind: 'parallel', item, a: PARALLEL_PAIR.first, b: PARALLEL_PAIR.second, reworkDays: 0 };
    return null;
  }
  if (item === MUTUAL_PAIR.item && within(MUTUAL_PAIR.rate)) {
    const i = adjacent(spans, MUTUAL_PAIR.first, MUTUAL_PAIR.second);
    const rework = rng.int(MUTUAL_PAIR.reworkDays[0], MUTUAL_PAIR.reworkDays[1]);
    if (i >= 0 && swap(spans, i, rework)) return { kind: 'mutual', item, a: MUTUAL_PAIR.first, b: MUTUAL_PAIR.second, reworkDays: rework };
    return null;
  }
  if ((OUT_OF_ORDER.items as readonly string[]).includes(item) && within(OUT_OF_ORDER.rate)) {
    const i = adjacent(spans, OUT_OF_ORDER.before, OUT_OF_ORDER.step);
    if (i >= 0 && swap(spans, i, 0)) return { kind: 'out_of_order', item, step: OUT_OF_ORDER.step, before: OUT_OF_ORDER.before };
    return null;
  }
  if ((SKIPPED.items as readonly string[]).includes(item) && within(SKIPPED.rate)) {
    const i = spans.findIndex((x) => x.name === SKIPPED.step);
    if (i > 0 && skip(spans, i)) return { kind: 'skipped', item, step: SKIPPED.step };
  }
  return null;
}

const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** The bottleneck's extra waiting for a case that reached the office within the period. */
function plantBottleneck(input: PlantInput, spans: Span[]): PlantedTruth | null {
  const i = spans.findIndex((x) => x.name === BOTTLENECK.step);
  if (i < 0 || input.officeOf(BOTTLENECK.step) !== BOTTLENECK.office) return null;
  // The case reached the office when every step before it had finished (the first step: on receipt).
  const arrived = i === 0 ? input.receivedMs : fromOffice(Math.max(...spans.slice(0, i).map((x) => x.f)));
  const month = monthOf(arrived);
  if (month < BOTTLENECK.from || month > BOTTLENECK.to) return null;
  const k = (Number(month.slice(0, 4)) - Number(BOTTLENECK.from.slice(0, 4))) * 12 + Number(month.slice(5)) - Number(BOTTLENECK.from.slice(5));
  const rng = createRng('process-truths', 'bottleneck', input.id, input.receivedMs);
  const base = BOTTLENECK.extraDays[k]!;
  const extraDays = Math.max(1, Math.round(base * (1 + BOTTLENECK.spread * (2 * rng.next() - 1))));
  shiftFrom(spans, i, extraDays * SPAN_MS);
  return { kind: 'bottleneck', step: BOTTLENECK.step, office: BOTTLENECK.office, month, extraDays };
}

/**
 * The case's schedule with the truths that fall on it, and those truths (none for most cases:
 * then `steps` is the input itself). Every input step must be timed (before cutting).
 */
export function plantProcessTruths(input: PlantInput): { steps: readonly TimedStep[]; truths: PlantedTruth[] } {
  const none = { steps: input.steps, truths: [] };
  if (input.steps.some((x) => x.startMs === null || x.finishMs === null)) return none;
  const spans = toSpans(input.steps);
  const truths = [plantStructure(input, spans), plantBottleneck(input, spans)].filter((t): t is PlantedTruth => t !== null);
  if (truths.length === 0) return none;
  const steps = toSteps(spans, input.steps);
  const close = (xs: readonly TimedStep[]) => Math.max(...xs.map((x) => x.finishMs!));
  const ordered = steps.every((x, k) => x.finishMs! > x.startMs! && (k === 0 || x.startMs! >= steps[k - 1]!.startMs!));
  if (!ordered || yearOf(close(steps)) !== yearOf(close(input.steps)) || close(steps) > CORPUS_END) return none;
  return { steps, truths };
}

/** What process-truth.json says: the truths as data and, per truth, the approvals it was planted in. */
export interface ProcessTruthFile {
  bottleneck: typeof BOTTLENECK & { cases: string[] };
  mutual: typeof MUTUAL_PAIR & { cases: string[] };
  parallel: typeof PARALLEL_PAIR & { cases: string[] };
  skipped: typeof SKIPPED & { cases: string[] };
  out_of_order: typeof OUT_OF_ORDER & { cases: string[] };
  /** Variation the analysis must not report. */
  not_findings: string[];
}

/** Collects the planted cases by the approval ids written (after the showcase renumbers its own). */
export function createTruthLog() {
  const cases: Record<PlantedTruth['kind'], string[]> = { bottleneck: [], mutual: [], parallel: [], skipped: [], out_of_order: [] };
  return {
    add(approvalId: string, truths: readonly PlantedTruth[]) {
      for (const t of truths) cases[t.kind].push(approvalId);
    },
    file(): ProcessTruthFile {
      return {
        bottleneck: { ...BOTTLENECK, cases: cases.bottleneck },
        mutual: { ...MUTUAL_PAIR, cases: cases.mutual },
        parallel: { ...PARALLEL_PAIR, cases: cases.parallel },
        skipped: { ...SKIPPED, cases: cases.skipped },
        out_of_order: { ...OUT_OF_ORDER, cases: cases.out_of_order },
        not_findings: [
          '未办结（含长期停滞）的案件不作整案分析',
          '2015 年前收件的规划设计方案审查没有海绵城市环节，合规',
          '消防、人防、供电外部协审同时开始，彼此无先后',
        ],
      };
    },
  };
}
