/** The search engine the configuration names. Cluster clients load only when chosen. */
import type { Db } from '../../services/db/db.ts';
import { createPostgresEngine } from './postgres/postgres-engine.ts';
import type { SearchEngine } from './search-engine.ts';

export interface EngineConfig {
  searchEngine: 'postgres' | 'opensearch' | 'elasticsearch';
  searchUrl: string | undefined;
  indexPrefix: string;
}

export async function createSearchEngine(cfg: EngineConfig, db: Db): Promise<SearchEngine> {
  if (cfg.searchEngine === 'postgres') return createPostgresEngine(db);
  if (!cfg.searchUrl) throw new Error(`SEARCH_URL: required when SEARCH_ENGINE is ${cfg.searchEngine}`);
  if (cfg.searchEngine === 'opensearch') {
    const { createOpenSearchEngine } = await import('./opensearch/opensearch-engine.ts');
    return createOpenSearchEngine({ url: cfg.searchUrl, prefix: cfg.indexPrefix });
  }
  const { createElasticsearchEngine } = await import('./elasticsearch/elasticsearch-engine.ts');
  return createElasticsearchEngine({ url: cfg.searchUrl, prefix: cfg.indexPrefix });
}
