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
  /** Holds the primary of `<prefix>-meta` (the state document every write reads first). */
  metaPrimary: boolean;
}

export function holdings(rows: readonly ShardRow[], nodes: readonly string[], metaIndex: string): NodeHoldings[] {
  return nodes.map((node) => {
    const mine = rows.filter((r) => r.node === node && r.state === 'STARTED');
    return {
      node,
      primaries: mine.filter((r) => r.prirep === 'p').length,
      replicas: mine.filter((r) => r.prirep === 'r').length,
      metaPrimary: mine.some((r) => r.index === metaIndex && r.prirep === 'p'),
    };
  });
}

/**
 * With three primaries per index on three nodes every node holds primaries, so the scenarios differ
 * in what else the node is. 'meta-primary': the node holding the primary of the meta index, the
 * state document every write and search reads first. 'other': a node that holds neither that
 * primary nor (where the layout allows) the elected cluster manager's role.
 */
export function chooseVictim(h: readonly NodeHoldings[], kind: 'other' | 'meta-primary', manager: string | null): NodeHoldings {
  if (kind === 'meta-primary') {
    const holder = h.find((n) => n.metaPrimary);
    if (!holder) throw new Error('no node holds the meta index primary');
    return holder;
  }
  const others = h.filter((n) => !n.metaPrimary);
  return others.find((n) => n.node !== manager) ?? others[0] ?? h[0]!;
}
