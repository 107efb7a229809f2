import { describe, expect, it } from 'vitest';
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
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '0', REDIS_URL: 'nope' })).toThrow(/PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/);
  });
});
