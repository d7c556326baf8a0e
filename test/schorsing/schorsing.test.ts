/**
 * Schorsing through the real pages, on every database kind (legal-rules §10 rule 9, §1.13): a suspension of more
 * than a week is refused in Dutch with nothing saved; two days create the inspectie task, which the school closes
 * by recording the report; the letter to the parents (page and PDF); withdrawing after a confirmation page; the
 * board records too, the SWV only reads; another school, another SWV and a parent see nothing; every read, write
 * and refusal is in the audit log.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildLeerling, buildTenant, buildUser, loginOpDatum, type Client, type TestContext, type TestTenant } from '../support/app.js';
import { first } from '../../src/platform/db/client.js';
import { SCHORSING_ROLLEN } from '../../src/modules/schorsing/rules/toegang.js';
import { SCHORSING_NAV_ROLLEN } from '../../src/platform/http/render.js';

/** Today in these cases: the dates are fixed. */
const VANDAAG = new Date('2025-04-10T10:00:00Z');
const SCHORSING = { van: '2025-04-14', tot: '2025-04-15', reden: 'Sloeg een medeleerling tijdens de pauze.', besluitOp: '2025-04-10', schriftelijkAanOuders: 'ja' };

for (const kind of databaseKinds()) {
  describe(`schorsing [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: Client;
    let leerling: string;
    let id: string;
    const lees = <T,>(q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<T>(tx, q));
    const versie = async (sid: string) => String((await lees<{ versie: number }>(sql`select versie from schorsing where id = ${sid}`))!.versie);

    const inloggen = async (rol: Parameters<typeof buildUser>[2], opts: Parameters<typeof buildUser>[3] = {}, tenant = t) =>
      loginOpDatum(ctx, await buildUser(ctx.db, tenant, rol, opts), VANDAAG);

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      leerling = await buildLeerling(ctx.db, t, { achternaam: 'Schorstest' });
      ib = await inloggen('intern-begeleider');
    });
    after(async () => ctx.db.close());

    it('the pupil file links to the form; more than a week (8 days) is refused in Dutch, the input kept, nothing saved', async () => {
      assert.match((await ib.get(`/leerlingen/${leerling}`)).text, new RegExp(`href="/leerlingen/${leerling}/schorsing/nieuw"`));
      const form = await ib.get(`/leerlingen/${leerling}/schorsing/nieuw`);
      assert.equal(form.status, 200);
      assert.match(form.text, /Schorsing vastleggen voor Test Schorstest/);
      const acht = await ib.post(`/leerlingen/${leerling}/schorsingen`, { ...SCHORSING, tot: '2025-04-21' });
      assert.equal(acht.status, 422);
      assert.match(acht.text, /Een schorsing duurt hoogstens een week \(7 dagen\)\. Deze duurt 8 dagen\./);
      assert.match(acht.text, /Sloeg een medeleerling tijdens de pauze\./, 'input kept');
      assert.match(acht.text, /<title>Fout: /);
      const zonderBrief = await ib.post(`/leerlingen/${leerling}/schorsingen`, { ...SCHORSING, schriftelijkAanOuders: '' });
      assert.equal(zonderBrief.status, 422);
      assert.match(zonderBrief.text, /Het besluit gaat schriftelijk naar de ouders/);
      const laatBesluit = await ib.post(`/leerlingen/${leerling}/schorsingen`, { ...SCHORSING, van: '2025-04-08', tot: '2025-04-09' });
      assert.equal(laatBesluit.status, 422);
      assert.match(laatBesluit.text, /De datum van het besluit ligt na de eerste dag van de schorsing \(8 april 2025\)/);
      const leeg = await ib.post(`/leerlingen/${leerling}/schorsingen`, {});
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Vul een geldige eerste dag in/);
      assert.match(leeg.text, /Schrijf op waarom de leerling wordt geschorst/);
      const n = await lees<{ n: number }>(sql`select count(*)::int as n from schorsing where leerling_id = ${leerling}`);
      assert.equal(n!.n, 0, 'nothing saved');
    });

    it('two days: saved with the inspectie task; the school records the report and the task is gone', async () => {
      await ib.get(`/leerlingen/${leerling}/schorsing/nieuw`);
      const ok = await ib.post(`/leerlingen/${leerling}/schorsingen`, SCHORSING);
      assert.equal(ok.status, 303, ok.text.slice(0, 300));
      id = /^\/schorsingen\/([0-9a-f-]{36})$/.exec(ok.location!)![1]!;
      const rij = await lees<{ inspectie_melding_nodig: boolean; ouder_geinformeerd_op: string; vestiging_code: string }>(
        sql`select inspectie_melding_nodig, ouder_geinformeerd_op::text, vestiging_code from schorsing where id = ${id}`);
      assert.deepEqual(rij, { inspectie_melding_nodig: true, ouder_geinformeerd_op: '2025-04-10', vestiging_code: t.vestigingCode });
      const page = await ib.get(`/schorsingen/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Meld deze schorsing schriftelijk aan de inspectie \(met redenen\)/);
      assert.match(page.text, /14 april 2025 tot en met 15 april 2025 \(2 dagen\)/);
      assert.match((await ib.get('/schorsingen')).text, /1 schorsing nog melden aan de inspectie/);

      const toekomst = await ib.post(`/schorsingen/${id}/inspectie`, { versie: await versie(id), inspectieGemeldOp: '2025-04-11' });
      assert.equal(toekomst.status, 422);
      assert.match(toekomst.text, /De datum van de melding ligt in de toekomst/);
      const ervoor = await ib.post(`/schorsingen/${id}/inspectie`, { versie: await versie(id), inspectieGemeldOp: '2025-04-09' });
      assert.equal(ervoor.status, 422);
      assert.match(ervoor.text, /ligt voor het besluit/);
      const oud = await versie(id);
      const gemeld = await ib.post(`/schorsingen/${id}/inspectie`, { versie: oud, inspectieGemeldOp: '2025-04-10' });
      assert.equal(gemeld.status, 303);
      const na = await ib.get(`/schorsingen/${id}`);
      assert.doesNotMatch(na.text, /Meld deze schorsing schriftelijk/);
      assert.match(na.text, /Gemeld op 10 april 2025/);
      const verouderd = await ib.post(`/schorsingen/${id}/inspectie`, { versie: oud, inspectieGemeldOp: '2025-04-10' });
      assert.equal(verouderd.status, 409, 'a stale version');
      assert.match(verouderd.text, /intussen gewijzigd/);
      assert.equal((await lees<{ d: string }>(sql`select inspectie_gemeld_op::text as d from schorsing where id = ${id}`))!.d, '2025-04-10');

      // One day: no task, and reporting it is refused.
      const een = await ib.post(`/leerlingen/${leerling}/schorsingen`, { ...SCHORSING, tot: SCHORSING.van });
      const eenId = /([0-9a-f-]{36})$/.exec(een.location!)![1]!;
      assert.equal((await lees<{ b: boolean }>(sql`select inspectie_melding_nodig as b from schorsing where id = ${eenId}`))!.b, false);
      assert.doesNotMatch((await ib.get(`/schorsingen/${eenId}`)).text, /Meld deze schorsing schriftelijk/);
    });

    it('the letter to the parents: period, reasons, inspectie and the objection term (6 weeks: 22 mei 2025)', async () => {
      const brief = await ib.get(`/schorsingen/${id}/brief`);
      assert.equal(brief.status, 200);
      assert.match(brief.text, /<h1[^>]*>Schorsing van Test Schorstest<\/h1>/);
      assert.match(brief.text, /Teststad, 10 april 2025/);
      assert.match(brief.text, /Sloeg een medeleerling tijdens de pauze\./);
      assert.match(brief.text, /Inspectie van het Onderwijs/);
      assert.match(brief.text, /tot en met 22 mei 2025 bezwaar maken/);
      assert.match(brief.text, new RegExp(`href="/schorsingen/${id}/brief.pdf"`));
    });

    it('the letter as PDF', async () => {
      const pdf = await ib.get(`/schorsingen/${id}/brief.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.match(pdf.headers.get('content-disposition') ?? '', /attachment; filename="schorsing-test-schorstest-2025-04-14\.pdf"/);
      assert.ok(pdf.text.startsWith('%PDF-'), 'a PDF document');
    });

    it('withdrawing asks for confirmation first; then the suspension stays on record, without task or letter', async () => {
      const bevestig = await ib.get(`/schorsingen/${id}/intrekken`);
      assert.equal(bevestig.status, 200);
      assert.match(bevestig.text, /Weet u zeker dat u deze schorsing wilt intrekken\?/);
      assert.equal((await lees<{ d: string | null }>(sql`select ingetrokken_op::text as d from schorsing where id = ${id}`))!.d, null, 'a GET changes nothing');
      const v = await versie(id);
      const ok = await ib.post(`/schorsingen/${id}/intrekken`, { versie: v });
      assert.equal(ok.status, 303);
      assert.equal((await lees<{ d: string }>(sql`select ingetrokken_op::text as d from schorsing where id = ${id}`))!.d, '2025-04-10');
      assert.match((await ib.get(`/schorsingen/${id}`)).text, /Ingetrokken op 10 april 2025/);
      assert.equal((await ib.get(`/schorsingen/${id}/brief`)).status, 404);
      const nogEens = await ib.post(`/schorsingen/${id}/intrekken`, { versie: await versie(id) });
      assert.equal(nogEens.status, 409);
      assert.match(nogEens.text, /Deze schorsing is ingetrokken\./);
    });

    it('access: the board records, the SWV reads (page, list, CSV) but does not record; other school, other SWV, parent: nothing', async () => {
      const bestuur = await inloggen('bestuur');
      assert.equal((await bestuur.get(`/schorsingen/${id}`)).status, 200);
      await bestuur.get(`/leerlingen/${leerling}/schorsing/nieuw`);
      const doorBestuur = await bestuur.post(`/leerlingen/${leerling}/schorsingen`, { ...SCHORSING, reden: 'Bedreigde een leerkracht met een mes.' });
      assert.equal(doorBestuur.status, 303, 'the board records for its school');

      const swv = await inloggen('swv-medewerker');
      assert.equal((await swv.get(`/schorsingen/${id}`)).status, 200);
      assert.doesNotMatch((await swv.get(`/schorsingen/${id}`)).text, /Melding vastleggen|Schorsing intrekken/, 'no forms for the SWV');
      assert.match((await swv.get('/schorsingen')).text, /Test Schorstest/);
      const csv = await swv.get('/schorsingen.csv');
      assert.match(csv.headers.get('content-type')!, /text\/csv/);
      assert.match(csv.text, /schorsing;[0-9a-f-]{36};Test Schorstest;/);
      await swv.get('/account');
      assert.equal((await swv.post(`/leerlingen/${leerling}/schorsingen`, SCHORSING)).status, 403);
      assert.equal((await swv.get(`/leerlingen/${leerling}/schorsing/nieuw`)).status, 403);

      const andereSchool = await inloggen('intern-begeleider', { vestigingCode: t.andereVestigingCode });
      assert.equal((await andereSchool.get(`/schorsingen/${id}`)).status, 404);
      assert.equal((await andereSchool.get(`/schorsingen/${id}/brief`)).status, 404);
      assert.equal((await andereSchool.get(`/leerlingen/${leerling}/schorsing/nieuw`)).status, 404);
      await andereSchool.get('/account');
      assert.equal((await andereSchool.post(`/leerlingen/${leerling}/schorsingen`, SCHORSING)).status, 404);
      assert.equal((await andereSchool.post(`/schorsingen/${id}/inspectie`, { versie: '1', inspectieGemeldOp: '2025-04-10' })).status, 404);
      assert.doesNotMatch((await andereSchool.get('/schorsingen')).text, /Schorstest/);

      const t2 = await buildTenant(ctx.db);
      const anderSwv = await inloggen('swv-medewerker', {}, t2);
      assert.equal((await anderSwv.get(`/schorsingen/${id}`)).status, 404);
      assert.doesNotMatch((await anderSwv.get('/schorsingen.csv')).text, /Schorstest/);
      const ibAnderSwv = await inloggen('intern-begeleider', {}, t2);
      await ibAnderSwv.get('/account');
      assert.equal((await ibAnderSwv.post(`/leerlingen/${leerling}/schorsingen`, SCHORSING)).status, 404);

      const ouder = await inloggen('ouder');
      assert.equal((await ouder.get(`/schorsingen/${id}`)).status, 403);
      assert.equal((await ouder.get('/schorsingen')).status, 403);

      // Every read and write above is in the audit log, the refusals too; never a field value.
      const events = await ctx.db.withSystem((tx) => first<{ ok: number; geweigerd: number; gelekt: number }>(tx, sql`select
          count(*) filter (where resultaat = 'ok')::int as ok, count(*) filter (where resultaat = 'geweigerd')::int as geweigerd,
          count(*) filter (where a::text ilike '%medeleerling%' or a::text ilike '%Schorstest%')::int as gelekt
        from audit_event a where leerling_id = ${leerling} or object_id = ${id}`));
      assert.ok(events!.ok >= 10, `reads and writes logged: ${events!.ok}`);
      assert.ok(events!.geweigerd >= 6, `refusals logged: ${events!.geweigerd}`);
      assert.equal(events!.gelekt, 0, 'no field values in the audit log');
      const acties = await ctx.db.withSystem((tx) => first<{ a: string[] }>(tx, sql`select array_agg(distinct actie order by actie) as a
        from audit_event where object_type = 'schorsing' and object_id = ${id} and resultaat = 'ok'`));
      assert.deepEqual(acties!.a, ['aanmaken', 'afdrukken', 'lezen', 'wijzigen']);
      assert.deepEqual([...SCHORSING_NAV_ROLLEN].sort(), [...SCHORSING_ROLLEN].sort());
    });
  });
}
