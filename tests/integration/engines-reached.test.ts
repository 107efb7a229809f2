/**
 * CI runs every cluster-engine suite on both OpenSearch and Elasticsearch. The suites already fail
 * in CI when a node is missing (helpers/engines.ts); this file says it plainly and checks that the
 * nodes reached are the engines `engine/` pins, answering their own official clients.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { describe, expect, it } from 'vitest';
import { CLUSTER_SETUPS, ELASTICSEARCH_URL, OPENSEARCH_URL } from '../helpers/engines.ts';
import { ROOT } from '../helpers/processes.ts';
import { IN_CI } from '../helpers/requirements.ts';

/** The version a pom pins in its `<name.version>` property. */
function pinned(pom: string, property: string): string {
  const text = fs.readFileSync(path.join(ROOT, pom), 'utf8');
  const m = new RegExp(`<${property}>([^<]+)</${property}>`).exec(text);
  if (!m) throw new Error(`${pom} pins no ${property}`);
  return m[1]!;
}

describe('the cluster engines these suites reach', () => {
  it.runIf(IN_CI)('are both of them in CI', () => {
    expect(CLUSTER_SETUPS).toEqual(['opensearch', 'elasticsearch']);
  });

  it.runIf(CLUSTER_SETUPS.includes('opensearch'))('OpenSearch: the pinned version, through @opensearch-project/opensearch', async () => {
    const client = new OpenSearchClient({ node: OPENSEARCH_URL });
    try {
      const { body } = await client.info();
      expect(body.version.distribution).toBe('opensearch');
      expect(body.version.number).toBe(pinned('engine/pom.xml', 'opensearch.version'));
    } finally {
      await client.close();
    }
  });

  it.runIf(CLUSTER_SETUPS.includes('elasticsearch'))('Elasticsearch: the pinned version, through @elastic/elasticsearch', async () => {
    const client = new ElasticsearchClient({ node: ELASTICSEARCH_URL });
    try {
      const info = await client.info();
      expect(info.version.number).toBe(pinned('engine/elasticsearch/pom.xml', 'elasticsearch.version'));
      expect(info.tagline).toBe('You Know, for Search');
      const health = await client.cluster.health();
      expect(['green', 'yellow']).toContain(health.status);
    } finally {
      await client.close();
    }
  });
});
