#!/usr/bin/env node
// Runs the whole test suite with node:test (Node 20's --test does not expand globs, so we list the files).
// Unit and integration tests run first, then the browser tests (they start their own server).
// Usage: node scripts/run-tests.mjs [--only unit|browser] [file filter]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : null;
const filter = args.filter((a, i) => !a.startsWith('--') && i !== onlyIdx + 1)[0];

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : find(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const all = [...find('src'), ...find('test')].sort().filter((f) => !filter || f.includes(filter));
const browser = all.filter((f) => f.startsWith(path.join('test', 'browser')));
const rest = all.filter((f) => !browser.includes(f));
const groups = only === 'browser' ? [browser] : only === 'unit' ? [rest] : [rest, browser];

let status = 0;
for (const files of groups) {
  if (files.length === 0) continue;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
