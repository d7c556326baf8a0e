/**
 * The shipped snapshot in data/register: small enough for the repository, intact, and plausible against DUO's own
 * totals (README of the shared data).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { leesSnapshot } from '../../src/modules/register/snapshot-format.js';
import { SNAPSHOT_DIR } from '../../src/modules/register/commands.js';
import { SOORTEN } from '../../src/modules/register/rules/soort.js';
import { isSwvCode } from '../../src/modules/register/rules/swv.js';

const MAX_BYTES = 5 * 1024 * 1024;

test('every file in data/register is below 5 MB', () => {
  const bestanden = fs.readdirSync(SNAPSHOT_DIR);
  assert.ok(bestanden.includes('manifest.json'));
  for (const f of bestanden) {
    const grootte = fs.statSync(path.join(SNAPSHOT_DIR, f)).size;
    assert.ok(grootte < MAX_BYTES, `${f} is ${grootte} bytes`);
  }
});

test('the snapshot is intact and consistent', () => {
  const { manifest, data } = leesSnapshot(SNAPSHOT_DIR); // checks sha256 of every file
  assert.equal(manifest.files.find((f) => f.table === 'vestiging')?.rows, data.vestigingen.length);
  assert.equal(manifest.files.find((f) => f.table === 'vestiging_leerlingen')?.rows, data.leerlingen.length);
  assert.match(manifest.sourcesDigest, /^[0-9a-f]{16}$/);
  assert.deepEqual(manifest.rejected, []);

  // 152 SWVs: 76 regional PO + PO0001, 74 regional VO + VO0001 (Regeling regio-indeling).
  assert.equal(data.swvs.length, 152);
  assert.equal(data.swvs.filter((s) => s.sector === 'po').length, 77);
  assert.equal(data.swvs.filter((s) => s.sector === 'vo').length, 75);
  assert.deepEqual(data.swvs.filter((s) => s.isLandelijk).map((s) => s.code), ['PO0001', 'VO0001']);
  assert.ok(data.swvs.every((s) => isSwvCode(s.code) && s.naam.length > 0));
  assert.equal(data.swvs.find((s) => s.code === 'PO2707')?.naam, 'Samenwerkingsverband PO Amsterdam, Diemen');
  const swvCodes = new Set(data.swvs.map((s) => s.code));

  assert.ok(data.pc4s.length >= 4046, `${data.pc4s.length} pc4`);
  for (const p of ['3197', '3198', '3199']) {
    const europoort = data.pc4s.find((x) => x.pc4 === p);
    assert.equal(europoort?.swvPo, null);
    assert.equal(europoort?.swvVo, null);
  }

  assert.ok(data.vestigingen.length > 8500 && data.vestigingen.length < 8800, `${data.vestigingen.length} vestigingen`);
  const codes = new Set(data.vestigingen.map((v) => v.code));
  assert.equal(codes.size, data.vestigingen.length, 'one row per vestigingscode');
  for (const v of data.vestigingen) {
    assert.ok(SOORTEN.includes(v.soort), `${v.code}: ${v.soort}`);
    for (const s of [v.swvPo, v.swvVo]) assert.ok(s === null || swvCodes.has(s), `${v.code}: ${s}`);
    for (const veld of [v.naam, v.straat, v.plaats, v.gemeente]) assert.ok(veld === null || veld === veld.trim(), `${v.code}: '${veld}'`);
  }
  // Location of the demo school and its SWV (src/demo uses it).
  const demo = data.vestigingen.find((v) => v.code === '08LE00');
  assert.equal(demo?.swvPo, 'PO2603');
  assert.equal(data.vestigingen.filter((v) => v.swvVo === 'VO0001').length >= 20, true, 'reformatorische VO schools via DUO vsv file');

  // `<5` is a flag, never a number; every count belongs to a vestiging in the snapshot.
  for (const l of data.leerlingen) {
    assert.ok(codes.has(l.vestigingCode), l.vestigingCode);
    assert.ok(l.isKlein ? l.aantal === null : l.aantal !== null && l.aantal > 0, JSON.stringify(l));
  }
  const jaren = new Set(data.leerlingen.map((l) => l.teljaar));
  for (let j = 2015; j <= 2025; j++) assert.ok(jaren.has(j), `teljaar ${j}`);
});

test('pupil totals match DUO’s national sums for 2024 (shared data README)', () => {
  const { data } = leesSnapshot(SNAPSHOT_DIR);
  const soort = new Map(data.vestigingen.map((v) => [v.code, v.soort]));
  const som = new Map<string, number>();
  for (const l of data.leerlingen) {
    if (l.teljaar !== 2024 || l.aantal === null) continue;
    const s = soort.get(l.vestigingCode)!;
    som.set(s, (som.get(s) ?? 0) + l.aantal);
  }
  // DUO: BO 1,354,181; SBO 32,611; SO 15,002; VSO 15,796; SO/VSO 44,441. Ours leaves out vestigingen closed by 2025.
  const duo: Record<string, number> = { bao: 1_354_181, sbo: 32_611, so: 15_002, vso: 15_796, 'so/vso': 44_441 };
  for (const [s, n] of Object.entries(duo)) {
    const ons = som.get(s) ?? 0;
    assert.ok(ons <= n && ons > n * 0.99, `${s}: ${ons} vs DUO ${n}`);
  }
});
