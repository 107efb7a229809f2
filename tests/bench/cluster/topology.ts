/**
 * The three-node cluster on loopback: the one place its names, ports and shard layout are
 * written down. `tests/bench/cluster.bench.ts` starts these nodes (of OpenSearch or of
 * Elasticsearch); `docker-compose.cluster.yml` describes the OpenSearch ones and
 * `tests/integration/cluster-compose.test.ts` holds it to this.
 */

export type EngineKind = 'opensearch' | 'elasticsearch';
export const ENGINE_KINDS: readonly EngineKind[] = ['opensearch', 'elasticsearch'];

export interface ClusterNode {
  /** `node.name`, also the compose service. */
  name: string;
  /** HTTP on 127.0.0.1 here; 9200 inside the node's container in compose. */
  httpPort: number;
  /** Node-to-node transport on 127.0.0.1 here; 9300 inside the container. */
  transportPort: number;
}

export const CLUSTER_NAME = 'planhub';

/** The OpenSearch nodes (and compose's). */
export const CLUSTER_NODES: readonly ClusterNode[] = [
  { name: 'planhub-1', httpPort: 19221, transportPort: 19321 },
  { name: 'planhub-2', httpPort: 19222, transportPort: 19322 },
  { name: 'planhub-3', httpPort: 19223, transportPort: 19323 },
];

/** The Elasticsearch nodes: same names, their own ports, so a run of each kind can share the box. */
export const ES_CLUSTER_NODES: readonly ClusterNode[] = CLUSTER_NODES.map((n) => ({
  name: n.name,
  httpPort: n.httpPort + 10,
  transportPort: n.transportPort + 10,
}));

export const clusterNodes = (kind: EngineKind): readonly ClusterNode[] => (kind === 'opensearch' ? CLUSTER_NODES : ES_CLUSTER_NODES);

/** Each PlanHub index: three primaries (one per node) and one replica of each, so any one node can go. */
export const SHARDS = 3;
export const REPLICAS = 1;

/** Heap per node: three JVMs share a 2-core, 24 GB machine with PostgreSQL and PlanHub. */
export const NODE_HEAP = '640m';

/**
 * What PlanHub needs to use the cluster: every node's URL (the client spreads requests over them
 * and fails over) and the shard layout of the indices it creates.
 */
export function planhubSearchEnv(kind: EngineKind, nodes: readonly ClusterNode[], url = (n: ClusterNode) => `http://127.0.0.1:${n.httpPort}`) {
  return {
    SEARCH_ENGINE: kind,
    SEARCH_URL: nodes.map(url).join(','),
    SEARCH_SHARDS: String(SHARDS),
    SEARCH_REPLICAS: String(REPLICAS),
  };
}

/** The other nodes' transport addresses, as `discovery.seed_hosts` wants them (loopback by default). */
export function seedHosts(
  node: ClusterNode,
  address = (n: ClusterNode) => `127.0.0.1:${n.transportPort}`,
  nodes: readonly ClusterNode[] = CLUSTER_NODES,
): string[] {
  return nodes.filter((n) => n.name !== node.name).map(address);
}

/**
 * The launcher's arguments for one node. Both launchers take these names
 * (engine/src/main/java/planhub/engine/OpenSearchLauncher.java, and Elasticsearch's LauncherOptions,
 * where `--initial-managers` becomes `cluster.initial_master_nodes`).
 */
export function launcherArgs(node: ClusterNode, dir: string, nodes: readonly ClusterNode[] = CLUSTER_NODES): string[] {
  return [
    '--port', String(node.httpPort),
    '--dir', dir,
    '--name', node.name,
    '--transport-port', String(node.transportPort),
    '--seed-hosts', seedHosts(node, undefined, nodes).join(','),
    '--initial-managers', nodes.map((n) => n.name).join(','),
  ];
}
