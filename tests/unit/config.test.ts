import { describe, expect, it } from 'vitest';
import { searchNodes } from '../../indexers/engines/create-engine.ts';
import { ConfigError, loadConfig } from '../../services/config/config.ts';

describe('loadConfig', () => {
  it('runs on the embedded defaults when nothing is set', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, redisUrl: undefined, queuePrefix: 'planhub', logLevel: 'info' });
    expect(cfg.dataDir).toMatch(/\/data$/);
  });

  it('reads the server variables', () => {
    const cfg = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', REDIS_URL: 'redis://r:6379/2', PORT: '8080' });
    expect(cfg).toMatchObject({ databaseUrl: 'postgres://u@db:5432/x', redisUrl: 'redis://r:6379/2', port: 8080 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: must be a port number/],
    [{ PORT: '70000' }, /PORT: must be 1–65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must be a URL starting with postgres:\/\/ or postgresql:\/\//],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL: must be a URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: must be one of/],
    [{ PLANHUB_DATADIR: './x' }, /PLANHUB_DATADIR: unknown variable/],
    [{ SEARCH_ENGINE: 'solr' }, /SEARCH_ENGINE: must be one of postgres, opensearch, elasticsearch/],
    [{ SEARCH_ENGINE: 'opensearch' }, /SEARCH_URL: required when SEARCH_ENGINE is opensearch/],
    [{ SEARCH_URL: 'ftp://x' }, /SEARCH_URL: must be a URL starting with http:\/\/ or https:\/\//],
    [{ SEARCH_URL: 'http://a:9200,b:9200' }, /SEARCH_URL: must be a URL .* or several separated by commas/],
    [{ SEARCH_SHARDS: '0' }, /SEARCH_SHARDS: must be a whole number of at least 1/],
    [{ SEARCH_REPLICAS: '1.5' }, /SEARCH_REPLICAS: must be a whole number of at least 0/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes a cluster of several nodes, with shards and replicas for its indices', () => {
    const one = loadConfig({ SEARCH_ENGINE: 'opensearch', SEARCH_URL: 'http://127.0.0.1:9200' });
    expect(one).toMatchObject({ searchUrl: 'http://127.0.0.1:9200', indexShards: 1, indexReplicas: 0 });
    const three = loadConfig({
      SEARCH_ENGINE: 'elasticsearch', SEARCH_URL: 'http://n1:9200, http://n2:9200,http://n3:9200', SEARCH_SHARDS: '3', SEARCH_REPLICAS: '1',
    });
    expect(three).toMatchObject({ indexShards: 3, indexReplicas: 1 });
    expect(searchNodes(three.searchUrl!)).toEqual(['http://n1:9200', 'http://n2:9200', 'http://n3:9200']);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '0', REDIS_URL: 'nope' })).toThrow(/PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/);
  });
});
