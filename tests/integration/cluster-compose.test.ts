/**
 * docker-compose.cluster.yml cannot run here (no Docker engine); this holds it to the topology that
 * tests/bench/cluster.bench.ts runs (tests/bench/cluster/topology.ts): the same node names, each
 * seeded with the others, the same initial cluster-manager nodes, the same ports (on loopback),
 * and PlanHub given every node and the shard layout the benchmark gives it, in a configuration its
 * parser accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../services/config/config.ts';
import { searchNodes } from '../../indexers/engines/create-engine.ts';
import { CLUSTER_NAME, CLUSTER_NODES, REPLICAS, SHARDS, launcherArgs, planhubSearchEnv, seedHosts } from '../bench/cluster/topology.ts';
import { ROOT } from '../helpers/processes.ts';

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown>;
}
interface ComposeFile {
  services: Record<string, Service>;
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

  it('publishes each node on its benchmark port, on loopback only, and nothing stands in front of them', () => {
    for (const node of CLUSTER_NODES) expect(cluster.services[node.name]!.ports).toEqual([`127.0.0.1:${node.httpPort}:9200`]);
    expect(Object.keys(cluster.services).sort()).toEqual(['api', 'elasticsearch', 'migrate', 'worker', ...CLUSTER_NODES.map((n) => n.name)].sort());
  });

  it.each(['migrate', 'api', 'worker'])('%s gets every node and the benchmark\'s shard layout, in a configuration PlanHub accepts, and waits for the nodes', (name) => {
    expect(base.services[name]!.build).toBeDefined();
    const env = interpolate({ ...base.services[name]!.environment, ...cluster.services[name]!.environment });
    const cfg = loadConfig(env);
    // What the benchmark sets, with the compose services' names for the loopback addresses.
    const want = planhubSearchEnv('opensearch', CLUSTER_NODES, (n) => `http://${n.name}:9200`);
    expect(cfg.searchEngine).toBe(want.SEARCH_ENGINE);
    expect(searchNodes(cfg.searchUrl!)).toEqual(want.SEARCH_URL.split(','));
    expect([cfg.indexShards, cfg.indexReplicas]).toEqual([SHARDS, REPLICAS]);
    for (const node of CLUSTER_NODES) expect(cluster.services[name]!.depends_on?.[node.name]).toEqual({ condition: 'service_healthy' });
  });

  it('leaves the single Elasticsearch off', () => {
    expect(cluster.services.elasticsearch!.profiles).toEqual(['elasticsearch']);
  });
});
