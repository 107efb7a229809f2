#!/usr/bin/env node
// `npm run engine`: builds (if needed) and starts one of PlanHub's search engines from Maven
// Central jars (see engine/README.md), then waits until the cluster is green: a real single-node
// OpenSearch 2.19.6 (engine/, the default) or Elasticsearch 9.5.3 (engine/elasticsearch/).
// Plain ESM JavaScript so it runs on Node 20 and 24 alike.
//
//   node bin/engine.js [start] [--foreground]   start (detached unless --foreground) and wait for green
//   node bin/engine.js stop                     stop the engine started from this checkout
//   node bin/engine.js status                   say whether an engine answers on the port
//   ... --kind opensearch|elasticsearch         which engine (or ENGINE_KIND); default opensearch
//   ... -- <launcher options>                   passed to the Java launcher (e.g. --setting key=value)
//
// Environment: ENGINE_KIND, ENGINE_PORT (9200 OpenSearch, 9201 Elasticsearch), ENGINE_DIR
// (<repo>/.engine, <repo>/.engine-es), JAVA_HOME (OpenSearch; else `java` on PATH), ES_JAVA_HOME
// (Elasticsearch; else the newest /usr/lib/jvm/temurin-2*, else JAVA_HOME), ENGINE_JAVA_OPTS
// (default "-Xms512m -Xmx1g"), ENGINE_TIMEOUT seconds to wait for green (180).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineKinds, javaMajor } from './engine-kinds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cliArgs = process.argv.slice(2);
const dashDash = cliArgs.indexOf('--');
const ownArgs = dashDash < 0 ? cliArgs : cliArgs.slice(0, dashDash);
const launcherArgs = dashDash < 0 ? [] : cliArgs.slice(dashDash + 1);
if (ownArgs.includes('--help') || ownArgs.includes('-h')) {
  // The usage is this file's opening comment.
  const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(text.slice(1, text.findIndex((l) => l.startsWith('import '))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const unknown = ownArgs.filter((a) => a.startsWith('-') && !['--kind', '--foreground'].includes(a) && !a.startsWith('--kind='));
if (unknown.length > 0) {
  console.error(`engine: unknown option ${unknown.join(' ')} (see node bin/engine.js --help; launcher options go after --)`);
  process.exit(2);
}
const kindIndex = ownArgs.findIndex((a) => a === '--kind' || a.startsWith('--kind='));
const kindName = kindIndex < 0
  ? process.env.ENGINE_KIND || 'opensearch'
  : ownArgs[kindIndex].includes('=') ? ownArgs[kindIndex].slice('--kind='.length) : ownArgs[kindIndex + 1];
const kinds = engineKinds(root, process.env);
const kind = kinds[kindName];
if (!kind) {
  console.error(`engine: unknown --kind "${kindName}" (use ${Object.keys(kinds).join(' or ')})`);
  process.exit(2);
}
const command = ownArgs.find((a, i) => !a.startsWith('-') && !(kindIndex >= 0 && i === kindIndex + 1)) ?? 'start';

const target = path.join(kind.project, 'target');
const buildStamp = path.join(target, '.planhub-built');
const mainClass = kind.mainClass;
const port = Number(process.env.ENGINE_PORT || kind.defaultPort);
const dir = path.resolve(process.env.ENGINE_DIR || kind.defaultDir);
const logFile = path.join(dir, 'engine.log');
const pidFile = path.join(dir, 'engine.pid');
const timeoutSeconds = Number(process.env.ENGINE_TIMEOUT || 180);
const javaHome = kind.javaHome();
const java = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
const base = `http://127.0.0.1:${port}`;
const stopHint = `node bin/engine.js stop${kindName === 'opensearch' ? '' : ` --kind ${kindName}`}`;

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
      return { status: res.status, headers: res.headers, body: JSON.parse(text) };
    } catch {
      return { status: res.status, headers: res.headers, body: null };
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
  const sources = Math.max(...kind.sources.map((s) => newestMtime(path.join(kind.project, s))));
  const built = fs.existsSync(buildStamp) && fs.existsSync(path.join(target, 'lib')) ? fs.statSync(buildStamp).mtimeMs : 0;
  if (built >= sources) return;
  const pom = path.join(kind.project, 'pom.xml');
  console.log(`engine: building the ${kind.label} launcher (mvn -q -f ${shown(pom)} package -DskipTests) ...`);
  const started = Date.now();
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', pom, 'package', '-DskipTests'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Maven compiles with the JDK the engine runs on (Elasticsearch's classes need 21+).
    env: javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env,
  });
  if (mvn.error) fail(`could not run mvn (${mvn.error.message}); install Maven 3.8+ and a JDK ${kind.minJava}+`);
  if (mvn.status !== 0) {
    // Maven's output only matters when it failed (with -q a good build prints nothing but colour resets).
    const output = `${mvn.stdout ?? ''}${mvn.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
    console.error(output);
    fail(`mvn package failed (exit ${mvn.status})`);
  }
  fs.writeFileSync(buildStamp, new Date().toISOString() + '\n');
  console.log(`engine: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Fails unless the JDK runs and is new enough for this kind; its major version otherwise. */
function checkJava() {
  const major = javaMajor(java);
  const where = kindName === 'elasticsearch' ? 'set ES_JAVA_HOME' : 'set JAVA_HOME';
  if (major === null) fail(`could not run ${java}; install a JDK ${kind.minJava}+ or ${where}`);
  if (major && major < kind.minJava) fail(`${kind.label} needs Java ${kind.minJava}+; ${java} is Java ${major} (${where})`);
  return major;
}

function jvmArgs(major) {
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
  args.push(...kind.jvmOptions(major));
  const classpath = [path.join(target, 'classes'), path.join(target, 'lib', '*')].join(path.delimiter);
  return [...args, '-cp', classpath, mainClass, '--port', String(port), '--dir', dir, ...launcherArgs];
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
    const cause = text.filter((l) => /^planhub-engine: \w+ failed/.test(l)).pop();
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
    `  The engine is left running so that you can; \`${stopHint}\` stops it.`);
}

/** What answers on the port: which product (this kind's or another), its version; null if nothing. */
async function running() {
  const res = await getJson('/');
  if (!res) return null;
  const other = Object.values(kinds).find((k) => k !== kind && k.isThis(res));
  const product = kind.isThis(res) ? kind.label : other ? other.label : 'something unknown';
  return { ours: kind.isThis(res), product, version: res.body?.version?.number };
}

async function start(foreground) {
  const current = await running();
  if (current) {
    if (!current.ours) fail(`${current.product} ${current.version ?? ''} already answers on ${base}, not ${kind.label}`.replace('  ', ' '));
    console.log(`engine: already running on ${base} (${current.product} ${current.version})`);
    process.exit(0);
  }
  const stale = readPid();
  if (stale && alive(stale) && isLauncher(stale)) {
    fail(`an engine (pid ${stale}) from ${pidFile} is running but does not answer on ${base}; ` +
      `it may be on another port or still starting: \`${stopHint}\` first`);
  }

  const major = checkJava();
  buildIfNeeded();
  fs.mkdirSync(dir, { recursive: true });
  const args = jvmArgs(major);
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
      console.log(`engine ready on ${base} (green, ${kind.label}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
  console.log(`engine: started ${kind.label} (pid ${child.pid}), logging to ${shown(logFile)}; waiting for green ...`);

  const result = await waitForGreen(child);
  if (result === 'green') {
    child.unref();
    console.log(`engine ready on ${base} (green, ${kind.label}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
  console.log(`engine: ${current.product} ${current.version ?? '?'} on ${base}, ` +
    `cluster ${health?.body?.status ?? 'unknown'}, pid ${readPid() ?? 'unknown'}` +
    (current.ours ? '' : ` (not ${kind.label}, which --kind asked for)`));
  process.exit(current.ours ? 0 : 1);
}

if (command === 'start') await start(ownArgs.includes('--foreground'));
else if (command === 'stop') await stop();
else if (command === 'status') await status();
else fail(`unknown command "${command}" (use start [--foreground], stop or status)`, 2);
