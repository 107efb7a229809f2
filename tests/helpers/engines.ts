/**
 * The search setups the shared suites run on: PostgreSQL (PGlite and the server) always, and
 * OpenSearch when one answers. CI starts one and sets TEST_SEARCH_URL, which makes it required:
 * then a missing engine fails the run instead of skipping it.
 */
import { randomBytes } from 'node:crypto';

export const REQUIRED_SEARCH_URL = process.env.TEST_SEARCH_URL;
export const OPENSEARCH_URL = (REQUIRED_SEARCH_URL ?? process.env.SEARCH_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { version?: { distribution?: string } };
    return body.version?.distribution === 'opensearch';
  } catch {
    return false;
  }
}

export const openSearchAvailable = await answers(OPENSEARCH_URL);
if (REQUIRED_SEARCH_URL && !openSearchAvailable) {
  throw new Error(`TEST_SEARCH_URL=${REQUIRED_SEARCH_URL} is set but no OpenSearch answers there`);
}

export type SearchSetup = 'pglite' | 'postgres' | 'opensearch';
export const SEARCH_SETUPS: SearchSetup[] = ['pglite', 'postgres', ...(openSearchAvailable ? (['opensearch'] as const) : [])];

export const newIndexPrefix = () => `planhub-test-${randomBytes(4).toString('hex')}`;

export async function dropIndices(prefix: string): Promise<void> {
  await fetch(`${OPENSEARCH_URL}/${prefix}-*`, { method: 'DELETE' });
}
