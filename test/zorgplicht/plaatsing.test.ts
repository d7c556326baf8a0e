/**
 * Journey 2 through the real pages, on every database kind: a refusal of a pupil needing extra support is blocked
 * until another school confirmed IN PASSEND that it will admit (rule 7: "considering" is not enough); the other
 * school sees only what it needs; the SWV gives advice; the parent with gezag follows every step (without gezag:
 * nothing); vo suspension moves the deadline; withdrawal stops the clock; a refusal after a provisional placement
 * ends the enrolment the day of the decision (de-registered from the day after, rule 6).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, linkOuder, loginOpDatum, type Client, type TestContext, type TestTenant } from '../support/app.js';
import { first, rows } from '../../src/platform/db/client.js';

/** Today in these cases: the dates are fixed. */
const VANDAAG = new Date('2025-04-10T10:00:00Z');
const KIND = {
  voornaam: 'Noor', achternaam: 'Plaatsingtest', geboortedatum: '2020-02-03', sector: 'po', ontvangenOp: '2025-03-03',
  isEersteVoorkeur: 'ja', extraOndersteuningVerwacht: 'ja', andereScholen: '', ouderInformatie: 'Noor heeft veel moeite met drukte in de klas.',
};

for (const kind of databaseKinds()) {
  describe(`plaatsing elders, advies, ouder [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: Client;
    let anderIb: Client;
    let id: string;
    const lees = <T,>(q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<T>(tx, q));
    const versie = async (aid: string) => String((await lees<{ versie: number }>(sql`select versie from aanmelding where id = ${aid}`))!.versie);
    /** Also returns the user: a parent must be linked to the pupil (linkOuder). */
    const aanmelden = async (rol: Parameters<typeof buildUser>[2], opts: Parameters<typeof buildUser>[3] = {}, tenant = t) => {
      const u = await buildUser(ctx.db, tenant, rol, opts);
      return { c: await loginOpDatum(ctx, u, VANDAAG), u };
    };
    const registreer = async (extra: Record<string, string> = {}) => {
      await ib.get('/aanmeldingen/nieuw');
      const r = await ib.post('/aanmeldingen', { ...KIND, ...extra });
      assert.equal(r.status, 303, r.text.slice(0, 500));
      return /\/aanmeldingen\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
    };

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      ib = (await aanmelden('intern-begeleider')).c;
      anderIb = (await aanmelden('intern-begeleider', { vestigingCode: t.andereVestigingCode })).c;
      id = await registreer();
      await ib.get(`/aanmeldingen/${id}`);
      assert.equal((await ib.post(`/aanmeldingen/${id}/beoordeling`, { versie: await versie(id), nodig: 'ja', uitzondering: 'geen' })).status, 303);
    });
    after(async () => ctx.db.close());

    const weiger = async () => {
      await ib.get(`/aanmeldingen/${id}`);
      return ib.post(`/aanmeldingen/${id}/besluit`, { versie: await versie(id), besluit: 'geweigerd', besluitOp: '2025-04-10', besluitToelichting: 'Wij kunnen de rust die Noor nodig heeft niet bieden.' });
    };

    it('rule 7: the other school gets the request, sees only what it needs; "we consider it" does not lift the block, "yes" does', async () => {
      await ib.get(`/aanmeldingen/${id}`);
      const eigen = await ib.post(`/aanmeldingen/${id}/plaatsingsverzoeken`, { vestigingCode: t.vestigingCode, vraag: 'Noor heeft een rustige klas nodig.' });
      assert.equal(eigen.status, 422);
      assert.match(eigen.text, /Kies een andere school dan uw eigen school/);
      const kort = await ib.post(`/aanmeldingen/${id}/plaatsingsverzoeken`, { vestigingCode: t.andereVestigingCode, vraag: 'kort' });
      assert.equal(kort.status, 422);
      assert.match(kort.text, /Schrijf op welke ondersteuning het kind nodig heeft/);
      const t2 = await buildTenant(ctx.db);
      const elders = await ib.post(`/aanmeldingen/${id}/plaatsingsverzoeken`, { vestigingCode: t2.vestigingCode, vraag: 'Noor heeft een rustige klas nodig.' });
      assert.equal(elders.status, 422);
      assert.match(elders.text, /Kies een school van dit samenwerkingsverband/);
      const ok = await ib.post(`/aanmeldingen/${id}/plaatsingsverzoeken`, { vestigingCode: t.andereVestigingCode, vraag: 'Noor heeft een rustige klas nodig met een vaste leerkracht.' });
      assert.equal(ok.status, 303);
      const dubbel = await ib.post(`/aanmeldingen/${id}/plaatsingsverzoeken`, { vestigingCode: t.andereVestigingCode, vraag: 'Noor heeft een rustige klas nodig met een vaste leerkracht.' });
      assert.equal(dubbel.status, 422);
      assert.match(dubbel.text, /al gevraagd/);

      // The asked school: its inbox and the request — name, birth date, question; not the parents' information.
      const inbox = await anderIb.get('/plaatsingsverzoeken');
      assert.match(inbox.text, /Noor Plaatsingtest/);
      const verzoekId = (await lees<{ id: string }>(sql`select id from plaatsingsverzoek where aanmelding_id = ${id}`))!.id;
      const verzoek = await anderIb.get(`/plaatsingsverzoeken/${verzoekId}`);
      assert.equal(verzoek.status, 200);
      assert.match(verzoek.text, /rustige klas nodig met een vaste leerkracht/);
      assert.doesNotMatch(verzoek.text, /moeite met drukte/, 'the application itself stays with the school applied to');
      assert.equal((await anderIb.get(`/aanmeldingen/${id}`)).status, 404, 'the asked school does not open the application');
      assert.equal((await ib.get(`/plaatsingsverzoeken/${verzoekId}`)).status, 404, 'the requesting school does not answer its own request');

      assert.equal((await anderIb.post(`/plaatsingsverzoeken/${verzoekId}/antwoord`, { versie: '1', antwoord: 'overweegt', toelichting: '' })).status, 303);
      const nogGeblokkeerd = await weiger();
      assert.equal(nogGeblokkeerd.status, 422);
      assert.match(nogGeblokkeerd.text, /We overwegen het(&quot;|") is niet genoeg/);
      const nee = await anderIb.post(`/plaatsingsverzoeken/${verzoekId}/antwoord`, { versie: '2', antwoord: 'afgewezen', toelichting: '' });
      assert.equal(nee.status, 422, 'a no needs reasons');
      assert.match(nee.text, /Schrijf op waarom uw school het kind niet kan toelaten/);
      const oud = await anderIb.post(`/plaatsingsverzoeken/${verzoekId}/antwoord`, { versie: '1', antwoord: 'bereid', toelichting: '' });
      assert.equal(oud.status, 409, 'stale version');
      assert.equal((await anderIb.post(`/plaatsingsverzoeken/${verzoekId}/antwoord`, { versie: '2', antwoord: 'bereid', toelichting: 'Welkom in groep 2.' })).status, 303);
      const definitief = await anderIb.post(`/plaatsingsverzoeken/${verzoekId}/antwoord`, { versie: '3', antwoord: 'afgewezen', toelichting: 'Toch maar niet, sorry.' });
      assert.equal(definitief.status, 409, 'a final answer stays');

      const geweigerd = await weiger();
      assert.equal(geweigerd.status, 303, geweigerd.text.slice(0, 300));
      const brief = await ib.get(geweigerd.location!);
      assert.match(brief.text, /Testschool Het Anker heeft bevestigd dat uw kind daar welkom is/);
      assert.match(brief.text, /Geschillencommissie passend onderwijs/);
      // Every read and write of the other school is audited with the pupil.
      const events = await ctx.db.withSystem((tx) => rows<{ actie: string }>(tx, sql`select actie from audit_event
        where object_type = 'plaatsingsverzoek' and object_id = ${verzoekId} and resultaat = 'ok'`));
      assert.ok(events.some((e) => e.actie === 'lezen') && events.some((e) => e.actie === 'wijzigen') && events.some((e) => e.actie === 'aanmaken'));
    });

    it('the parent with gezag sees the steps and the decision letter; a parent without gezag sees nothing', async () => {
      const leerlingId = (await lees<{ leerling_id: string }>(sql`select leerling_id from aanmelding where id = ${id}`))!.leerling_id;
      const ouder = await aanmelden('ouder');
      await linkOuder(ctx.db, t, leerlingId, ouder.u, true);
      const lijst = await ouder.c.get('/aanmeldingen');
      assert.equal(lijst.status, 200);
      assert.match(lijst.text, /Noor Plaatsingtest/);
      assert.doesNotMatch(lijst.text, /Download als CSV/);
      const page = await ouder.c.get(`/aanmeldingen/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /De school vroeg Testschool Het Anker of uw kind daar terecht kan/);
      assert.match(page.text, /Testschool Het Anker wil het kind toelaten/);
      assert.match(page.text, /De school besloot uw kind niet toe te laten/);
      assert.doesNotMatch(page.text, /Besluit opslaan|Verzoek versturen/, 'parents read, the school acts');
      assert.equal((await ouder.c.get(`/aanmeldingen/${id}/brief/besluit`)).status, 200);
      assert.equal((await ouder.c.get('/aanmeldingen.csv')).status, 403);
      const zonderGezag = await aanmelden('ouder');
      await linkOuder(ctx.db, t, leerlingId, zonderGezag.u, false);
      assert.equal((await zonderGezag.c.get(`/aanmeldingen/${id}`)).status, 404);
      assert.doesNotMatch((await zonderGezag.c.get('/aanmeldingen')).text, /Plaatsingtest/);
    });

    it('the school asks the SWV for advice at any step; the SWV answers; the school cannot answer its own question', async () => {
      const tweede = await registreer({ achternaam: 'Adviestest' });
      await ib.get(`/aanmeldingen/${tweede}`);
      const leeg = await ib.post(`/aanmeldingen/${tweede}/advies`, { vraagAdvies: '' });
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Schrijf uw vraag/);
      assert.equal((await ib.post(`/aanmeldingen/${tweede}/advies`, { vraagAdvies: 'Welke school in de regio heeft een prikkelarme klas?' })).status, 303);
      const adviesId = (await lees<{ id: string }>(sql`select id from aanmelding_advies where aanmelding_id = ${tweede}`))!.id;
      assert.equal((await ib.post(`/aanmeldingen/${tweede}/advies/${adviesId}`, { advies: 'Dit mag de school niet zelf.' })).status, 403);
      const swv = (await aanmelden('swv-medewerker')).c;
      const overzicht = await swv.get('/aanmeldingen');
      assert.match(overzicht.text, /Een school vraagt om advies/);
      assert.match(overzicht.text, new RegExp(`href="/aanmeldingen/${tweede}">Noor Adviestest`));
      await swv.get(`/aanmeldingen/${tweede}`);
      assert.equal((await swv.post(`/aanmeldingen/${tweede}/advies/${adviesId}`, { advies: 'Vraag De Wilg; die heeft een kleine groep.' })).status, 303);
      assert.equal((await swv.post(`/aanmeldingen/${tweede}/advies/${adviesId}`, { advies: 'Nog een keer antwoorden kan niet.' })).status, 409);
      assert.match((await ib.get(`/aanmeldingen/${tweede}`)).text, /Vraag De Wilg; die heeft een kleine groep\./);
      assert.doesNotMatch((await swv.get('/aanmeldingen')).text, /vraagt om advies/, 'answered: off the to-do list');
    });

    it('vo: the term stands still for an incomplete application (deadline moves); po cannot; withdrawal stops the clock', async () => {
      const vo = await registreer({ achternaam: 'Votest', sector: 'vo', geboortedatum: '2013-05-01' });
      await ib.get(`/aanmeldingen/${vo}`);
      const omgekeerd = await ib.post(`/aanmeldingen/${vo}/opschorten`, { versie: await versie(vo), van: '2025-03-20', tot: '2025-03-10', opschortingReden: 'Het schooladvies ontbreekt nog.' });
      assert.equal(omgekeerd.status, 422);
      assert.match(omgekeerd.text, /einddatum ligt voor de begindatum/);
      assert.equal((await ib.post(`/aanmeldingen/${vo}/opschorten`, { versie: await versie(vo), van: '2025-03-10', tot: '2025-03-19', opschortingReden: 'Het schooladvies ontbreekt nog.' })).status, 303);
      // 2025-03-03 + 6 weeks = 2025-04-14, plus 10 days standing still = 2025-04-24.
      assert.match((await ib.get(`/aanmeldingen/${vo}`)).text, /Beslissen uiterlijk 24 april 2025/);

      const po = await registreer({ achternaam: 'Potest' });
      await ib.get(`/aanmeldingen/${po}`);
      const poOpschorting = await ib.post(`/aanmeldingen/${po}/opschorten`, { versie: await versie(po), van: '2025-03-10', tot: '2025-03-19', opschortingReden: 'Er ontbreekt nog informatie.' });
      assert.equal(poOpschorting.status, 422);
      assert.match(poOpschorting.text, /Alleen in het voortgezet onderwijs/);

      assert.equal((await ib.get(`/aanmeldingen/${po}/intrekken`)).status, 200);
      const toekomst = await ib.post(`/aanmeldingen/${po}/intrekken`, { versie: await versie(po), op: '2025-05-01', reden: 'Gaat naar een andere school.' });
      assert.equal(toekomst.status, 422);
      assert.match(toekomst.text, /ligt in de toekomst/);
      assert.equal((await ib.post(`/aanmeldingen/${po}/intrekken`, { versie: await versie(po), op: '2025-04-01', reden: 'Gaat naar een andere school.' })).status, 303);
      const page = await ib.get(`/aanmeldingen/${po}`);
      assert.match(page.text, /Deze aanmelding is ingetrokken/);
      assert.doesNotMatch(page.text, /Besluit opslaan/);
      const besluit = await ib.post(`/aanmeldingen/${po}/besluit`, { versie: await versie(po), besluit: 'toegelaten', besluitOp: '2025-04-10', besluitToelichting: '' });
      assert.equal(besluit.status, 409, 'no decision on a withdrawn application');
    });

    it('rule 6: a refusal after a provisional placement ends the enrolment; the pupil is de-registered from the next day', async () => {
      const laat = await registreer({ achternaam: 'Laattest' });
      // The daily job placed the child provisionally (its own test covers when); here: what the decision does after.
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
        const a = (await first<{ leerling_id: string }>(tx, sql`select leerling_id from aanmelding where id = ${laat}`))!;
        const ins = (await first<{ id: string }>(tx, sql`insert into inschrijving (swv_id, leerling_id, vestiging_code, startdatum)
          values (${t.swvId}, ${a.leerling_id}, ${t.vestigingCode}, '2025-03-01') returning id`))!;
        await tx.execute(sql`update aanmelding set tijdelijk_geplaatst_vanaf = '2025-03-01', inschrijving_id = ${ins.id}, status = 'tijdelijk-geplaatst',
          extra_ondersteuning_nodig = false, beoordeeld_op = '2025-03-05', versie = versie + 1 where id = ${laat}`);
      });
      await ib.get(`/aanmeldingen/${laat}`);
      const r = await ib.post(`/aanmeldingen/${laat}/besluit`, { versie: await versie(laat), besluit: 'geweigerd', besluitOp: '2025-04-10', besluitToelichting: 'De school kan dit kind niet de juiste plek bieden.' });
      assert.equal(r.status, 303, r.text.slice(0, 400));
      const ins = await lees<{ einddatum: string }>(sql`select i.einddatum::text from inschrijving i join aanmelding a on a.inschrijving_id = i.id where a.id = ${laat}`);
      assert.equal(ins!.einddatum, '2025-04-10', 'last day = the decision day; de-registered from 2025-04-11');
      assert.match((await ib.get(r.location!)).text, /uitgeschreven vanaf de dag na dit besluit/);
    });
  });
}
