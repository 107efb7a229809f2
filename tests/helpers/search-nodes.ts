/**
 * Where the tests' cluster engines are (an OpenSearch node and an Elasticsearch node) and how to
 * clean up after a run, without deciding whether suites need them (engines.ts does that): helpers
 * that only name a node import this, so suites that never use one neither skip nor fail for want of it.
 *
 * `TEST_SEARCH_URL` names the OpenSearch node and `TEST_ES_URL` the Elasticsearch node; naming one
 * makes it required (engines.ts), as CI does for both. `SEARCH_URL` and `ELASTICSEARCH_URL` name
 * them without requiring them.
 */
import { randomBytes } from 'node:crypto';

export type ClusterSetup = 'opensearch' | 'elasticsearch';
export type SearchSetup = 'pglite' | 'postgres' | ClusterSetup;

const trim = (url: string) => url.replace(/\/$/, '');

export const REQUIRED_SEARCH_URL = process.env.TEST_SEARCH_URL;
export const REQUIRED_ES_URL = process.env.TEST_ES_URL;
export const OPENSEARCH_URL = trim(REQUIRED_SEARCH_URL ?? process.env.SEARCH_URL ?? 'http://127.0.0.1:9200');
export const ELASTICSEARCH_URL = trim(REQUIRED_ES_URL ?? process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9201');

export const NODE_URLS: Record<ClusterSetup, string> = { opensearch: OPENSEARCH_URL, elasticsearch: ELASTICSEARCH_URL };

export const isCluster = (setup: SearchSetup): setup is ClusterSetup => setup === 'opensearch' || setup === 'elasticsearch';

/** The runtime settings that put a hub's search on this node under its own index prefix. */
export const clusterSettings = (setup: ClusterSetup, prefix: string) => ({
  SEARCH_ENGINE: setup,
  SEARCH_URL: NODE_URLS[setup],
  PLANHUB_INDEX_PREFIX: prefix,
});

export const newIndexPrefix = () => `planhub-test-${randomBytes(4).toString('hex')}`;

/**
 * Deletes a run's indices by name: Elasticsearch refuses wildcard deletes by default
 * (`action.destructive_requires_name`), so the names are listed first.
 */
export async function dropIndices(prefix: string, setup: ClusterSetup = 'opensearch'): Promise<void> {
  const url = NODE_URLS[setup];
  const res = await fetch(`${url}/_cat/indices/${prefix}-*?h=index&format=json&expand_wildcards=all`);
  const names = ((await res.json()) as { index: string }[]).map((i) => i.index);
  if (names.length === 0) return;
  const del = await fetch(`${url}/${names.join(',')}`, { method: 'DELETE' });
  if (!del.ok) throw new Error(`deleting ${prefix}-* on ${setup}: ${del.status} ${await del.text()}`);
}
