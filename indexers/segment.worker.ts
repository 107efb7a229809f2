/**
 * A worker thread of a reindex: segments one page of source rows into search documents and,
 * when the engine has an encoder, turns them into its write payload, so the main thread only
 * reads pages and writes batches. Started by ./segment-workers.ts with the reindex's dictionary.
 */
import { workerData } from 'node:worker_threads';
import type { SearchDoc } from './engines/search-engine.ts';
import type { SourcePage } from './index-source.store.ts';
import { docsOfPage } from './search-docs.ts';
import { createSegmenter } from './segment/segmenter.ts';

export interface SegmentWorkerData {
  /** The domain words of the reindex's dictionary. */
  words: string[];
  /** The engine's encoder module (a file URL), if it has one. */
  encoder?: string;
}

export interface SegmentedPage {
  docs: number;
  /** The encoder's payload, or the documents themselves. */
  payload: unknown;
}

const data = workerData as SegmentWorkerData;
const segmenter = createSegmenter(data.words);
const encode: (docs: SearchDoc[]) => unknown = data.encoder ? (await import(data.encoder)).encode : (docs) => docs;

export default function segmentPage(page: SourcePage): SegmentedPage {
  const docs = docsOfPage(page, segmenter);
  return { docs: docs.length, payload: encode(docs) };
}
