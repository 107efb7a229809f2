/** Which node holds what: read from `_cat/shards`, and the node a scenario kills. */

export interface ShardRow {
  index: string;
  shard: string;
  prirep: 'p' | 'r';
  state: string;
  node: string | null;
}

export interface NodeHoldings {
  node: string;
  primaries: number;
  replicas: number;
  /** Holds the primary copy of the shard with `<prefix>-meta/state`, the document every write and search reads first. */
  statePrimary: boolean;
}

export function holdings(rows: readonly ShardRow[], nodes: readonly string[], statePrimaryNode: string): NodeHoldings[] {
  return nodes.map((node) => {
    const mine = rows.filter((r) => r.node === node && r.state === 'STARTED');
    return {
      node,
      primaries: mine.filter((r) => r.prirep === 'p').length,
      replicas: mine.filter((r) => r.prirep === 'r').length,
      statePrimary: node === statePrimaryNode,
    };
  });
}

/**
 * With three primaries per index on three nodes every node holds primaries, so the scenarios differ
 * in what else the node is. 'state-primary': the node holding the primary of the state document's
 * shard. 'other': a node that holds neither that nor the elected cluster manager's role.
 */
export function chooseVictim(h: readonly NodeHoldings[], kind: 'other' | 'state-primary', manager: string | null): NodeHoldings {
  if (kind === 'state-primary') {
    const holder = h.find((n) => n.statePrimary);
    if (!holder) throw new Error('no node holds the primary of the state document');
    return holder;
  }
  const others = h.filter((n) => !n.statePrimary);
  const plain = others.find((n) => n.node !== manager);
  if (!plain) throw new Error(`every node without the state primary is the cluster manager (${manager})`);
  return plain;
}
