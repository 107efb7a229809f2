/**
 * The search setups the shared suites run on: PostgreSQL (PGlite and the server) always, and each
 * cluster engine — OpenSearch, Elasticsearch — when its node answers. In CI, or when
 * TEST_SEARCH_URL / TEST_ES_URL names a node, that engine is required: a missing node fails the run
 * instead of skipping (requirements.ts).
 */
import { ELASTICSEARCH_URL, OPENSEARCH_URL, REQUIRED_ES_URL, REQUIRED_SEARCH_URL, type ClusterSetup, type SearchSetup } from './search-nodes.ts';
import { IN_CI, needs } from './requirements.ts';

export {
  ELASTICSEARCH_URL, NODE_URLS, OPENSEARCH_URL, REQUIRED_ES_URL, REQUIRED_SEARCH_URL, clusterSettings, dropIndices, isCluster,
  newIndexPrefix, type ClusterSetup, type SearchSetup,
} from './search-nodes.ts';

/** What a node says it is: OpenSearch names its distribution; Elasticsearch sends its product header. */
export async function nodeKind(url: string): Promise<ClusterSetup | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (res.headers.get('x-elastic-product') === 'Elasticsearch') return 'elasticsearch';
    const body = (await res.json()) as { version?: { distribution?: string } };
    return body.version?.distribution === 'opensearch' ? 'opensearch' : null;
  } catch {
    return null;
  }
}

export const openSearchAvailable = needs({
  what: 'the OpenSearch runs of this file',
  available: (await nodeKind(OPENSEARCH_URL)) === 'opensearch',
  why: `no OpenSearch answers at ${OPENSEARCH_URL}`,
  how: 'run `npm run engine` and set TEST_SEARCH_URL=http://127.0.0.1:9200',
  required: IN_CI || REQUIRED_SEARCH_URL !== undefined,
});

export const elasticsearchAvailable = needs({
  what: 'the Elasticsearch runs of this file',
  available: (await nodeKind(ELASTICSEARCH_URL)) === 'elasticsearch',
  why: `no Elasticsearch answers at ${ELASTICSEARCH_URL}`,
  how: 'run `npm run engine -- --kind elasticsearch` and set TEST_ES_URL=http://127.0.0.1:9201',
  required: IN_CI || REQUIRED_ES_URL !== undefined,
});

/** The cluster engines these suites reach here (both, in CI). */
export const CLUSTER_SETUPS: ClusterSetup[] = [
  ...(openSearchAvailable ? (['opensearch'] as const) : []),
  ...(elasticsearchAvailable ? (['elasticsearch'] as const) : []),
];

export const SEARCH_SETUPS: SearchSetup[] = ['pglite', 'postgres', ...CLUSTER_SETUPS];
