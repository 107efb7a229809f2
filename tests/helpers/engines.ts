/**
 * The search setups the shared suites run on: PostgreSQL (PGlite and the server) always, and
 * OpenSearch when one answers. In CI, or when TEST_SEARCH_URL names a node, OpenSearch is
 * required: then a missing engine fails the run instead of skipping (requirements.ts).
 */
import { OPENSEARCH_URL, REQUIRED_SEARCH_URL, type SearchSetup } from './opensearch.ts';
import { IN_CI, needs } from './requirements.ts';

export { OPENSEARCH_URL, REQUIRED_SEARCH_URL, dropIndices, newIndexPrefix, type SearchSetup } from './opensearch.ts';

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { version?: { distribution?: string } };
    return body.version?.distribution === 'opensearch';
  } catch {
    return false;
  }
}

export const openSearchAvailable = needs({
  what: 'the OpenSearch runs of this file',
  available: await answers(OPENSEARCH_URL),
  why: `no OpenSearch answers at ${OPENSEARCH_URL}`,
  how: 'run `npm run engine` and set TEST_SEARCH_URL=http://127.0.0.1:9200',
  required: IN_CI || REQUIRED_SEARCH_URL !== undefined,
});

export const SEARCH_SETUPS: SearchSetup[] = ['pglite', 'postgres', ...(openSearchAvailable ? (['opensearch'] as const) : [])];
