/**
 * Verwijdering through the real pages, on every database kind (legal-rules §10 rule 10, §1.14–1.17): a proposal
 * stays "voorgenomen" and cannot be made definitive (422, nothing saved) until the hearing and a willing school are
 * on record (po); in vo a leerplichtig pupil also needs the consultation of the inspectie; (v)so cluster 1/2 may
 * go ahead after 8 weeks of searching; the letter names the objection term, the GPO and the onderwijsconsulenten;
 * a proposal can be withdrawn, a definitive removal cannot change; other schools and other SWVs see nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildLeerling, buildTenant, buildUser, loginOpDatum, type Client, type TestContext, type TestTenant } from '../support/app.js';
import { first } from '../../src/platform/db/client.js';

/** Today in these cases: the dates are fixed. */
const VANDAAG = new Date('2025-04-10T10:00:00Z');
const VOORNEMEN = { sector: 'po', leerplichtig: 'ja', voornemenOp: '2025-03-20', reden: 'Herhaald ernstig geweld tegen medeleerlingen.' };

for (const kind of databaseKinds()) {
  describe(`verwijdering [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: Client;
    const lees = <T,>(q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<T>(tx, q));
    const rij = (id: string) => lees<{ status: string; besluit_op: string | null; versie: number }>(sql`select status, besluit_op::text, versie from verwijdering where id = ${id}`);
    const versie = async (id: string) => String((await rij(id))!.versie);

    const inloggen = async (rol: Parameters<typeof buildUser>[2], opts: Parameters<typeof buildUser>[3] = {}, tenant = t) =>
      loginOpDatum(ctx, await buildUser(ctx.db, tenant, rol, opts), VANDAAG);
    /** A new proposal for a new pupil of the tenant's first school; returns the removal's id. */
    const voornemen = async (form: Record<string, string> = VOORNEMEN, achternaam = 'Verwijdertest') => {
      const leerling = await buildLeerling(ctx.db, t, { achternaam });
      await ib.get(`/leerlingen/${leerling}/verwijdering/nieuw`);
      const r = await ib.post(`/leerlingen/${leerling}/verwijderingen`, form);
      assert.equal(r.status, 303, r.text.slice(0, 300));
      return /^\/verwijderingen\/([0-9a-f-]{36})$/.exec(r.location!)![1]!;
    };
    const stap = async (id: string, pad: string, form: Record<string, string>) => ib.post(`/verwijderingen/${id}/${pad}`, { versie: await versie(id), ...form });

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      ib = await inloggen('intern-begeleider');
    });
    after(async () => ctx.db.close());

    it('the proposal form keeps the input on errors', async () => {
      const leerling = await buildLeerling(ctx.db, t);
      const form = await ib.get(`/leerlingen/${leerling}/verwijdering/nieuw`);
      assert.equal(form.status, 200);
      assert.match(form.text, /value="po" checked/, 'the sector follows the school (bao → po)');
      const fout = await ib.post(`/leerlingen/${leerling}/verwijderingen`, { sector: 'po', voornemenOp: '2025-04-11', reden: 'Kort' });
      assert.equal(fout.status, 422);
      assert.match(fout.text, /Geef aan of de leerling leerplichtig is/);
      assert.match(fout.text, /Schrijf op waarom de school de leerling wil verwijderen/);
      const toekomst = await ib.post(`/leerlingen/${leerling}/verwijderingen`, { ...VOORNEMEN, voornemenOp: '2025-04-11' });
      assert.equal(toekomst.status, 422);
      assert.match(toekomst.text, /De datum van het voornemen ligt in de toekomst/);
      assert.match(toekomst.text, /Herhaald ernstig geweld tegen medeleerlingen\./, 'input kept');
      assert.equal((await lees<{ n: number }>(sql`select count(*)::int as n from verwijdering where leerling_id = ${leerling}`))!.n, 0);
    });

    it('po (rule 10): not definitive before the hearing and a willing school (422, stays voorgenomen); then it is, with the letter', async () => {
      const id = await voornemen();
      const page = await ib.get(`/verwijderingen/${id}`);
      assert.match(page.text, /Nog nodig voor een definitief besluit/);
      assert.match(page.text, /De groepsleerkracht moet eerst worden gehoord\./);
      assert.match(page.text, /Er is nog geen andere school die heeft bevestigd/);
      assert.doesNotMatch(page.text, /Definitief maken<\/button>/, 'the button comes when nothing is missing');

      const teVroeg = await stap(id, 'definitief', { besluitOp: '2025-04-10' });
      assert.equal(teVroeg.status, 422);
      assert.match(teVroeg.text, /Definitief maken kan nog niet\. De groepsleerkracht moet eerst worden gehoord\./);
      assert.deepEqual(await rij(id), { status: 'voorgenomen', besluit_op: null, versie: 1 }, 'nothing saved');

      assert.equal((await stap(id, 'horen', { gehoordOp: '2025-03-27', hoorVerslag: 'De leerkracht bevestigt de incidenten.' })).status, 303);
      const zonderSchool = await stap(id, 'definitief', { besluitOp: '2025-04-10' });
      assert.equal(zonderSchool.status, 422);
      assert.match(zonderSchool.text, /nog geen andere school/);
      assert.equal((await rij(id))!.status, 'voorgenomen');

      const eigen = await stap(id, 'andere-school', { andereSchoolCode: t.vestigingCode, andereSchoolBereidOp: '2025-04-03' });
      assert.equal(eigen.status, 422);
      assert.match(eigen.text, /Kies een andere school dan de school die de leerling verwijdert/);
      const t2 = await buildTenant(ctx.db);
      const elders = await stap(id, 'andere-school', { andereSchoolCode: t2.vestigingCode, andereSchoolBereidOp: '2025-04-03' });
      assert.equal(elders.status, 422);
      assert.match(elders.text, /Kies een school van dit samenwerkingsverband/);
      assert.equal((await stap(id, 'andere-school', { andereSchoolCode: t.andereVestigingCode, andereSchoolBereidOp: '2025-04-03' })).status, 303);
      const klaar = await ib.get(`/verwijderingen/${id}`);
      assert.match(klaar.text, /Alles wat de wet vraagt is vastgelegd/);
      assert.match(klaar.text, /Definitief maken<\/button>/);

      const voorToezegging = await stap(id, 'definitief', { besluitOp: '2025-04-02' });
      assert.equal(voorToezegging.status, 422);
      assert.match(voorToezegging.text, /ligt voor de toezegging van de andere school \(3 april 2025\)/);
      const ok = await stap(id, 'definitief', { besluitOp: '2025-04-10' });
      assert.equal(ok.status, 303);
      assert.equal(ok.location, `/verwijderingen/${id}/brief`);
      assert.deepEqual(await rij(id), { status: 'definitief', besluit_op: '2025-04-10', versie: 4 });

      const brief = await ib.get(ok.location!);
      assert.equal(brief.status, 200);
      assert.match(brief.text, /Op 10 april 2025 hebben wij besloten Test Verwijdertest van Testschool De Linde te verwijderen\./);
      assert.match(brief.text, /Herhaald ernstig geweld tegen medeleerlingen\./);
      assert.match(brief.text, /Op 27 maart 2025 hebben wij de groepsleerkracht gehoord\./);
      assert.match(brief.text, /Testschool Het Anker in Teststad heeft op 3 april 2025 bevestigd/);
      assert.match(brief.text, /tot en met 22 mei 2025 bezwaar maken/);
      assert.match(brief.text, /Geschillencommissie passend onderwijs/);
      assert.match(brief.text, /Onderwijsconsulenten/);
      const pdf = await ib.get(`/verwijderingen/${id}/brief.pdf`);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.ok(pdf.text.startsWith('%PDF-'));

      // A definitive removal does not change any more, nor can it be withdrawn (only bezwaar undoes it).
      const daarna = await stap(id, 'horen', { gehoordOp: '2025-03-28', hoorVerslag: 'Nog een gesprek gevoerd.' });
      assert.equal(daarna.status, 409);
      assert.match(daarna.text, /Deze verwijdering is al definitief\./);
      assert.equal((await stap(id, 'intrekken', {})).status, 409);
      assert.match((await ib.get(`/verwijderingen/${id}/intrekken`)).text, /al definitief/);
    });

    it('vo (§1.15): a leerplichtig pupil also needs the consultation of the inspectie; a po removal has no such step', async () => {
      const id = await voornemen({ ...VOORNEMEN, sector: 'vo' }, 'Vwotest');
      await stap(id, 'horen', { gehoordOp: '2025-03-27', hoorVerslag: 'De leerling en de ouders zijn gehoord.' });
      await stap(id, 'andere-school', { andereSchoolCode: t.andereVestigingCode, andereSchoolBereidOp: '2025-04-03' });
      const zonder = await stap(id, 'definitief', { besluitOp: '2025-04-10' });
      assert.equal(zonder.status, 422);
      assert.match(zonder.text, /De inspectie moet eerst worden geraadpleegd\./);
      assert.equal((await rij(id))!.status, 'voorgenomen');
      assert.equal((await stap(id, 'inspectie', { inspectieGeraadpleegdOp: '2025-04-07' })).status, 303);
      assert.equal((await stap(id, 'definitief', { besluitOp: '2025-04-10' })).status, 303);
      const brief = await ib.get(`/verwijderingen/${id}/brief`);
      assert.match(brief.text, /hebben wij Test en de ouders gehoord/);
      assert.match(brief.text, /Inspectie van het Onderwijs geraadpleegd/);

      const po = await voornemen(VOORNEMEN, 'Postap');
      const r = await stap(po, 'inspectie', { inspectieGeraadpleegdOp: '2025-04-07' });
      assert.equal(r.status, 422);
      assert.match(r.text, /Alleen in het voortgezet onderwijs/);
    });

    it('(v)so cluster 1/2 (§1.16): definitive after 8 weeks of searching, counted up to the day of the decision', async () => {
      const id = await voornemen({ ...VOORNEMEN, sector: 'wec' }, 'Wectest');
      await stap(id, 'horen', { gehoordOp: '2025-03-27', hoorVerslag: 'De leraren zijn gehoord.' });
      assert.equal((await stap(id, 'zoektocht', { cluster12ZoektochtSinds: '2025-02-13' })).status, 303);
      const eenDagTeVroeg = await stap(id, 'definitief', { besluitOp: '2025-04-09' });
      assert.equal(eenDagTeVroeg.status, 422);
      assert.match(eenDagTeVroeg.text, /nog geen andere school/);
      assert.equal((await stap(id, 'definitief', { besluitOp: '2025-04-10' })).status, 303, '8 weeks after 13 februari');
      assert.match((await ib.get(`/verwijderingen/${id}/brief`)).text, /Sinds 13 februari 2025 zoeken wij een andere school/);
    });

    it('withdrawing a proposal asks first; the SWV sees the list and CSV; other school and other SWV get 404; all audited', async () => {
      const id = await voornemen(VOORNEMEN, 'Introktest');
      const bevestig = await ib.get(`/verwijderingen/${id}/intrekken`);
      assert.equal(bevestig.status, 200);
      assert.match(bevestig.text, /Ja, voornemen intrekken/);
      assert.equal((await stap(id, 'intrekken', {})).status, 303);
      assert.equal((await rij(id))!.status, 'ingetrokken');
      assert.equal((await ib.get(`/verwijderingen/${id}/brief`)).status, 404, 'no letter without a definitive decision');

      const lijst = await ib.get('/schorsingen');
      assert.match(lijst.text, /Verwijdertest/);
      assert.match(lijst.text, /verwijdering(en)? (is|zijn) nog een voornemen/);
      const swv = await inloggen('swv-directeur');
      assert.match((await swv.get('/schorsingen')).text, /Introktest/);
      const csv = await swv.get('/schorsingen.csv');
      assert.match(csv.text, /verwijdering;[0-9a-f-]{36};Test Introktest;/);
      assert.equal((await swv.get(`/verwijderingen/${id}`)).status, 200);
      await swv.get('/account');
      assert.equal((await swv.post(`/verwijderingen/${id}/horen`, { versie: '1', gehoordOp: '2025-04-01', hoorVerslag: 'Niet van het SWV.' })).status, 403);

      const andereSchool = await inloggen('schoolleider', { vestigingCode: t.andereVestigingCode });
      assert.equal((await andereSchool.get(`/verwijderingen/${id}`)).status, 404);
      await andereSchool.get('/account');
      assert.equal((await andereSchool.post(`/verwijderingen/${id}/definitief`, { versie: '1', besluitOp: '2025-04-10' })).status, 404);
      const t2 = await buildTenant(ctx.db);
      const anderSwv = await inloggen('swv-directeur', {}, t2);
      assert.equal((await anderSwv.get(`/verwijderingen/${id}`)).status, 404);
      assert.doesNotMatch((await anderSwv.get('/schorsingen')).text, /Introktest/);

      const events = await ctx.db.withSystem((tx) => first<{ ok: number; geweigerd: number }>(tx, sql`select
          count(*) filter (where resultaat = 'ok')::int as ok, count(*) filter (where resultaat = 'geweigerd')::int as geweigerd
        from audit_event where object_type = 'verwijdering' and object_id = ${id}`));
      assert.ok(events!.ok >= 4, `reads and writes logged: ${events!.ok}`);
      assert.equal(events!.geweigerd, 3, 'each refusal logged once');
    });
  });
}
