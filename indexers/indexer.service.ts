/**
 * Keeps the search engine in step with PostgreSQL: index records as they change, rebuild
 * everything into a new generation (`reindex`), and find and repair differences (`reconcile`).
 */
import type { Db } from '../services/db/db.ts';
import { SEARCH_TYPES, type GenerationAdmin, type SearchType, type SearchWriter } from './engines/search-engine.ts';
import { countRecords, linkedToProject, loadByIds, loadPage, versionPage } from './index-source.store.ts';
import { docsOfPage } from './search-docs.ts';
import type { Segmenter } from './segment/segmenter.ts';
import { buildDictionary, saveDictionary } from './dictionary.service.ts';
import { buildSuggestions } from './suggestions.ts';
import { defaultThreads, openSegmentation } from './segment-workers.ts';
import type { SegmentedPage } from './segment.worker.ts';

export interface RecordRef {
  type: SearchType;
  id: string;
}

export interface Progress {
  (p: { phase: string; done: number; total: number }): void;
}

export interface ReconcileReport {
  checked: number;
  missing: number;
  stale: number;
  extra: number;
}

const PAGE = 500;
/** Reindexes of at least this many records segment on worker threads (starting them costs a few hundred ms). */
const WORKERS_FROM = 20_000;
/** Removes a record whatever version the index holds (the largest PostgreSQL integer). */
const ANY_VERSION = 2_147_483_647;

export function isSearchType(t: string): t is SearchType {
  return (SEARCH_TYPES as readonly string[]).includes(t);
}

export function createIndexer(deps: { db: Db; engine: SearchWriter & GenerationAdmin; segmenter: Segmenter }) {
  const { db, engine, segmenter } = deps;

  /** Indexes the records as they are now; records that no longer exist leave the index. */
  async function indexRecords(refs: RecordRef[]): Promise<void> {
    const byType = Map.groupBy(refs, (r) => r.type);
    for (const [type, group] of byType) {
      const ids = [...new Set(group.map((r) => r.id))];
      for (let i = 0; i < ids.length; i += PAGE) {
        const slice = ids.slice(i, i + PAGE);
        const page = await loadByIds(db, type, slice);
        const rows: { id: string; version: number }[] = page.rows;
        await engine.replace(rows.map((r) => ({ type, resourceId: r.id, version: r.version })), docsOfPage(page, segmenter));
        const found = new Set(rows.map((r) => r.id));
        const gone = slice.filter((id) => !found.has(id));
        // Deleted records: remove whatever version the index holds.
        await engine.remove(gone.map((id) => ({ type, resourceId: id, version: ANY_VERSION })));
      }
    }
  }

  /** The records whose search documents change when a project does (its own, and those linked to it). */
  async function affectedByProjects(projectNos: string[]): Promise<RecordRef[]> {
    return linkedToProject(db, projectNos);
  }

  /**
   * Rebuilds everything into a new generation and switches readers to it. Pages are read in id
   * order; large rebuilds segment them on worker threads (`workers`: their count, 0 for none;
   * by default one per core, from WORKERS_FROM records on), a few pages ahead of the
   * writes, which go to the engine one at a time in page order.
   */
  async function reindex(
    onProgress?: Progress,
    opts: { workers?: number } = {},
  ): Promise<{ generation: number; records: number; docs: number; seconds: number }> {
    const t0 = performance.now();
    const dictionary = await buildDictionary(db);
    segmenter.addWords(dictionary.words);
    const total = (await Promise.all(SEARCH_TYPES.map((t) => countRecords(db, t)))).reduce((a, b) => a + b, 0);
    const threads = opts.workers ?? (total >= WORKERS_FROM ? defaultThreads() : 0);
    const pages = openSegmentation({ threads, words: dictionary.words, encoder: engine.encoder, segmenter });
    const generation = await engine.beginGeneration({ dictionaryVersion: dictionary.version }).catch(async (err) => {
      await pages.close();
      throw err;
    });
    let records = 0;
    let docs = 0;
    try {
      const pending: { records: number; type: SearchType; page: Promise<SegmentedPage> }[] = [];
      let writing: Promise<void> = Promise.resolve();
      const writeOldest = async () => {
        const next = pending.shift()!;
        const page = await next.page;
        await writing;
        writing = engine.indexInto(generation, pages.batch(page));
        writing.catch(() => {}); // awaited (and rethrown) before the next write; this only keeps it from counting as unhandled
        records += next.records;
        docs += page.docs;
        onProgress?.({ phase: next.type, done: records, total });
      };
      for (const type of SEARCH_TYPES) {
        let after: string | null = null;
        for (;;) {
          const source = await loadPage(db, type, after, PAGE);
          const rows: { id: string }[] = source.rows;
          if (rows.length === 0) break;
          const page = pages.segment(source);
          page.catch(() => {}); // likewise: awaited in writeOldest
          pending.push({ records: rows.length, type, page });
          after = rows[rows.length - 1]!.id;
          while (pending.length > pages.ahead) await writeOldest();
        }
      }
      while (pending.length > 0) await writeOldest();
      await writing;
      await engine.setSuggestions(await buildSuggestions(db));
      onProgress?.({ phase: 'suggestions', done: records, total: records });
      await engine.commitGeneration(generation, (done, total) => onProgress?.({ phase: 'indexes', done, total }));
      await saveDictionary(db, dictionary.words);
    } catch (err) {
      await engine.abortGeneration(generation).catch(() => {});
      throw err;
    } finally {
      await pages.close();
    }
    return { generation, records, docs, seconds: (performance.now() - t0) / 1000 };
  }

  /** Compares PostgreSQL with the index, type by type in id order, and repairs what differs. */
  async function reconcile(opts: { repair?: boolean; onProgress?: Progress } = {}): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, missing: 0, stale: 0, extra: 0 };
    for (const type of SEARCH_TYPES) {
      const toIndex: string[] = [];
      const toRemove: string[] = [];
      let afterDb: string | null = null;
      let dbPage = await versionPage(db, type, afterDb, 5000);
      let afterIdx: string | null = null;
      let idxPage = await engine.versions(type, afterIdx, 5000);
      let i = 0;
      let j = 0;
      for (;;) {
        if (i === dbPage.length && dbPage.length > 0) {
          afterDb = dbPage[dbPage.length - 1]!.id;
          dbPage = await versionPage(db, type, afterDb, 5000);
          i = 0;
        }
        if (j === idxPage.length && idxPage.length > 0) {
          afterIdx = idxPage[idxPage.length - 1]!.resourceId;
          idxPage = await engine.versions(type, afterIdx, 5000);
          j = 0;
        }
        const a = dbPage[i];
        const b = idxPage[j];
        if (!a && !b) break;
        if (a && (!b || a.id < b.resourceId)) {
          report.missing += 1;
          toIndex.push(a.id);
          i += 1;
        } else if (b && (!a || b.resourceId < a.id)) {
          report.extra += 1;
          toRemove.push(b.resourceId);
          j += 1;
        } else {
          if (a!.version !== b!.version) {
            report.stale += 1;
            toIndex.push(a!.id);
          }
          i += 1;
          j += 1;
        }
        report.checked += 1;
        if (report.checked % 5000 === 0) opts.onProgress?.({ phase: type, done: report.checked, total: 0 });
      }
      if (opts.repair !== false) {
        await indexRecords(toIndex.map((id) => ({ type, id })));
        await engine.remove(toRemove.map((id) => ({ type, resourceId: id, version: ANY_VERSION })));
      }
    }
    return report;
  }

  /**
   * Rebuilds the index when the domain dictionary the data calls for differs from the one the
   * live index was built with (new project names, brands, laws; or new static words).
   */
  async function reindexIfDictionaryChanged(onProgress?: Progress): Promise<boolean> {
    const [wanted, state] = await Promise.all([buildDictionary(db), engine.state()]);
    if (wanted.version === state.dictionaryVersion) return false;
    const records = (await Promise.all(SEARCH_TYPES.map((t) => countRecords(db, t)))).reduce((a, b) => a + b, 0);
    if (records === 0) return false;
    await reindex(onProgress);
    return true;
  }

  return { indexRecords, affectedByProjects, reindex, reconcile, reindexIfDictionaryChanged };
}

export type Indexer = ReturnType<typeof createIndexer>;
