/**
 * Loading the shipped snapshot into each database kind: counts, idempotency (a re-import changes nothing) and the
 * read queries other modules use. On PostgreSQL the tests share one database that may already hold the register,
 * so there the first import may find everything in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds, openTestDatabase } from '../support/db.js';
import { rows } from '../../src/platform/db/client.js';
import { ensureRegister, formatImportReport, importRegisterSnapshot } from '../../src/modules/register/commands.js';
import { leesSnapshot } from '../../src/modules/register/snapshot-format.js';
import { SNAPSHOT_DIR } from '../../src/modules/register/commands.js';
import {
  findPc4,
  findSwv,
  findVestiging,
  leerlingTrend,
  listSwvs,
  listVestigingenVanSwv,
  telRegister,
} from '../../src/modules/register/store.js';

const { data } = leesSnapshot(SNAPSHOT_DIR);
const TOTAAL = data.swvs.length + data.besturen.length + data.pc4s.length + data.vestigingen.length + data.leerlingen.length;

for (const kind of databaseKinds()) {
  test(`register snapshot import on ${kind}: counts, idempotent, readable`, async () => {
    const db = await openTestDatabase(kind);
    try {
      const eerste = await importRegisterSnapshot(db);
      assert.deepEqual(eerste.afgewezen, []);
      assert.equal(eerste.ingevoegd + eerste.bijgewerkt + eerste.ongewijzigd, TOTAAL);
      if (kind === 'pglite') {
        assert.equal(eerste.ingevoegd, TOTAAL);
        assert.deepEqual(await telRegister(db.owner), {
          swv: 152,
          bestuur: data.besturen.length,
          pc4: data.pc4s.length,
          vestiging: data.vestigingen.length,
          vestiging_leerlingen: data.leerlingen.length,
        });
      }
      // On PostgreSQL other tests add their own tenants to the swv table (POT…, or codes of their own): check that
      // all 152 SWVs of the register are there as shipped, and count exactly only on the private PGlite database.
      const swvs = await rows<{ code: string; naam: string }>(db.owner, sql`select code, naam from swv where code ~ '^(PO|VO)[0-9]{4}$'`);
      const inDb = new Map(swvs.map((s) => [s.code, s.naam]));
      for (const s of data.swvs) assert.equal(inDb.get(s.code), s.naam, s.code);
      if (kind === 'pglite') assert.equal(swvs.length, 152);
      const [aantal] = await rows<{ vestigingen: number; pc4: number }>(
        db.owner,
        sql`select (select count(*)::int from vestiging where code ~ '^[0-9]{2}[A-Z0-9]{2}[0-9]{2}$') as vestigingen,
          (select count(*)::int from pc4) as pc4`,
      );
      assert.ok(aantal!.vestigingen >= 8600, `${aantal!.vestigingen} vestigingen`);
      assert.ok(aantal!.pc4 >= 4046, `${aantal!.pc4} pc4`);

      const tweede = await importRegisterSnapshot(db);
      assert.equal(tweede.ingevoegd, 0);
      assert.equal(tweede.bijgewerkt, 0);
      assert.equal(tweede.ongewijzigd, TOTAAL);
      assert.match(formatImportReport(tweede), /Nieuw: 0 · bijgewerkt: 0 · ongewijzigd: /);
      assert.equal(await ensureRegister(db), null, 'a filled register is not imported again at start');

      const imports = await rows<{ samenvatting: string }>(
        db.owner,
        sql`select samenvatting from register_import where bron like 'snapshot %' and finished_at is not null order by id desc limit 1`,
      );
      assert.equal(JSON.parse(imports[0]!.samenvatting).ongewijzigd, TOTAAL);

      // Read queries, as the app role in a tenant-less transaction (public pages): SELECT is granted.
      await db.withTenant({ swvId: null, userId: null }, async (tx) => {
        const swv = await findSwv(tx, 'PO2707');
        assert.deepEqual(swv, { code: 'PO2707', sector: 'po', naam: 'Samenwerkingsverband PO Amsterdam, Diemen', isLandelijk: false });
        assert.equal((await findSwv(tx, 'VO0001'))?.isLandelijk, true);
        const alle = await listSwvs(tx);
        const po2603 = alle.find((s) => s.code === 'PO2603');
        assert.ok(po2603 && po2603.aantalVestigingen > 50, JSON.stringify(po2603));
        const scholen = await listVestigingenVanSwv(tx, 'PO2603');
        assert.ok(scholen.some((v) => v.code === '08LE00'));
        assert.ok(scholen.every((v) => v.swvPo === 'PO2603' || v.swvVo === 'PO2603'));
        const ichthus = await findVestiging(tx, '08le00');
        assert.equal(ichthus?.plaats, 'Zeist');
        assert.equal(ichthus?.soort, 'bao');
        assert.equal(ichthus?.postcode, '3705BT');
        const trend = await leerlingTrend(tx, '00BZ00');
        assert.deepEqual(trend[0], { vestigingCode: '00BZ00', teljaar: 1996, aantal: null, isKlein: true });
        assert.ok(trend.some((t) => t.teljaar === 2025 && t.aantal !== null && t.aantal > 0));
        assert.deepEqual(await findPc4(tx, '3198'), {
          ...data.pc4s.find((p) => p.pc4 === '3198'),
          swvPo: null,
          swvVo: null,
        });
        assert.equal(await findVestiging(tx, 'XX0000'), undefined);
      });
    } finally {
      await db.close();
    }
  });
}
