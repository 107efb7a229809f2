/**
 * The SearchEngine on a search cluster (OpenSearch or Elasticsearch, through a ClusterTransport).
 * One index per resource type and generation (`<prefix>-<type>-v<n>`); readers and writers only
 * ever name aliases: `<prefix>-<type>` is the live generation, `<prefix>-<type>-next` the one a
 * reindex is building. A reindex fills the next generation, then one `_aliases` call moves every
 * type's alias at once. Which generation is live is kept in `<prefix>-meta`, document `state`.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { IndexedVersion, SearchEngine, SearchResult, SearchType } from '../search-engine.ts';
import { SEARCH_TYPES } from '../search-engine.ts';
import { SINGLE_NODE, docsIndexDefinition, metaIndexDefinition, suggestIndexDefinition, type IndexLayout } from './index-definitions.ts';
import {
  containsBody, deleteAction, indexActions, resourceKey, suggestBody, supersededBody, toEngineDoc, toSuggestDoc,
  versionsBody, type BulkLine, type EngineDoc, type HitSource,
} from './search-bodies.ts';
import { readSimilar, similarBody } from './similar-body.ts';
import { docCountsBody, readDocCounts } from './candidate-search.ts';
import { searchInTiers } from './partial-search.ts';
import { readSuggest, readSuggestHits, readVersions, type SuggestSource } from './search-results.ts';
import { EngineError, type ClusterTransport, type Refresh } from './transport.ts';

export interface ClusterEngineOptions {
  /** Every index and alias name starts with it (several hubs, or test runs, on one cluster). */
  prefix?: string;
  /**
   * How writes become visible to searches: 'wait_for' (the default) returns once they are, so a
   * search right after a job sees its result; false leaves it to the refresh interval.
   */
  refresh?: Refresh;
  /** Primary shards and replicas of each index it creates (default: one shard, no replica, for one node). */
  layout?: IndexLayout;
}

export type ClusterEngine = SearchEngine & { close(): Promise<void> };

interface State {
  generation: number;
  building: number | null;
  dictionaryVersion: string | null;
  buildingDictionaryVersion: string | null;
  /** The suggestion index's own counter: each setSuggestions builds a fresh one and flips to it. */
  suggest: number;
}

type RecordRef = { type: SearchType; resourceId: string; version: number };
/** One bulk operation: its action line, and its document unless it is a delete. */
type BulkOp = BulkLine[];

/** Back-pressure: at most this many documents, or about this many bytes, per bulk request, one at a time. */
const BULK_DOCS = 500;
const BULK_BYTES = 5_000_000;
/** Records per delete search (each adds three clauses; the default clause limit is 1024), and ids per page. */
const DELETE_RECORDS = 150;
const DELETE_PAGE = 5000;
/** How long a count of each type's documents serves count estimates. */
const DOC_COUNTS_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createClusterEngine(t: ClusterTransport, opts: ClusterEngineOptions = {}): ClusterEngine {
  const prefix = opts.prefix ?? 'planhub';
  const layout = opts.layout ?? SINGLE_NODE;
  const liveRefresh = opts.refresh ?? 'wait_for';
  const metaIndex = `${prefix}-meta`;
  const alias = (type: SearchType) => `${prefix}-${type}`;
  const nextAlias = (type: SearchType) => `${prefix}-${type}-next`;
  const docsIndex = (type: SearchType, g: number) => `${prefix}-${type}-v${g}`;
  const suggestAlias = `${prefix}-suggest`;
  const suggestIndex = (n: number) => `${prefix}-suggest-v${n}`;
  const readAliases = SEARCH_TYPES.map(alias);
  const nextAliases = new Set<string>(SEARCH_TYPES.map(nextAlias));

  async function readState(): Promise<State | null> {
    return t.getSource<State>(metaIndex, 'state');
  }

  async function state(): Promise<State> {
    const s = await readState();
    if (!s) throw new Error(`search is not initialised on ${t.name} (no ${metaIndex}): start the server once`);
    return s;
  }

  const putState = (s: State) => t.putDocument(metaIndex, 'state', s);

  /** Each type's documents per shard, for count estimates: asked again after DOC_COUNTS_MS. */
  let docCountsAt = 0;
  let docCountsNow: Promise<Partial<Record<SearchType, number>>> | null = null;
  function docCounts(): Promise<Partial<Record<SearchType, number>>> {
    if (!docCountsNow || Date.now() - docCountsAt > DOC_COUNTS_MS) {
      docCountsAt = Date.now();
      docCountsNow = read(() => t.search(readAliases, docCountsBody)).then((res) => readDocCounts(res, layout.shards));
      docCountsNow.catch(() => (docCountsNow = null));
    }
    return docCountsNow;
  }

  /** Reads go through aliases; a reindex may delete the old indices under a running search: once more. */
  async function read<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fn();
      } catch (err) {
        const retryable = err instanceof EngineError && (err.status === 404 || err.status === 503 || err.type === 'search_phase_execution_exception');
        if (!retryable || attempt >= 2) throw err;
        await sleep(50 * (attempt + 1));
      }
    }
  }

  /** Sends bulk operations in bounded chunks, one request at a time; retries what the cluster pushed back on. */
  async function sendBulk(ops: BulkOp[], refresh: Refresh): Promise<void> {
    let chunk: BulkOp[] = [];
    let bytes = 0;
    for (const op of ops) {
      const size = op.length > 1 ? JSON.stringify(op[1]).length : 100;
      if (chunk.length > 0 && (chunk.length >= BULK_DOCS || bytes + size > BULK_BYTES)) {
        await sendChunk(chunk, refresh);
        chunk = [];
        bytes = 0;
      }
      chunk.push(op);
      bytes += size;
    }
    if (chunk.length > 0) await sendChunk(chunk, refresh);
  }

  async function sendChunk(ops: BulkOp[], refresh: Refresh): Promise<void> {
    let pending = ops;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const res = await t.bulk(pending.flat(), refresh);
      if (!res.errors) return;
      const again: BulkOp[] = [];
      res.items.forEach((item, i) => {
        const r = item.index ?? item.create ?? item.delete ?? item.update;
        if (!r?.error) return;
        // An older version than the one indexed: expected (a late or repeated job); the newer one stays.
        if (r.status === 409) return;
        // The generation being built was committed or aborted meanwhile: the live write stands.
        if (r.status === 404 && nextAliases.has(r._index)) return;
        if (r.status === 429 && attempt < 6) {
          again.push(pending[i]!);
          return;
        }
        throw new EngineError(`bulk ${r._index}/${r._id ?? ''}: ${r.error.type}: ${r.error.reason ?? ''}`, r.status, r.error.type);
      });
      pending = again;
      if (pending.length > 0) await sleep(100 * 2 ** attempt);
    }
  }

  /** The aliases a write goes to: the live generation, and the one being built. */
  const writeAliases = (s: State, type: SearchType) => (s.building ? [alias(type), nextAlias(type)] : [alias(type)]);
  /** While a generation is built its refresh is off, so waiting for one would never return: refresh explicitly. */
  const writeRefresh = (s: State): Refresh => (s.building && liveRefresh !== false ? true : liveRefresh);

  async function writeDocs(s: State, docs: EngineDoc[]): Promise<void> {
    const ops = docs.flatMap((d) => writeAliases(s, d.type).map((target) => indexActions(target, d)));
    await sendBulk(ops, writeRefresh(s));
  }

  /**
   * Deletes the passages of these records at their version or older (except `keep`), in every
   * generation written to: found by a search, deleted by id with the record's version.
   */
  async function deleteWhere(s: State, records: RecordRef[], keep: Map<string, string[]>): Promise<void> {
    const versionOf = new Map(records.map((r) => [resourceKey(r.type, r.resourceId), r.version]));
    for (let i = 0; i < records.length; i += DELETE_RECORDS) {
      const slice = records.slice(i, i + DELETE_RECORDS);
      for (const target of new Set(slice.flatMap((r) => writeAliases(s, r.type)))) {
        const ops: BulkOp[] = [];
        for (let after: string | null = null; ; ) {
          let res: estypes.SearchResponse<{ resource_key: string }>;
          try {
            res = await t.search<{ resource_key: string }>([target], supersededBody(slice, keep, DELETE_PAGE, after));
          } catch (err) {
            // The generation being built went away (committed or aborted): nothing to delete there.
            if (err instanceof EngineError && err.status === 404 && nextAliases.has(target)) break;
            throw err;
          }
          const hits = res.hits.hits;
          for (const h of hits) {
            const version = versionOf.get(h._source?.resource_key ?? '');
            if (h._id && version !== undefined) ops.push([deleteAction(target, h._id, version)]);
          }
          if (hits.length < DELETE_PAGE) break;
          after = String(hits[hits.length - 1]!.sort?.[0]);
        }
        await sendBulk(ops, writeRefresh(s));
      }
    }
  }

  async function createGeneration(g: number, aliasOf: (type: SearchType) => string, building: boolean): Promise<void> {
    for (const type of SEARCH_TYPES) {
      const def = docsIndexDefinition(type, layout);
      // A generation being filled is refreshed once, when it is committed.
      const settings = building ? { ...def.settings, refresh_interval: '-1' } : def.settings;
      await t.createIndex(docsIndex(type, g), { ...def, settings }, [aliasOf(type)]);
    }
  }

  const dropGeneration = (g: number) => t.deleteIndices(SEARCH_TYPES.map((type) => docsIndex(type, g)));

  return {
    name: t.name,

    async init() {
      const s = await readState();
      if (s) {
        // A cluster indexed before a type became searchable gets that type's index now (creating an existing one is a no-op).
        await createGeneration(s.generation, alias, false);
        if (s.building) await createGeneration(s.building, nextAlias, true);
        return;
      }
      await t.createIndex(metaIndex, metaIndexDefinition(layout));
      await createGeneration(1, alias, false);
      await t.createIndex(suggestIndex(1), suggestIndexDefinition(layout), [suggestAlias]);
      // Another process may have got here first and moved on: only the first state counts.
      if (await readState()) return;
      await putState({ generation: 1, building: null, dictionaryVersion: null, buildingDictionaryVersion: null, suggest: 1 });
    },

    async index(docs) {
      if (docs.length === 0) return;
      await writeDocs(await state(), docs.map(toEngineDoc));
    },

    async replace(records, docs) {
      if (records.length === 0) return;
      const s = await state();
      const engineDocs = docs.map(toEngineDoc);
      // New passages first (external versions keep newer ones), then the superseded ones go: searches never see the record vanish.
      await writeDocs(s, engineDocs);
      const keep = new Map<string, string[]>();
      for (const d of engineDocs) keep.set(d.resource_key, [...(keep.get(d.resource_key) ?? []), d.doc_id]);
      await deleteWhere(s, records, keep);
    },

    async remove(records) {
      if (records.length === 0) return;
      await deleteWhere(await state(), records, new Map());
    },

    async search(req): Promise<SearchResult> {
      // The complete tiers, then the partial tier when they left the page short (./partial-search.ts).
      return searchInTiers(req, {
        search: (body) => read(() => t.search<HitSource>(readAliases, body)),
        msearch: (bodies) => read(() => t.msearch<HitSource>(readAliases, bodies)),
        docCounts,
      });
    },

    async similar(req) {
      if (req.types.length === 0 || req.size <= 0) return [];
      return readSimilar(await read(() => t.search<HitSource>(readAliases, similarBody(req))));
    },

    async suggestPrefix(prefix, limit) {
      return readSuggest(await read(() => t.search<SuggestSource>([suggestAlias], suggestBody(prefix, limit))), limit);
    },

    async suggestContaining(text, limit) {
      return readSuggestHits(await read(() => t.search<SuggestSource>([suggestAlias], containsBody(text, limit))));
    },

    async setSuggestions(terms) {
      // A fresh index, filled, then swapped in: type-ahead never sees a half-built list.
      const s = await state();
      const n = s.suggest + 1;
      const building = `${suggestAlias}-next`;
      await t.deleteIndices([suggestIndex(n)]);
      await t.createIndex(suggestIndex(n), suggestIndexDefinition(layout), [building]);
      const ops = terms.map((term): BulkOp => [{ index: { _index: building } }, toSuggestDoc(term)]);
      await sendBulk(ops, false);
      await t.refresh([suggestIndex(n)]);
      await t.updateAliases([
        { remove: { index: suggestIndex(s.suggest), alias: suggestAlias } },
        { add: { index: suggestIndex(n), alias: suggestAlias } },
        { remove: { index: suggestIndex(n), alias: building } },
      ]);
      await putState({ ...(await state()), suggest: n });
      await t.deleteIndices([suggestIndex(s.suggest)]);
    },

    async versions(type, afterId, limit): Promise<IndexedVersion[]> {
      return readVersions(type, await read(() => t.search([alias(type)], versionsBody(type, afterId, limit))));
    },

    async beginGeneration(meta) {
      const s = await state();
      if (s.building) await dropGeneration(s.building); // an earlier reindex that died
      const next = Math.max(s.generation, s.building ?? 0) + 1;
      await createGeneration(next, nextAlias, true);
      await putState({ ...s, building: next, buildingDictionaryVersion: meta.dictionaryVersion });
      return next;
    },

    async indexInto(generation, docs) {
      if (!Array.isArray(docs)) throw new TypeError('this engine has no encoder: it takes documents');
      const s = await state();
      if (s.building !== generation) throw new Error(`generation ${generation} is not the one being built`);
      const ops = docs.map(toEngineDoc).map((d) => indexActions(nextAlias(d.type), d));
      await sendBulk(ops, false);
    },

    async commitGeneration(generation) {
      const s = await state();
      if (s.building !== generation) throw new Error(`generation ${generation} is not the one being built`);
      const fresh = SEARCH_TYPES.map((type) => docsIndex(type, generation));
      for (const index of fresh) await t.putSettings(index, { refresh_interval: '1s' });
      await t.refresh(fresh);
      // One call: every type's readers move to the new generation together.
      await t.updateAliases(
        SEARCH_TYPES.flatMap((type) => [
          { remove: { index: docsIndex(type, s.generation), alias: alias(type) } },
          { add: { index: docsIndex(type, generation), alias: alias(type) } },
          { remove: { index: docsIndex(type, generation), alias: nextAlias(type) } },
        ]),
      );
      const now = await state();
      await putState({ ...now, generation, building: null, dictionaryVersion: s.buildingDictionaryVersion, buildingDictionaryVersion: null });
      await dropGeneration(s.generation);
    },

    async abortGeneration(generation) {
      const s = await state();
      if (generation === s.generation) return; // never the live one
      if (s.building === generation) await putState({ ...s, building: null, buildingDictionaryVersion: null });
      await dropGeneration(generation);
    },

    async state() {
      const s = await state();
      return { generation: s.generation, building: s.building, dictionaryVersion: s.dictionaryVersion };
    },

    close: () => t.close(),
  };
}
