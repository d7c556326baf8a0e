/**
 * The OPP through the real pages, on every database kind (issue 6; legal-rules §2, rules 13, 14 and 16): starting
 * only when an OPP is required; every save a new version; a stale save answers 409 with both; the parents refuse
 * version 1 online (with the GPO in plain words), consent to version 1 no longer counts when version 2 exists, and
 * version 2 is adopted only after consent on version 2 and the pupil's view; what was adopted can never change (the
 * database refuses); the evaluation; the ROD export; a parent without gezag and another SWV see nothing; mails carry
 * no content.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildLeerling, buildTenant, buildUser, linkOuder, loginOpDatum, type Client, type TestContext, type TestTenant } from '../support/app.js';
import { first, rows } from '../../src/platform/db/client.js';
import { OPP_ROLLEN } from '../../src/modules/opp/rules/toegang.js';
import { OPP_NAV_ROLLEN } from '../../src/platform/http/render.js';

/** After 2025-08-01, so the pupil's view is required (rule 16). */
const VANDAAG = new Date('2026-03-02T10:00:00Z');

const VERSIE_1 = {
  basis: '0',
  uitstroom: 'vmbo-kb',
  uitstroomToelichting: 'Werkt graag met de handen en leert goed in kleine stappen.',
  'factor.taal-lezen.belemmerend': 'Leest twee jaar achter.',
  'factor.taal-lezen.bevorderend': 'Wil graag leren lezen en oefent thuis.',
  'factor.gedrag.bevorderend': 'Werkt goed met een vaste volwassene.',
  'doel.0.doel': 'Leest aan het eind van het jaar op niveau E5.',
  'doel.0.domein': 'taal-lezen',
  'doel.0.ondersteuning': 'Extra leesbegeleiding in een klein groepje.',
  'doel.0.wie': 'Remedial teacher',
  'doel.0.hoeVaak': '3 keer per week 20 minuten',
  afwijkingen: '',
  wijziging: '',
};

for (const kind of databaseKinds()) {
  describe(`ontwikkelingsperspectief [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: Client;
    let leider: Client;
    let ouder: Client;
    let leerling: string;
    let id: string;
    const lees = <T,>(q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<T>(tx, q));
    const inloggen = async (rol: Parameters<typeof buildUser>[2], tenant = t) => loginOpDatum(ctx, await buildUser(ctx.db, tenant, rol), VANDAAG);

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      leerling = await buildLeerling(ctx.db, t, { achternaam: 'Opptest' });
      ib = await inloggen('intern-begeleider');
      leider = await inloggen('schoolleider');
      const o = await buildUser(ctx.db, t, 'ouder');
      await linkOuder(ctx.db, t, leerling, o, true);
      ouder = await loginOpDatum(ctx, o, VANDAAG);
    });
    after(async () => ctx.db.close());

    it('the menu shows the OPP list to the OPP roles only', () => {
      assert.deepEqual([...OPP_NAV_ROLLEN].sort(), [...OPP_ROLLEN].sort());
    });

    it('starts only when an OPP is required (no needless paperwork), then opens the first version', async () => {
      assert.match((await ib.get(`/leerlingen/${leerling}`)).text, new RegExp(`href="/leerlingen/${leerling}/opp/nieuw"`));
      assert.equal((await ib.get(`/leerlingen/${leerling}/opp/nieuw`)).status, 200);
      const niet = await ib.post(`/leerlingen/${leerling}/opp`, { soort: 'bao', extraOndersteuning: 'nee', aanleiding: 'later' });
      assert.equal(niet.status, 422);
      assert.match(niet.text, /alleen basisondersteuning: een ontwikkelingsperspectief is niet nodig/);
      assert.equal((await lees<{ n: number }>(sql`select count(*)::int as n from opp where leerling_id = ${leerling}`))!.n, 0, 'nothing saved');
      const leeg = await ib.post(`/leerlingen/${leerling}/opp`, {});
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Geef aan of de leerling extra ondersteuning krijgt/);
      const ok = await ib.post(`/leerlingen/${leerling}/opp`, { soort: 'bao', extraOndersteuning: 'ja', aanleiding: 'later' });
      assert.equal(ok.status, 303);
      id = /\/opp\/([0-9a-f-]{36})\/bewerken/.exec(ok.location!)![1]!;
      const o = await lees<{ uiterlijk: string }>(sql`select uiterlijk::text as uiterlijk from opp where id = ${id}`);
      assert.equal(o!.uiterlijk, '2026-04-13', '6 weeks from the start when the need arose later');
      // A second start goes to the running OPP.
      await ib.get(`/leerlingen/${leerling}/opp/nieuw`);
      const tweede = await ib.post(`/leerlingen/${leerling}/opp`, { soort: 'bao', extraOndersteuning: 'ja', aanleiding: 'later' });
      assert.equal(tweede.status, 303);
      assert.equal(tweede.location, `/opp/${id}`);
    });

    it('every save is a new version; a stale save answers 409 with both; an unchanged save is refused', async () => {
      await ib.get(`/opp/${id}/bewerken`);
      const r = await ib.post(`/opp/${id}/versies`, VERSIE_1);
      assert.equal(r.status, 303, r.text.slice(0, 500));
      const pagina = await ib.get(`/opp/${id}`);
      assert.match(pagina.text, /Versie 1: voorstel, nog niet vastgesteld/);
      assert.match(pagina.text, /Leest twee jaar achter\./);
      // Another IB's form was still based on "no version yet".
      await ib.get(`/opp/${id}/bewerken`);
      const oud = await ib.post(`/opp/${id}/versies`, { ...VERSIE_1, 'doel.0.doel': 'Mijn eigen doel dat ik niet kwijt wil.' });
      assert.equal(oud.status, 409);
      assert.match(oud.text, /Iemand anders heeft intussen versie 1 opgeslagen/);
      assert.match(oud.text, /Mijn eigen doel dat ik niet kwijt wil\./, 'keeps what was typed');
      assert.match(oud.text, /Leest aan het eind van het jaar op niveau E5\./, 'shows what is saved');
      assert.match(oud.text, /name="basis" value="1"/, 'saving again builds on version 1');
      const zelfde = await ib.post(`/opp/${id}/versies`, { ...VERSIE_1, basis: '1' });
      assert.equal(zelfde.status, 422);
      assert.match(zelfde.text, /Er is niets veranderd ten opzichte van versie 1/);
      const halfDoel = await ib.post(`/opp/${id}/versies`, { ...VERSIE_1, basis: '1', 'doel.1.doel': 'Een doel zonder hulp' });
      assert.equal(halfDoel.status, 422);
      assert.match(halfDoel.text, /Beschrijf de ondersteuning bij doel 2\./);
      const meer = await ib.post(`/opp/${id}/versies`, { ...VERSIE_1, basis: '1', actie: 'meer-doelen' });
      assert.equal(meer.status, 200);
      assert.match(meer.text, /name="doel\.4\.doel"/, 'two more empty goal rows, nothing saved');
      assert.equal((await lees<{ n: number }>(sql`select count(*)::int as n from opp_versie where opp_id = ${id}`))!.n, 1);
    });

    it('records the OOGO; the parents refuse version 1 online with reasons and see where to go', async () => {
      await ib.get(`/opp/${id}`);
      assert.equal((await ib.post(`/opp/${id}/oogo`, { op: '2026-03-02', deelnemers: 'Moeder, IB, leerkracht', uitkomst: 'deels', verslag: '' })).status, 303, 'oogo');
      const toekomst = await ib.post(`/opp/${id}/oogo`, { op: '2026-04-01', deelnemers: 'Moeder', uitkomst: 'deels' });
      assert.equal(toekomst.status, 422);
      assert.match(toekomst.text, /De datum van het overleg ligt in de toekomst\./);
      const pagina = await ouder.get(`/opp/${id}`);
      assert.equal(pagina.status, 200);
      assert.match(pagina.text, /Uw besluit over versie 1/);
      const zonderReden = await ouder.post(`/opp/${id}/mijn-besluit`, { volgnummer: '1', uitkomst: 'geweigerd', reden: '' });
      assert.equal(zonderReden.status, 422);
      assert.match(zonderReden.text, /Schrijf op waarom u niet instemt/);
      const nee = await ouder.post(`/opp/${id}/mijn-besluit`, { volgnummer: '1', uitkomst: 'geweigerd', reden: 'Drie keer per week uit de klas is te veel.' });
      assert.equal(nee.status, 303);
      const daarna = await ouder.get(`/opp/${id}`);
      assert.match(daarna.text, /U heeft niet ingestemd\. Wat nu\?/);
      assert.match(daarna.text, /Geschillencommissie passend onderwijs/);
      assert.match(daarna.text, /13 april 2026/, 'GPO within 6 weeks of the refusal');
    });

    it('consent to version 1 is not consent to version 2: adoption waits for consent on version 2 and the pupil\'s view', async () => {
      await ib.get(`/opp/${id}/bewerken`);
      const v2 = await ib.post(`/opp/${id}/versies`, { ...VERSIE_1, basis: '1', 'doel.0.hoeVaak': '2 keer per week 20 minuten', wijziging: 'Minder vaak uit de klas.' });
      assert.equal(v2.status, 303);
      // A decision on the version the parent saw before: refused, with the reason.
      const oud = await ouder.post(`/opp/${id}/mijn-besluit`, { volgnummer: '1', uitkomst: 'ingestemd', reden: '' });
      assert.equal(oud.status, 409);
      assert.match(oud.text, /Er is intussen een nieuwere versie \(versie 2\)/);
      await leider.get(`/opp/${id}/vaststellen`);
      const teVroeg = await leider.post(`/opp/${id}/vaststellen`, { volgnummer: '2', op: '2026-03-02' });
      assert.equal(teVroeg.status, 422);
      assert.match(teVroeg.text, /De ouders moeten eerst instemmen met het handelingsdeel van versie 2\. Instemming met een eerdere versie telt niet\./);
      assert.match(teVroeg.text, /Leg vast wat de leerling zelf vindt van de ondersteuning/);
      assert.equal((await ouder.post(`/opp/${id}/mijn-besluit`, { volgnummer: '2', uitkomst: 'ingestemd', reden: '' })).status, 303);
      const nogGeenMening = await leider.post(`/opp/${id}/vaststellen`, { volgnummer: '2', op: '2026-03-02' });
      assert.equal(nogGeenMening.status, 422);
      assert.doesNotMatch(nogGeenMening.text, /moeten eerst instemmen/);
      await ib.get(`/opp/${id}/leerling-mening`);
      const leeg = await ib.post(`/opp/${id}/leerling-mening`, { soort: 'mening', vorm: 'gesprek', gegevenOp: '2026-03-02' });
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Beantwoord ten minste één vraag/);
      const mening = await ib.post(`/opp/${id}/leerling-mening`, { soort: 'mening', vorm: 'gesprek', gegevenOp: '2026-03-02', 'vraag.helpt': 'Als de juf naast me zit.' });
      assert.equal(mening.status, 303);
      assert.equal((await ib.post(`/opp/${id}/vaststellen`, { volgnummer: '2', op: '2026-03-02' })).status, 403, 'the IB does not adopt');
      const ok = await leider.post(`/opp/${id}/vaststellen`, { volgnummer: '2', op: '2026-03-02' });
      assert.equal(ok.status, 303, ok.text.slice(0, 400));
      const v = await lees<{ vastgesteldOp: string }>(sql`select vastgesteld_op::text as "vastgesteldOp" from opp_versie where opp_id = ${id} and volgnummer = 2`);
      assert.equal(v!.vastgesteldOp, '2026-03-02');
      const pagina = await ouder.get(`/opp/${id}`);
      assert.match(pagina.text, /Versie 2, vastgesteld op 2 maart 2026/);
      assert.match(pagina.text, /Als de juf naast me zit\./, 'the parent sees the pupil\'s view');
      const mail = await ctx.db.withSystem((tx) => rows<{ tekst: string }>(tx, sql`select tekst from mail_bericht where onderwerp = 'Het ontwikkelingsperspectief van uw kind is vastgesteld' order by created_at desc limit 1`));
      assert.equal(mail.length, 1);
      assert.doesNotMatch(mail[0]!.tekst, /lees|Leest|juf/i, 'no content in the mail');
    });

    it('what was adopted never changes: the database refuses to edit or delete a version, also for the owner', async () => {
      const nieuw = (q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(q)).then(() => 'ok', (e) => (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code);
      assert.equal(await nieuw(sql`update opp_versie set handelingsdeel = '[]'::jsonb where opp_id = ${id}`), '42501', 'app role: no right to change content');
      assert.equal(await nieuw(sql`delete from opp_versie where opp_id = ${id}`), '42501');
      assert.equal(await nieuw(sql`delete from opp_instemming where opp_id = ${id}`), '42501', 'consent records are append-only');
      // As the owner (with the tenant set: on PostgreSQL FORCE RLS applies to the owner too).
      const owner = (q: ReturnType<typeof sql>) => ctx.db.owner.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.swv_id', ${t.swvId}, true)`);
        await tx.execute(q);
      }).then(() => 'ok', (e) => (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code);
      assert.equal(await owner(sql`update opp_versie set vastgesteld_op = null, vastgesteld_door = null where opp_id = ${id} and volgnummer = 2`), 'PS001');
      assert.equal(await owner(sql`update opp_versie set afwijkingen = 'x' where opp_id = ${id} and volgnummer = 1`), 'PS002');
    });

    it('the yearly evaluation: results per goal, and the next version starts from it', async () => {
      const voor = await ib.get(`/opp/${id}`);
      assert.match(voor.text, /Evalueren met de ouders vóór 31 juli 2026/);
      await ib.get(`/opp/${id}/evaluatie`);
      const zonder = await ib.post(`/opp/${id}/evaluatie`, { op: '2026-03-02', deelnemers: 'Moeder, IB', metOuders: 'ja', conclusie: 'bijstellen' });
      assert.equal(zonder.status, 422);
      assert.match(zonder.text, /Kies het resultaat van doel 1\./);
      const r = await ib.post(`/opp/${id}/evaluatie`, { op: '2026-03-02', deelnemers: 'Moeder, IB', metOuders: 'ja', conclusie: 'bijstellen', 'resultaat.0.uitkomst': 'deels' });
      assert.equal(r.status, 303);
      assert.match(r.location!, new RegExp(`/opp/${id}/bewerken\\?evaluatie=[0-9a-f-]{36}$`));
      const form = await ib.get(r.location!);
      assert.match(form.text, /Deze versie begint bij de evaluatie van 2 maart 2026/);
      assert.match(form.text, /deels behaald/);
      assert.match((await ib.get(`/opp/${id}`)).text, /Dit schooljaar geëvalueerd/);
    });

    it('the list, the CSV and the ROD export (start = first adoption, no BSN)', async () => {
      const lijst = await ib.get('/opp');
      assert.equal(lijst.status, 200);
      assert.match(lijst.text, /Test Opptest/);
      const csv = await ib.get('/opp.csv');
      assert.match(csv.text, /Opptest/);
      const rod = await ib.get('/opp-rod.csv');
      assert.equal(rod.status, 200);
      assert.match(rod.text, new RegExp(`${t.vestigingCode.slice(0, 4)};${t.vestigingCode.slice(4)};${leerling};Opptest;Test;2016-05-04;2026-03-02;`));
      assert.equal((await ib.get(`/opp/${id}/opp.pdf`)).headers.get('content-type'), 'application/pdf');
      assert.match((await ouder.get(`/opp/${id}/afdrukken`)).text, /Ontwikkelingsperspectief van Test Opptest, versie 2/);
    });

    it('a parent without gezag, another school and another SWV see nothing (404, logged)', async () => {
      const zonderGezag = await buildUser(ctx.db, t, 'ouder');
      await linkOuder(ctx.db, t, leerling, zonderGezag, false);
      const c1 = await loginOpDatum(ctx, zonderGezag, VANDAAG);
      assert.equal((await c1.get(`/opp/${id}`)).status, 404);
      assert.equal((await c1.post(`/opp/${id}/mijn-besluit`, { volgnummer: '3', uitkomst: 'ingestemd' })).status, 404);
      const anderIb = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'intern-begeleider', { vestigingCode: t.andereVestigingCode }), VANDAAG);
      assert.equal((await anderIb.get(`/opp/${id}`)).status, 404);
      const B = await buildTenant(ctx.db);
      const ibB = await inloggen('intern-begeleider', B);
      assert.equal((await ibB.get(`/opp/${id}`)).status, 404);
      const swv = await inloggen('swv-medewerker');
      assert.equal((await swv.get(`/opp/${id}`)).status, 403, 'the SWV does not read OPPs by default');
      const geweigerd = await ctx.db.withSystem((tx) => rows(tx, sql`select 1 from audit_event where object_id = ${id} and resultaat = 'geweigerd'`));
      assert.ok(geweigerd.length >= 3);
    });
  });
}
