/**
 * fast-check fuzzing of every form of the aanmelding (issue 5 "fuzz the endpoints"): arbitrary values, impossible
 * dates, NUL bytes and lone surrogates never give a 5xx; a refused form (anything but a redirect) changes nothing —
 * the application, its placement requests and advice requests stay as they were. The parents' public form too.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { makeTestApp, buildTenant, buildUser, login, Client, type TestContext, type TestTenant } from '../support/app.js';
import { first } from '../../src/platform/db/client.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const VELDEN = ['versie', 'nieuweTermijn', 'reden', 'nodig', 'uitzondering', 'uitzonderingToelichting', 'besluit', 'besluitOp',
  'besluitToelichting', 'vestigingCode', 'vraag', 'vraagAdvies', 'advies', 'van', 'tot', 'opschortingReden', 'op', 'antwoord', 'toelichting',
  'voornaam', 'achternaam', 'geboortedatum', 'sector', 'ontvangenOp', 'gewensteStartdatum', 'isEersteVoorkeur', 'extraOndersteuningVerwacht',
  'ouderNaam', 'ouderEmail', 'relatie', 'gezag', '__proto__'] as const;

const waarde = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('2025-02-30', '2025-13-01', '0000-00-00', '9999-12-31', '2024-02-29', '2025-04-10', '2025-05-12', '2025-05-13', '1', '0', '-1',
    '99999999999', 'ja', 'nee', 'bereid', 'overweegt', 'afgewezen', 'toegelaten', 'geweigerd', 'geen-plaatsruimte', 'vo', 'po', 'wec',
    '\u0000', 'a\u0000b', '\ud800', '<script>alert(1)</script>', "' or 1=1 --", 'x'.repeat(5000)),
);

describe('fuzzing the aanmelding forms [pglite]', () => {
  let ctx: TestContext;
  let t: TestTenant;
  let ib: Client;
  let anderIb: Client;
  let swv: Client;
  let id: string;
  let verzoekId: string;
  let adviesId: string;

  before(async () => {
    ctx = await makeTestApp('pglite');
    t = await buildTenant(ctx.db);
    ib = await login(ctx, await buildUser(ctx.db, t, 'intern-begeleider'));
    anderIb = await login(ctx, await buildUser(ctx.db, t, 'intern-begeleider', { vestigingCode: t.andereVestigingCode }));
    swv = await login(ctx, await buildUser(ctx.db, t, 'swv-medewerker'));
    ctx.clock.set(new Date('2025-04-10T10:00:00Z'));
    await ib.get('/aanmeldingen/nieuw');
    const r = await ib.post('/aanmeldingen', { voornaam: 'Fuzz', achternaam: 'Aanmelding', geboortedatum: '2019-01-01', sector: 'vo', ontvangenOp: '2025-03-03', isEersteVoorkeur: 'ja', extraOndersteuningVerwacht: 'ja' });
    id = /\/aanmeldingen\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
    await ib.get(`/aanmeldingen/${id}`);
    assert.equal((await ib.post(`/aanmeldingen/${id}/plaatsingsverzoeken`, { vestigingCode: t.andereVestigingCode, vraag: 'Een rustige klas is nodig.' })).status, 303);
    assert.equal((await ib.post(`/aanmeldingen/${id}/advies`, { vraagAdvies: 'Welke school past hier het best?' })).status, 303);
    const ids = await ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => ({
      v: (await first<{ id: string }>(tx, sql`select id from plaatsingsverzoek where aanmelding_id = ${id}`))!.id,
      a: (await first<{ id: string }>(tx, sql`select id from aanmelding_advies where aanmelding_id = ${id}`))!.id,
    }));
    verzoekId = ids.v;
    adviesId = ids.a;
  });
  after(async () => ctx.db.close());

  /** Everything a form could change, as one comparable string. */
  const toestand = () => ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => JSON.stringify(await first(tx, sql`select
      (select row_to_json(a) from aanmelding a where a.id = ${id}) as a,
      (select json_agg(p order by p.id) from plaatsingsverzoek p where p.aanmelding_id = ${id}) as p,
      (select json_agg(d order by d.id) from aanmelding_advies d where d.aanmelding_id = ${id}) as d,
      (select count(*) from aanmelding) as n`)));

  it(`no form answers 5xx; a refused form changes nothing (${RUNS} runs)`, async () => {
    const routes: [Client, string][] = [
      [ib, `/aanmeldingen/${id}/verlengen`], [ib, `/aanmeldingen/${id}/beoordeling`], [ib, `/aanmeldingen/${id}/besluit`],
      [ib, `/aanmeldingen/${id}/plaatsingsverzoeken`], [ib, `/aanmeldingen/${id}/advies`], [ib, `/aanmeldingen/${id}/opschorten`],
      [ib, `/aanmeldingen/${id}/intrekken`], [swv, `/aanmeldingen/${id}/advies/${adviesId}`], [anderIb, `/plaatsingsverzoeken/${verzoekId}/antwoord`],
      [ib, '/aanmeldingen'], [new Client(ctx.app), `/scholen/${t.vestigingCode}/aanmelden`],
    ];
    for (const [c] of routes) await c.get(c === ib || c === anderIb || c === swv ? '/account' : `/scholen/${t.vestigingCode}/aanmelden`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.dictionary(fc.constantFrom(...VELDEN), waarde, { maxKeys: 8 }), async ([client, path], form) => {
        const voor = await toestand();
        const r = await client.request('POST', path, { form: form as Record<string, string> });
        assert.ok(r.status < 500, `${path} → ${r.status}: ${r.text.slice(0, 200)}`);
        assert.ok([303, 400, 403, 404, 409, 422, 429].includes(r.status), `${path} → ${r.status}`);
        if (r.status !== 303) {
          assert.equal(await toestand(), voor, `${path} ${r.status}: nothing may change`);
          if (r.status === 422) assert.match(r.text, /lang="nl"[\s\S]*Er ging iets mis/, 'a Dutch error summary');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
