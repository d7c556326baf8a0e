/**
 * The OPP's daily signals (taken.ts, rules/signalen.ts) with the injectable clock, on every database kind: a mail a
 * week before the deadline of the first adoption and the day after it passed, the yearly evaluation due from 1 June
 * and overdue on 31 July (rule 15) — each once per OPP, as one mail per school with counts only; nothing for a closed
 * OPP; the run plans itself once.
 */
import { describe, it, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildLeerling, buildTenant, buildUser, type TestContext, type TestTenant, type TestUser } from '../support/app.js';
import { first, rows } from '../../src/platform/db/client.js';
import { OPP_DAGELIJKS, planOppTaken, signaalMail, voerOppSignalenUit } from '../../src/modules/opp/taken.js';
import { signalen } from '../../src/modules/opp/rules/signalen.js';
import type { OppStand } from '../../src/modules/opp/rules/versies.js';

const stand = (s: Partial<OppStand>): OppStand => ({
  fase: 'concept', termijn: { stand: 'op-tijd', dagen: 20 }, evaluatie: null, voorstel: 1, ontbreekt: {}, instemmingVoorstel: null, ...s,
});

test('signals: a week before the deadline, after it passed, evaluation due and overdue; none when closed or adopted in time', () => {
  assert.deepEqual(signalen(stand({ termijn: { stand: 'binnenkort', dagen: 8 } }), '2026-04-13', '2026-04-05'), []);
  assert.deepEqual(signalen(stand({ termijn: { stand: 'binnenkort', dagen: 7 } }), '2026-04-13', '2026-04-06'), [{ soort: 'vaststellen-binnenkort', sleutel: '2026-04-13' }]);
  assert.deepEqual(signalen(stand({ termijn: { stand: 'te-laat', dagen: -1 } }), '2026-04-13', '2026-04-14'), [{ soort: 'vaststellen-verlopen', sleutel: '2026-04-13' }]);
  assert.deepEqual(signalen(stand({ fase: 'vastgesteld', termijn: { stand: 'vastgesteld', dagen: 3 }, evaluatie: 'binnenkort' }), '2026-04-13', '2027-06-01'),
    [{ soort: 'evaluatie-binnenkort', sleutel: '2026-2027' }]);
  assert.deepEqual(signalen(stand({ fase: 'vastgesteld', termijn: { stand: 'vastgesteld', dagen: -3 }, evaluatie: 'achterstallig' }), '2026-04-13', '2027-07-31'),
    [{ soort: 'evaluatie-achterstallig', sleutel: '2026-2027' }]);
  assert.deepEqual(signalen(stand({ fase: 'afgesloten', termijn: { stand: 'te-laat', dagen: -9 } }), '2026-04-13', '2026-04-22'), []);
});

test('the mail names the school and counts, never a pupil', () => {
  const m = signaalMail('De Linde', { 'vaststellen-verlopen': 2, 'evaluatie-binnenkort': 1 }, '2027-06-01', 'https://passend.example');
  assert.match(m.tekst, /2 ontwikkelingsperspectieven zijn niet op tijd vastgesteld/);
  assert.match(m.tekst, /1 ontwikkelingsperspectief moet dit schooljaar nog met de ouders worden geëvalueerd/);
  assert.match(m.tekst, /https:\/\/passend\.example\/opp/);
});

for (const kind of databaseKinds()) {
  describe(`OPP-signalen [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: TestUser;
    let oppId: string;
    const deps = () => ({ db: ctx.db, clock: ctx.clock, publicUrl: 'http://localhost:3000' });
    const op = (datum: string) => ctx.clock.set(new Date(`${datum}T05:30:00Z`));
    const run = () => voerOppSignalenUit(deps(), { swvIds: [t.swvId] });
    const mails = () => ctx.db.withSystem((tx) => rows<{ onderwerp: string; tekst: string }>(tx, sql`select onderwerp, tekst from mail_bericht where aan = ${ib.email} order by created_at`));

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      ib = await buildUser(ctx.db, t, 'intern-begeleider');
      const leerling = await buildLeerling(ctx.db, t, { achternaam: 'Signaaltest' });
      oppId = (await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<{ id: string }>(tx, sql`insert into opp
        (swv_id, leerling_id, vestiging_code, soort, aanleiding, ingeschreven_op, uiterlijk, gestart_op)
        values (${t.swvId}, ${leerling}, ${t.vestigingCode}, 'bao', 'later', '2020-08-20', '2026-04-13', '2026-03-02') returning id`)))!.id;
    });
    after(async () => ctx.db.close());

    it('the deadline: nothing 8 days before, one mail 7 days before (once), one the day after it passed', async () => {
      op('2026-04-05');
      assert.deepEqual(await run(), { datum: '2026-04-05', signalen: 0, mails: 0, fouten: 0 });
      op('2026-04-06');
      assert.equal((await run()).mails, 1);
      assert.equal((await run()).mails, 0, 'once');
      op('2026-04-14');
      assert.equal((await run()).signalen, 1);
      const m = await mails();
      assert.equal(m.length, 2);
      assert.match(m[0]!.tekst, /1 ontwikkelingsperspectief moet binnen een week worden vastgesteld/);
      assert.match(m[1]!.tekst, /niet op tijd vastgesteld/);
      for (const x of m) assert.doesNotMatch(x.tekst, /Signaaltest/);
    });

    it('the yearly evaluation (rule 15): due from 1 June, overdue on 31 July, again next school year; nothing after closing', async () => {
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`insert into opp_versie
        (swv_id, opp_id, volgnummer, vastgesteld_op, vastgesteld_door) values (${t.swvId}, ${oppId}, 1, '2026-04-20', ${ib.id})`));
      op('2026-05-31');
      assert.equal((await run()).signalen, 0, 'in time, and not due yet in May');
      op('2026-06-01');
      assert.equal((await run()).signalen, 1);
      op('2026-07-31');
      assert.equal((await run()).signalen, 1);
      op('2027-06-02');
      assert.equal((await run()).signalen, 1, 'a new school year, a new evaluation due');
      const laatste = (await mails()).at(-1)!;
      assert.match(laatste.tekst, /moet dit schooljaar nog met de ouders worden geëvalueerd/);
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update opp set afgesloten_op = '2027-06-03', afsluit_reden = 'Klaar' where id = ${oppId}`));
      op('2027-07-31');
      assert.equal((await run()).signalen, 0, 'a closed OPP gives no signals');
    });

    it('plans today\'s and tomorrow\'s run once', async () => {
      const nu = new Date('2031-01-15T07:00:00Z');
      await ctx.db.withSystem((tx) => planOppTaken(tx, nu));
      await ctx.db.withSystem((tx) => planOppTaken(tx, nu));
      const jobs = await ctx.db.withSystem((tx) => rows<{ sleutel: string }>(tx, sql`select sleutel from job where soort = ${OPP_DAGELIJKS} and sleutel like 'opp-dagelijks:2031-01-1%' order by sleutel`));
      assert.deepEqual(jobs.map((j) => j.sleutel), ['opp-dagelijks:2031-01-15', 'opp-dagelijks:2031-01-16']);
    });
  });
}
