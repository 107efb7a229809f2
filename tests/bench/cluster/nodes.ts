/**
 * Starts, kills and restarts the cluster's JVMs (the launcher of engine/ or engine/elasticsearch/,
 * one process per node), and asks the cluster how it is. Every request has a timeout; nothing here
 * waits forever.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_HEAP, clusterNodes, launcherArgs, type ClusterNode, type EngineKind } from './topology.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * How bin/engine.js runs each kind (bin/engine-kinds.js has the reasons): its build, launcher class,
 * JDK and the distribution's JVM options that matter outside its tarball.
 */
export const LAUNCH: Record<EngineKind, { target: string; mainClass: string; java: string; jvmOptions: string[] }> = {
  opensearch: {
    target: path.join(ROOT, 'engine/target'),
    mainClass: 'planhub.engine.OpenSearchLauncher',
    java: process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java',
    // Java 17 here: OpenSearch 2.x parses dates with the COMPAT locale data.
    jvmOptions: ['-Djava.locale.providers=SPI,COMPAT'],
  },
  elasticsearch: {
    target: path.join(ROOT, 'engine/elasticsearch/target'),
    mainClass: 'planhub.engine.elasticsearch.ElasticsearchLauncher',
    // Elasticsearch 9 needs Java 21+; the machine's default is 17.
    java: path.join(process.env.ES_JAVA_HOME ?? '/usr/lib/jvm/temurin-25-jdk-amd64', 'bin/java'),
    jvmOptions: ['--enable-native-access=ALL-UNNAMED', '--add-modules=jdk.incubator.vector'],
  },
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Health {
  status: 'green' | 'yellow' | 'red';
  number_of_nodes: number;
  unassigned_shards: number;
  initializing_shards: number;
  relocating_shards: number;
}

export interface RunningCluster {
  kind: EngineKind;
  nodes: readonly ClusterNode[];
  /** Starts the node (again, on its own data folder); resolves when its JVM has been spawned. */
  start(node: ClusterNode): void;
  /** SIGKILL: no shutdown hook, no goodbye to the cluster. Resolves when the process is gone. */
  kill(node: ClusterNode): Promise<void>;
  /** Stops every node this process started (SIGTERM, then SIGKILL after 20 s). */
  stopAll(): Promise<void>;
  /** GET a JSON document from any node that answers (null when none does). */
  get<T>(pathAndQuery: string, timeoutMs?: number): Promise<T | null>;
  /** Any other request to the first running node that answers; its status (0 when none answered). */
  request(method: string, pathAndQuery: string, timeoutMs?: number): Promise<number>;
  /** Waits until the health has `nodes` nodes and this status; throws after timeoutMs. */
  waitFor(status: 'green' | 'yellow', nodes: number, timeoutMs: number): Promise<Health>;
  /** Where node's log goes. */
  logOf(node: ClusterNode): string;
}

export function startCluster(kind: EngineKind, baseDir: string): RunningCluster {
  const launch = LAUNCH[kind];
  const nodes = clusterNodes(kind);
  const classpath = [path.join(launch.target, 'classes'), path.join(launch.target, 'lib/*')].join(path.delimiter);
  if (!fs.existsSync(path.join(launch.target, 'classes'))) throw new Error(`${launch.target} is missing: build it first (bin/engine.js --kind ${kind} does)`);
  const procs = new Map<string, ChildProcess>();
  const dirOf = (node: ClusterNode) => path.join(baseDir, node.name);
  const logOf = (node: ClusterNode) => path.join(dirOf(node), 'engine.log');

  function start(node: ClusterNode) {
    if (procs.has(node.name)) throw new Error(`${node.name} is already running`);
    const dir = dirOf(node);
    fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
    const log = fs.openSync(logOf(node), 'a');
    // The JVM options bin/engine.js gives a single node.
    const args = [
      `-Xms${NODE_HEAP}`, `-Xmx${NODE_HEAP}`, '-Dfile.encoding=UTF-8', '-Djava.awt.headless=true', '-Djna.nosys=true',
      '-XX:-OmitStackTraceInFastThrow', '-XX:+UseG1GC', `-Djava.io.tmpdir=${path.join(dir, 'tmp')}`,
      ...launch.jvmOptions,
      '-cp', classpath, launch.mainClass, ...launcherArgs(node, dir, nodes),
    ];
    const child = spawn(launch.java, args, { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    procs.set(node.name, child);
    child.on('exit', () => {
      if (procs.get(node.name) === child) procs.delete(node.name);
    });
  }

  async function kill(node: ClusterNode) {
    const child = procs.get(node.name);
    if (!child) throw new Error(`${node.name} is not running`);
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  async function stopAll() {
    const all = [...procs.values()];
    await Promise.all(
      all.map(async (child) => {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await gone;
        clearTimeout(timer);
      }),
    );
  }

  async function get<T>(pathAndQuery: string, timeoutMs = 3000): Promise<T | null> {
    for (const node of nodes) {
      if (!procs.has(node.name)) continue;
      try {
        const res = await fetch(`http://127.0.0.1:${node.httpPort}${pathAndQuery}`, { signal: AbortSignal.timeout(timeoutMs) });
        if (res.ok) return (await res.json()) as T;
      } catch {
        // not up (yet), or just killed: ask the next node
      }
    }
    return null;
  }

  async function request(method: string, pathAndQuery: string, timeoutMs = 30_000): Promise<number> {
    for (const node of nodes) {
      if (!procs.has(node.name)) continue;
      try {
        const res = await fetch(`http://127.0.0.1:${node.httpPort}${pathAndQuery}`, { method, signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        return res.status;
      } catch {
        // ask the next node
      }
    }
    return 0;
  }

  async function waitFor(status: 'green' | 'yellow', nodes: number, timeoutMs: number): Promise<Health> {
    const deadline = Date.now() + timeoutMs;
    let last: Health | null = null;
    while (Date.now() < deadline) {
      last = await get<Health>(`/_cluster/health?wait_for_status=${status}&wait_for_nodes=${nodes}&timeout=2s`, 5000);
      const ok = last && last.number_of_nodes === nodes && (last.status === 'green' || (status === 'yellow' && last.status === 'yellow'));
      if (ok) return last!;
      await sleep(200);
    }
    throw new Error(`cluster not ${status} with ${nodes} nodes after ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
  }

  return { kind, nodes, start, kill, stopAll, get, request, waitFor, logOf };
}
