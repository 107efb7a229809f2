/**
 * Writes a deterministic, realistic demo corpus for PlanHub: projects and everything keyed by
 * them, as JSON-lines files the importer accepts, plus ground-truth.jsonl saying which projects
 * each document, meeting and petition really concerns, and officer-queries.jsonl: queries typed
 * the way officers name projects, with the projects each one means (officer-queries.ts).
 *
 * Projects are made in batches: each project's records are written as soon as it is made, and
 * only what spans projects (meetings, plan notices) waits for the end of its batch, so memory
 * stays flat however many projects are asked for.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResourceType } from '../resources/resource.schema.ts';
import { CORPUS_END, addDays } from './calendar.ts';
import { createRng, weightedTable } from './rng.ts';
import { createCounters } from './counters.ts';
import { createOfficers } from './officers.ts';
import { createBuilderPool } from './builder-pool.ts';
import { createProject, projectRecord } from './project-factory.ts';
import type { ProjectDraft } from './project-factory.ts';
import { createApprovals } from './approval-factory.ts';
import { generalNotice, planNotice, projectDocuments } from './document-factory.ts';
import { collectMentions, groupMentions, meetingRecord } from './meeting-factory.ts';
import type { Mention } from './meeting-factory.ts';
import { projectPetitions, unrelatedPetition } from './petition-factory.ts';
import { creditRecords } from './credit-factory.ts';
import { regulationCount, regulationRecord } from './regulation-factory.ts';
import { isShowcaseCandidate, showcaseApprovals, showcasePetitions } from './showcase.ts';
import { DISTRICTS } from './wuhan-places.ts';
import { openJsonl } from './jsonl-writer.ts';
import { planOfficerQueries, writeOfficerQueries } from './officer-queries.ts';
import type { JsonlWriter } from './jsonl-writer.ts';
import { createTruthLog } from './process-truths.ts';

export interface GenerateOptions {
  projects: number;
  seed: number;
  outDir: string;
  /** Make the first fitting project the showcase (./showcase.ts): the CLI's demo corpus has one. */
  showcase?: boolean;
  /** Plant the process truths (process-truths.ts; default true). false: the corpus as drawn, for comparison. */
  processTruths?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  /** Resource type → absolute path of its file. */
  files: Record<string, string>;
  /** Resource type → number of records written. */
  counts: Record<string, number>;
  groundTruthPath: string;
  /** officer-queries.jsonl: `{q, class, expected, source, source_name}` per line. */
  officerQueriesPath: string;
  /** process-truth.json: the process truths planted for the analysis to find (process-truths.ts). */
  processTruthPath: string;
  /** The project with hundreds of records about it (./showcase.ts), if the corpus has one. */
  showcaseProjectNo: string | null;
}

/** The largest corpus: ids have six digits and busy district/type/year serials must stay ≤ 9999. */
export const MAX_PROJECTS = 999_999;
const BATCH = 500;
/** Per project in a batch: plan notices, general notices and petitions about no project. */
const PLAN_NOTICES = 0.04;
const GENERAL_NOTICES = 0.04;
const UNRELATED_PETITIONS = 0.12;
/** Officer queries written (spread over the classes; fewer when a small corpus has too few sources). */
export const OFFICER_QUERIES = 900;

const TYPES: readonly ResourceType[] = ['project', 'approval', 'document', 'meeting', 'petition', 'credit', 'regulation'];

function validate(opts: GenerateOptions): void {
  if (!Number.isInteger(opts.projects) || opts.projects < 1 || opts.projects > MAX_PROJECTS) {
    throw new RangeError(`projects must be a whole number from 1 to ${MAX_PROJECTS}, got ${opts.projects}`);
  }
  if (!Number.isInteger(opts.seed)) throw new RangeError(`seed must be a whole number, got ${opts.seed}`);
  if (!opts.outDir) throw new RangeError('outDir must be given');
}

/** How many of something a batch gets for a fractional rate, keeping the long-run average exact. */
function countFor(rate: number, size: number, rng: { next(): number }): number {
  const x = rate * size;
  return Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
}

export async function generateCorpus(opts: GenerateOptions): Promise<GenerateResult> {
  validate(opts);
  const { projects: total, seed } = opts;
  const outDir = resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });

  const writers = Object.fromEntries(TYPES.map((t) => [t, openJsonl(join(outDir, `${t}s.jsonl`))])) as Record<ResourceType, JsonlWriter>;
  const truth = openJsonl(join(outDir, 'ground-truth.jsonl'));
  const all = [...Object.values(writers), truth];

  const counters = createCounters();
  const officers = createOfficers(seed);
  const builders = createBuilderPool(seed, total);
  const usedBuilders = new Set<number>();
  const serial = { doc: 0, meeting: 0, petition: 0 };
  const docId = () => `doc-${String(++serial.doc).padStart(7, '0')}`;
  const petitionId = () => `pet-${String(++serial.petition).padStart(7, '0')}`;
  const districts = weightedTable(DISTRICTS.map((d) => [d, d.weight] as const));
  const officerQueries = planOfficerQueries(seed, OFFICER_QUERIES);
  const officerQueriesPath = join(outDir, 'officer-queries.jsonl');
  const processTruthPath = join(outDir, 'process-truth.json');
  const truthLog = createTruthLog();
  const approvalCtx = { counters, officers, processTruths: opts.processTruths };
  let showcaseProjectNo: string | null = null;
  // What people call the latest projects of each district: letters about others name them as a home or a landmark.
  const neighbours = new Map<string, string[]>();

  const emit = async (type: 'document' | 'meeting' | 'petition', out: { record: { id: string }; truth: readonly string[] }) => {
    await writers[type].write(out.record);
    await truth.write({ type, id: out.record.id, project_nos: out.truth });
  };

  try {
    const regulationRng = createRng(seed, 'regulations');
    for (let i = 0; i < regulationCount(total); i++) await writers.regulation.write(regulationRecord(i, regulationRng));

    for (let start = 0; start < total; start += BATCH) {
      const end = Math.min(total, start + BATCH);
      const batch: ProjectDraft[] = [];
      const mentions: Mention[] = [];

      for (let i = start; i < end; i++) {
        const rng = createRng(seed, 'project', i);
        const p = createProject({ projects: total, builders, counters }, i, rng);
        batch.push(p);
        usedBuilders.add(p.builder.index);
        const record = projectRecord(p);
        await writers.project.write(record);
        officerQueries.offer(record);
        const showcase = opts.showcase === true && showcaseProjectNo === null && isShowcaseCandidate(p);
        if (showcase) showcaseProjectNo = p.projectNo;
        const approvals = showcase ? showcaseApprovals(approvalCtx, p, seed) : createApprovals(approvalCtx, p, rng);
        for (const a of approvals) {
          await writers.approval.write(a.record);
          truthLog.add(a.record.id, a.truths);
        }
        for (const d of projectDocuments(counters, p, approvals, rng, docId)) await emit('document', d);
        const near = neighbours.get(p.district.short) ?? [];
        const petitions = showcase ? showcasePetitions(counters, p, approvals, seed, petitionId) : projectPetitions(counters, p, approvals, rng, petitionId, near);
        for (const pe of petitions) await emit('petition', pe);
        const called = p.estateName?.split('·').at(-1) ?? p.looseNames[0];
        if (called) neighbours.set(p.district.short, [...near.slice(-7), called]);
        mentions.push(...collectMentions(p, approvals, rng));
      }

      // What spans projects: drawn from the batch's own stream so batches stay independent.
      const rng = createRng(seed, 'batch', start);
      for (const group of groupMentions(mentions, rng)) {
        await emit('meeting', meetingRecord({ counters, officers }, group, rng, `mtg-${String(++serial.meeting).padStart(6, '0')}`));
      }
      if (batch.length >= 2) {
        for (let k = countFor(PLAN_NOTICES, batch.length, rng); k > 0; k--) await emit('document', planNotice(counters, batch, rng, docId()));
      }
      const from = batch[0]!.createdMs;
      const until = Math.min(addDays(CORPUS_END, -3), addDays(batch.at(-1)!.createdMs, 90));
      for (let k = countFor(GENERAL_NOTICES, batch.length, rng); k > 0; k--) {
        await emit('document', generalNotice(counters, Math.floor(rng.float(from, until)), rng, docId()));
      }
      for (let k = countFor(UNRELATED_PETITIONS, batch.length, rng); k > 0; k--) {
        const d = districts.draw(rng);
        await emit('petition', unrelatedPetition(counters, d, Math.floor(rng.float(from, until)), rng, petitionId(), neighbours.get(d.short) ?? []));
      }
      opts.onProgress?.(end, total);
    }

    const used = builders.builders.filter((b) => usedBuilders.has(b.index));
    for (const c of creditRecords(seed, used)) await writers.credit.write(c);

    await Promise.all(all.map((w) => w.close()));
    // A second pass over the written projects finds every project each query means.
    await writeOfficerQueries(officerQueries, writers.project.path, officerQueriesPath);
    await writeFile(processTruthPath, `${JSON.stringify(truthLog.file(), null, 1)}\n`);
  } catch (err) {
    for (const w of all) w.abort();
    throw err;
  }

  return {
    files: Object.fromEntries(TYPES.map((t) => [t, writers[t].path])),
    counts: Object.fromEntries(TYPES.map((t) => [t, writers[t].count])),
    groundTruthPath: truth.path,
    officerQueriesPath,
    processTruthPath,
    showcaseProjectNo,
  };
}
