/** The search engine the configuration names. Cluster clients load only when chosen. */
import type { Db } from '../../services/db/db.ts';
import { createPostgresEngine } from './postgres/postgres-engine.ts';
import type { SearchEngine } from './search-engine.ts';

export interface EngineConfig {
  searchEngine: 'postgres' | 'opensearch' | 'elasticsearch';
  searchUrl: string | undefined;
  indexPrefix: string;
  indexShards?: number;
  indexReplicas?: number;
}

/** `SEARCH_URL` may name several nodes of one cluster, comma-separated. */
export const searchNodes = (url: string) => url.split(',').map((u) => u.trim()).filter(Boolean);

export async function createSearchEngine(cfg: EngineConfig, db: Db): Promise<SearchEngine> {
  if (cfg.searchEngine === 'postgres') return createPostgresEngine(db);
  if (!cfg.searchUrl) throw new Error(`SEARCH_URL: required when SEARCH_ENGINE is ${cfg.searchEngine}`);
  const opts = {
    url: searchNodes(cfg.searchUrl),
    prefix: cfg.indexPrefix,
    layout: { shards: cfg.indexShards ?? 1, replicas: cfg.indexReplicas ?? 0 },
  };
  if (cfg.searchEngine === 'opensearch') {
    const { createOpenSearchEngine } = await import('./opensearch/opensearch-engine.ts');
    return createOpenSearchEngine(opts);
  }
  const { createElasticsearchEngine } = await import('./elasticsearch/elasticsearch-engine.ts');
  return createElasticsearchEngine(opts);
}
