/**
 * The SearchEngine on Elasticsearch, through the official `@elastic/elasticsearch` client (which
 * only talks to Elastic's servers, hence a transport of its own). Same engine, same bodies as
 * OpenSearch: here they go through the client's typed API, so tsc checks every request against
 * Elasticsearch's own request types.
 */
import { Client, type estypes } from '@elastic/elasticsearch';
import { createClusterEngine, type ClusterEngine, type ClusterEngineOptions } from '../cluster/cluster-engine.ts';
import type { BulkLine, SearchBody } from '../cluster/search-bodies.ts';
import { call, msearchItems, type ClusterTransport } from '../cluster/transport.ts';

const errorType = (err: unknown) =>
  (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;

export function elasticsearchTransport(client: Client): ClusterTransport {
  return {
    name: 'elasticsearch',

    createIndex: (index, def, aliases = []) =>
      call(`create index ${index}`, async () => {
        try {
          await client.indices.create({ index, ...def, aliases: Object.fromEntries(aliases.map((a) => [a, {}])) });
          return true;
        } catch (err) {
          if (errorType(err) === 'resource_already_exists_exception') return false;
          throw err;
        }
      }),

    deleteIndices: (indices) =>
      call(`delete ${indices.join(',')}`, async () => {
        if (indices.length > 0) await client.indices.delete({ index: indices, ignore_unavailable: true });
      }),

    putSettings: (index, settings) =>
      call(`settings of ${index}`, async () => {
        await client.indices.putSettings({ index, settings });
      }),

    refresh: (indices) =>
      call('refresh', async () => {
        await client.indices.refresh({ index: indices });
      }),

    updateAliases: (actions) =>
      call('aliases', async () => {
        await client.indices.updateAliases({ actions });
      }),

    bulk: (lines, refresh) => call('bulk', () => client.bulk<BulkLine>({ operations: lines, refresh, require_alias: true })),

    search: <T>(indices: string[], body: SearchBody) =>
      call(`search ${indices.join(',')}`, () => client.search<T>({ index: indices, allow_partial_search_results: false, ...body })),

    msearch: <T>(indices: string[], bodies: SearchBody[]) =>
      call(`msearch ${indices.join(',')}`, async () => {
        const searches = bodies.flatMap((b) => [{ index: indices, allow_partial_search_results: false }, b as estypes.SearchSearchRequestBody]);
        const res = await client.msearch<T>({ searches });
        return msearchItems<T>(res.responses, `msearch ${indices.join(',')}`);
      }),

    getSource: <T>(index: string, id: string) =>
      call(`get ${index}/${id}`, async () => {
        try {
          const res = await client.get<T>({ index, id });
          return res.found && res._source ? res._source : null;
        } catch (err) {
          if ((err as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return null;
          throw err;
        }
      }),

    putDocument: (index, id, doc) =>
      call(`put ${index}/${id}`, async () => {
        await client.index({ index, id, document: doc });
      }),

    close: () => client.close(),
  };
}

export function createElasticsearchEngine(opts: { url: string | string[] } & ClusterEngineOptions): ClusterEngine {
  const client = new Client({ nodes: Array.isArray(opts.url) ? opts.url : [opts.url], requestTimeout: 60_000, maxRetries: 2 });
  return createClusterEngine(elasticsearchTransport(client), opts);
}
