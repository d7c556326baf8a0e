/**
 * Rebuilding the snapshot from the shared DUO/CBS files gives the committed bytes, and our SWV derivation agrees with
 * the derivation documented in the shared data. Needs ../shared/data next to the repository: on a fresh clone
 * without it, the tests are skipped with the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bouwSnapshot, leesSnapshot } from '../../src/modules/register/snapshot-format.js';
import { SNAPSHOT_DIR } from '../../src/modules/register/commands.js';
import { leesBestand } from '../../src/modules/register/bestanden.js';
import { parseDsv } from '../../src/modules/register/rules/csv.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(repo, '..', 'shared', 'data');
const skip = fs.existsSync(path.join(SHARED, 'duo')) ? false : `${SHARED} ontbreekt (alleen aanwezig in de ontwikkelomgeving)`;

test('rebuilding the snapshot from ../shared/data gives byte-identical files', { skip }, () => {
  const uit = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-register-'));
  try {
    const { geschreven } = bouwSnapshot(SHARED, uit);
    const namen = geschreven.map((p) => path.basename(p)).sort();
    assert.deepEqual(namen, fs.readdirSync(SNAPSHOT_DIR).sort());
    for (const naam of namen) {
      assert.ok(fs.readFileSync(path.join(uit, naam)).equals(fs.readFileSync(path.join(SNAPSHOT_DIR, naam))), `${naam} differs: run scripts/build-register-snapshot.ts`);
    }
  } finally {
    fs.rmSync(uit, { recursive: true, force: true });
  }
});

test('derived SWVs agree with the documented derivation (schoolvestigingen_swv_afgeleid_2024.csv)', { skip }, () => {
  const { data } = leesSnapshot(SNAPSHOT_DIR);
  const [kop, ...rijen] = parseDsv(leesBestand(SHARED, 'duo/schoolvestigingen_swv_afgeleid_2024.csv').tekst, ',').map((r) => r.velden);
  const i = (k: string) => kop!.indexOf(k);
  const afgeleid = new Map(rijen.map((r) => [r[i('vestigingscode')]!, { soort: r[i('schoolsoort')]!, po: r[i('swv_po_afgeleid')]!, vo: r[i('swv_vo_afgeleid')]! }]));
  let vergeleken = 0;
  let gelijk = 0;
  for (const v of data.vestigingen) {
    const a = afgeleid.get(v.code);
    // Only where both use the same rule: same soort, and not a VO school whose SWV comes from DUO's vsv list.
    if (!a || a.soort !== v.soort || v.soort === 'vo') continue;
    vergeleken++;
    if ((v.swvPo ?? '') === a.po && (v.swvVo ?? '') === a.vo) gelijk++;
  }
  assert.ok(vergeleken > 6000, `${vergeleken} compared`);
  // Differences come only from newer DUO addresses (a school that moved to another area).
  assert.ok(gelijk / vergeleken > 0.99, `${gelijk}/${vergeleken} equal`);
});
