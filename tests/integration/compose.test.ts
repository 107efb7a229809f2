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
import { filesUnder, parseDockerfile, runtimeModules } from '../helpers/dockerfile.ts';
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

  it('the Dockerfile copies what the CLI needs at run time, where the CLI looks for it', async () => {
    const image = parseDockerfile(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'), ROOT);
    const code = await runtimeModules(ROOT, 'bin/planhub.js');
    expect(code).toEqual(expect.arrayContaining(['bin/planhub.js', 'services/cli/main.ts', 'services/server/app.ts', 'indexers/segment.worker.ts']));
    // Besides code, the CLI reads these by path: migrations, index mappings, the rules' tables.
    const data = ['services/db/migrations', 'mappings', 'rules'].flatMap((dir) => filesUnder(ROOT, dir));
    expect(data.filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(0);
    const needed = [...code, ...data, 'package.json', 'package-lock.json'];
    // The paths resolve relative to each file, so the image must keep the repository's layout.
    const misplaced = needed.filter((p) => image.pathOf(p) !== path.posix.join(image.root, p));
    expect(misplaced.map((p) => `${p} → ${image.pathOf(p) ?? 'not copied'}`)).toEqual([]);
    // `npm ci` needs the manifest and the lock file before it runs.
    const npmCi = image.instructions.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(npmCi).toBeGreaterThan(-1);
    for (const f of ['package.json', 'package-lock.json']) expect(image.copiedAt(f)!).toBeLessThan(npmCi);
  });
});
