/**
 * What the search-document engine needs from a cluster, as a handful of calls. OpenSearch and
 * Elasticsearch each implement it over their official client (the Elasticsearch client refuses
 * other servers, hence two); the bodies are the shared ones from search-bodies.ts.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './index-definitions.ts';
import type { BulkLine, SearchBody } from './search-bodies.ts';

export type Refresh = boolean | 'wait_for';

export interface ClusterTransport {
  readonly name: string;
  /** False when the index already exists. */
  createIndex(index: string, definition: IndexDefinition, aliases?: string[]): Promise<boolean>;
  /** Missing indices are ignored. */
  deleteIndices(indices: string[]): Promise<void>;
  putSettings(index: string, settings: estypes.IndicesIndexSettings): Promise<void>;
  refresh(indices: string[]): Promise<void>;
  /** All the actions in one call: readers see either the old aliases or the new ones. */
  updateAliases(actions: estypes.IndicesUpdateAliasesAction[]): Promise<void>;
  /** Writes must target aliases (`require_alias`), so a write racing a deletion never auto-creates an index. */
  bulk(lines: BulkLine[], refresh: Refresh): Promise<estypes.BulkResponse>;
  search<T>(indices: string[], body: SearchBody): Promise<estypes.SearchResponse<T>>;
  /** Several searches in one round trip, answered in order; one that failed fails the call. */
  msearch<T>(indices: string[], bodies: SearchBody[]): Promise<estypes.SearchResponse<T>[]>;
  /** null when the index or the document is missing. */
  getSource<T>(index: string, id: string): Promise<T | null>;
  putDocument(index: string, id: string, doc: object): Promise<void>;
  close(): Promise<void>;
}

/** A failed request, with the engine's status and error type (both clients' errors become this). */
export class EngineError extends Error {
  readonly status: number;
  readonly type: string;
  constructor(message: string, status: number, type: string) {
    super(message);
    this.name = 'EngineError';
    this.status = status;
    this.type = type;
  }
}

/** The clients' errors for a cluster that did not answer at all (both clients name them alike). */
const UNREACHABLE = new Set(['ConnectionError', 'NoLivingConnectionsError', 'TimeoutError']);

/**
 * Turns a client's ResponseError (same shape in both clients: `meta.statusCode`, `meta.body.error`)
 * into an EngineError; a cluster that did not answer becomes a 503 `engine_unavailable`, which
 * reads retry and the API answers as such rather than as an internal error.
 */
export function toEngineError(err: unknown, what: string): unknown {
  const meta = (err as { meta?: { statusCode?: number; body?: unknown } }).meta;
  const name = (err as Error | undefined)?.name ?? '';
  // No status at all (or 0, as Elasticsearch's client reports a refused connection): nobody answered.
  if (UNREACHABLE.has(name) && !meta?.statusCode) {
    return new EngineError(`${what}: engine unavailable: ${(err as Error).message}`, 503, 'engine_unavailable');
  }
  if (!meta || typeof meta.statusCode !== 'number') return err;
  type Cause = { type?: string; reason?: string };
  const body = meta.body as { error?: (Cause & { root_cause?: Cause[]; failed_shards?: { reason?: Cause }[] }) | string } | undefined;
  const e = typeof body?.error === 'object' ? body.error : undefined;
  // "Partial shards failure" and the like say nothing by themselves: name the shard's cause too.
  const cause = e?.failed_shards?.[0]?.reason ?? e?.root_cause?.[0];
  const detail = cause?.reason && cause.reason !== e?.reason ? ` (${cause.type ?? 'cause'}: ${cause.reason})` : '';
  const reason = (e?.reason ?? cause?.reason ?? (typeof body?.error === 'string' ? body.error : (err as Error).message)) + detail;
  return new EngineError(`${what}: ${e?.type ?? 'error'}: ${reason}`, meta.statusCode, e?.type ?? 'unknown');
}

/** Runs a client call, turning its errors into EngineErrors. */
export async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toEngineError(err, what);
  }
}

/** An msearch answer's items, in order; the first failed one becomes the call's error (as a failed search would). */
export function msearchItems<T>(responses: unknown[], what: string): estypes.SearchResponse<T>[] {
  return responses.map((r) => {
    const item = r as estypes.SearchResponse<T> & { error?: unknown; status?: number };
    if (item.error) throw toEngineError({ meta: { statusCode: item.status ?? 500, body: { error: item.error } } }, what);
    return item;
  });
}
