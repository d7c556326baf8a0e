/**
 * The staff side of the ondersteuningsaanbod through the real pages and API: a school writes a concept, the
 * school leader adopts it with the MR's advice, an adopted version is read-only (in the app and in the database),
 * the next year starts from a copy; the SWV keeps its basisondersteuning and profile; and an access matrix: only
 * the school's own staff edit its offer. On every database kind.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, login, Client, type TestContext, type TestTenant, type TestUser } from '../support/app.js';
import { first, rows } from '../../src/platform/db/client.js';
import { schoolYearOf } from '../../src/platform/civil-date.js';
import { volgendSchooljaar } from '../../src/modules/aanbod/rules/schooljaar.js';
import { AANBOD_ROLLEN } from '../../src/modules/aanbod/rules/toegang.js';
import { AANBOD_NAV_ROLLEN } from '../../src/platform/http/render.js';
import { ROLES } from '../../src/platform/auth/roles.js';

const VOLLEDIG = {
  toelichting: 'Wij zijn een kleine school. Kinderen die meer nodig hebben, krijgen hulp in de eigen klas.',
  'd.gedrag.aan': 'ja', 'd.gedrag.niveau': 'extra', 'd.gedrag.watWijDoen': 'Wij werken met een gedragsspecialist.',
  'd.gedrag.expertise': 'Gedragsspecialist (master SEN)', 'd.gedrag.grenzen': 'Geen een-op-een begeleiding de hele dag.',
  'v.lift': 'ja', contactNaam: 'Mw. Test', contactEmail: 'ib@school.test', contactTelefoon: '',
};

const idUit = (location: string | null) => /\/aanbod\/versie\/([0-9a-f-]{36})/.exec(location ?? '')?.[1];

for (const kind of databaseKinds()) {
  describe(`ondersteuningsaanbod: beheer [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: TestUser;
    let leider: TestUser;
    let ibC: Client;
    let leiderC: Client;
    const jaar = schoolYearOf(new Date().toISOString().slice(0, 10));

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      ib = await buildUser(ctx.db, t, 'intern-begeleider');
      leider = await buildUser(ctx.db, t, 'schoolleider');
      ibC = await login(ctx, ib);
      leiderC = await login(ctx, leider);
    });
    after(async () => ctx.db.close());

    async function nieuwConcept(c: Client, schooljaar = jaar, bron = 'leeg'): Promise<string> {
      await c.get('/aanbod');
      const r = await c.post('/aanbod/nieuw', { schooljaar, bron });
      assert.equal(r.status, 303, r.text.slice(0, 500));
      return idUit(r.location)!;
    }

    /** Reads as the app role in the test SWV: on PostgreSQL the owner is subject to the forced RLS too. */
    const lees = <T,>(q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<T>(tx, q));

    async function versieVan(id: string): Promise<number> {
      return (await lees<{ versie: number }>(sql`select versie from ondersteuningsaanbod where id = ${id}`))!.versie;
    }

    it('a concept is saved as typed; a bad e-mail address or a domain without level re-renders with the input kept', async () => {
      const id = await nieuwConcept(ibC);
      const page = await ibC.get(`/aanbod/versie/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Dit is een concept/);
      const fout = await ibC.post(`/aanbod/versie/${id}`, { versie: String(await versieVan(id)), ...VOLLEDIG, contactEmail: 'geen-adres', 'd.rekenen.aan': 'ja' });
      assert.equal(fout.status, 422);
      assert.match(fout.text, /Vul een geldig e-mailadres in/);
      assert.match(fout.text, /Kies het niveau van de ondersteuning bij rekenen/);
      assert.match(fout.text, /Wij werken met een gedragsspecialist\./, 'typed text is kept');
      const ok = await ibC.post(`/aanbod/versie/${id}`, { versie: String(await versieVan(id)), ...VOLLEDIG });
      assert.equal(ok.status, 303);
      const row = (await lees<{ domeinen: { domein: string; niveau: string }[]; voorzieningen: string[] }>(sql`select domeinen, voorzieningen from ondersteuningsaanbod where id = ${id}`))!;
      assert.deepEqual(row.domeinen.map((d) => [d.domein, d.niveau]), [['gedrag', 'extra']]);
      assert.deepEqual(row.voorzieningen, ['lift']);
      // A stale save (someone else saved in between) is a 409 that keeps the user's input.
      const stale = await ibC.post(`/aanbod/versie/${id}`, { versie: '1', ...VOLLEDIG, toelichting: 'Mijn eigen nieuwe tekst' });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Mijn eigen nieuwe tekst/);
      // One concept at a time.
      const tweede = await ibC.post('/aanbod/nieuw', { schooljaar: jaar, bron: 'leeg' });
      assert.equal(tweede.status, 422);
      assert.match(tweede.text, /al een conceptversie/);
    });

    it('adoption needs the MR advice with a date not in the future, and a reaction to a negative advice', async () => {
      const id = (await lees<{ id: string }>(sql`select id from ondersteuningsaanbod where vestiging_code = ${t.vestigingCode} and status = 'concept'`))!.id;
      const versie = String(await versieVan(id));
      // The intern begeleider writes, but does not adopt.
      const ibTry = await ibC.post(`/aanbod/versie/${id}/vaststellen`, { versie, mrAdvies: 'positief', mrAdviesDatum: '2026-01-10' });
      assert.equal(ibTry.status, 403);
      await leiderC.get(`/aanbod/versie/${id}/vaststellen`);
      const zonder = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie });
      assert.equal(zonder.status, 422);
      assert.match(zonder.text, /medezeggenschapsraad/);
      const toekomst = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie, mrAdvies: 'positief', mrAdviesDatum: '2999-01-01' });
      assert.equal(toekomst.status, 422);
      assert.match(toekomst.text, /ligt in de toekomst/);
      const negatief = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie, mrAdvies: 'negatief', mrAdviesDatum: '2026-01-10', mrAdviesToelichting: 'Te weinig over gedrag.' });
      assert.equal(negatief.status, 422);
      assert.match(negatief.text, /waarom u het aanbod toch vaststelt/);
      assert.match(negatief.text, /Te weinig over gedrag\./, 'typed text kept');
      assert.equal((await lees<{ status: string }>(sql`select status from ondersteuningsaanbod where id = ${id}`))!.status, 'concept', 'nothing saved');
      const ok = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie, mrAdvies: 'positief', mrAdviesDatum: '2026-01-10' });
      assert.equal(ok.status, 303, ok.text.slice(0, 300));
      // A second click (or an old tab) leads to the public version, not to an error.
      const nogEens = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie, mrAdvies: 'positief', mrAdviesDatum: '2026-01-10' });
      assert.equal(nogEens.status, 303);
      assert.equal(nogEens.location, ok.location);
      assert.equal(ok.location, `/scholen/${t.vestigingCode}/aanbod/${jaar}/1`);
      const row = (await lees<{ status: string; vastgesteld_op: string; vastgesteld_door: string }>(sql`select status, vastgesteld_op::text, vastgesteld_door from ondersteuningsaanbod where id = ${id}`))!;
      assert.equal(row.status, 'vastgesteld');
      assert.equal(row.vastgesteld_door, leider.id);
    });

    it('an adopted version is read-only: in the pages, the API and the database itself', async () => {
      const id = (await lees<{ id: string }>(sql`select id from ondersteuningsaanbod where vestiging_code = ${t.vestigingCode} and status = 'vastgesteld'`))!.id;
      const versie = String(await versieVan(id));
      const page = await ibC.get(`/aanbod/versie/${id}`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.text, /Concept opslaan/);
      const post = await ibC.post(`/aanbod/versie/${id}`, { versie, ...VOLLEDIG, toelichting: 'Stiekem veranderd' });
      assert.equal(post.status, 409);
      const del = await ibC.post(`/aanbod/versie/${id}/verwijderen`, {});
      assert.equal(del.status, 409);
      const api = await ibC.request('PUT', `/api/aanbod/versies/${id}`, { json: { versie: Number(versie), inhoud: { toelichting: 'x', contactNaam: '', contactEmail: '', contactTelefoon: '', domeinen: [], voorzieningen: [], voorzieningenToelichting: '', basisOnderdelen: [], basisToelichting: '' } } });
      assert.equal(api.status, 409);
      assert.match(api.headers.get('content-type')!, /application\/problem\+json/);
      // The database itself refuses to change history (trigger, SQLSTATE PS001): as the app role in its own SWV,
      // and on PGlite also as the superuser owner.
      const isPs001 = (e: { code?: string; cause?: { code?: string } }) => (e.code ?? e.cause?.code) === 'PS001';
      const alsApp = (q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(q));
      await assert.rejects(alsApp(sql`update ondersteuningsaanbod set toelichting = 'x' where id = ${id}`), isPs001);
      await assert.rejects(alsApp(sql`delete from ondersteuningsaanbod where id = ${id}`), isPs001);
      if (kind === 'pglite') await assert.rejects(ctx.db.owner.execute(sql`update ondersteuningsaanbod set toelichting = 'x' where id = ${id}`), isPs001);
      const toelichting = (await lees<{ toelichting: string }>(sql`select toelichting from ondersteuningsaanbod where id = ${id}`))!.toelichting;
      assert.equal(toelichting, VOLLEDIG.toelichting);
    });

    it('the next version starts from a copy of the last one and picks up the SWV basisondersteuning', async () => {
      // The SWV prepares and adopts its basisondersteuning for next year.
      const volgend = volgendSchooljaar(jaar);
      const medewerker = await login(ctx, await buildUser(ctx.db, t, 'swv-medewerker'));
      const directeur = await login(ctx, await buildUser(ctx.db, t, 'swv-directeur'));
      await medewerker.get('/swv/basisondersteuning');
      const oud = await medewerker.post('/swv/basisondersteuning/2001-2002', { versie: '0', 'o.0.domein': 'gedrag', 'o.0.omschrijving': 'Te laat' });
      assert.equal(oud.status, 422, 'no basisondersteuning for a past school year');
      assert.equal((await medewerker.post('/swv/basisondersteuning/nieuw', { schooljaar: volgend })).status, 303);
      await medewerker.get(`/swv/basisondersteuning/${volgend}`);
      const leeg = await medewerker.post(`/swv/basisondersteuning/${volgend}`, { versie: '1', 'o.0.domein': '', 'o.0.omschrijving': 'Zonder gebied' });
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Kies bij elk onderdeel het onderwerp/);
      const bewaard = await medewerker.post(`/swv/basisondersteuning/${volgend}`, {
        versie: '1', 'o.0.domein': 'taal-lezen', 'o.0.omschrijving': 'Dyslexieprotocol', 'o.1.domein': 'gedrag', 'o.1.omschrijving': 'Aanpak van pesten',
      });
      assert.equal(bewaard.status, 303);
      await directeur.get(`/swv/basisondersteuning/${volgend}`);
      const medewerkerVast = await medewerker.post(`/swv/basisondersteuning/${volgend}/vaststellen`, { versie: '2' });
      assert.equal(medewerkerVast.status, 403, 'only the SWV director adopts');
      assert.equal((await directeur.post(`/swv/basisondersteuning/${volgend}/vaststellen`, { versie: '2' })).status, 303);

      const id = await nieuwConcept(ibC, volgend, 'kopie');
      const row = (await lees<{ toelichting: string; domeinen: { domein: string }[]; basis_onderdelen: { code: string; geboden: boolean | null }[]; gebaseerd_op: string | null; volgnummer: number }>(sql`select toelichting, domeinen, basis_onderdelen, gebaseerd_op, volgnummer from ondersteuningsaanbod where id = ${id}`))!;
      assert.equal(row.toelichting, VOLLEDIG.toelichting, 'content copied');
      assert.deepEqual(row.domeinen.map((d) => d.domein), ['gedrag']);
      assert.ok(row.gebaseerd_op);
      assert.equal(row.volgnummer, 1);
      assert.deepEqual(row.basis_onderdelen.map((b) => [b.code, b.geboden]), [['b1', null], ['b2', null]], 'basis items to confirm');
      // Adoption is refused until every basis item is answered, and a "no" needs an honest explanation.
      const versie = String(await versieVan(id));
      await leiderC.get(`/aanbod/versie/${id}/vaststellen`);
      const onbeantwoord = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie, mrAdvies: 'positief', mrAdviesDatum: '2026-01-10' });
      assert.equal(onbeantwoord.status, 422);
      assert.match(onbeantwoord.text, /Geef bij elk onderdeel van de basisondersteuning aan/);
      await ibC.get(`/aanbod/versie/${id}`);
      assert.equal((await ibC.post(`/aanbod/versie/${id}`, { versie, ...VOLLEDIG, 'b.b1': 'ja', 'b.b2': 'nee', basisToelichting: 'Wij werken nog aan een pestprotocol.' })).status, 303);
      await leiderC.get(`/aanbod/versie/${id}/vaststellen`);
      const ok = await leiderC.post(`/aanbod/versie/${id}/vaststellen`, { versie: String(await versieVan(id)), mrAdvies: 'positief-met-opmerkingen', mrAdviesDatum: '2026-01-10', mrAdviesToelichting: 'Let op het pestprotocol.' });
      assert.equal(ok.status, 303);
    });

    it('export and import: JSON and CSV round trip into a concept; bad files get a Dutch message', async () => {
      const id = await nieuwConcept(ibC, jaar, 'kopie');
      // A mid-year version 2 copies this year's adopted version, not next year's (which is newer).
      const bron = await lees<{ gebaseerd_op: string; volgnummer: number; bron_jaar: string }>(sql`select a.gebaseerd_op, a.volgnummer,
          (select b.schooljaar from ondersteuningsaanbod b where b.id = a.gebaseerd_op) as bron_jaar from ondersteuningsaanbod a where a.id = ${id}`);
      assert.equal(bron!.volgnummer, 2);
      assert.equal(bron!.bron_jaar, jaar);
      const json = await ibC.get(`/aanbod/versie/${id}/export.json`);
      assert.equal(json.status, 200);
      assert.match(json.headers.get('content-disposition')!, /attachment/);
      const csv = await ibC.get(`/aanbod/versie/${id}/export.csv`);
      assert.match(csv.text, /^\uFEFF?domein[,;]niveau/);
      await ibC.get(`/aanbod/versie/${id}`);
      const upload = async (inhoud: string, naam: string) => {
        const fd = new FormData();
        fd.set('_csrf', ibC.csrf);
        fd.set('versie', String(await versieVan(id)));
        fd.set('bestand', new File([inhoud], naam));
        return ibC.request('POST', `/aanbod/versie/${id}/importeren`, { body: fd });
      };
      const csvImport = await upload('domein;niveau;wat_wij_doen;expertise;grenzen\nRekenen en dyscalculie;extra;Rekenklas op dinsdag;;\n', 'aanbod.csv');
      assert.equal(csvImport.status, 303, csvImport.text.slice(0, 400));
      const row = (await lees<{ domeinen: { domein: string; watWijDoen: string }[]; toelichting: string }>(sql`select domeinen, toelichting from ondersteuningsaanbod where id = ${id}`))!;
      assert.deepEqual(row.domeinen.map((d) => [d.domein, d.watWijDoen]), [['rekenen', 'Rekenklas op dinsdag']]);
      assert.equal(row.toelichting, VOLLEDIG.toelichting, 'CSV replaces only the domains');
      // An export of another year answers basis items this version does not ask: they are skipped, with a notice.
      const ander = JSON.parse(json.text) as { inhoud: { basisOnderdelen: unknown[] } };
      ander.inhoud.basisOnderdelen.push({ code: 'oud-1', domein: 'gedrag', omschrijving: 'Vervallen onderdeel', geboden: true });
      const metOud = await upload(JSON.stringify(ander), 'vorig-jaar.json');
      assert.equal(metOud.status, 303, metOud.text.slice(0, 300));
      assert.match((await ibC.get(`/aanbod/versie/${id}`)).text, /1 antwoord\(en\) over basisondersteuning uit het bestand horen niet bij de lijst/);
      const jsonImport = await upload(json.text, 'aanbod.json');
      assert.equal(jsonImport.status, 303);
      const terug = (await lees<{ domeinen: { domein: string }[] }>(sql`select domeinen from ondersteuningsaanbod where id = ${id}`))!;
      assert.deepEqual(terug.domeinen.map((d) => d.domein), ['gedrag']);
      await ibC.get(`/aanbod/versie/${id}`);
      const kapot = await upload('domein;niveau;wat_wij_doen;expertise;grenzen\nonzin;extra;x;;\n', 'aanbod.csv');
      assert.equal(kapot.status, 422);
      assert.match(kapot.text, /Het CSV-bestand klopt niet/);
      await ibC.get(`/aanbod/versie/${id}`);
      const geen = await ibC.request('POST', `/aanbod/versie/${id}/importeren`, { body: (() => { const fd = new FormData(); fd.set('_csrf', ibC.csrf); fd.set('versie', '1'); return fd; })() });
      assert.equal(geen.status, 422);
      assert.match(geen.text, /Kies een bestand/);
      // Clean up: the concept is deleted after a confirmation page.
      const bevestig = await ibC.get(`/aanbod/versie/${id}/verwijderen`);
      assert.match(bevestig.text, /Dit kunt u niet ongedaan maken/);
      assert.equal((await ibC.post(`/aanbod/versie/${id}/verwijderen`, {})).status, 303);
      assert.equal((await lees(sql`select 1 from ondersteuningsaanbod where id = ${id}`)) === undefined ? 0 : 1, 0);
    });

    it('access matrix: only the school\'s own staff edit its offer; SWV staff read; others see nothing', async () => {
      const id = await nieuwConcept(ibC);
      const versie = String(await versieVan(id));
      const anderSchoolIb = await login(ctx, await buildUser(ctx.db, t, 'intern-begeleider', { vestigingCode: t.andereVestigingCode }));
      const swv = await login(ctx, await buildUser(ctx.db, t, 'swv-medewerker'));
      const bestuur = await login(ctx, await buildUser(ctx.db, t, 'bestuur'));
      const ouder = await login(ctx, await buildUser(ctx.db, t, 'ouder'));
      const t2 = await buildTenant(ctx.db);
      const anderSwv = await login(ctx, await buildUser(ctx.db, t2, 'swv-medewerker'));
      const anderSwvIb = await login(ctx, await buildUser(ctx.db, t2, 'intern-begeleider'));
      const anoniem = new Client(ctx.app);
      const matrix: [string, Client, number, number][] = [
        // who, client, GET /aanbod/versie/:id, POST /aanbod/versie/:id
        ['own ib', ibC, 200, 303],
        ['own schoolleider', leiderC, 200, 303],
        ['ib of another school in the SWV', anderSchoolIb, 404, 404],
        ['swv-medewerker (reads)', swv, 200, 403],
        ['bestuur (reads)', bestuur, 200, 403],
        ['ouder', ouder, 403, 403],
        ['swv-medewerker of another SWV', anderSwv, 404, 403],
        ['ib of another SWV', anderSwvIb, 404, 404],
      ];
      for (const [wie, c, lezen, schrijven] of matrix) {
        const g = await c.get(`/aanbod/versie/${id}`);
        assert.equal(g.status, lezen, `${wie}: GET → ${g.status}`);
        await c.get('/');
        const p = await c.post(`/aanbod/versie/${id}`, { versie: String(await versieVan(id)), ...VOLLEDIG, toelichting: `door ${wie}` });
        assert.equal(p.status, schrijven, `${wie}: POST → ${p.status}`);
      }
      const g = await anoniem.get(`/aanbod/versie/${id}`);
      assert.equal(g.status, 303);
      assert.match(g.location!, /^\/inloggen/);
      assert.equal((await anoniem.get(`/api/aanbod/versies/${id}`)).status, 401);
      // The SWV overview: every school with its state, as a page and CSV, for SWV staff; not for parents.
      const overzicht = await swv.get('/aanbod');
      assert.match(overzicht.text, /Testschool De Linde/);
      assert.match(overzicht.text, /Testschool Het Anker/);
      const csv = await swv.get('/aanbod/overzicht.csv');
      assert.match(csv.text, new RegExp(t.andereVestigingCode));
      assert.equal((await ouder.get('/aanbod')).status, 403);
      assert.equal((await ibC.get('/aanbod/overzicht.csv')).status, 403, 'school staff see their own school, not the SWV overview');
      // A board sees its own schools only.
      const t3 = await buildTenant(ctx.db);
      const anderBestuurUser = await buildUser(ctx.db, t3, 'bestuur');
      await ctx.db.withSystem((tx) => tx.execute(sql`update rol_toekenning set swv_id = ${t.swvId} where gebruiker_id = ${anderBestuurUser.id}`));
      const anderBestuur = await login(ctx, anderBestuurUser);
      assert.equal((await anderBestuur.get(`/aanbod/versie/${id}`)).status, 404, 'a board of other schools');
      assert.doesNotMatch((await anderBestuur.get('/aanbod')).text, /Testschool De Linde/);
      // API: a version number must be a whole number.
      await ibC.get(`/aanbod/versie/${id}`);
      const api = await ibC.request('PUT', `/api/aanbod/versies/${id}`, { json: { versie: 1.5, inhoud: {} } });
      assert.equal(api.status, 422);
      assert.match(api.text, /versienummer/);
      // Basisondersteuning and profile belong to SWV staff.
      assert.equal((await ibC.get('/swv/profiel')).status, 403);
      assert.equal((await ibC.get('/swv/basisondersteuning')).status, 403);
      void versie;
    });

    it('the SWV profile is public only once published', async () => {
      const medewerker = await login(ctx, await buildUser(ctx.db, t, 'swv-medewerker'));
      await medewerker.get('/swv/profiel');
      const fout = await medewerker.post('/swv/profiel', { versie: '0', email: 'geen', website: 'javascript:alert(1)', steunpuntNaam: 'Steunpunt Test' });
      assert.equal(fout.status, 422);
      assert.match(fout.text, /Vul een geldig e-mailadres in/);
      assert.match(fout.text, /volledige link zijn die begint met https:\/\//);
      assert.match(fout.text, /Steunpunt Test/);
      assert.equal((await medewerker.post('/swv/profiel', { versie: '0', steunpuntNaam: 'Steunpunt Test', steunpuntEmail: 'steunpunt@swv.test' })).status, 303);
      const publiek = () => ctx.db.withTenant({ swvId: null, userId: null }, (tx) => rows(tx, sql`select swv_id from swv_profiel where swv_id = ${t.swvId}`));
      assert.equal((await publiek()).length, 0, 'not yet published');
      await medewerker.get('/swv/profiel');
      assert.equal((await medewerker.post('/swv/profiel', { versie: '1', steunpuntNaam: 'Steunpunt Test', steunpuntEmail: 'steunpunt@swv.test', isGepubliceerd: 'ja' })).status, 303);
      assert.equal((await publiek()).length, 1, 'published');
      const stale = await medewerker.post('/swv/profiel', { versie: '1', steunpuntNaam: 'Oud' });
      assert.equal(stale.status, 409);
    });

    it('RLS: without a tenant only adopted versions are readable; concepts stay inside the SWV', async () => {
      const zichtbaar = await ctx.db.withTenant({ swvId: null, userId: null }, (tx) =>
        rows<{ status: string }>(tx, sql`select status from ondersteuningsaanbod where swv_id = ${t.swvId}`));
      assert.ok(zichtbaar.length >= 1);
      assert.ok(zichtbaar.every((r) => r.status === 'vastgesteld'));
      const eigen = await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) =>
        rows<{ status: string }>(tx, sql`select status from ondersteuningsaanbod where swv_id = ${t.swvId} and status = 'concept'`));
      assert.equal(eigen.length, 1);
    });

    it('a special school in a PO and a VO SWV: its offer is kept in the PO-SWV; VO-SWV staff get a clear refusal', async () => {
      const vo = await buildTenant(ctx.db);
      const code = t.andereVestigingCode;
      await ctx.db.owner.execute(sql`update vestiging set soort = 'so/vso', swv_vo = ${vo.swvId} where code = ${code}`);
      const voIb = await login(ctx, await buildUser(ctx.db, vo, 'intern-begeleider', { vestigingCode: code }));
      await voIb.get('/aanbod');
      const r = await voIb.post('/aanbod/nieuw', { schooljaar: jaar, bron: 'leeg' });
      assert.equal(r.status, 403);
      assert.match(r.text, new RegExp(`bijgehouden in samenwerkingsverband ${t.swvId}`));
      const poIb = await login(ctx, await buildUser(ctx.db, t, 'intern-begeleider', { vestigingCode: code }));
      await poIb.get('/aanbod');
      assert.equal((await poIb.post('/aanbod/nieuw', { schooljaar: jaar, bron: 'leeg' })).status, 303);
    });

    it('two people starting a version at the same moment: one concept, never a 500', async () => {
      const code = t.andereVestigingCode;
      const clients = await Promise.all([0, 1, 2].map(async () => {
        const c = await login(ctx, await buildUser(ctx.db, t, 'intern-begeleider', { vestigingCode: code }));
        await c.get('/aanbod');
        return c;
      }));
      // The previous test left a concept: delete it first.
      const bestaand = await lees<{ id: string }>(sql`select id from ondersteuningsaanbod where vestiging_code = ${code} and status = 'concept'`);
      if (bestaand) {
        await clients[0]!.get(`/aanbod/versie/${bestaand.id}/verwijderen`);
        await clients[0]!.post(`/aanbod/versie/${bestaand.id}/verwijderen`, {});
        await clients[0]!.get('/aanbod');
      }
      const statussen = (await Promise.all(clients.map((c) => c.post('/aanbod/nieuw', { schooljaar: jaar, bron: 'leeg' })))).map((r) => r.status);
      assert.ok(statussen.every((s) => s === 303 || s === 422), statussen.join(','));
      assert.equal(statussen.filter((s) => s === 303).length, 1, statussen.join(','));
    });

    it('the menu shows the aanbod pages to exactly the roles that may use them', () => {
      assert.deepEqual([...AANBOD_NAV_ROLLEN].sort(), [...AANBOD_ROLLEN].sort());
      assert.ok(ROLES.length > AANBOD_ROLLEN.length);
    });
  });
}
