/**
 * The parents' and the pupil's portal (issue 6, items 6 and 7), through the real pages on every database kind: the
 * parent's home shows what is asked of them; the AVG download holds everything about the child (and not the other
 * parent's address); a parent without gezag sees no file; the access log speaks plain Dutch; the pupil portal opens
 * from the age the SWV sets (invitation, code login, own view, the school's reaction), and closes again when the SWV
 * raises the age; the adult (v)so pupil decides on the handelingsdeel instead of the parents when the school says so.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildLeerling, buildTenant, buildUser, Client, linkOuder, loginOpDatum, type TestContext, type TestTenant } from '../support/app.js';
import { first, rows } from '../../src/platform/db/client.js';
import { insertOuder } from '../../src/modules/leerlingen/store.js';

const VANDAAG = new Date('2026-03-02T10:00:00Z');

for (const kind of databaseKinds()) {
  describe(`ouder- en leerlingportaal [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: Client;
    let ouder: Client;
    let leerling: string;
    let id: string;

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      leerling = await buildLeerling(ctx.db, t, { achternaam: 'Portaaltest' });
      ib = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'intern-begeleider'), VANDAAG);
      const o = await buildUser(ctx.db, t, 'ouder');
      await linkOuder(ctx.db, t, leerling, o, true);
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => insertOuder(tx, {
        swvId: t.swvId, leerlingId: leerling, naam: 'Andere Ouder', email: 'andere.ouder.geheim@test.passend.test', relatie: 'ouder', heeftGezag: true,
      }));
      ouder = await loginOpDatum(ctx, o, VANDAAG);
      await ib.get(`/leerlingen/${leerling}/opp/nieuw`);
      const r = await ib.post(`/leerlingen/${leerling}/opp`, { soort: 'bao', extraOndersteuning: 'ja', aanleiding: 'later' });
      id = /\/opp\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
      await ib.get(`/opp/${id}/bewerken`);
      assert.equal((await ib.post(`/opp/${id}/versies`, {
        basis: '0', uitstroom: 'havo', 'factor.rekenen.belemmerend': 'Rekent traag.', 'factor.rekenen.bevorderend': 'Doorzetter.',
        'doel.0.doel': 'Tafels tot 10 automatiseren.', 'doel.0.ondersteuning': 'Dagelijks oefenen met de computer.',
      })).status, 303);
    });
    after(async () => ctx.db.close());

    it('the parent\'s home says what is asked of them and links to it', async () => {
      const home = await ouder.get('/mijn-kinderen');
      assert.equal(home.status, 200);
      assert.match(home.text, /Testschool De Linde vraagt uw besluit over versie 1 van het ontwikkelingsperspectief/);
      assert.match(home.text, new RegExp(`href="/opp/${id}"`));
      assert.match(home.text, /Voorstel, nog niet vastgesteld/);
    });

    it('the school asks for consent by mail: a link to the account holder, an invitation to the other parent', async () => {
      await ib.get(`/opp/${id}`);
      const r = await ib.post(`/opp/${id}/instemming-vragen`, {});
      assert.equal(r.status, 303);
      const mails = await ctx.db.withSystem((tx) => rows<{ aan: string; onderwerp: string; tekst: string }>(tx,
        sql`select aan, onderwerp, tekst from mail_bericht where tekst like ${`%${id}%`} or aan = 'andere.ouder.geheim@test.passend.test' order by created_at`));
      assert.ok(mails.some((m) => m.onderwerp === 'Het ontwikkelingsperspectief van uw kind ligt voor u klaar'));
      assert.ok(mails.some((m) => m.aan === 'andere.ouder.geheim@test.passend.test' && m.onderwerp.startsWith('Uitnodiging')));
      for (const m of mails) assert.doesNotMatch(m.tekst, /Rekent|Tafels/, 'no content in a mail');
    });

    it('the AVG download: everything about the child in one file, without the other parent\'s address; logged', async () => {
      const r = await ouder.get(`/mijn-kinderen/${leerling}/gegevens.json`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-disposition')!, /attachment/);
      const g = JSON.parse(r.text) as { leerling: { achternaam: string }; ontwikkelingsperspectieven: { versies: { handelingsdeel: { doel: string }[] }[] }[]; ouders: { naam: string }[]; wieHeeftHetDossierBekeken: unknown[] };
      assert.equal(g.leerling.achternaam, 'Portaaltest');
      assert.equal(g.ontwikkelingsperspectieven[0]!.versies[0]!.handelingsdeel[0]!.doel, 'Tafels tot 10 automatiseren.');
      assert.ok(g.ouders.some((o) => o.naam === 'Andere Ouder'));
      assert.doesNotMatch(r.text, /andere\.ouder\.geheim/);
      assert.ok(g.wieHeeftHetDossierBekeken.length > 0);
      const log = await ctx.db.withSystem((tx) => first<{ n: number }>(tx, sql`select count(*)::int as n from audit_event where object_type = 'avg-inzage' and leerling_id = ${leerling} and resultaat = 'ok'`));
      assert.equal(log!.n, 1);
    });

    it('the access log in plain words: who, with which role and school, did what', async () => {
      const r = await ouder.get(`/leerlingen/${leerling}/inzage`);
      assert.equal(r.status, 200);
      assert.match(r.text, /Test intern-begeleider \(intern begeleider \/ ondersteuningscoördinator, Testschool De Linde\)/);
      assert.match(r.text, /maakte een versie van het ontwikkelingsperspectief/);
      assert.match(r.text, /downloadde alle gegevens van het dossier/);
    });

    it('a parent without gezag sees no file, and cannot download it', async () => {
      const z = await buildUser(ctx.db, t, 'ouder');
      await linkOuder(ctx.db, t, leerling, z, false);
      const c = await loginOpDatum(ctx, z, VANDAAG);
      const home = await c.get('/mijn-kinderen');
      assert.match(home.text, /U heeft geen gezag/);
      assert.doesNotMatch(home.text, /vraagt uw besluit/);
      assert.equal((await c.get(`/mijn-kinderen/${leerling}/gegevens.json`)).status, 404);
      assert.equal((await c.get(`/opp/${id}`)).status, 404);
    });

    it('two parents with gezag: a refusal by one stands until that parent changes it; the other\'s consent does not override it', async () => {
      const leider = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'schoolleider'), VANDAAG);
      await ib.get(`/opp/${id}`);
      const onbekend = await ib.post(`/opp/${id}/instemming`, { volgnummer: '1', 'besluit.uitkomst': 'ingestemd', 'besluit.namens': 'Iemand Anders', 'besluit.op': '2026-03-02' });
      assert.equal(onbekend.status, 422);
      assert.match(onbekend.text, /Kies de ouder met gezag die besliste\./);
      assert.equal((await ib.post(`/opp/${id}/instemming`, { volgnummer: '1', 'besluit.uitkomst': 'geweigerd', 'besluit.namens': 'Andere Ouder', 'besluit.op': '2026-03-02', 'besluit.reden': 'Te veel uit de klas.' })).status, 303);
      await ouder.get(`/opp/${id}`);
      assert.equal((await ouder.post(`/opp/${id}/mijn-besluit`, { volgnummer: '1', uitkomst: 'ingestemd' })).status, 303);
      await leider.get(`/opp/${id}/vaststellen`);
      const geblokkeerd = await leider.post(`/opp/${id}/vaststellen`, { volgnummer: '1', op: '2026-03-02' });
      assert.equal(geblokkeerd.status, 422);
      assert.match(geblokkeerd.text, /De ouders hebben niet ingestemd met het handelingsdeel van versie 1\./);
      // A year typed wrong is a message, not an error page.
      const jaartal = await leider.post(`/opp/${id}/vaststellen`, { volgnummer: '1', op: '2002-03-02' });
      assert.equal(jaartal.status, 422);
      assert.match(jaartal.text, /De datum van vaststelling ligt voor het maken van versie 1/);
      await ib.get(`/opp/${id}`);
      assert.equal((await ib.post(`/opp/${id}/instemming`, { volgnummer: '1', 'besluit.uitkomst': 'ingestemd', 'besluit.namens': 'Andere Ouder', 'besluit.op': '2026-03-02' })).status, 303);
      const daarna = await leider.post(`/opp/${id}/vaststellen`, { volgnummer: '1', op: '2026-03-02' });
      assert.doesNotMatch(daarna.text, /niet ingestemd/, 'both parents consent now');
    });

    it('the pupil portal opens from the SWV\'s age: invitation, code login, own view, the school\'s reaction', async () => {
      const te = await ib.post(`/opp/${id}/leerling-uitnodigen`, { email: 'leerling.portaal@test.passend.test' });
      assert.equal(te.status, 422, 'the pupil is 9; the portal opens at 12');
      assert.match(te.text, /Leerlingen kunnen Passend gebruiken vanaf 12 jaar\. Deze leerling is 9\./);
      const directeur = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'swv-directeur'), VANDAAG);
      await directeur.get('/instellingen/opp');
      const fout = await directeur.post('/instellingen/opp', { versie: '0', vanaf: '20' });
      assert.equal(fout.status, 422);
      assert.match(fout.text, /Kies een leeftijd van 8 tot en met 18 jaar\./);
      assert.equal((await directeur.post('/instellingen/opp', { versie: '0', vanaf: '9' })).status, 303);
      await ib.get(`/opp/${id}`);
      // Not an address that already belongs to someone (here: the other parent's): they would get the pupil's view.
      const bezet = await ib.post(`/opp/${id}/leerling-uitnodigen`, { email: 'andere.ouder.geheim@test.passend.test' });
      assert.equal(bezet.status, 422);
      assert.match(bezet.text, /Dit e-mailadres is al in gebruik in Passend/);
      // A mistyped address first; the second invitation ends the first one's link.
      assert.equal((await ib.post(`/opp/${id}/leerling-uitnodigen`, { email: 'leerling.portal.typo@test.passend.test' })).status, 303);
      assert.equal((await ib.post(`/opp/${id}/leerling-uitnodigen`, { email: 'leerling.portaal@test.passend.test' })).status, 303);
      const oud = await ctx.db.withSystem((tx) => first<{ tekst: string }>(tx, sql`select tekst from mail_bericht where aan = 'leerling.portal.typo@test.passend.test'`));
      assert.equal((await new Client(ctx.app).get(/(\/uitnodiging\/[A-Z0-9]+\/[\w-]+)/.exec(oud!.tekst)![1]!)).status, 404, 'the first link no longer works');
      const mail = await ctx.db.withSystem((tx) => first<{ tekst: string }>(tx, sql`select tekst from mail_bericht where aan = 'leerling.portaal@test.passend.test'`));
      assert.match(mail!.tekst, /^Hoi,/);
      assert.doesNotMatch(mail!.tekst, /Portaaltest|Test |hulp/, 'no name, nothing about support');
      const link = /(\/uitnodiging\/[A-Z0-9]+\/[\w-]+)/.exec(mail!.tekst)![1]!;
      const pupil = new Client(ctx.app);
      const uitnodiging = await pupil.get(link);
      assert.match(uitnodiging.text, /je school nodigt je uit/);
      assert.doesNotMatch(uitnodiging.text, /Portaaltest/, 'the page names no one');
      const accept = await pupil.post(link, {});
      assert.equal(accept.status, 303);
      await pupil.get('/inloggen/code');
      await pupil.post('/inloggen/code', { email: 'leerling.portaal@test.passend.test' });
      const code = await ctx.db.withSystem((tx) => first<{ onderwerp: string }>(tx, sql`select onderwerp from mail_bericht where aan = 'leerling.portaal@test.passend.test' order by created_at desc limit 1`));
      const inlog = await pupil.post('/inloggen/code/invoeren', { email: 'leerling.portaal@test.passend.test', code: /(\d{6})/.exec(code!.onderwerp)![1]! });
      assert.equal(inlog.status, 303);
      ctx.clock.set(VANDAAG);
      const mijn = await pupil.get('/mijn-opp');
      assert.equal(mijn.status, 200);
      assert.match(mijn.text, /Tafels tot 10 automatiseren\./);
      const vorm = await pupil.get(`/opp/${id}/mijn-mening`);
      assert.match(vorm.text, /Wat helpt jou\?/, 'the form for young pupils');
      assert.equal((await pupil.post(`/opp/${id}/mijn-mening`, { 'vraag.helpt': 'Oefenen op de computer vind ik leuk.' })).status, 303);
      assert.equal((await pupil.get(`/opp/${id}`)).status, 404, 'a pupil under 18 reads the portal, not the whole OPP');
      const school = await ib.get(`/opp/${id}`);
      assert.match(school.text, /Oefenen op de computer vind ik leuk\./);
      const meningId = (await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<{ id: string }>(tx, sql`select id from opp_mening where opp_id = ${id} and van = 'leerling'`)))!.id;
      assert.equal((await ib.post(`/opp/${id}/meningen/${meningId}/reactie`, { versie: '1', reactie: 'We oefenen elke ochtend 10 minuten op de computer.' })).status, 303);
      assert.match((await pupil.get('/mijn-opp')).text, /We oefenen elke ochtend 10 minuten op de computer\./);
      const tweede = await ib.post(`/opp/${id}/meningen/${meningId}/reactie`, { versie: '2', reactie: 'Toch anders.' });
      assert.equal(tweede.status, 409, 'a reaction the pupil has read is not rewritten');
      // The SWV raises the age: the portal closes again and nothing is shown.
      await directeur.get('/instellingen/opp');
      assert.equal((await directeur.post('/instellingen/opp', { versie: '1', vanaf: '10' })).status, 303);
      const dicht = await pupil.get('/mijn-opp');
      assert.match(dicht.text, /Dit deel van Passend is voor leerlingen vanaf 10 jaar/);
      assert.doesNotMatch(dicht.text, /Tafels/);
      assert.equal((await pupil.get(`/opp/${id}/mijn-mening`)).status, 404);
    });
  });
}

for (const kind of databaseKinds()) {
  describe(`de meerderjarige leerling in het vso stemt zelf in [${kind}]`, () => {
    let ctx: TestContext;
    after(async () => ctx.db.close());

    it('WEC 41a lid 1: the school lets the adult (v)so pupil decide; the pupil decides online, the parents no longer can', async () => {
      ctx = await makeTestApp(kind);
      const t = await buildTenant(ctx.db);
      // A vso school: its OPPs are vso (a basisschool may not call its OPP vso).
      await ctx.db.owner.execute(sql`update vestiging set soort = 'vso' where code = ${t.vestigingCode}`);
      const leerling = await ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
        const id = (await first<{ id: string }>(tx, sql`insert into leerling (swv_id, voornaam, achternaam, geboortedatum) values (${t.swvId}, 'Sam', 'Volwassen', '2007-01-10') returning id`))!.id;
        await tx.execute(sql`insert into inschrijving (swv_id, leerling_id, vestiging_code, startdatum) values (${t.swvId}, ${id}, ${t.vestigingCode}, '2020-08-20')`);
        return id;
      });
      const ib = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'intern-begeleider'), VANDAAG);
      const o = await buildUser(ctx.db, t, 'ouder');
      await linkOuder(ctx.db, t, leerling, o, true);
      const ouder = await loginOpDatum(ctx, o, VANDAAG);
      const pupil = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'leerling', { leerlingId: leerling }), VANDAAG);
      await ib.get(`/leerlingen/${leerling}/opp/nieuw`);
      const bao = await ib.post(`/leerlingen/${leerling}/opp`, { soort: 'bao', extraOndersteuning: 'ja', aanleiding: 'later' });
      assert.equal(bao.status, 422, 'a vso school does not make a bao OPP');
      assert.match(bao.text, /Kies het soort onderwijs van deze school: voortgezet speciaal onderwijs \(vso\)\./);
      const r = await ib.post(`/leerlingen/${leerling}/opp`, { soort: 'vso', extraOndersteuning: 'ja', aanleiding: 'later' });
      const id = /\/opp\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
      await ib.get(`/opp/${id}/bewerken`);
      assert.equal((await ib.post(`/opp/${id}/versies`, { basis: '0', uitstroom: 'arbeid', 'factor.leren.belemmerend': 'Traag tempo.', 'factor.leren.bevorderend': 'Gemotiveerd.',
        'doel.0.doel': 'Stage lopen.', 'doel.0.ondersteuning': 'Jobcoach.' })).status, 303);
      const pagina = await ib.get(`/opp/${id}`);
      assert.match(pagina.text, /Wie stemt in met het handelingsdeel\?/, 'the choice is offered for an adult (v)so pupil');
      assert.equal((await ib.post(`/opp/${id}/instemming-door`, { versie: '1', door: 'leerling' })).status, 303);
      assert.equal((await pupil.get(`/opp/${id}`)).status, 200, 'the deciding pupil reads the whole OPP');
      assert.equal((await pupil.post(`/opp/${id}/mijn-besluit`, { volgnummer: '1', uitkomst: 'ingestemd' })).status, 303);
      await ouder.get(`/opp/${id}`);
      assert.equal((await ouder.post(`/opp/${id}/mijn-besluit`, { volgnummer: '1', uitkomst: 'geweigerd', reden: 'Niet mee eens.' })).status, 403, 'the parents do not decide any more');
      const besluit = await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => rows<{ door_rol: string; uitkomst: string }>(tx, sql`select door_rol, uitkomst from opp_instemming where opp_id = ${id}`));
      assert.deepEqual(besluit, [{ door_rol: 'leerling', uitkomst: 'ingestemd' }]);
      // A form made before that change is stale: 409, nothing changed.
      const fout = await ib.post(`/opp/${id}/instemming-door`, { versie: '1', door: 'ouders' });
      assert.equal(fout.status, 409, 'a stale version of the OPP row');
    });
  });
}
