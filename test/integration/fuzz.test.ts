/**
 * fast-check fuzzing of the login form and every API endpoint (listed from the router): arbitrary bodies, content
 * types and paths never give a 5xx; every 4xx from the API is application/problem+json with a Dutch title, and
 * HTML forms answer with a page. Bad input changes no rows.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { makeTestApp, buildTenant, buildUser, login, Client, type TestContext, type TestTenant } from '../support/app.js';
import { ERROR_CODES } from '../../src/platform/errors.js';
import { rows } from '../../src/platform/db/client.js';

const DUTCH_TITLES = new Set<string>(Object.values(ERROR_CODES).map((e) => e.title));
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const contentTypes = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/xml', '', 'application/json; charset=latin1');
const bodies = fc.oneof(
  fc.json().map((j) => j),
  fc.string({ maxLength: 300 }),
  fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }))).map((o) => JSON.stringify(o)),
  fc.dictionary(fc.constantFrom('voornaam', 'achternaam', 'geboortedatum', 'vestigingCode', 'startdatum', 'woonPc4', 'tussenvoegsel', '__proto__', 'constructor'), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('2015-02-30', '9999-99-99', '<script>', "' or 1=1 --", '\u0000', 'a\u0000b', '\ud800', '1234', '123456789')))
    .map((o) => JSON.stringify(o)),
);

describe('fuzzing login and the API [pglite]', () => {
  let ctx: TestContext;
  let t: TestTenant;
  let staff: Client;
  before(async () => {
    ctx = await makeTestApp('pglite');
    t = await buildTenant(ctx.db);
    staff = await login(ctx, await buildUser(ctx.db, t, 'swv-medewerker'));
  });
  after(async () => ctx.db.close());

  it(`the login form never answers 5xx and always in Dutch (${RUNS} runs)`, async () => {
    const c = new Client(ctx.app);
    await c.get('/inloggen');
    const nasty = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('\u0000', 'a@b.nl\u0000', '\ud800@x.nl', 'x'.repeat(5000)));
    await fc.assert(
      fc.asyncProperty(nasty, nasty, fc.boolean(), async (email, wachtwoord, withToken) => {
        const r = await c.request('POST', '/inloggen', { form: { email, wachtwoord }, csrf: withToken });
        assert.ok(r.status < 500, `status ${r.status}`);
        assert.ok([200, 303, 400, 403, 422, 429].includes(r.status), `status ${r.status}`);
        if (r.status !== 303) assert.match(r.text, /lang="nl"/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`every API endpoint survives arbitrary input: no 5xx, 4xx as Dutch problem+json, no rows changed (${RUNS} runs)`, async () => {
    const apiRoutes = ctx.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL');
    assert.ok(apiRoutes.length >= 3);
    const countRows = async () => (await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from leerling`)))[0]!.n;
    const before = await countRows();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apiRoutes),
        fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.constant('..%2F..%2Fetc'), fc.constant('%00')),
        contentTypes,
        bodies,
        fc.boolean(),
        async (route, id, type, body, anonymous) => {
          const path = route.path.replace(/:[a-z]+/gi, id || 'x');
          const client = anonymous ? new Client(ctx.app) : staff;
          const headers: Record<string, string> = { 'x-csrf-token': client.csrf, accept: 'application/json' };
          if (type) headers['content-type'] = type;
          const r = await client.request(route.method, path, { headers, body: route.method === 'GET' ? undefined : body });
          assert.ok(r.status < 500, `${route.method} ${path} → ${r.status}: ${r.text.slice(0, 200)}`);
          if (r.status >= 400) {
            assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/, `${route.method} ${path} ${r.status}`);
            const p = JSON.parse(r.text) as { title: string; status: number; detail: string };
            assert.equal(p.status, r.status);
            assert.ok(DUTCH_TITLES.has(p.title), `not one of our Dutch titles: ${p.title}`);
          }
        },
      ),
      { numRuns: RUNS },
    );
    // Valid-looking bodies could have created pupils; none of the generated ones are valid (no valid school code).
    assert.equal(await countRows(), before);
  });

  it('NUL bytes and lone surrogates in queries, paths and forms are refused or ignored, never a 5xx', async () => {
    for (const path of ['/leerlingen?zoek=Yilmaz%00', '/leerlingen?zoek=%ED%A0%80', '/uitnodiging/%00/x', '/uitnodiging/PO2603/%00aaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/samenwerkingsverbanden/%00',
      '/scholen/zoeken?postcode=%00', '/scholen/zoeken?postcode=3701&behoefte=%ED%A0%80&soort=%00&afstand=%00', '/scholen/zoeken?postcode=3701&denominatie=%00',
      '/scholen/vergelijken?school=%00&school=%ED%A0%80&terug=%00', '/scholen/%00', '/scholen/AB1200/aanbod/%00/1', '/scholen/AB1200/aanbod/2026-2027/1.json',
      '/api/scholen/zoeken?postcode=%ED%A0%80&behoefte=%00', '/api/scholen/%00']) {
      const r = await staff.get(path);
      assert.ok(r.status < 500, `${path} → ${r.status}`);
    }
    const anon = new Client(ctx.app);
    await anon.get('/inloggen');
    for (const form of [{ email: 'a@b.nl\u0000', wachtwoord: 'x' }, { email: 'a@b.nl', wachtwoord: '\u0000' }]) {
      const r = await anon.post('/inloggen', form);
      assert.ok(r.status < 500, `login → ${r.status}`);
    }
  });

  it(`HTML forms re-render or refuse, never 5xx (${RUNS} runs)`, async () => {
    const formRoutes = ['/leerlingen', '/inloggen/code', '/inloggen/code/invoeren', '/rol-kiezen'];
    await staff.get('/leerlingen/nieuw');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...formRoutes), fc.dictionary(fc.constantFrom('voornaam', 'achternaam', 'geboortedatum', 'vestigingCode', 'startdatum', 'email', 'code', 'rol', 'woonPc4'), fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('\u0000', 'x\u0000y', '\ud800'))), async (path, form) => {
        const r = await staff.request('POST', path, { form });
        assert.ok(r.status < 500, `${path} → ${r.status}`);
      }),
      { numRuns: RUNS },
    );
  });
});
