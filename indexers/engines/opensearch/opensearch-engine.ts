/**
 * The SearchEngine on OpenSearch, through the official `@opensearch-project/opensearch` client.
 * The bodies are the shared ones (typed against Elasticsearch's `estypes`, which describe the
 * same JSON for what PlanHub uses); OpenSearch's own generated types differ in detail, so they
 * are handed over as JSON here, and responses read back as `estypes`.
 */
import type { estypes } from '@elastic/elasticsearch';
import { Client } from '@opensearch-project/opensearch';
import { createClusterEngine, type ClusterEngine, type ClusterEngineOptions } from '../cluster/cluster-engine.ts';
import { call, msearchItems, type ClusterTransport } from '../cluster/transport.ts';

/** The shared bodies as the OpenSearch client's request types (the same JSON). */
const json = <T>(body: object): T => body as T;

export function openSearchTransport(client: Client): ClusterTransport {
  return {
    name: 'opensearch',

    createIndex: (index, def, aliases = []) =>
      call(`create index ${index}`, async () => {
        const body = { ...def, aliases: Object.fromEntries(aliases.map((a) => [a, {}])) };
        const res = await client.indices.create({ index, body: json(body) }, { ignore: [400] });
        const err = (res.body as { error?: { type?: string; reason?: string } }).error;
        if (!err) return true;
        if (err.type === 'resource_already_exists_exception') return false;
        throw Object.assign(new Error(err.reason), { meta: res.meta ?? { statusCode: res.statusCode, body: res.body } });
      }),

    deleteIndices: (indices) =>
      call(`delete ${indices.join(',')}`, async () => {
        if (indices.length === 0) return;
        await client.indices.delete({ index: indices.join(','), ignore_unavailable: true });
      }),

    putSettings: (index, settings) =>
      call(`settings of ${index}`, async () => {
        await client.indices.putSettings({ index, body: json({ index: settings }) });
      }),

    refresh: (indices) =>
      call('refresh', async () => {
        await client.indices.refresh({ index: indices.join(',') });
      }),

    updateAliases: (actions) =>
      call('aliases', async () => {
        await client.indices.updateAliases({ body: json({ actions }) });
      }),

    bulk: (lines, refresh) =>
      call('bulk', async () => {
        const res = await client.bulk({ body: json(lines), refresh, require_alias: true });
        return res.body as estypes.BulkResponse;
      }),

    search: <T>(indices: string[], body: object) =>
      call(`search ${indices.join(',')}`, async () => {
        const res = await client.search({ index: indices.join(','), body: json(body), allow_partial_search_results: false });
        return res.body as unknown as estypes.SearchResponse<T>;
      }),

    msearch: <T>(indices: string[], bodies: object[]) =>
      call(`msearch ${indices.join(',')}`, async () => {
        const header = { index: indices.join(','), allow_partial_search_results: false };
        const res = await client.msearch({ body: json(bodies.flatMap((b) => [header, b])) });
        return msearchItems<T>((res.body as { responses: unknown[] }).responses, `msearch ${indices.join(',')}`);
      }),

    getSource: <T>(index: string, id: string) =>
      call(`get ${index}/${id}`, async () => {
        const res = await client.get({ index, id }, { ignore: [404] });
        const body = res.body as { found?: boolean; _source?: T };
        return body.found && body._source ? body._source : null;
      }),

    putDocument: (index, id, doc) =>
      call(`put ${index}/${id}`, async () => {
        await client.index({ index, id, body: json(doc) });
      }),

    close: () => client.close(),
  };
}

export function createOpenSearchEngine(opts: { url: string | string[] } & ClusterEngineOptions): ClusterEngine {
  const client = new Client({ nodes: Array.isArray(opts.url) ? opts.url : [opts.url], requestTimeout: 60_000, maxRetries: 2 });
  return createClusterEngine(openSearchTransport(client), opts);
}
