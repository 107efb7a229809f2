/**
 * Segmentation of a reindex on worker threads (piscina): jieba and the engine's encoding take
 * most of a reindex's CPU in Node, and on the main thread they left the second core idle while
 * PostgreSQL waited for the next batch.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { SearchType } from './engines/search-engine.ts';
import type { SourceRow } from './index-source.store.ts';
import type { SegmentedPage, SegmentWorkerData } from './segment.worker.ts';

export interface SegmentWorkers {
  readonly threads: number;
  segment(type: SearchType, rows: SourceRow[]): Promise<SegmentedPage>;
  close(): Promise<void>;
}

/**
 * One thread per core, at most four. On two cores, two threads reindexed 57k records at 3,050
 * records/s against 2,760 with one (and 2,460 on the main thread): the main thread and the
 * database need less than a core between them.
 */
export const defaultThreads = () => Math.max(1, Math.min(4, os.availableParallelism()));

export function openSegmentWorkers(data: SegmentWorkerData, threads = defaultThreads()): SegmentWorkers {
  const pool = new Piscina({
    filename: new URL('./segment.worker.ts', import.meta.url).href,
    workerData: data,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    threads,
    segment: (type, rows) => pool.run({ type, rows }),
    close: () => pool.destroy(),
  };
}
