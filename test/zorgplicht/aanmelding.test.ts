/**
 * The aanmelding through the real pages (issue 5, first slice), on every database kind: a school registers an
 * application, the clock shows 6 weeks, the school extends once (at most 4 weeks, with a reason and a letter), a
 * second extension or a too long one is refused with nothing saved; the SWV sees every clock in its region (page
 * and CSV); another school, another board, a parent and another SWV see nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, loginOpDatum, type Client, type TestContext, type TestTenant } from '../support/app.js';
import { first } from '../../src/platform/db/client.js';
import { addDays } from '../../src/platform/civil-date.js';
import { AANMELDING_ROLLEN } from '../../src/modules/zorgplicht/rules/toegang.js';
import { AANMELDING_NAV_ROLLEN } from '../../src/platform/http/render.js';

/** Today in these cases (the dates of legal-rules §10). */
const VANDAAG = new Date('2025-04-10T10:00:00Z');
const KIND = {
  voornaam: 'Sem', achternaam: 'Aanmeldtest', geboortedatum: '2020-02-03', sector: 'po', ontvangenOp: '2025-03-03',
  isEersteVoorkeur: 'ja', extraOndersteuningVerwacht: 'ja', andereScholen: 'De Regenboog',
};

for (const kind of databaseKinds()) {
  describe(`aanmelding en termijn [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    let ib: Client;
    let id: string;
    const lees = <T,>(q: ReturnType<typeof sql>) => ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<T>(tx, q));
    const aanmelden = async (rol: Parameters<typeof buildUser>[2], opts: Parameters<typeof buildUser>[3] = {}, tenant = t) =>
      loginOpDatum(ctx, await buildUser(ctx.db, tenant, rol, opts), VANDAAG);

    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
      ib = await aanmelden('intern-begeleider');
    });
    after(async () => ctx.db.close());

    it('the school registers an application; impossible dates are refused in Dutch with the input kept', async () => {
      await ib.get('/aanmeldingen/nieuw');
      const toekomst = await ib.post('/aanmeldingen', { ...KIND, ontvangenOp: '2025-05-01' });
      assert.equal(toekomst.status, 422);
      assert.match(toekomst.text, /ligt in de toekomst/);
      assert.match(toekomst.text, /value="Aanmeldtest"/);
      const teJong = await ib.post('/aanmeldingen', { ...KIND, geboortedatum: '2022-06-01' });
      assert.equal(teJong.status, 422);
      assert.match(teJong.text, /pas worden aangemeld vanaf 2025-06-01/);
      const start = await ib.post('/aanmeldingen', { ...KIND, gewensteStartdatum: '2025-01-01' });
      assert.equal(start.status, 422);
      assert.match(start.text, /startdatum ligt voor de datum van ontvangst/);
      const leeg = await ib.post('/aanmeldingen', { voornaam: 'X' });
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Vul de achternaam in/);
      const ok = await ib.post('/aanmeldingen', KIND);
      assert.equal(ok.status, 303, ok.text.slice(0, 300));
      id = /\/aanmeldingen\/([0-9a-f-]{36})/.exec(ok.location!)![1]!;
      const row = await lees<{ vestiging_code: string; status: string }>(sql`select vestiging_code, status from aanmelding where id = ${id}`);
      assert.equal(row!.vestiging_code, t.vestigingCode, 'a school registers for its own location');
      assert.equal(row!.status, 'ontvangen');
    });

    it('the clock: 6 weeks from receipt (2025-03-03 → 14 april 2025), days left, and the legal lapse date', async () => {
      const page = await ib.get(`/aanmeldingen/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Beslissen uiterlijk 14 april 2025/);
      assert.match(page.text, /Nog 4 dagen \(bijna verlopen\)/);
      assert.match(page.text, /Is er op 12 mei 2025 nog geen besluit/);
      const lijst = await ib.get('/aanmeldingen');
      assert.match(lijst.text, /Sem Aanmeldtest/);
      assert.match(lijst.text, /<strong>1 bijna verlopen<\/strong> en <strong>0 te laat<\/strong>/);
    });

    it('one extension of at most 4 weeks with a reason; 5 weeks, no reason or a second one: refused, nothing saved', async () => {
      const versie = String((await lees<{ versie: number }>(sql`select versie from aanmelding where id = ${id}`))!.versie);
      await ib.get(`/aanmeldingen/${id}`);
      const vijf = await ib.post(`/aanmeldingen/${id}/verlengen`, { versie, nieuweTermijn: '2025-05-19', reden: 'Wij wachten op het onderzoek.' });
      assert.equal(vijf.status, 422);
      assert.match(vijf.text, /hoogstens 4 weken/);
      const zonder = await ib.post(`/aanmeldingen/${id}/verlengen`, { versie, nieuweTermijn: '2025-05-12', reden: '' });
      assert.equal(zonder.status, 422);
      assert.match(zonder.text, /Schrijf op waarom/);
      assert.equal((await lees<{ verlengd_tot: string | null }>(sql`select verlengd_tot::text from aanmelding where id = ${id}`))!.verlengd_tot, null, 'nothing saved');
      const ok = await ib.post(`/aanmeldingen/${id}/verlengen`, { versie, nieuweTermijn: '2025-05-12', reden: 'Wij wachten op het onderzoek van de logopedist.' });
      assert.equal(ok.status, 303);
      assert.equal(ok.location, `/aanmeldingen/${id}/brief/verlenging`);
      const brief = await ib.get(ok.location!);
      assert.match(brief.text, /tot en met 12 mei 2025/);
      assert.match(brief.text, /De reden<\/h2><p class="utrecht-paragraph">Wij wachten op het onderzoek van de logopedist\./);
      assert.match(brief.text, /Geschillencommissie passend onderwijs/);
      const page = await ib.get(`/aanmeldingen/${id}`);
      assert.match(page.text, /Beslissen uiterlijk 12 mei 2025/);
      assert.doesNotMatch(page.text, /Termijn verlengen<\/button>/, 'no second extension offered');
      const nogEens = await ib.post(`/aanmeldingen/${id}/verlengen`, { versie: String(Number(versie) + 1), nieuweTermijn: '2025-05-10', reden: 'Nog meer tijd nodig, graag.' });
      assert.equal(nogEens.status, 422);
      assert.match(nogEens.text, /maar één verlenging/);
      assert.equal((await lees<{ verlengd_tot: string }>(sql`select verlengd_tot::text from aanmelding where id = ${id}`))!.verlengd_tot, '2025-05-12');
    });

    it('zorgplicht (rules 7 and 8): assess first; with extra support a refusal is blocked; an exception needs reasons; the letter names bezwaar, GPO and consulenten', async () => {
      const versie = async (aid: string) => String((await lees<{ versie: number }>(sql`select versie from aanmelding where id = ${aid}`))!.versie);
      await ib.get(`/aanmeldingen/${id}`);
      const teVroeg = await ib.post(`/aanmeldingen/${id}/besluit`, { versie: await versie(id), besluit: 'geweigerd', besluitOp: '2025-04-10', besluitToelichting: 'Wij kunnen dit kind niet helpen.' });
      assert.equal(teVroeg.status, 422);
      assert.match(teVroeg.text, /Beoordeel eerst of het kind extra ondersteuning nodig heeft/);
      assert.equal((await ib.post(`/aanmeldingen/${id}/beoordeling`, { versie: await versie(id), nodig: 'ja', uitzondering: 'geen' })).status, 303);
      const page = await ib.get(`/aanmeldingen/${id}`);
      assert.match(page.text, /de school zorgt voor een passende plek/);
      // Rule 7: no other school has confirmed → the refusal cannot be final; nothing is saved.
      const weigering = await ib.post(`/aanmeldingen/${id}/besluit`, { versie: await versie(id), besluit: 'geweigerd', besluitOp: '2025-04-10', besluitToelichting: 'Wij kunnen dit kind niet helpen.' });
      assert.equal(weigering.status, 422);
      assert.match(weigering.text, /pas weigeren als een andere school heeft bevestigd/);
      assert.match(weigering.text, /Wij kunnen dit kind niet helpen\./, 'input kept');
      const voorOntvangst = await ib.post(`/aanmeldingen/${id}/besluit`, { versie: await versie(id), besluit: 'toegelaten', besluitOp: '2025-03-01', besluitToelichting: '' });
      assert.equal(voorOntvangst.status, 422);
      assert.match(voorOntvangst.text, /niet eerder zijn dan de ontvangst/);
      assert.equal((await lees<{ besluit: string | null }>(sql`select besluit from aanmelding where id = ${id}`))!.besluit, null, 'nothing saved');
      const toelating = await ib.post(`/aanmeldingen/${id}/besluit`, { versie: await versie(id), besluit: 'toegelaten', besluitOp: '2025-04-10', besluitToelichting: 'Welkom.' });
      assert.equal(toelating.status, 303);
      assert.match((await ib.get(toelating.location!)).text, /Wij hebben op 10 april 2025 besloten uw kind toe te laten/);
      const nogEens = await ib.post(`/aanmeldingen/${id}/besluit`, { versie: await versie(id), besluit: 'geweigerd', besluitOp: '2025-04-10', besluitToelichting: 'Toch maar niet doen.' });
      assert.equal(nogEens.status, 409, 'already decided');

      // Rule 8: the school is full (for everyone): no zorgplicht, so a refusal with reasons is possible.
      await ib.get('/aanmeldingen/nieuw');
      const tweede = /\/aanmeldingen\/([0-9a-f-]{36})/.exec((await ib.post('/aanmeldingen', { ...KIND, achternaam: 'Volleschool' })).location!)![1]!;
      await ib.get(`/aanmeldingen/${tweede}`);
      const voAlleen = await ib.post(`/aanmeldingen/${tweede}/beoordeling`, { versie: await versie(tweede), nodig: 'ja', uitzondering: 'toelatingseisen-vo', uitzonderingToelichting: 'Het niveau past niet bij de school.' });
      assert.equal(voAlleen.status, 422);
      assert.match(voAlleen.text, /alleen in het voortgezet onderwijs/);
      const zonderReden = await ib.post(`/aanmeldingen/${tweede}/beoordeling`, { versie: await versie(tweede), nodig: 'ja', uitzondering: 'geen-plaatsruimte' });
      assert.equal(zonderReden.status, 422);
      assert.match(zonderReden.text, /Schrijf op waarom de zorgplicht niet geldt/);
      assert.equal((await ib.post(`/aanmeldingen/${tweede}/beoordeling`, { versie: await versie(tweede), nodig: 'ja', uitzondering: 'geen-plaatsruimte', uitzonderingToelichting: 'Alle groepen zijn vol; wij nemen niemand meer aan.' })).status, 303);
      const weiger = await ib.post(`/aanmeldingen/${tweede}/besluit`, { versie: await versie(tweede), besluit: 'geweigerd', besluitOp: '2025-04-10', besluitToelichting: 'Er is geen plaats in groep 1.' });
      assert.equal(weiger.status, 303, weiger.text.slice(0, 300));
      const brief = await ib.get(weiger.location!);
      assert.match(brief.text, /niet toe te laten/);
      assert.match(brief.text, /Waarom wij uw kind niet toelaten<\/h2><p class="utrecht-paragraph">Er is geen plaats in groep 1\./);
      assert.match(brief.text, /De school is vol/);
      assert.match(brief.text, /tot en met 22 mei 2025 bezwaar maken/);
      assert.match(brief.text, /Geschillencommissie passend onderwijs/);
      assert.match(brief.text, /Onderwijsconsulenten/);
    });

    it('access: the SWV sees every clock (page, CSV) but does not extend; other school, other board, parent, other SWV see nothing', async () => {
      const swv = await aanmelden('swv-medewerker');
      assert.match((await swv.get('/aanmeldingen')).text, /Sem Aanmeldtest/);
      const csv = await swv.get('/aanmeldingen.csv');
      assert.match(csv.text, /Sem Aanmeldtest/);
      assert.match(csv.text, /2025-05-12/);
      assert.equal((await swv.get(`/aanmeldingen/${id}`)).status, 200);
      const bestuur = await aanmelden('bestuur');
      assert.equal((await bestuur.get(`/aanmeldingen/${id}`)).status, 200, 'the board of the school');
      const anderSchool = await aanmelden('intern-begeleider', { vestigingCode: t.andereVestigingCode });
      assert.equal((await anderSchool.get(`/aanmeldingen/${id}`)).status, 404);
      assert.doesNotMatch((await anderSchool.get('/aanmeldingen')).text, /Aanmeldtest/);
      // A parent of another child (no ouder row for this pupil) finds nothing.
      const ouder = await aanmelden('ouder');
      assert.equal((await ouder.get(`/aanmeldingen/${id}`)).status, 404);
      const t2 = await buildTenant(ctx.db);
      const anderSwv = await aanmelden('swv-medewerker', {}, t2);
      assert.equal((await anderSwv.get(`/aanmeldingen/${id}`)).status, 404);
      assert.doesNotMatch((await anderSwv.get('/aanmeldingen.csv')).text, /Aanmeldtest/);
      // Every read above is in the audit log, also the refusals.
      const geweigerd = await ctx.db.withSystem((tx) => first<{ n: number }>(tx, sql`select count(*)::int as n from audit_event
        where object_type = 'aanmelding' and object_id = ${id} and resultaat = 'geweigerd'`));
      assert.ok(geweigerd!.n >= 2, `refusals logged: ${geweigerd!.n}`);
      assert.deepEqual([...AANMELDING_NAV_ROLLEN].sort(), [...AANMELDING_ROLLEN].sort());
    });

    it('the SWV overview: filters by state, school and board; 50 per page, nearest deadline first; only the page is read', async () => {
      // 60 extra open applications at the other school, received on consecutive days (deadlines in that order).
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
        for (let i = 0; i < 60; i++) {
          const l = await first<{ id: string }>(tx, sql`insert into leerling (swv_id, voornaam, achternaam, geboortedatum)
            values (${t.swvId}, 'Over', ${`Zicht${String(i).padStart(2, '0')}`}, '2019-01-01') returning id`);
          await tx.execute(sql`insert into aanmelding (swv_id, leerling_id, vestiging_code, sector, ontvangen_op)
            values (${t.swvId}, ${l!.id}, ${t.andereVestigingCode}, 'po', ${addDays(`2025-03-${String(1 + (i % 28)).padStart(2, '0')}`, -28 * Math.floor(i / 28))})`);
        }
      });
      const swv = await aanmelden('swv-medewerker');
      const eerste = await swv.get('/aanmeldingen?stand=lopend');
      assert.match(eerste.text, /Pagina 1 van 2/);
      assert.equal((eerste.text.match(/href="\/aanmeldingen\/[0-9a-f-]{36}"/g) ?? []).length, 50);
      const tweede = await swv.get('/aanmeldingen?stand=lopend&pagina=2');
      assert.match(tweede.text, /Pagina 2 van 2/);
      // Nearest deadline first: the earliest received (2025-01-04, 60 - 4 = i 56) leads page 1.
      const namen = [...eerste.text.matchAll(/>Over (Zicht\d\d)<\/a>/g)].map((m) => m[1]);
      assert.equal(namen[0], 'Zicht56');
      assert.ok(namen.indexOf('Zicht28') < namen.indexOf('Zicht00'), 'February before March');
      const reqId = eerste.headers.get('x-request-id')!;
      const ev = await ctx.db.withSystem((tx) => first<{ n: number }>(tx, sql`select coalesce(array_length(leerling_ids, 1), 0)::int as n from audit_event where request_id = ${reqId}`));
      assert.equal(ev!.n, 50, 'only the pupils on the page are read');
      const school = await swv.get(`/aanmeldingen?school=${t.vestigingCode}`);
      assert.doesNotMatch(school.text, /Zicht\d\d/);
      assert.match(school.text, /Sem Aanmeldtest/);
      // On 2025-04-10: received 2025-03-01 → decide by 12 April (at risk); received 2025-02-01 → 15 March (overdue).
      const laat = await swv.get('/aanmeldingen?stand=te-laat');
      assert.match(laat.text, /Zicht28/);
      assert.doesNotMatch(laat.text, /Zicht00/);
      const bijna = await swv.get('/aanmeldingen?stand=bijna');
      assert.match(bijna.text, /Zicht00/);
      assert.doesNotMatch(bijna.text, /Zicht28/);
      const anderBestuur = await swv.get('/aanmeldingen?bestuur=XXNONE');
      assert.match(anderBestuur.text, /Er zijn geen aanmeldingen met deze keuze|0 aanmeldingen/);
      const csv = await swv.get(`/aanmeldingen.csv?bestuur=${t.bestuurNummer}&stand=lopend`);
      assert.ok(csv.text.trim().split('\n').length >= 61, 'the CSV has every application of the choice, not a page');
    });

    it('SWV staff register for any school of the region, not for a school elsewhere', async () => {
      const swv = await aanmelden('swv-medewerker');
      await swv.get('/aanmeldingen/nieuw');
      const t2 = await buildTenant(ctx.db);
      const elders = await swv.post('/aanmeldingen', { ...KIND, vestigingCode: t2.vestigingCode });
      assert.equal(elders.status, 422);
      assert.match(elders.text, /Kies een school van dit samenwerkingsverband/);
      const ok = await swv.post('/aanmeldingen', { ...KIND, vestigingCode: t.andereVestigingCode });
      assert.equal(ok.status, 303);
    });
  });
}
