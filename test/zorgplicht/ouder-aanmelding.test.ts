/**
 * The parents' own online application, through the real pages on every database kind (journey 1 → 2): no account
 * needed; bad input answered in Dutch with what was typed kept and nothing saved; the application lands at the
 * school with its clock; the parent gets an invitation mail, accepts it, logs in with an e-mailed code and follows
 * the application. Rate limited per IP address.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, login, loginOpDatum, Client, type TestContext, type TestTenant } from '../support/app.js';
import { first } from '../../src/platform/db/client.js';

/** Today in these cases: the dates are fixed. */
const VANDAAG = new Date('2025-04-10T10:00:00Z');
const FORM = {
  voornaam: 'Lotte', achternaam: 'Onlinetest', geboortedatum: '2021-01-15', woonPc4: '3511', gewensteStartdatum: '2025-08-25',
  andereScholen: '', isEersteVoorkeur: 'ja', extraOndersteuningVerwacht: 'ja', ouderInformatie: 'Lotte is slechtziend.',
  ouderNaam: 'Sanne Onlinetest', relatie: 'ouder', gezag: 'ja',
};

for (const kind of databaseKinds()) {
  describe(`aanmelding door de ouder [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    const email = `ouder-${Date.now()}-${kind}@test.passend.test`;

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      ctx.clock.set(VANDAAG);
    });
    after(async () => ctx.db.close());

    it('bad input: Dutch messages, input kept, nothing saved; unknown school: 404', async () => {
      const c = new Client(ctx.app);
      assert.equal((await c.get(`/scholen/${t.vestigingCode}/aanmelden`)).status, 200);
      // An unticked checkbox is not sent at all.
      const { gezag: _weg, ...zonderGezag } = FORM;
      const fouten = await c.post(`/scholen/${t.vestigingCode}/aanmelden`, { ...zonderGezag, ouderEmail: 'geen-adres' });
      assert.equal(fouten.status, 422);
      assert.match(fouten.text, /Alleen een ouder of voogd met gezag kan een kind aanmelden/);
      assert.match(fouten.text, /value="Onlinetest"/);
      const teJong = await c.post(`/scholen/${t.vestigingCode}/aanmelden`, { ...FORM, ouderEmail: email, geboortedatum: '2022-06-01', gewensteStartdatum: '' });
      assert.equal(teJong.status, 422);
      assert.match(teJong.text, /U kunt uw kind aanmelden vanaf 1 juni 2025/);
      const teVroeg = await c.post(`/scholen/${t.vestigingCode}/aanmelden`, { ...FORM, ouderEmail: email, geboortedatum: '2021-09-01' });
      assert.equal(teVroeg.status, 422);
      assert.match(teVroeg.text, /Uw kind kan pas naar school vanaf 1 september 2025/);
      const n = await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<{ n: number }>(tx, sql`select count(*)::int as n from aanmelding a
        join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id where l.achternaam = 'Onlinetest'`));
      assert.equal(n!.n, 0, 'nothing saved');
      assert.equal((await c.get('/scholen/ZZZZ99/aanmelden')).status, 404);
    });

    it('the application reaches the school with its clock; the parent is invited, logs in and follows it', async () => {
      const c = new Client(ctx.app);
      await c.get(`/scholen/${t.vestigingCode}/aanmelden`);
      const r = await c.post(`/scholen/${t.vestigingCode}/aanmelden`, { ...FORM, ouderEmail: email });
      assert.equal(r.status, 303, r.text.slice(0, 400));
      const bevestiging = await c.get(r.location!);
      assert.match(bevestiging.text, /Ontvangen op 10 april 2025/);
      assert.match(bevestiging.text, /beslist uiterlijk op 22 mei 2025/);

      const a = await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<{ id: string; bron: string; sector: string; ontvangen_op: string; ouder_informatie: string }>(tx,
        sql`select a.id, a.bron, a.sector, a.ontvangen_op::text, a.ouder_informatie from aanmelding a join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id
          where l.achternaam = 'Onlinetest'`));
      assert.deepEqual([a!.bron, a!.sector, a!.ontvangen_op, a!.ouder_informatie], ['ouder', 'po', '2025-04-10', 'Lotte is slechtziend.']);
      const audit = await ctx.db.withSystem((tx) => first<{ actor_rol: string }>(tx, sql`select actor_rol from audit_event where object_id = ${a!.id} and actie = 'aanmaken'`));
      assert.equal(audit!.actor_rol, 'ouder (zonder account)');

      // The school sees it in its list, marked as an online application.
      const ib = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'intern-begeleider'), VANDAAG);
      assert.match((await ib.get(`/aanmeldingen/${a!.id}`)).text, /online door de ouder/);

      // The invitation mail: no support information, a link to follow it.
      const mail = await ctx.db.withSystem((tx) => first<{ onderwerp: string; tekst: string }>(tx, sql`select onderwerp, tekst from mail_bericht where aan = ${email} order by created_at desc limit 1`));
      assert.match(mail!.onderwerp, /Uw aanmelding bij Testschool De Linde is ontvangen/);
      assert.doesNotMatch(mail!.tekst, /slechtziend/);
      const link = /\/uitnodiging\/[^\s]+/.exec(mail!.tekst)![0];
      // The parent's steps need no TOTP: the clock stays on the day of the application (the invitation lasts 14 days).
      await c.get(link);
      assert.equal((await c.post(link, {})).status, 303);
      const gebruiker = await ctx.db.withSystem((tx) => first<{ id: string }>(tx, sql`select id from gebruiker where email = ${email}`));
      const ouder = await login(ctx, { id: gebruiker!.id, email, password: null, totpSecret: null, rol: 'ouder' });
      assert.match((await ouder.get('/aanmeldingen')).text, /Lotte Onlinetest/);
      const page = await ouder.get(`/aanmeldingen/${a!.id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Uiterlijk op deze dag beslist de school/);
    });

    it('at most 10 online applications per address per hour', async () => {
      const c = new Client(ctx.app);
      await c.get(`/scholen/${t.vestigingCode}/aanmelden`);
      let laatste = 0;
      for (let i = 0; i < 11; i++) {
        laatste = (await c.post(`/scholen/${t.vestigingCode}/aanmelden`, { ...FORM, achternaam: `Spam${i}`, ouderEmail: `spam${i}-${kind}@test.passend.test` })).status;
      }
      assert.equal(laatste, 429);
    });
  });
}
