#!/usr/bin/env node
// `npm run engine`: builds (if needed) and starts PlanHub's search engine, a real single-node
// OpenSearch 2.19.6 run from Maven Central jars by engine/ (see engine/README.md), then waits
// until the cluster is green. Plain ESM JavaScript so it runs on Node 20 and 24 alike.
//
//   node bin/engine.js [start] [--foreground]   start (detached unless --foreground) and wait for green
//   node bin/engine.js stop                     stop the engine started from this checkout
//   node bin/engine.js status                   say whether an engine answers on the port
//
// Environment: ENGINE_PORT (9200), ENGINE_DIR (<repo>/.engine), JAVA_HOME (else `java` on PATH),
// ENGINE_JAVA_OPTS (default "-Xms512m -Xmx1g"), ENGINE_TIMEOUT seconds to wait for green (180).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engineSrc = path.join(root, 'engine');
const target = path.join(engineSrc, 'target');
const buildStamp = path.join(target, '.planhub-built');
const mainClass = 'planhub.engine.OpenSearchLauncher';

const port = Number(process.env.ENGINE_PORT || 9200);
const dir = path.resolve(process.env.ENGINE_DIR || path.join(root, '.engine'));
const logFile = path.join(dir, 'engine.log');
const pidFile = path.join(dir, 'engine.pid');
const timeoutSeconds = Number(process.env.ENGINE_TIMEOUT || 180);
const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const base = `http://127.0.0.1:${port}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message, code = 1) {
  console.error(`engine: ${message}`);
  process.exit(code);
}

/** GET a JSON document from the engine, or null when nothing answers. */
async function getJson(pathAndQuery, timeoutMs = 3000) {
  try {
    const res = await fetch(base + pathAndQuery, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: null };
    }
  } catch {
    return null;
  }
}

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildIfNeeded() {
  const sources = Math.max(newestMtime(path.join(engineSrc, 'pom.xml')), newestMtime(path.join(engineSrc, 'src')));
  const built = fs.existsSync(buildStamp) && fs.existsSync(path.join(target, 'lib')) ? fs.statSync(buildStamp).mtimeMs : 0;
  if (built >= sources) return;
  console.log('engine: building the launcher (mvn -q -f engine/pom.xml package -DskipTests) ...');
  const started = Date.now();
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', path.join(engineSrc, 'pom.xml'), 'package', '-DskipTests'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  });
  if (mvn.error) fail(`could not run mvn (${mvn.error.message}); install Maven 3.8+ and a JDK 17+`);
  if (mvn.status !== 0) {
    // Maven's output only matters when it failed (with -q a good build prints nothing but colour resets).
    const output = `${mvn.stdout ?? ''}${mvn.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
    console.error(output);
    fail(`mvn package failed (exit ${mvn.status})`);
  }
  fs.writeFileSync(buildStamp, new Date().toISOString() + '\n');
  console.log(`engine: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The JVM's major version, or 0 when it cannot be told. */
function javaMajor() {
  const out = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (out.error) fail(`could not run ${java} (${out.error.message}); install a JDK 17+ or set JAVA_HOME`);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr || '');
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

function jvmArgs() {
  const major = javaMajor();
  if (major && major < 11) fail(`OpenSearch 2.19 needs Java 11+ (17 recommended); ${java} is Java ${major}`);
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const args = (process.env.ENGINE_JAVA_OPTS || '-Xms512m -Xmx1g').split(/\s+/).filter(Boolean);
  // The options OpenSearch's own jvm.options would give it (those that matter outside its tarball).
  args.push(
    '-Dfile.encoding=UTF-8',
    '-Djava.awt.headless=true',
    '-Djna.nosys=true',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UseG1GC',
    `-Djava.io.tmpdir=${tmp}`,
  );
  // OpenSearch 2.x parses dates with the JDK's COMPAT locale data; COMPAT is gone from JDK 23.
  if (major && major < 21) args.push('-Djava.locale.providers=SPI,COMPAT');
  const classpath = [path.join(target, 'classes'), path.join(target, 'lib', '*')].join(path.delimiter);
  return [...args, '-cp', classpath, mainClass, '--port', String(port), '--dir', dir];
}

function readPid() {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True when pid is (still) our launcher, not an unrelated process that reused the number. */
function isLauncher(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mainClass);
  } catch {
    return alive(pid); // no /proc (not Linux): trust the pid file
  }
}

/** The log's last lines, then the launcher's own failure line (which a stack trace may have pushed out). */
function logTail(lines = 40) {
  try {
    const text = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
    const cause = text.filter((l) => /^planhub-engine: OpenSearch failed/.test(l)).pop();
    return text.slice(-lines).join('\n') + (cause ? `\n--\n${cause}` : '');
  } catch {
    return '(no log)';
  }
}

const shown = (p) => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);

/**
 * Waits until the cluster is green. Resolves 'green'; { replicas: [...] } when it has settled at
 * yellow only because indices ask for replicas that one node can never hold; or a reason string.
 */
async function waitForGreen(child) {
  let exited = null;
  child?.on('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `exit code ${code}`));
  const deadline = Date.now() + timeoutSeconds * 1000;
  let settledYellowSince = 0;
  while (Date.now() < deadline) {
    if (exited) return `the JVM ended (${exited}) before the cluster was green`;
    const health = await getJson('/_cluster/health?wait_for_status=green&timeout=1s', 5000);
    const h = health?.body;
    if (h?.status === 'green') return 'green';
    if (!health) {
      await sleep(500);
      continue;
    }
    // Yellow with nothing left to recover: unassigned replicas that will never find a second node.
    const settled = h?.status === 'yellow' && h.initializing_shards === 0 && h.relocating_shards === 0 &&
      h.delayed_unassigned_shards === 0 && h.unassigned_shards > 0 && h.active_shards_percent_as_number > 0;
    if (!settled) settledYellowSince = 0;
    else if (!settledYellowSince) settledYellowSince = Date.now();
    else if (Date.now() - settledYellowSince > 15000) {
      const cat = await getJson('/_cat/indices?health=yellow&h=index,rep&format=json');
      return { replicas: Array.isArray(cat?.body) ? cat.body : [] };
    }
  }
  return `the cluster was not green within ${timeoutSeconds} s`;
}

function explainReplicas(result) {
  const list = result.replicas.map((i) => `${i.index} (number_of_replicas ${i.rep})`).join(', ') || 'some indices';
  console.error(`engine: the cluster stays yellow because these indices ask for replicas, which a single node can never hold: ${list}.\n` +
    `  Fix: curl -XPUT '${base}/_all/_settings' -H 'Content-Type: application/json' -d '{"index":{"number_of_replicas":0}}'\n` +
    `  The engine is left running so that you can; \`node bin/engine.js stop\` stops it.`);
}

async function running() {
  const res = await getJson('/');
  if (!res) return null;
  const version = res.body?.version;
  return { opensearch: Boolean(version?.number), version: version?.number, distribution: version?.distribution };
}

async function start(foreground) {
  const current = await running();
  if (current) {
    if (!current.opensearch) fail(`something that is not OpenSearch already answers on ${base}`);
    console.log(`engine: already running on ${base} (${current.distribution ?? 'opensearch'} ${current.version})`);
    process.exit(0);
  }
  const stale = readPid();
  if (stale && alive(stale) && isLauncher(stale)) {
    fail(`an engine (pid ${stale}) from ${pidFile} is running but does not answer on ${base}; ` +
      `it may be on another port or still starting: \`node bin/engine.js stop\` first`);
  }

  buildIfNeeded();
  fs.mkdirSync(dir, { recursive: true });
  const args = jvmArgs();
  const started = Date.now();

  if (foreground) {
    const child = spawn(java, args, { cwd: root, stdio: 'inherit' });
    fs.writeFileSync(pidFile, `${child.pid}\n`);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGTERM'));
    child.on('exit', (code, signal) => {
      if (readPid() === child.pid) fs.rmSync(pidFile, { force: true });
      process.exit(signal ? 0 : code ?? 1);
    });
    const result = await waitForGreen(child);
    if (result === 'green') {
      console.log(`engine ready on ${base} (green) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else if (result.replicas) {
      explainReplicas(result);
    } else {
      console.error(`engine: ${result}`);
    }
    return; // keep running until the JVM exits
  }

  const log = fs.openSync(logFile, 'w');
  const child = spawn(java, args, { cwd: root, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  console.log(`engine: started pid ${child.pid}, logging to ${shown(logFile)}; waiting for green ...`);

  const result = await waitForGreen(child);
  if (result === 'green') {
    child.unref();
    console.log(`engine ready on ${base} (green) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  }
  if (result.replicas) {
    child.unref();
    explainReplicas(result);
    process.exit(1);
  }
  console.error(`engine: ${result}; last lines of ${logFile}:\n${logTail()}`);
  if (alive(child.pid)) {
    console.error(`engine: stopping pid ${child.pid}`);
    await stopPid(child.pid);
  }
  fs.rmSync(pidFile, { force: true });
  process.exit(1);
}

async function stopPid(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return true;
  }
  for (let i = 0; i < 120; i++) {
    if (!alive(pid)) return true;
    await sleep(250);
  }
  console.error(`engine: pid ${pid} did not stop within 30 s; killing it`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await sleep(500);
  return !alive(pid);
}

async function stop() {
  const pid = readPid();
  if (!pid) {
    const current = await running();
    console.log(current
      ? `engine: no ${shown(pidFile)}; the engine on ${base} was not started from here, leaving it`
      : 'engine: not running');
    process.exit(0);
  }
  if (!alive(pid) || !isLauncher(pid)) {
    fs.rmSync(pidFile, { force: true });
    console.log(`engine: not running (removed stale pid file for pid ${pid})`);
    process.exit(0);
  }
  const stopped = await stopPid(pid);
  fs.rmSync(pidFile, { force: true });
  if (!stopped) fail(`pid ${pid} is still alive`);
  console.log(`engine: stopped (pid ${pid})`);
  process.exit(0);
}

async function status() {
  const current = await running();
  if (!current) {
    console.log(`engine: nothing answers on ${base}`);
    process.exit(1);
  }
  const health = await getJson('/_cluster/health');
  console.log(`engine: ${current.distribution ?? '?'} ${current.version ?? '?'} on ${base}, ` +
    `cluster ${health?.body?.status ?? 'unknown'}, pid ${readPid() ?? 'unknown'}`);
  process.exit(0);
}

const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-')) ?? 'start';
if (command === 'start') await start(args.includes('--foreground'));
else if (command === 'stop') await stop();
else if (command === 'status') await status();
else fail(`unknown command "${command}" (use start [--foreground], stop or status)`, 2);
