/**
 * Where the tests' OpenSearch node is and how to clean up after a run, without deciding whether
 * suites need one (engines.ts does that): helpers that only name the node import this, so
 * suites that never use OpenSearch neither skip nor fail for want of one.
 */
import { randomBytes } from 'node:crypto';

export const REQUIRED_SEARCH_URL = process.env.TEST_SEARCH_URL;
export const OPENSEARCH_URL = (REQUIRED_SEARCH_URL ?? process.env.SEARCH_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');

export type SearchSetup = 'pglite' | 'postgres' | 'opensearch';

export const newIndexPrefix = () => `planhub-test-${randomBytes(4).toString('hex')}`;

export async function dropIndices(prefix: string): Promise<void> {
  await fetch(`${OPENSEARCH_URL}/${prefix}-*`, { method: 'DELETE' });
}
