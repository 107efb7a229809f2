/**
 * docker-compose.cluster.yml cannot run here (no Docker engine); this holds it to the topology that
 * tests/bench/cluster.bench.ts runs (tests/bench/cluster/topology.ts): the same node names, each
 * seeded with the others, the same initial cluster-manager nodes, the same ports (on loopback),
 * a balancer over every node, the same shard layout, and PlanHub pointed at the balancer with a
 * configuration its parser accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../services/config/config.ts';
import { BALANCER_PORT, CLUSTER_NAME, CLUSTER_NODES, REPLICAS, SHARDS, launcherArgs, seedHosts } from '../bench/cluster/topology.ts';
import { ROOT } from '../helpers/processes.ts';

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown>;
  configs?: { source: string; target: string }[];
}
interface ComposeFile {
  services: Record<string, Service>;
  configs?: Record<string, { content: string }>;
  'x-planhub-index'?: unknown;
}

const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as ComposeFile;
/** Compose's `${NAME:-default}` with nothing set in the environment: the default. */
const interpolate = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{(\w+):-([^}]*)\}/g, (_m, _n, d: string) => d)]));
const base = read('docker-compose.yml');
const cluster = read('docker-compose.cluster.yml');
const nodeServices = Object.entries(cluster.services).filter(([, s]) => s.image?.startsWith('opensearchproject/'));
/** The launcher's value of one option for a node, as the benchmark starts it. */
const launcherOption = (name: string, option: string) => {
  const args = launcherArgs(CLUSTER_NODES.find((n) => n.name === name)!, '/data');
  return args[args.indexOf(option) + 1]!;
};

describe('docker-compose.cluster.yml', () => {
  it('runs the benchmark\'s nodes, on the image of the single OpenSearch', () => {
    expect(nodeServices.map(([name]) => name)).toEqual(CLUSTER_NODES.map((n) => n.name));
    for (const [, s] of nodeServices) expect(s.image).toBe(base.services.opensearch!.image);
  });

  it.each(CLUSTER_NODES.map((n) => [n.name, n] as const))('%s has its name, its seeds and the initial managers the launcher gets', (name, node) => {
    const env = cluster.services[name]!.environment!;
    expect(env['cluster.name']).toBe(CLUSTER_NAME);
    expect(env['node.name']).toBe(name);
    expect(env['node.name']).toBe(launcherOption(name, '--name'));
    expect(env['discovery.seed_hosts']!.split(',')).toEqual(seedHosts(node, (n) => `${n.name}:9300`));
    // The launcher seeds the same nodes, by their loopback transport ports.
    const seededPorts = launcherOption(name, '--seed-hosts').split(',').map((a) => Number(a.split(':')[1]));
    expect(seededPorts.map((p) => CLUSTER_NODES.find((n) => n.transportPort === p)!.name)).toEqual(env['discovery.seed_hosts']!.split(',').map((h) => h.split(':')[0]));
    expect(env['cluster.initial_cluster_manager_nodes']).toBe(launcherOption(name, '--initial-managers'));
    expect(env['discovery.type']).toBeUndefined();
  });

  it('publishes each node on its benchmark port, on loopback only', () => {
    for (const node of CLUSTER_NODES) expect(cluster.services[node.name]!.ports).toEqual([`127.0.0.1:${node.httpPort}:9200`]);
    expect(cluster.services.search!.ports).toEqual([`127.0.0.1:${BALANCER_PORT}:9200`]);
  });

  it('balances over every node, and starts once they are healthy', () => {
    const search = cluster.services.search!;
    const conf = cluster.configs![search.configs![0]!.source]!.content;
    const upstreams = [...conf.matchAll(/^\s*server\s+([\w-]+):9200\b/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(CLUSTER_NODES.map((n) => n.name));
    expect(conf).toMatch(/listen 9200;/);
    for (const node of CLUSTER_NODES) expect(search.depends_on?.[node.name]).toEqual({ condition: 'service_healthy' });
  });

  it('asks for the shard layout the benchmark gives PlanHub\'s indices', () => {
    expect(cluster['x-planhub-index']).toEqual({ shards: SHARDS, replicas: REPLICAS });
  });

  it.each(['migrate', 'api', 'worker'])('%s searches OpenSearch through the balancer, with a configuration PlanHub accepts', (name) => {
    expect(base.services[name]!.build).toBeDefined();
    const env = interpolate({ ...base.services[name]!.environment, ...cluster.services[name]!.environment });
    const cfg = loadConfig(env);
    expect(cfg.searchEngine).toBe('opensearch');
    const url = new URL(cfg.searchUrl!);
    expect(url.hostname).toBe('search');
    expect(url.port).toBe('9200');
    expect(cluster.services[name]!.depends_on).toHaveProperty('search');
  });

  it('leaves the single Elasticsearch off', () => {
    expect(cluster.services.elasticsearch!.profiles).toEqual(['elasticsearch']);
  });
});
