/**
 * How a reindex turns pages of source rows into engine writes: on worker threads (piscina), or
 * on the main thread for small rebuilds. jieba and the engine's encoding take most of a
 * reindex's CPU in Node; on the main thread they left the second core idle while PostgreSQL
 * waited for the next batch.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { EncodedDocs, SearchDoc } from './engines/search-engine.ts';
import type { SourcePage } from './index-source.store.ts';
import { docsOfPage } from './search-docs.ts';
import type { Segmenter } from './segment/segmenter.ts';
import type { SegmentedPage } from './segment.worker.ts';

export interface Segmentation {
  /** How many pages to segment ahead of the writes. */
  readonly ahead: number;
  segment(page: SourcePage): Promise<SegmentedPage>;
  /** What the engine's `indexInto` takes for a segmented page. */
  batch(page: SegmentedPage): SearchDoc[] | EncodedDocs;
  close(): Promise<void>;
}

/**
 * One thread per core, at most four. On two cores, two threads reindexed 57k records at 3,050
 * records/s against 2,760 with one (and 2,460 on the main thread): the main thread and the
 * database need less than a core between them.
 */
export const defaultThreads = () => Math.max(1, Math.min(4, os.availableParallelism()));

export function openSegmentation(opts: {
  /** Worker threads; 0 segments on the main thread, with `segmenter`. */
  threads: number;
  /** The domain words of the reindex's dictionary (the workers load them). */
  words: string[];
  /** The engine's encoder module, run in the workers (see SearchEngine.encoder). */
  encoder?: string;
  segmenter: Segmenter;
}): Segmentation {
  if (opts.threads <= 0) {
    return {
      // The next page is segmented while the last one is written.
      ahead: 1,
      async segment(page) {
        const docs = docsOfPage(page, opts.segmenter);
        return { docs: docs.length, payload: docs };
      },
      batch: (page) => page.payload as SearchDoc[],
      close: async () => {},
    };
  }
  const pool = new Piscina({
    filename: new URL('./segment.worker.ts', import.meta.url).href,
    workerData: { words: opts.words, encoder: opts.encoder },
    minThreads: opts.threads,
    maxThreads: opts.threads,
  });
  return {
    ahead: opts.threads + 1,
    segment: (page) => pool.run(page),
    batch: (page) => (opts.encoder ? { encoded: page.payload } : (page.payload as SearchDoc[])),
    close: () => pool.destroy(),
  };
}
