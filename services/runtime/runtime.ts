/**
 * What every command needs: the configuration, the store (migrated), and the job registry.
 * Built once per process; `close` releases them in reverse order.
 */
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { openPglite, openPostgres, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { createJobRegistry, type JobRegistry } from '../jobs/job-registry.ts';
import { createInProcessRunner, type InProcessRunner } from '../jobs/in-process-runner.ts';
import { startQueueRunner, type QueueRunner } from '../jobs/queue-runner.ts';
import { startOutboxPruner, type OutboxPruner } from '../outbox/outbox-pruner.ts';
import { projectSummaryHandler } from '../projects/project-summary.handler.ts';
import { projectSummaryStore } from '../projects/project-summary.store.ts';
import { createSearchEngine } from '../../indexers/engines/create-engine.ts';
import type { SearchEngine } from '../../indexers/engines/search-engine.ts';
import { dictionaryVersionOf, loadDictionary } from '../../indexers/dictionary.service.ts';
import { maskPersonalText } from '../privacy/pii-text.ts';
import { createIndexer, type Indexer } from '../../indexers/indexer.service.ts';
import { searchIndexHandler } from '../../indexers/search-index.handler.ts';
import { createSegmenter, type Segmenter } from '../../indexers/segment/segmenter.ts';
import { createPublicService, type PublicService } from '../public/public.service.ts';
import { publicStore } from '../public/public.store.ts';
import { createRecommendService, type RecommendService } from '../recommend/recommend.service.ts';
import { recommendStore } from '../recommend/recommend.store.ts';
import { createSearchService, type SearchService } from '../search/search.service.ts';
import { createSuggestService, type SuggestService } from '../search/suggest.service.ts';
import { linkingHandler } from '../linking/linking.handler.ts';
import { approvalFactsStore } from '../alerts/approval-facts.store.ts';
import { rulesRerunHandler } from '../alerts/rules-rerun.handler.ts';
import { startSupervisionSweep } from '../alerts/supervision-sweep.ts';
import { mentionFinder } from '../linking/mention-finder.ts';
import { statsHandler } from '../stats/stats.handler.ts';
import { startInsightSchedule } from '../insight/insight-schedule.ts';
import { createServices, type Services } from './services.ts';

export interface Runtime extends Services {
  config: Config;
  db: Db;
  registry: JobRegistry;
  engine: SearchEngine;
  segmenter: Segmenter;
  indexer: Indexer;
  search: SearchService;
  suggest: SuggestService;
  recommendations: RecommendService;
  /** The public inquiry: finds projects by name through `search`. */
  progress: PublicService;
  /** Asks jobs that run long (the linker) to stop at their next check point and hand back the rest; `startJobs` calls it on stop. */
  interruptJobs(): void;
  /** Withdraws an earlier interruptJobs (once the interrupted runner has stopped). */
  resumeJobs(): void;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  let release = () => {};
  let db: Db;
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl);
  } else {
    release = lockDataDir(config.dataDir);
    try {
      db = await openPglite(path.join(config.dataDir, 'pg'));
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    release();
    throw err;
  }
  let engine: SearchEngine;
  try {
    engine = await createSearchEngine(config, db);
    await engine.init();
  } catch (err) {
    await db.close();
    release();
    throw new Error(`search engine (${config.searchEngine}${config.searchUrl ? ` at ${config.searchUrl}` : ''}): ${(err as Error).message}`, { cause: err });
  }
  // Index and queries must segment alike: load the domain words the live index was built with.
  let words = await loadDictionary(db);
  let loadedVersion = dictionaryVersionOf(words);
  const segmenter = createSegmenter(words);
  const indexer = createIndexer({ db, engine, segmenter });
  /** Another process may have reindexed with new words since this one started. */
  const refreshDictionary = async () => {
    const live = (await engine.state()).dictionaryVersion;
    if (!live || live === loadedVersion) return;
    words = await loadDictionary(db);
    segmenter.addWords(words);
    loadedVersion = dictionaryVersionOf(words);
  };
  const search = createSearchService({ engine, segmenter });
  const recommendations = createRecommendService({ db, store: recommendStore, engine, segmenter });
  const services = createServices(db, { findMentions: mentionFinder(search), sessionHours: config.sessionHours });
  const summaries = { name: 'project-summary', handle: projectSummaryHandler({ db, summaries: projectSummaryStore }) };
  const indexing = { name: 'search-index', handle: searchIndexHandler({ indexer, beforeBatch: refreshDictionary }) };
  // Last, so that search and summaries never wait for it. A stop request reaches a batch in flight
  // (read when the batch starts); batches after the runner stopped get a fresh one (see startJobs).
  let stopLinking = new AbortController();
  const linking = { name: 'linking', handle: linkingHandler({ linking: services.linking, signal: () => stopLinking.signal }) };
  // A petition or credit record of a project, or a petition's link, changed: its approvals at 受理 or 公示 are checked again.
  const rulesRerun = { name: 'rules-rerun', handle: rulesRerunHandler({ db, facts: approvalFactsStore, advance: services.advance }) };
  // Approvals and projects that changed are counted again for the statistics (业务办理情况, 证照, overdue steps).
  const statistics = { name: 'stats', handle: statsHandler({ projection: services.statsProjection }) };
  const registry = createJobRegistry({
    'resource.changed': [summaries, statistics, indexing, rulesRerun, linking],
    // The linker's links count for search and summaries as the records' own do.
    'links.changed': [summaries, indexing, rulesRerun],
  });
  return {
    ...services,
    config,
    db,
    registry,
    engine,
    segmenter,
    indexer,
    search,
    suggest: createSuggestService({ engine }),
    recommendations,
    progress: createPublicService({ db, store: publicStore, search }),
    interruptJobs() {
      stopLinking.abort();
    },
    resumeJobs() {
      if (stopLinking.signal.aborted) stopLinking = new AbortController();
    },
    async close() {
      // A process-insight run of this process stops first: it reads and writes the store.
      await services.insight.stop();
      await engine.close();
      await db.close();
      release();
    },
  };
}

/** The jobs a process runs: the outbox runner and, beside it, the pruning of done rows. */
export interface Jobs {
  runner: InProcessRunner | QueueRunner;
  pruner: OutboxPruner;
  stop(): Promise<void>;
}

/** Starts the job runner the configuration calls for (BullMQ with Redis, else in-process) and the pruner. */
export function startJobs(rt: Runtime, log: (msg: string) => void): Jobs {
  rt.resumeJobs();
  const onError = (row: { id: number; topic: string }, err: Error) =>
    // A job's error may quote the record it failed on (a petition's text): masked like every log line.
    log(`job for outbox row ${row.id} (${row.topic}) failed: ${maskPersonalText(err.message)}`);
  const runner = rt.config.redisUrl
    ? startQueueRunner(rt.db, rt.registry, { redisUrl: rt.config.redisUrl, prefix: rt.config.queuePrefix, onError })
    : createInProcessRunner(rt.db, rt.registry, { onError });
  const pruner = startOutboxPruner(rt.db, {
    keepDays: rt.config.outboxKeepDays,
    onError: (err) => log(`pruning done outbox rows failed: ${err.message}`),
  });
  const sweep = startSupervisionSweep(rt.advance, { onError: (err) => log(`the supervision sweep failed: ${maskPersonalText(err.message)}`) });
  // 流程分析 after imports, at most every six hours (insight-schedule.ts).
  const insightSchedule = startInsightSchedule(rt.insight, { onError: (err) => log(`process insight failed to start: ${err.message}`) });
  return {
    runner,
    pruner,
    async stop() {
      // The linker stops between chunks and hands back what it did not link: shutdown waits for
      // the other handlers' current batch, not for a whole batch to be linked.
      // The interruption ends with the runner: a runner made later must not hand back every batch.
      rt.interruptJobs();
      try {
        await sweep.stop();
        await insightSchedule.stop();
        await pruner.stop();
        await runner.stop();
      } finally {
        rt.resumeJobs();
      }
    },
  };
}
