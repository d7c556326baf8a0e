/**
 * Builds the register snapshot in data/register from the DUO/CBS files.
 *
 *   npx tsx scripts/build-register-snapshot.ts [sharedDataDir=../shared/data] [outDir=data/register]
 *
 * Deterministic: run it twice on the same inputs and the bytes are the same (test/register/snapshot-build.test.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bouwSnapshot } from '../src/modules/register/snapshot-format.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bronDir = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared', 'data'));
const uitDir = path.resolve(process.argv[3] ?? path.join(repo, 'data', 'register'));

const start = performance.now();
const { manifest } = bouwSnapshot(bronDir, uitDir);
console.log(`Registersnapshot gebouwd in ${uitDir} (${Math.round(performance.now() - start)} ms), kenmerk ${manifest.sourcesDigest}`);
for (const f of manifest.files) console.log(`  ${f.file.padEnd(28)} ${String(f.rows).padStart(7)} rijen ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB`);
console.log(`Bronnen: ${manifest.sources.map((s) => s.file).join(', ')}`);
for (const n of manifest.notes) console.log(`  - ${n}`);
if (manifest.rejected.length) {
  console.log(`Afgewezen regels: ${manifest.rejected.length}`);
  for (const a of manifest.rejected.slice(0, 20)) console.log(`  ${a.bestand}:${a.regel} ${a.reden}`);
}
