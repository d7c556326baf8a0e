/**
 * The embedded database under stress: kill -9 during writes loses no acknowledged write and restarts cleanly; a
 * second process on the same directory is refused at once with a Dutch message while the first keeps serving;
 * SIGTERM shuts down cleanly (lock released, restart works).
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/platform/db/open.js';
import { rows } from '../../src/platform/db/client.js';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-dur-'));
  tmpDirs.push(d);
  return d;
}
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function waitFor(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${pattern}; output: ${out.slice(-2000)}`)), timeoutMs);
    const on = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before ${pattern}: ${out.slice(-2000)}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('embedded database durability [pglite]', () => {
  it('kill -9 during writes: no acknowledged write is lost and every restart is clean (5 rounds)', async () => {
    const dir = path.join(tmpDir(), 'pglite');
    const acked: string[] = [];
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/writer.ts', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buffer = '';
      let roundAcks = 0;
      const target = 20 + Math.floor(Math.random() * 60);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`writer gave ${roundAcks} acks in time`)), 60_000);
        child.stderr!.on('data', (d: Buffer) => { buffer += ''; process.stderr.write(d); });
        child.stdout!.on('data', (d: Buffer) => {
          buffer += d.toString();
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line.startsWith('ack ')) {
              acked.push(line.slice(4));
              roundAcks += 1;
              if (roundAcks === target) {
                clearTimeout(timer);
                child.kill('SIGKILL');
                resolve();
              }
            }
          }
        });
      });
      await exited(child);
    }
    // Reopen (this also proves the stale lock of a killed process is taken over) and check every ack.
    const db = await openDatabase({ dataDir: dir });
    try {
      const found = await db.withTenant({ swvId: 'POTKILL9', userId: null }, (tx) => rows<{ id: string }>(tx, sql`select id from leerling`));
      const ids = new Set(found.map((r) => r.id));
      const lost = acked.filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged writes lost`);
      assert.ok(acked.length >= 100);
    } finally {
      await db.close();
    }
  });

  it('a second process on the same directory is refused at once in Dutch; the first keeps serving; SIGTERM is clean', async () => {
    const data = tmpDir();
    const [port1, port2] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, PASSEND_DATA_DIR: data, PASSEND_REGISTER_IMPORT: 'false', PASSEND_DEMO: 'false', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    const first = spawn(process.execPath, ['bin/passend.mjs', 'start'], { env: { ...env, PORT: String(port1) }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await waitFor(first, /Passend draait op/, 120_000);
      const started = performance.now();
      const second = spawn(process.execPath, ['bin/passend.mjs', 'start'], { env: { ...env, PORT: String(port2) }, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      second.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
      const code = await exited(second);
      const ms = performance.now() - started;
      assert.equal(code, 2);
      assert.match(err, /al in gebruik door een ander Passend-proces/);
      // The brief's requirement "refused within a second" (a behaviour with a deadline, not a benchmark).
      assert.ok(ms < 1000, `refused after ${Math.round(ms)} ms`);
      const health = await fetch(`http://127.0.0.1:${port1}/gezondheid`);
      assert.equal(health.status, 200, 'the first process keeps serving');
      first.kill('SIGTERM');
      assert.equal(await exited(first), 0, 'clean exit on SIGTERM');
      assert.equal(fs.existsSync(path.join(data, 'pglite.lock')), false, 'lock released');
      // And it starts again on the same directory.
      const again = spawn(process.execPath, ['bin/passend.mjs', 'start'], { env: { ...env, PORT: String(port2) }, stdio: ['ignore', 'pipe', 'pipe'] });
      await waitFor(again, /Passend draait op/, 120_000);
      again.kill('SIGINT');
      assert.equal(await exited(again), 0);
    } finally {
      if (first.exitCode === null) first.kill('SIGKILL');
    }
  });

  it('an interrupted first initdb (directory without PG_VERSION) is started over without manual steps', async () => {
    const dir = path.join(tmpDir(), 'pglite');
    fs.mkdirSync(path.join(dir, 'base'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'base', 'half'), 'x');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    assert.ok(fs.existsSync(path.join(dir, 'PG_VERSION')));
  });
});
