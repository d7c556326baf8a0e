/**
 * The demo's OPPs (src/demo/opp.ts): only on a demo database, once, and in the states journey 3 needs on a fresh
 * install — the demo parent's child with version 2 waiting for the parent's decision (version 1 refused), one past
 * its deadline, one due soon, one whose evaluation is due this year (with the demo pupil's login), one revised from
 * this year's evaluation, one just started, one closed. PGlite only, like the other demo tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../support/db.js';
import { first } from '../../src/platform/db/client.js';
import { fixedDateClock } from '../../src/platform/clock.js';
import { importRegisterSnapshot } from '../../src/modules/register/commands.js';
import { seedDemo } from '../../src/demo/seed.js';
import { seedDemoOpp } from '../../src/demo/opp.js';
import * as store from '../../src/modules/opp/store.js';
import { feitenVan } from '../../src/modules/opp/commands.js';
import { oppStand } from '../../src/modules/opp/rules/versies.js';

const VANDAAG = '2026-12-04';
const SECRET = 'demo-opp-test-secret-0123456789-abcdefgh';

test('seedDemoOpp: not on a non-demo database; once on the demo, in every state journey 3 needs', async () => {
  const db = await openTestDatabase('pglite');
  const clock = fixedDateClock(VANDAAG);
  try {
    await importRegisterSnapshot(db);
    assert.equal(await seedDemoOpp(db, clock), null, 'not a demo database');
    await seedDemo(db, clock, SECRET);
    const r = await seedDemoOpp(db, clock);
    assert.deepEqual(r, { opps: 7 });
    assert.equal(await seedDemoOpp(db, clock), null, 'once');
    await db.withTenant({ swvId: 'PO2603', userId: null }, async (tx) => {
      const opps = await store.listOpps(tx, { soort: 'school', vestigingCode: '08LE00' }, VANDAAG);
      const records = await store.laadRecords(tx, opps.map((o) => o.id));
      const standen = opps.map((o) => ({ o, r: records.get(o.id)!, s: oppStand(feitenVan(o, records.get(o.id)!), VANDAAG) }));
      assert.equal(standen.length, 7);
      const ouder = await first<{ id: string }>(tx, sql`select o.leerling_id as id from ouder o join gebruiker g on g.id = o.gebruiker_id
        join opp p on p.leerling_id = o.leerling_id where g.email = 'ouder@gezin.passend.test' and o.heeft_gezag`);
      const eigen = standen.find((x) => x.o.leerlingId === ouder!.id)!;
      assert.equal(eigen.s.voorstel, 2, "the demo parent's child: version 2 waits");
      assert.equal(eigen.s.instemmingVoorstel, null);
      assert.equal(eigen.r.instemmingen[0]!.uitkomst, 'geweigerd');
      assert.deepEqual(Object.keys(eigen.s.ontbreekt), ['instemming'], 'only the parent\'s decision is missing');
      assert.ok(standen.some((x) => x.s.termijn.stand === 'te-laat'), 'one past its deadline');
      assert.ok(standen.filter((x) => x.s.termijn.stand === 'binnenkort').length >= 2, 'due soon');
      assert.ok(standen.some((x) => x.s.evaluatie === 'nog-niet'), 'an evaluation due this school year');
      assert.ok(standen.some((x) => x.s.evaluatie === 'gedaan' && x.s.fase === 'herziening'), 'revised from this year\'s evaluation');
      assert.ok(standen.some((x) => x.s.fase === 'leeg'), 'just started');
      assert.ok(standen.some((x) => x.s.fase === 'afgesloten'), 'closed');
      const portaal = await store.portaalLeeftijd(tx, 'PO2603', 12);
      assert.ok(portaal.vanaf >= 8 && portaal.vanaf <= 10);
    });
    const pupil = await first<{ leerling_id: string }>(db.owner, sql`select r.leerling_id from rol_toekenning r join gebruiker g on g.id = r.gebruiker_id
      where g.email = 'leerling@gezin.passend.test' and r.rol = 'leerling'`);
    assert.ok(pupil?.leerling_id, 'the demo pupil login belongs to a pupil with an OPP');
  } finally {
    await db.close();
  }
});
