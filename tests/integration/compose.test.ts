/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it honest: every
 * PlanHub service runs a real `planhub` command, its environment passes the real config
 * parser, and the hosts it names are services of the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../services/config/config.ts';
import { buildProgram } from '../../services/cli/program.ts';
import { ROOT } from '../helpers/processes.ts';

interface Service {
  profiles?: string[];
  healthcheck?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  build?: string;
}

/** Compose's `${NAME:-default}` with nothing set in the environment: the default. */
const interpolate = (text: string) => text.replace(/\$\{(\w+):-([^}]*)\}/g, (_m, _name, fallback: string) => fallback);
const compose = parse(interpolate(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')), { merge: true }) as { services: Record<string, Service> };
const planhubServices = Object.entries(compose.services).filter(([, s]) => s.build);
const commands = buildProgram().commands.map((c) => c.name());

describe('docker-compose.yml', () => {
  it('has the API, a worker and the migration step built from this repository', () => {
    expect(planhubServices.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
  });

  it.each(planhubServices)('%s runs a planhub command that exists', (_name, service) => {
    expect(service.command?.slice(0, 2)).toEqual(['npx', 'planhub']);
    expect(commands).toContain(service.command![2]);
  });

  it.each(planhubServices)('%s sets only variables the config reads, with valid values', (_name, service) => {
    const env = service.environment ?? {};
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
    expect(() => loadConfig(env)).not.toThrow();
  });

  it.each(planhubServices)('%s points at database and Redis hosts that are services it waits for', (name, service) => {
    const cfg = loadConfig(service.environment ?? {});
    expect(cfg.searchEngine).toBe('elasticsearch');
    for (const url of [cfg.databaseUrl, cfg.redisUrl, cfg.searchUrl]) {
      expect(url, `${name} needs DATABASE_URL, REDIS_URL and SEARCH_URL`).toBeDefined();
      const host = new URL(url!).hostname;
      expect(Object.keys(compose.services)).toContain(host);
    }
    // Directly or through the migration step, every service waits for PostgreSQL.
    const waitsFor = (s: Service): string[] => Object.keys(s.depends_on ?? {}).flatMap((d) => [d, ...waitsFor(compose.services[d]!)]);
    expect(waitsFor(service)).toContain('postgres');
  });

  it('runs OpenSearch under a profile, and both engines with health checks', () => {
    expect(compose.services.opensearch).toMatchObject({ profiles: ['opensearch'] });
    for (const engine of ['elasticsearch', 'opensearch']) expect(compose.services[engine]).toHaveProperty('healthcheck');
  });

  it('has a three-node Elasticsearch variant', () => {
    const cluster = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.cluster.yml'), 'utf8'), { customTags: [{ tag: '!reset', resolve: () => null }] }) as { services: Record<string, { environment?: Record<string, string> }> };
    const nodes = Object.values(cluster.services).map((s) => s.environment?.['node.name']);
    expect(nodes.sort()).toEqual(['es1', 'es2', 'es3']);
  });

  it('the Dockerfile copies what the CLI needs to start', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    for (const dir of ['bin', 'services', 'indexers']) expect(dockerfile).toMatch(new RegExp(`COPY ${dir} ${dir}`));
    const imported = fs.readdirSync(path.join(ROOT, 'services', 'db', 'migrations'));
    expect(imported.length).toBeGreaterThan(0);
  });
});
