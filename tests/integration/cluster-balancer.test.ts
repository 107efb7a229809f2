/**
 * The cluster benchmark's balancer (tests/bench/cluster/balancer.ts) in front of the tests'
 * OpenSearch node and a port where nothing listens (a dead node): requests go on to the live
 * node, nothing but refused connections is resent, and index creations get the cluster's shard
 * layout while every other request passes unchanged.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer, withShards, type Balancer } from '../bench/cluster/balancer.ts';
import { OPENSEARCH_URL, newIndexPrefix, openSearchAvailable } from '../helpers/engines.ts';

/** A loopback port nobody listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('withShards', () => {
  const body = Buffer.from(JSON.stringify({ settings: { number_of_shards: 1, number_of_replicas: 0, gc_deletes: '0s' }, mappings: {} }));

  it('sets the shard and replica counts of an index creation, and keeps the other settings', () => {
    const out = JSON.parse(withShards('PUT', '/planhub-project-v1', body, 3, 1)!.toString()) as { settings: object };
    expect(out.settings).toEqual({ number_of_shards: 3, number_of_replicas: 1, gc_deletes: '0s' });
  });

  it('leaves APIs, other methods and settings updates alone', () => {
    expect(withShards('PUT', '/planhub-project-v1/_settings', body, 3, 1)).toBeNull();
    expect(withShards('POST', '/planhub-project-v1', body, 3, 1)).toBeNull();
    expect(withShards('PUT', '/_bulk', body, 3, 1)).toBeNull();
    expect(withShards('PUT', '/planhub-meta/_doc/state', body, 3, 1)).toBeNull();
    expect(withShards('PUT', '/planhub-x', Buffer.from('{"aliases":{}}'), 3, 1)).toBeNull();
  });
});

describe.runIf(openSearchAvailable)('the cluster balancer, live', () => {
  const live = Number(new URL(OPENSEARCH_URL).port || 9200);
  let balancer: Balancer;
  const prefix = newIndexPrefix();

  beforeAll(async () => {
    const dead = await deadPort();
    const nodes = [
      { name: 'dead', httpPort: dead, transportPort: 0 },
      { name: 'live', httpPort: live, transportPort: 0 },
    ];
    balancer = await startBalancer(nodes, { port: 0, shards: 3, replicas: 1 });
  });
  afterAll(async () => {
    await fetch(`${OPENSEARCH_URL}/${prefix}-*`, { method: 'DELETE' });
    await balancer?.close();
  });

  it('sends every request to the live node when the other one refuses', async () => {
    for (let i = 0; i < 4; i += 1) {
      const res = await fetch(`${balancer.url}/_cluster/health`, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { cluster_name: string }).cluster_name).toBeTruthy();
    }
    // Round robin: two of the four started at the dead node and went on.
    expect(balancer.stats).toMatchObject({ requests: 4, failovers: 2, badGateway: 0 });
  });

  it('creates indices with the cluster\'s shard layout', async () => {
    const index = `${prefix}-docs-v1`;
    const res = await fetch(`${balancer.url}/${index}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { number_of_shards: 1, number_of_replicas: 0 } }),
      signal: AbortSignal.timeout(30_000),
    });
    expect(res.status).toBe(200);
    const settings = (await (await fetch(`${OPENSEARCH_URL}/${index}/_settings`)).json()) as Record<string, { settings: { index: { number_of_shards: string; number_of_replicas: string } } }>;
    expect(settings[index]!.settings.index).toMatchObject({ number_of_shards: '3', number_of_replicas: '1' });
    expect(balancer.stats.indexSettingsRewritten).toBe(1);
  });

  it('answers 502 at once, in the engine\'s error shape, when no node accepts', async () => {
    const nowhere = await startBalancer([{ name: 'dead', httpPort: await deadPort(), transportPort: 0 }], { port: 0, shards: 3, replicas: 1 });
    try {
      const t = performance.now();
      const res = await fetch(`${nowhere.url}/_search`, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('bad_gateway');
      expect(performance.now() - t).toBeLessThan(5000);
    } finally {
      await nowhere.close();
    }
  });
});
