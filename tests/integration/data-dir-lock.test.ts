import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../services/db/data-dir-lock.ts';

describe('the embedded store lock', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'planhub-lock-'));

  it('keeps a second process out while the first lives, naming it', async () => {
    const d = dir();
    const other = spawn('sleep', ['10']);
    try {
      fs.writeFileSync(path.join(d, 'planhub.lock'), String(other.pid));
      expect(() => lockDataDir(d)).toThrow(new RegExp(`in use by process ${other.pid}.*DATABASE_URL`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that died, and releases it', async () => {
    const d = dir();
    const dead = spawn('true');
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(path.join(d, 'planhub.lock'), String(dead.pid));
    const release = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, 'planhub.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(d, 'planhub.lock'))).toBe(false);
  });
});
