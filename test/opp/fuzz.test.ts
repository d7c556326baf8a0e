/**
 * fast-check fuzzing of every OPP form and its JSON API (issue 6, "invalid input gets inline Dutch messages and
 * nothing is lost"): arbitrary values, impossible dates, NUL bytes, lone surrogates, huge texts and unknown goal rows
 * never give a 5xx; a refused form (anything but a redirect) changes nothing in the OPP's tables; a 422 is a Dutch
 * page with the error summary. The school's forms, the parent's and the pupil's, and the SWV's setting.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { makeTestApp, buildLeerling, buildTenant, buildUser, linkOuder, loginOpDatum, type Client, type TestContext, type TestTenant } from '../support/app.js';
import { first } from '../../src/platform/db/client.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const VANDAAG = new Date('2026-03-02T10:00:00Z');

const VELDEN = ['basis', 'uitstroom', 'uitstroomToelichting', 'factor.gedrag.belemmerend', 'factor.onbekend.bevorderend', 'doel.0.doel',
  'doel.0.ondersteuning', 'doel.0.domein', 'doel.999.doel', 'doel.-1.doel', 'afwijkingen', 'wijziging', 'evaluatieId', 'actie', 'op', 'deelnemers',
  'uitkomst', 'verslag', 'volgnummer', 'namens', 'reden', 'besluit.uitkomst', 'besluit.op', 'besluit.namens', 'besluit.reden', 'soort', 'vorm',
  'gegevenOp', 'vraag.goed', 'vraag.helpt', 'vraag.', 'versie', 'reactie', 'cvbAdviesOp', 'metOuders', 'conclusie', 'toelichting',
  'resultaat.0.uitkomst', 'resultaat.0.toelichting', 'door', 'email', 'vanaf', 'extraOndersteuning', 'aanleiding', 'alleenLwoo', '__proto__'] as const;

const waarde = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2024-02-29', '2026-03-02', '2026-03-03', '1', '0', '-1', '2', '99999999999',
    'ja', 'nee', 'ingestemd', 'geweigerd', 'gezien', 'mening', 'niet-gehoord', 'gesprek', 'online', 'havo', 'pro', 'gedrag', 'doorgaan', 'bijstellen',
    'afsluiten', 'leerling', 'ouders', 'meer-doelen', 'deels', 'later', 'inschrijving', 'bao', 'vso', '8', '18', '12.5',
    '00000000-0000-0000-0000-000000000000', '\u0000', 'a\u0000b', '\ud800', '<script>alert(1)</script>', "' or 1=1 --", 'x'.repeat(5000)),
);

describe('fuzzing the OPP forms [pglite]', () => {
  let ctx: TestContext;
  let t: TestTenant;
  let ib: Client;
  let leider: Client;
  let ouder: Client;
  let leerling: Client;
  let directeur: Client;
  let leerlingId: string;
  let id: string;
  let meningId: string;

  before(async () => {
    ctx = await makeTestApp('pglite');
    t = await buildTenant(ctx.db);
    leerlingId = await buildLeerling(ctx.db, t, { achternaam: 'Fuzz' });
    ib = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'intern-begeleider'), VANDAAG);
    leider = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'schoolleider'), VANDAAG);
    directeur = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'swv-directeur'), VANDAAG);
    const o = await buildUser(ctx.db, t, 'ouder');
    await linkOuder(ctx.db, t, leerlingId, o);
    ouder = await loginOpDatum(ctx, o, VANDAAG);
    leerling = await loginOpDatum(ctx, await buildUser(ctx.db, t, 'leerling', { leerlingId }), VANDAAG);
    await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`insert into opp_instelling (swv_id, leerling_portaal_vanaf) values (${t.swvId}, 8)`));
    await ib.get(`/leerlingen/${leerlingId}/opp/nieuw`);
    const r = await ib.post(`/leerlingen/${leerlingId}/opp`, { soort: 'bao', extraOndersteuning: 'ja', aanleiding: 'later' });
    id = /\/opp\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
    await ib.get(`/opp/${id}/bewerken`);
    assert.equal((await ib.post(`/opp/${id}/versies`, { basis: '0', uitstroom: 'havo', 'factor.gedrag.belemmerend': 'Botst.', 'factor.gedrag.bevorderend': 'Vaste juf.',
      'doel.0.doel': 'Rustig werken.', 'doel.0.ondersteuning': 'Afkoelplek.' })).status, 303);
    await ouder.get(`/opp/${id}/mijn-mening`);
    assert.equal((await ouder.post(`/opp/${id}/mijn-mening`, { 'vraag.thuis': 'Thuis gaat het goed.' })).status, 303);
    meningId = (await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => first<{ id: string }>(tx, sql`select id from opp_mening where opp_id = ${id}`)))!.id;
  });
  after(async () => ctx.db.close());

  /** Everything a form could change, as one comparable string. */
  const toestand = () => ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => JSON.stringify(await first(tx, sql`select
      (select row_to_json(o) from opp o where o.id = ${id}) as o,
      (select json_agg(v order by v.volgnummer) from opp_versie v where v.opp_id = ${id}) as v,
      (select json_agg(x order by x.id) from opp_oogo x where x.opp_id = ${id}) as g,
      (select json_agg(x order by x.id) from opp_instemming x where x.opp_id = ${id}) as i,
      (select json_agg(x order by x.id) from opp_mening x where x.opp_id = ${id}) as m,
      (select json_agg(x order by x.id) from opp_evaluatie x where x.opp_id = ${id}) as e,
      (select row_to_json(x) from opp_instelling x where x.swv_id = ${t.swvId}) as s,
      (select count(*) from opp) as n, (select count(*) from uitnodiging) as u`)));

  it(`no form answers 5xx; a refused form changes nothing (${RUNS} runs)`, async () => {
    const routes: [Client, string][] = [
      [ib, `/leerlingen/${leerlingId}/opp`], [ib, `/opp/${id}/versies`], [ib, `/opp/${id}/oogo`], [ib, `/opp/${id}/instemming`],
      [ib, `/opp/${id}/instemming-door`], [ib, `/opp/${id}/leerling-uitnodigen`], [ib, `/opp/${id}/meningen/${meningId}/reactie`],
      [ib, `/opp/${id}/leerling-mening`], [ib, `/opp/${id}/evaluatie`], [ib, `/opp/${id}/afsluiten`], [leider, `/opp/${id}/vaststellen`],
      [ouder, `/opp/${id}/mijn-besluit`], [ouder, `/opp/${id}/mijn-mening`], [leerling, `/opp/${id}/mijn-mening`], [directeur, '/instellingen/opp'],
    ];
    for (const c of [ib, leider, ouder, leerling, directeur]) await c.get('/account');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.dictionary(fc.constantFrom(...VELDEN), waarde, { maxKeys: 10 }), async ([client, path], form) => {
        const voor = await toestand();
        const r = await client.request('POST', path, { form: form as Record<string, string> });
        assert.ok(r.status < 500, `${path} → ${r.status}: ${r.text.slice(0, 300)}`);
        assert.ok([200, 303, 400, 403, 404, 409, 422].includes(r.status), `${path} → ${r.status}`);
        if (r.status !== 303) {
          assert.equal(await toestand(), voor, `${path} ${r.status}: nothing may change`);
          if (r.status === 422) assert.match(r.text, /lang="nl"[\s\S]*Er ging iets mis/, 'a Dutch error summary');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the JSON API answers problem+json for ids that are not there or not theirs', async () => {
    for (const pad of [`/api/opp/${crypto.randomUUID()}`, '/api/opp/niet-een-id', `/api/opp/${id}x`]) {
      const r = await ib.get(pad);
      assert.equal(r.status, 404, pad);
      assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
    }
    assert.equal((await ib.get(`/api/opp/${id}`)).status, 200);
  });
});
