/**
 * Linking resources to projects: estimate the model, link everything (`planhub link`), link
 * the resources a job names, and relink old resources that may name a new project. Writes the
 * linker's rows in one transaction per batch with an outbox row (`links.changed`) for every
 * resource whose links changed, so the search index and project summaries follow.
 */
import type { Db, Queryable } from '../db/db.ts';
import { TOPICS, type OutboxEntry } from '../jobs/job-types.ts';
import type { OutboxStore } from '../outbox/outbox.store.ts';
import { decideLinks } from './link-decision.ts';
import { calibrate, DEFAULT_THRESHOLDS, estimateModel, FEATURE_SET, LINK_TYPES, type LinkType, type LinkerModel, type Thresholds, type TrainingSample } from './link-model.ts';
import { pairLevels, randomProjects } from './link-training.ts';
import { MODEL_PRIOR, PRIOR_FEATURE_SET } from './model-prior.ts';
import { createLinkerCache, type LinkerState } from './linker-state.ts';
import type { InferredLinkRow, LinkSourceRow, LinkingStore } from './linking.store.ts';
import type { Levels } from './features.ts';
import { analyze, type Analysis } from './text-analysis.ts';

export interface LinkingDeps {
  db: Pick<Db, 'transaction'> & Queryable;
  store: Pick<LinkingStore,
    'fingerprint' | 'loadProjects' | 'loadKeys' | 'latestModel' | 'saveModel' | 'countResources' | 'resourcePage' | 'resourcesByIds'
    | 'sampleResources' | 'labelledPairs' | 'linksPerResource' | 'existingLinks' | 'replaceInferred'>;
  outbox: Pick<OutboxStore, 'append'>;
  /** Resources of a type whose text holds a phrase (through the search index), to relink after a project changes. */
  findMentions?: (phrase: string, type: LinkType) => Promise<string[]>;
}

export interface LinkCounts {
  resources: number;
  auto: number;
  suggested: number;
  /** Resources whose links changed (and were re-queued for indexing). */
  changed: number;
}

/** A job's run: its counts, and what a stop request left undone (the job hands it back to the outbox). */
export interface JobLinkRun extends LinkCounts {
  left: { type: LinkType; id: string }[];
}

/** Options of the job's calls: shutdown's request to stop at the next check point. */
export interface JobLinkOptions {
  signal?: AbortSignal;
}

export interface LinkRunSummary {
  modelVersion: number;
  seconds: number;
  byType: Partial<Record<LinkType, LinkCounts>>;
}

/** Labelled pairs and sampled resources per type for an estimate; random projects per sampled resource. */
const TRAIN_LABELLED = 3000;
const TRAIN_RESOURCES = 600;
const TRAIN_RANDOM_PER_RESOURCE = 25;
/** Blocked pairs per sampled resource: its best-founded candidates (the estimate starts from the reference model). */
const TRAIN_BLOCKED_PER_RESOURCE = 30;
const PAGE = 500;
/** Above this many declared projects per resource, a type's labels are taken as incomplete (see train). */
const MAX_LINKS_FOR_AUTO_CALIBRATION = 1.5;
/**
 * More changed projects than this in one batch are not searched for one by one (see
 * relinkForProjects): each costs six searches, 40–55 ms on a server store, where the batch's other
 * handlers take ~2 ms a project (20 projects: 0.8–1.1 s against 30–55 ms).
 */
const MAX_RELINK_PROJECTS = 20;
/**
 * Resources a job links between two looks at its stop signal (about 0.15 s of work at ~350/s):
 * the analysis is synchronous, so this is also how often the process's other work (HTTP, the
 * signal handlers of shutdown) gets a turn.
 */
const JOB_CHUNK = 50;

const emptyCounts = (): LinkCounts => ({ resources: 0, auto: 0, suggested: 0, changed: 0 });

export function createLinkingService(deps: LinkingDeps) {
  const { db, store } = deps;
  const cache = createLinkerCache({ db, store });

  /** Estimates a model from the data as it is now, stores it, and returns it with its version. */
  async function train(state: LinkerState): Promise<{ model: LinkerModel; version: number }> {
    const samples = {} as Record<LinkType, TrainingSample>;
    const trainedOn: Record<string, Record<string, unknown>> = {};
    const labelledResources = new Map<LinkType, Map<string, Analysis>>();
    const n = state.index.profiles.length;
    for (const type of LINK_TYPES) {
      const pairs = await store.labelledPairs(db, type, TRAIN_LABELLED);
      const rows = await store.resourcesByIds(db, type, [...new Set(pairs.map((p) => p.resource_id))]);
      const byId = new Map(rows.map((r) => [r.id, analyze(state.index, inputOf(r), state.keys)]));
      labelledResources.set(type, byId);
      const matches = pairs.flatMap((p) => {
        const a = byId.get(p.resource_id);
        const i = state.index.byNo.get(p.project_no);
        return a && i !== undefined ? [pairLevels(state.index, a, i)] : [];
      });
      const labelled = new Set(pairs.map((p) => `${p.resource_id}|${p.project_no}`));
      const sample = await store.sampleResources(db, type, TRAIN_RESOURCES);
      const randoms: Levels[] = [];
      const blocked: Levels[] = [];
      for (const r of sample) {
        const a = analyze(state.index, inputOf(r), state.keys);
        for (const i of randomProjects(r.id, n, TRAIN_RANDOM_PER_RESOURCE)) randoms.push(pairLevels(state.index, a, i));
        for (const i of [...a.candidates.keys()].slice(0, TRAIN_BLOCKED_PER_RESOURCE)) {
          if (!labelled.has(`${r.id}|${state.index.profiles[i]!.no}`)) blocked.push(pairLevels(state.index, a, i));
        }
      }
      const linksPerResource = (await store.linksPerResource(db, type)) ?? 1;
      samples[type] = { matches, randoms, blocked, projects: n, linksPerResource };
      trainedOn[type] = { matches: matches.length, randoms: randoms.length, blocked: blocked.length, linksPerResource, projects: n };
    }
    const model = estimateModel(samples, DEFAULT_THRESHOLDS, PRIOR_FEATURE_SET === FEATURE_SET ? MODEL_PRIOR : null);
    for (const type of LINK_TYPES) {
      const byId = labelledResources.get(type)!;
      const labels = await store.existingLinks(db, type, [...byId.keys()]);
      const confirmed = labels.filter((l) => l.status === 'confirmed');
      const matches = new Set(confirmed.map((l) => `${l.resource_id}|${l.project_no}`));
      // Only resources that name exactly one project are known to be about nothing else (a plan
      // notice or minutes may name more projects than their own numbers list).
      const single = new Set([...Map.groupBy(confirmed, (l) => l.resource_id)].filter(([, ls]) => ls.length === 1).map(([id]) => id));
      const autoPoints: { bits: number; match: boolean }[] = [];
      const matchBits: number[] = [];
      const open: Thresholds = { ...model.thresholds[type], auto: 0, suggest: 0, maxSuggestions: Infinity };
      for (const [id, a] of byId) {
        if (!single.has(id)) continue;
        for (const p of decideLinks(state.index, a, { model, type, keep: new Set(), drop: new Set(), thresholds: open })) {
          const match = matches.has(`${id}|${state.index.profiles[p.index]!.no}`);
          if (p.status === 'auto') autoPoints.push({ bits: p.bits, match });
          if (match) matchBits.push(p.bits);
        }
      }
      // Records of a type that names several projects each (minutes) declare fewer than they name:
      // their labels would count right links as wrong and push the auto threshold out of reach, so
      // only the suggestion band is calibrated on them.
      const incomplete = samples[type].linksPerResource > MAX_LINKS_FOR_AUTO_CALIBRATION;
      model.thresholds[type] = calibrate(model.thresholds[type], incomplete ? [] : autoPoints, matchBits);
      trainedOn[type]!.thresholds = model.thresholds[type];
    }
    const version = await store.saveModel(db, model, trainedOn);
    cache.invalidate();
    return { model, version };
  }

  /**
   * The state with a model: a fresh estimate when asked (`planhub link`); else the latest stored,
   * or — in a job, where sampling the store would hold up every import — the reference model alone,
   * for this hub's number of projects, until a full run estimates one from the data.
   */
  async function stateWithModel(retrain: boolean): Promise<LinkerState & { model: LinkerModel; version: number }> {
    const state = await cache.current();
    if (state.model && state.version !== null && !retrain) return { ...state, model: state.model, version: state.version };
    if (!retrain && PRIOR_FEATURE_SET === FEATURE_SET) {
      const projects = state.index.profiles.length;
      const empty = (): TrainingSample => ({ matches: [], randoms: [], blocked: [], projects, linksPerResource: 1 });
      const model = estimateModel({ petition: empty(), document: empty(), meeting: empty() }, DEFAULT_THRESHOLDS, MODEL_PRIOR);
      const version = await store.saveModel(db, model, { priorOnly: true, projects });
      cache.invalidate();
      return { ...state, model, version };
    }
    const { model, version } = await train(state);
    return { ...state, model, version };
  }

  /** Links one batch of a type's resources and writes what changed; returns the counts. */
  async function linkBatch(state: LinkerState & { model: LinkerModel; version: number }, type: LinkType, rows: readonly LinkSourceRow[]): Promise<LinkCounts> {
    const counts = emptyCounts();
    if (rows.length === 0) return counts;
    const ids = rows.map((r) => r.id);
    const existing = await store.existingLinks(db, type, ids);
    const byResource = Map.groupBy(existing, (l) => l.resource_id);
    const inferred: InferredLinkRow[] = [];
    const changedIds: string[] = [];
    const entries: OutboxEntry<'links.changed'>[] = [];
    for (const r of rows) {
      const links = byResource.get(r.id) ?? [];
      const keep = new Set<number>();
      const drop = new Set<number>();
      for (const l of links) {
        const i = state.index.byNo.get(l.project_no);
        if (i === undefined || !l.fixed) continue;
        (l.status === 'rejected' ? drop : keep).add(i);
      }
      const proposals = decideLinks(state.index, analyze(state.index, inputOf(r), state.keys), { model: state.model, type, keep, drop });
      const rowsFor = proposals.map((p): InferredLinkRow => ({
        resource_id: r.id, project_no: state.index.profiles[p.index]!.no, status: p.status, method: p.method,
        score: p.probability, doubt: p.doubt, reasons: p.reasons, passage: p.passage,
      }));
      counts.resources += 1;
      for (const p of rowsFor) counts[p.status] += 1;
      const before = links.filter((l) => !l.fixed && (l.method === 'key' || l.method === 'linkage'));
      const signature = (xs: readonly { project_no: string; status: string }[]) => xs.map((x) => `${x.project_no}:${x.status}`).sort().join(',');
      if (signature(before) === signature(rowsFor)) continue;
      changedIds.push(r.id);
      inferred.push(...rowsFor);
      const autoBefore = new Set(before.filter((l) => l.status === 'auto').map((l) => l.project_no));
      const autoAfter = new Set(rowsFor.filter((l) => l.status === 'auto').map((l) => l.project_no));
      const moved = [...autoBefore].filter((no) => !autoAfter.has(no)).concat([...autoAfter].filter((no) => !autoBefore.has(no)));
      if (moved.length > 0) {
        entries.push({ topic: TOPICS.linksChanged, resource_type: type, resource_id: r.id, version: r.version, payload: { project_nos: moved } });
      }
    }
    counts.changed = changedIds.length;
    if (changedIds.length > 0) {
      await db.transaction(async (tx) => {
        await store.replaceInferred(tx, type, changedIds, inferred, state.version);
        await deps.outbox.append(tx, entries);
      });
    }
    return counts;
  }

  /**
   * Links every resource of the given types (all by default), after estimating a fresh model
   * from the data; `onProgress` hears how many resources are done of how many.
   */
  async function linkAll(opts: { types?: readonly LinkType[]; onProgress?: (done: number, total: number) => void } = {}): Promise<LinkRunSummary> {
    const types = opts.types ?? LINK_TYPES;
    const state = await stateWithModel(true);
    const started = performance.now();
    let total = 0;
    for (const type of types) total += await store.countResources(db, type);
    const byType: LinkRunSummary['byType'] = {};
    let done = 0;
    for (const type of types) {
      const counts = emptyCounts();
      for (let after: string | null = null; ;) {
        const page = await store.resourcePage(db, type, after, PAGE);
        if (page.length === 0) break;
        const c = await linkBatch(state, type, page);
        for (const k of Object.keys(c) as (keyof LinkCounts)[]) counts[k] += c[k];
        done += page.length;
        opts.onProgress?.(done, total);
        after = page[page.length - 1]!.id;
      }
      byType[type] = counts;
    }
    return { modelVersion: state.version, seconds: (performance.now() - started) / 1000, byType };
  }

  /**
   * Links the named resources (the job after an import), with the latest model (the reference
   * model if there is none), JOB_CHUNK at a time; when `signal` is aborted it stops between chunks
   * and returns the rest as `left`.
   */
  async function linkResources(refs: readonly { type: LinkType; id: string }[], opts: JobLinkOptions = {}): Promise<JobLinkRun> {
    const total: JobLinkRun = { ...emptyCounts(), left: [] };
    if (refs.length === 0) return total;
    if (opts.signal?.aborted) return { ...total, left: [...refs] };
    const state = await stateWithModel(false);
    const chunks = [...Map.groupBy(refs, (r) => r.type)].flatMap(([type, group]) => {
      const ids = [...new Set(group.map((r) => r.id))];
      return Array.from({ length: Math.ceil(ids.length / JOB_CHUNK) }, (_, k) => ({ type, ids: ids.slice(k * JOB_CHUNK, (k + 1) * JOB_CHUNK) }));
    });
    for (const [k, { type, ids }] of chunks.entries()) {
      if (k > 0) await yieldToEventLoop();
      if (opts.signal?.aborted) {
        total.left = chunks.slice(k).flatMap((c) => c.ids.map((id) => ({ type: c.type, id })));
        break;
      }
      const c = await linkBatch(state, type, await store.resourcesByIds(db, type, ids));
      for (const key of Object.keys(c) as (keyof LinkCounts)[]) total[key] += c[key];
    }
    return total;
  }

  /**
   * Relinks old resources that may name these (new or renamed) projects: those whose text holds
   * the project's core or a sales name, as the search index finds them. Stopped by `signal`, it
   * returns the projects whose relink it did not finish as `leftProjects`.
   */
  async function relinkForProjects(projectNos: readonly string[], opts: JobLinkOptions = {}): Promise<LinkCounts & { leftProjects: string[] }> {
    // A bulk import of projects (a new hub, a yearly load) is no time to search for each one's
    // mentions: its resources are linked as they come, and `planhub link` relinks everything.
    const nos = [...new Set(projectNos)];
    if (!deps.findMentions || nos.length === 0 || nos.length > MAX_RELINK_PROJECTS) return { ...emptyCounts(), leftProjects: [] };
    if (opts.signal?.aborted) return { ...emptyCounts(), leftProjects: nos };
    const state = await cache.current();
    const refs: { type: LinkType; id: string }[] = [];
    for (const [k, no] of nos.entries()) {
      await yieldToEventLoop();
      if (opts.signal?.aborted) return { ...emptyCounts(), leftProjects: nos.slice(k) };
      const i = state.index.byNo.get(no);
      if (i === undefined) continue;
      const p = state.index.profiles[i]!;
      const pieces = searchPieces(state, [p.core, ...p.estates]);
      for (const type of LINK_TYPES) {
        for (const piece of pieces) for (const id of await deps.findMentions(piece, type)) refs.push({ type, id });
      }
    }
    const { left, ...counts } = await linkResources(refs, opts);
    // Which project a left-over resource was found for is not kept: all of them are done again.
    return { ...counts, leftProjects: left.length > 0 ? nos : [] };
  }

  /** Puts outbox rows back (a job stopped part-way hands back what it did not do, for the next runner). */
  async function handBack(entries: readonly OutboxEntry[]): Promise<void> {
    await deps.outbox.append(db, [...entries]);
  }

  return { train: async () => train(await cache.current()), linkAll, linkResources, relinkForProjects, handBack };
}

export type LinkingService = ReturnType<typeof createLinkingService>;

/**
 * What to search for to find the resources naming a project: the names it is called by, less
 * any holding a shorter one (a search for 澜栖湾 finds 鼎泓澜栖湾 too, not the other way round),
 * the ones fewest other projects carry first; two are enough.
 */
function searchPieces(state: LinkerState, names: readonly string[]): string[] {
  const usable = [...new Set(names.filter((s) => s.length >= 2))];
  return usable.filter((s) => !usable.some((t) => t !== s && s.includes(t)))
    .sort((x, y) => state.index.pieceDf('estate', x) - state.index.pieceDf('estate', y)).slice(0, 2);
}

/**
 * Lets the process's I/O run (requests, the signal that starts shutdown). Awaiting the store is
 * not enough: the embedded store answers in microtasks, which never let the event loop turn.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function inputOf(r: LinkSourceRow) {
  return { id: r.id, title: r.title, body: r.body, ownKey: r.own_key, at: r.at_ms, office: r.office };
}
