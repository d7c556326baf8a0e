/**
 * The demo's aanmeldingen (src/demo/aanmeldingen.ts): only on a demo database, once, and in the states journey 2
 * needs on a fresh install (a clock at risk, one overdue, one extended, one decided, one past its 10 weeks, the demo
 * parent's own, a request to the demo school). PGlite only, like test/aanbod/demo-aanbod.test.ts (the seed marks the
 * database as a demo).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../support/db.js';
import { rows } from '../../src/platform/db/client.js';
import { fixedDateClock } from '../../src/platform/clock.js';
import { importRegisterSnapshot } from '../../src/modules/register/commands.js';
import { seedDemo } from '../../src/demo/seed.js';
import { seedDemoAanmeldingen } from '../../src/demo/aanmeldingen.js';
import { DEMO_VESTIGING } from '../../src/demo/logins.js';
import { metKlok } from '../../src/modules/zorgplicht/commands.js';
import { listAanmeldingen, listInkomend } from '../../src/modules/zorgplicht/store.js';
import { tijdelijkePlaatsingVanaf } from '../../src/modules/zorgplicht/rules/toelating.js';

const VANDAAG = '2026-11-24';
const SECRET = 'demo-aanmeldingen-test-secret-0123456789-abc';

test('seedDemoAanmeldingen: not on a non-demo database; once on the demo, with every state of the clock', async () => {
  const db = await openTestDatabase('pglite');
  const clock = fixedDateClock(VANDAAG);
  try {
    await importRegisterSnapshot(db);
    assert.equal(await seedDemoAanmeldingen(db, clock), null, 'not a demo database');
    await seedDemo(db, clock, SECRET);
    const r = await seedDemoAanmeldingen(db, clock);
    assert.ok(r && r.aanmeldingen >= 9, JSON.stringify(r));
    assert.equal(await seedDemoAanmeldingen(db, clock), null, 'once');

    await db.withTenant({ swvId: 'PO2603', userId: null }, async (tx) => {
      const alle = (await listAanmeldingen(tx, { soort: 'swv' })).map((a) => metKlok(a, VANDAAG));
      assert.equal(alle.length, r!.aanmeldingen);
      const open = alle.filter((a) => a.besluit === null);
      assert.ok(open.some((a) => a.klok.status === 'bijna'), 'one at risk');
      assert.ok(open.some((a) => a.klok.status === 'verlopen' && !a.verlengdTot), 'one overdue');
      assert.ok(alle.some((a) => a.verlengdTot && a.verlengdTot > VANDAAG), 'one extended, still running');
      assert.ok(alle.some((a) => a.besluit === 'toegelaten'), 'one decided');
      assert.ok(alle.some((a) => a.bron === 'ouder'), "the demo parent's own application");
      // One application is past its 10 weeks: the daily job places that child provisionally (rule 3).
      const laps = open.filter((a) => {
        const d = tijdelijkePlaatsingVanaf({ sector: a.sector, ontvangen: a.ontvangenOp, besluitOp: null, eldersIngeschreven: false, geboortedatum: a.geboortedatum });
        return d !== null && d <= VANDAAG;
      });
      assert.equal(laps.length, 1);
      const inbox = await listInkomend(tx, DEMO_VESTIGING);
      assert.equal(inbox.length, 1, 'another school asks the demo school');
      assert.equal(inbox[0]!.status, 'gevraagd');
    });
    const ouder = await rows(db.owner, sql`select 1 from ouder o join gebruiker g on g.id = o.gebruiker_id
      join aanmelding a on a.swv_id = o.swv_id and a.leerling_id = o.leerling_id where g.email = 'ouder@gezin.passend.test' and o.heeft_gezag`);
    assert.equal(ouder.length, 1, 'the demo parent follows the application');
  } finally {
    await db.close();
  }
});
