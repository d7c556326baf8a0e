/**
 * `passend import-duo` on a small directory in DUO's own formats (test/register/fixtures/duo-map: Windows-1252 + CRLF,
 * faults listed in fixtures/README.md). On PostgreSQL the shared database holds the real register, so the import runs
 * in a transaction that is rolled back: the fixture's few rows must never rename real SWVs there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { databaseKinds, openTestDatabase } from '../support/db.js';
import { rows, type Tx } from '../../src/platform/db/client.js';
import { AppError } from '../../src/platform/errors.js';
import { formatImportReport, importDuoDirectory, importRegisterSnapshot } from '../../src/modules/register/commands.js';
import { findPc4, findVestiging, leerlingTrend } from '../../src/modules/register/store.js';
import type { ImportRapport, ImportVoortgang } from '../../src/modules/register/types.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'duo-map');

const VERWACHT_AFGEWEZEN = [
  { bestand: 'duo/bo_schoolvestigingen_adressen.csv', regel: 6, reden: /postcode '93O6 TC' is ongeldig/ },
  { bestand: 'duo/bo_schoolvestigingen_adressen.csv', regel: 7, reden: /^vestigingscode ontbreekt$/ },
  { bestand: 'duo/swv_regio_indeling_pc4_2015.csv', regel: 12, reden: /^onbekende SWV-code: 'PO27O7'/ },
  { bestand: 'duo/swv_regio_indeling_pc4_2015.csv', regel: 13, reden: /postcodegebied '37AB' is ongeldig/ },
  { bestand: 'duo/vo_vestigingen_per_swv_vsv_2015.csv', regel: 4, reden: /^onbekende SWV-code VO9999/ },
];

function checkAfgewezen(r: ImportRapport) {
  assert.equal(r.afgewezen.length, VERWACHT_AFGEWEZEN.length, JSON.stringify(r.afgewezen, null, 1));
  VERWACHT_AFGEWEZEN.forEach((v, i) => {
    const a = r.afgewezen[i]!;
    assert.equal(a.bestand, v.bestand);
    assert.equal(a.regel, v.regel);
    assert.match(a.reden, v.reden);
  });
}

/** What the fixture must have put in the database (whatever was there before). */
async function checkInhoud(ex: Tx | Parameters<typeof findVestiging>[0]) {
  assert.equal((await findVestiging(ex, '05OC00'))?.naam, 'Dalton Kindcentrum ’t Kompas', 'Windows-1252 ’ decoded');
  const europoort = await findVestiging(ex, '08LE01');
  assert.equal(europoort?.postcode, '3198LB');
  assert.equal(europoort?.swvPo, null, 'Europoort: no SWV');
  assert.equal((await findPc4(ex, '3198'))?.swvPo, null);
  assert.equal((await findVestiging(ex, '00PG00'))?.swvVo, 'VO0001', 'DUO vsv membership');
  assert.equal((await findVestiging(ex, '30GC00'))?.swvVo, 'VO2708');
  assert.equal((await findVestiging(ex, '32JK00'))?.plaats, 'Alteveer gem Noordenveld');
  assert.equal(await findVestiging(ex, '32JK01'), undefined, 'bad postcode: not imported');
  const trend = await leerlingTrend(ex, '00BZ00');
  assert.deepEqual(trend.find((t) => t.teljaar === 1996), { vestigingCode: '00BZ00', teljaar: 1996, aantal: null, isKlein: true });
  assert.ok((await leerlingTrend(ex, '30GC00')).some((t) => t.teljaar === 2019 && t.aantal! > 0), 'VO 2019 total');
}

test('import-duo on PGlite: report, rejected rows, content, idempotent', async () => {
  const db = await openTestDatabase('pglite');
  try {
    const stappen = new Set<string>();
    const onProgress = (p: ImportVoortgang) => {
      assert.ok(p.gedaan <= p.totaal);
      stappen.add(p.stap);
    };
    const eerste = await importDuoDirectory(db, FIXTURE, { onProgress });
    checkAfgewezen(eerste);
    assert.deepEqual([...stappen], ['lezen', 'samenwerkingsverbanden', 'besturen', 'postcodegebieden', 'vestigingen', 'leerlingen']);
    assert.equal(eerste.soort, 'duo');
    assert.equal(eerste.bestanden.length, 8);
    assert.equal(eerste.bijgewerkt, 0);
    assert.equal(eerste.perTabel.vestiging.ingevoegd, 8); // 7 real + the Europoort copy; 00GU00 has closed
    assert.equal(eerste.perTabel.swv.ingevoegd, 16); // 7 PC4 areas with codes: 7 PO + 7 VO, plus PO0001 and VO0001
    assert.match(eerste.opmerkingen.join('\n'), /Gelezen als Windows-1252: .*bo_schoolvestigingen_adressen\.csv/);
    assert.match(eerste.opmerkingen.join('\n'), /Europoort/);
    await checkInhoud(db.owner);

    const tekst = formatImportReport(eerste);
    assert.match(tekst, /^DUO-bestanden geïmporteerd uit /);
    assert.match(tekst, /Afgewezen regels \(5\):/);
    assert.match(tekst, /duo\/bo_schoolvestigingen_adressen\.csv, regel 7: vestigingscode ontbreekt/);

    const tweede = await importDuoDirectory(db, FIXTURE);
    assert.equal(tweede.ingevoegd, 0);
    assert.equal(tweede.bijgewerkt, 0);
    assert.equal(tweede.ongewijzigd, eerste.ingevoegd);
    checkAfgewezen(tweede);

    const runs = await rows<{ bron: string; klaar: boolean; samenvatting: string }>(
      db.owner,
      sql`select bron, finished_at is not null as klaar, samenvatting from register_import order by id`,
    );
    assert.equal(runs.length, 2);
    assert.ok(runs.every((r) => r.klaar && r.bron.startsWith('duo ')));
    assert.equal(JSON.parse(runs[1]!.samenvatting).afgewezen, 5);
  } finally {
    await db.close();
  }
});

test('import-duo on top of the snapshot keeps what the files do not say', async () => {
  const db = await openTestDatabase('pglite');
  try {
    await importRegisterSnapshot(db);
    const voor = await findVestiging(db.owner, '08LE00');
    const trendVoor = await leerlingTrend(db.owner, '08LE00');
    const r = await importDuoDirectory(db, FIXTURE);
    checkAfgewezen(r);
    await checkInhoud(db.owner);
    assert.deepEqual(await findVestiging(db.owner, '08LE00'), voor, 'same school, same data: unchanged');
    assert.deepEqual(await leerlingTrend(db.owner, '08LE00'), trendVoor);
    assert.equal(r.perTabel.vestiging.ingevoegd, 1, 'only the Europoort copy is new');
    const opnieuw = await importDuoDirectory(db, FIXTURE);
    assert.equal(opnieuw.ingevoegd + opnieuw.bijgewerkt, 0);
  } finally {
    await db.close();
  }
});

test('import-duo refuses a missing directory and one without DUO files', async () => {
  const db = await openTestDatabase('pglite');
  try {
    await assert.rejects(importDuoDirectory(db, path.join(FIXTURE, 'bestaat-niet')), (e) => e instanceof AppError && e.code === 'bad_request');
    await assert.rejects(importDuoDirectory(db, path.dirname(FIXTURE) + '/../rules'), (e) => e instanceof AppError && /herkent/.test(e.detail ?? ''));
    const [run] = await rows<{ samenvatting: string }>(db.owner, sql`select samenvatting from register_import order by id desc limit 1`);
    assert.match(run!.samenvatting, /mislukt/);
  } finally {
    await db.close();
  }
});

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
const zonderShared = fs.existsSync(path.join(SHARED, 'duo')) ? false : `${SHARED} ontbreekt (alleen aanwezig in de ontwikkelomgeving)`;

test('import-duo of the shared DUO files on top of the snapshot changes nothing (same reader, same rules)', { skip: zonderShared }, async () => {
  const db = await openTestDatabase('pglite');
  try {
    await importRegisterSnapshot(db);
    const r = await importDuoDirectory(db, SHARED);
    assert.deepEqual(r.afgewezen, []);
    assert.equal(r.bestanden.length, 8);
    assert.equal(r.ingevoegd, 0);
    assert.equal(r.bijgewerkt, 0);
  } finally {
    await db.close();
  }
});

class Terugdraaien extends Error {}

if (databaseKinds().includes('postgres')) {
  test('import-duo on PostgreSQL (rolled back): same rejections, idempotent within the transaction', async () => {
    const db = await openTestDatabase('postgres');
    try {
      await assert.rejects(
        db.owner.transaction(async (tx) => {
          const doel = { owner: tx as unknown as Tx };
          const eerste = await importDuoDirectory(doel, FIXTURE);
          checkAfgewezen(eerste);
          await checkInhoud(tx as unknown as Tx);
          const tweede = await importDuoDirectory(doel, FIXTURE);
          assert.equal(tweede.ingevoegd, 0);
          assert.equal(tweede.bijgewerkt, 0);
          throw new Terugdraaien();
        }),
        Terugdraaien,
      );
      assert.equal(await findVestiging(db.owner, '08LE01'), undefined, 'rolled back');
    } finally {
      await db.close();
    }
  });
}
