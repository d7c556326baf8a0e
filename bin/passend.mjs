#!/usr/bin/env node
// The `passend` command: runs the TypeScript CLI through tsx (no build step).
//
// Before loading anything heavy, a second process on a PGlite directory that another live Passend process owns
// is refused at once with a Dutch message (the lock file holds the owner's pid). The real lock is still taken
// with O_EXCL in src/platform/db/open.ts; this only makes the refusal immediate.
import fs from 'node:fs';
import path from 'node:path';

const command = process.argv[2];
if (['start', 'migrate', 'backup', 'restore', 'import-duo', 'create-user', 'verify-audit'].includes(command) && !process.env.DATABASE_URL) {
  const dir = path.resolve(process.env.PASSEND_DATA_DIR || './data', 'pglite');
  let pid = NaN;
  try {
    pid = Number.parseInt(fs.readFileSync(`${dir}.lock`, 'utf8').trim(), 10);
  } catch {
    // no lock file: nobody owns the directory
  }
  let alive = false;
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (err) {
      alive = err.code === 'EPERM';
    }
  }
  if (alive) {
    process.stderr.write(
      `De database in ${dir} is al in gebruik door een ander Passend-proces (pid ${pid}). ` +
        'Stop dat proces eerst, of gebruik een andere map met PASSEND_DATA_DIR.\n',
    );
    process.exit(2);
  }
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
