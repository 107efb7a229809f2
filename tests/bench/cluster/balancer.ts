/**
 * A loopback HTTP balancer in front of the cluster's nodes, because PlanHub's cluster client takes
 * one SEARCH_URL (indexers/engines/opensearch/opensearch-engine.ts: `new Client({ node: url })`):
 * pointed at one node, PlanHub would lose search with that node. Round robin over the nodes; a
 * node that refuses the connection is skipped and the request goes to the next (nothing was sent,
 * so this is safe for any request); any other failure (a connection that breaks, a timeout)
 * answers 502, which the client retries (`maxRetries: 2`), as it would behind any load balancer.
 *
 * It also stands in for an index-settings option PlanHub lacks: index-definitions.ts sends
 * `number_of_shards: 1, number_of_replicas: 0` with every index it creates, and settings in a
 * create request win over index templates. So a create-index request (`PUT /<index>` with
 * `settings`) has those two values replaced by the cluster's (topology.ts); nothing else is touched,
 * and every rewrite is counted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClusterNode } from './topology.ts';

export interface BalancerStats {
  requests: number;
  /** Requests that found a node refusing and went on to the next one. */
  failovers: number;
  /** Requests answered 502: every node refused, or the connection broke mid-request. */
  badGateway: number;
  /** Create-index requests whose shard and replica counts were set to the cluster's. */
  indexSettingsRewritten: number;
}

export interface Balancer {
  url: string;
  stats: BalancerStats;
  close(): Promise<void>;
}

const UPSTREAM_TIMEOUT_MS = 60_000;

/** `PUT /<index>` (one path segment, not an API like `/_bulk`) with a settings object. */
export function withShards(method: string, url: string, body: Buffer, shards: number, replicas: number): Buffer | null {
  const pathname = url.split('?')[0]!;
  if (method !== 'PUT' || !/^\/[^/_][^/]*$/.test(pathname) || body.length === 0) return null;
  let json: { settings?: Record<string, unknown> };
  try {
    json = JSON.parse(body.toString('utf8')) as typeof json;
  } catch {
    return null; // not ours to judge: the node answers it
  }
  if (!json.settings) return null;
  json.settings = { ...json.settings, number_of_shards: shards, number_of_replicas: replicas };
  return Buffer.from(JSON.stringify(json));
}

export async function startBalancer(
  nodes: readonly ClusterNode[],
  opts: { port: number; shards: number; replicas: number },
): Promise<Balancer> {
  const stats: BalancerStats = { requests: 0, failovers: 0, badGateway: 0, indexSettingsRewritten: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let next = 0;

  function forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) {
    const first = next++ % nodes.length;
    const tryNode = (attempt: number) => {
      if (attempt >= nodes.length) {
        stats.badGateway += 1;
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'bad_gateway', reason: 'no node of the cluster accepted the connection' }, status: 502 }));
        return;
      }
      const node = nodes[(first + attempt) % nodes.length]!;
      const headers = { ...req.headers, host: `127.0.0.1:${node.httpPort}`, 'content-length': String(body.length) };
      const up = http.request(
        { host: '127.0.0.1', port: node.httpPort, method: req.method, path: req.url, headers, agent, timeout: UPSTREAM_TIMEOUT_MS },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          upRes.on('error', () => res.destroy());
        },
      );
      up.on('timeout', () => up.destroy(new Error('upstream timeout')));
      up.on('error', (err: NodeJS.ErrnoException) => {
        if (res.headersSent) return res.destroy();
        // Refused: nothing reached that node, so the next one may have the request.
        if (err.code === 'ECONNREFUSED') {
          stats.failovers += 1;
          return tryNode(attempt + 1);
        }
        stats.badGateway += 1;
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'bad_gateway', reason: `${node.name}: ${err.message}` }, status: 502 }));
      });
      up.end(body);
    };
    tryNode(0);
  }

  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Buffer = Buffer.concat(chunks);
      const rewritten = withShards(req.method ?? 'GET', req.url ?? '/', body, opts.shards, opts.replicas);
      if (rewritten) {
        stats.indexSettingsRewritten += 1;
        body = rewritten;
      }
      forward(req, res, body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
