/**
 * The three-node cluster on loopback: the one place its names, ports and shard layout are
 * written down. `tests/bench/cluster.bench.ts` starts these nodes; `docker-compose.cluster.yml`
 * describes the same ones and `tests/integration/cluster-compose.test.ts` holds it to this.
 */

export interface ClusterNode {
  /** `node.name`, also the compose service. */
  name: string;
  /** HTTP on 127.0.0.1 here; 9200 inside the node's container in compose. */
  httpPort: number;
  /** Node-to-node transport on 127.0.0.1 here; 9300 inside the container. */
  transportPort: number;
}

export const CLUSTER_NAME = 'planhub';

export const CLUSTER_NODES: readonly ClusterNode[] = [
  { name: 'planhub-1', httpPort: 19221, transportPort: 19321 },
  { name: 'planhub-2', httpPort: 19222, transportPort: 19322 },
  { name: 'planhub-3', httpPort: 19223, transportPort: 19323 },
];

/** Where PlanHub sends its requests: a balancer in front of the nodes (see balancer.ts). */
export const BALANCER_PORT = 19220;

/** Each PlanHub index: three primaries (one per node) and one replica of each, so any one node can go. */
export const SHARDS = 3;
export const REPLICAS = 1;

/** Heap per node: three JVMs share a 2-core, 24 GB machine with PostgreSQL and PlanHub. */
export const NODE_HEAP = '640m';

/** The other nodes' transport addresses, as `discovery.seed_hosts` wants them (loopback by default). */
export function seedHosts(node: ClusterNode, address = (n: ClusterNode) => `127.0.0.1:${n.transportPort}`): string[] {
  return CLUSTER_NODES.filter((n) => n !== node).map(address);
}

/** The launcher's arguments for one node (engine/src/main/java/planhub/engine/OpenSearchLauncher.java). */
export function launcherArgs(node: ClusterNode, dir: string): string[] {
  return [
    '--port', String(node.httpPort),
    '--dir', dir,
    '--name', node.name,
    '--transport-port', String(node.transportPort),
    '--seed-hosts', seedHosts(node).join(','),
    '--initial-managers', CLUSTER_NODES.map((n) => n.name).join(','),
  ];
}
