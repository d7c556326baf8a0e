/**
 * Accounts and sessions through the real forms: password + TOTP for staff, e-mailed code for parents, MFA gate,
 * rate limit, CSRF, idle timeout, cookie attributes, logout. On every database kind.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, buildLeerling, linkOuder, login, Client, codeFor, type TestContext, type TestTenant } from '../support/app.js';
import { LOGIN_LIMITS, createAccount } from '../../src/platform/auth/service.js';

for (const kind of databaseKinds()) {
  describe(`accounts and sessions [${kind}]`, () => {
    let ctx: TestContext;
    let t: TestTenant;
    before(async () => {
      ctx = await makeTestApp(kind);
      t = await buildTenant(ctx.db);
    });
    after(async () => ctx.db.close());

    it('staff log in with password and TOTP; the session cookie is __Host-, HttpOnly, SameSite=Lax, Secure', async () => {
      const u = await buildUser(ctx.db, t, 'intern-begeleider');
      const c = new Client(ctx.app);
      await c.get('/inloggen');
      const r = await c.post('/inloggen', { email: u.email, wachtwoord: u.password! });
      assert.equal(r.status, 303);
      assert.equal(r.location, '/mfa');
      const cookie = r.headers.getSetCookie().find((h) => h.startsWith('__Host-passend='));
      assert.ok(cookie, 'session cookie set');
      assert.match(cookie!, /HttpOnly/);
      assert.match(cookie!, /Secure/);
      assert.match(cookie!, /SameSite=Lax/);
      assert.match(cookie!, /Path=\//);
      assert.doesNotMatch(cookie!, /Domain=/);
      // Before the second factor no pupil page is reachable.
      const gated = await c.get('/leerlingen');
      assert.equal(gated.status, 303);
      assert.equal(gated.location, '/mfa');
      const api = await c.get('/api/leerlingen');
      assert.equal(api.status, 401);
      assert.match(api.headers.get('content-type')!, /application\/problem\+json/);
      await c.get('/mfa'); // the session has its own CSRF token: take it from the page, as a browser would
      const m = await c.post('/mfa', { code: codeFor(u.totpSecret!) });
      assert.equal(m.status, 303);
      assert.equal((await c.get('/leerlingen')).status, 200);
    });

    it('a wrong password re-renders the form with a Dutch message and keeps the e-mail address', async () => {
      const u = await buildUser(ctx.db, t, 'schoolleider');
      const c = new Client(ctx.app);
      await c.get('/inloggen');
      const r = await c.post('/inloggen', { email: u.email, wachtwoord: 'fout-wachtwoord-123' });
      assert.equal(r.status, 422);
      assert.match(r.text, /<title>Fout: Inloggen/);
      assert.match(r.text, /Het e-mailadres of het wachtwoord klopt niet/);
      assert.ok(r.text.includes(`value="${u.email}"`), 'typed e-mail kept');
      assert.ok(!r.text.includes('fout-wachtwoord-123'), 'password never echoed');
    });

    it('a TOTP code is accepted once (replay refused)', async () => {
      const u = await buildUser(ctx.db, t, 'swv-medewerker');
      const code = codeFor(u.totpSecret!);
      const a = new Client(ctx.app);
      await a.get('/inloggen');
      await a.post('/inloggen', { email: u.email, wachtwoord: u.password! });
      await a.get('/mfa');
      assert.equal((await a.post('/mfa', { code })).status, 303);
      const b = new Client(ctx.app);
      await b.get('/inloggen');
      await b.post('/inloggen', { email: u.email, wachtwoord: u.password! });
      await b.get('/mfa');
      const replay = await b.post('/mfa', { code });
      assert.equal(replay.status, 422);
      assert.match(replay.text, /al gebruikt/);
    });

    it('login attempts are rate limited per account with a Dutch message', async () => {
      const u = await buildUser(ctx.db, t, 'bestuur');
      const c = new Client(ctx.app);
      await c.get('/inloggen');
      let last = 0;
      let text = '';
      for (let i = 0; i <= LOGIN_LIMITS.perEmail; i++) {
        const r = await c.post('/inloggen', { email: u.email, wachtwoord: `fout-${i}-xxxxxxxx` });
        last = r.status;
        text = r.text;
      }
      assert.equal(last, 429);
      assert.match(text, /te vaak geprobeerd/);
      // Even the right password is refused while the window lasts.
      const r = await c.post('/inloggen', { email: u.email, wachtwoord: u.password! });
      assert.equal(r.status, 429);
    });

    it('a POST without the CSRF token, or from another site, is refused', async () => {
      const u = await buildUser(ctx.db, t, 'intern-begeleider');
      const c = await login(ctx, u);
      const noToken = await c.request('POST', '/uitloggen', { form: {}, csrf: false });
      assert.equal(noToken.status, 403);
      assert.match(noToken.text, /verlopen/);
      const cross = await c.request('POST', '/uitloggen', { form: {}, headers: { origin: 'https://evil.example' } });
      assert.equal(cross.status, 403);
      const json = await c.request('POST', '/api/leerlingen', { json: {}, csrf: false });
      assert.equal(json.status, 403);
      assert.match(json.headers.get('content-type')!, /problem\+json/);
      // Still logged in: the refused requests changed nothing.
      assert.equal((await c.get('/leerlingen')).status, 200);
    });

    it('a staff session ends after 30 minutes without activity', async () => {
      const u = await buildUser(ctx.db, t, 'intern-begeleider');
      const c = await login(ctx, u);
      assert.equal((await c.get('/leerlingen')).status, 200);
      ctx.clock.advance(29 * 60_000);
      assert.equal((await c.get('/account')).status, 200);
      ctx.clock.advance(31 * 60_000);
      const r = await c.get('/leerlingen');
      ctx.clock.set(new Date());
      assert.equal(r.status, 303);
      assert.match(r.location!, /^\/inloggen/);
    });

    it('logout deletes the session server-side', async () => {
      const u = await buildUser(ctx.db, t, 'intern-begeleider');
      const c = await login(ctx, u);
      const token = c.cookies.get('__Host-passend')!;
      assert.equal((await c.post('/uitloggen', {})).status, 303);
      const again = new Client(ctx.app);
      again.cookies.set('__Host-passend', token);
      const r = await again.get('/leerlingen');
      assert.equal(r.status, 303, 'old token no longer works');
    });

    it('parents log in with an e-mailed one-time code and see only their own child', async () => {
      const ouder = await buildUser(ctx.db, t, 'ouder');
      const kind1 = await buildLeerling(ctx.db, t, { achternaam: 'Eigenkind' });
      const ander = await buildLeerling(ctx.db, t, { achternaam: 'Anderkind' });
      await linkOuder(ctx.db, t, kind1, ouder);
      const c = await login(ctx, ouder);
      const lijst = await c.get('/mijn-kinderen');
      assert.equal(lijst.status, 200);
      assert.match(lijst.text, /Eigenkind/);
      assert.doesNotMatch(lijst.text, /Anderkind/);
      assert.equal((await c.get(`/leerlingen/${kind1}`)).status, 200);
      assert.equal((await c.get(`/leerlingen/${ander}`)).status, 404);
      // Parents never reach staff pages.
      assert.equal((await c.get('/leerlingen')).status, 403);
    });

    it('opening the set-up page never switches the second factor off; a new app key replaces the old only when confirmed', async () => {
      const u = await buildUser(ctx.db, t, 'swv-directeur');
      const c = await login(ctx, u);
      // Just opening the page (or being lured to it) changes nothing.
      const page = await c.get('/mfa/instellen');
      assert.equal(page.status, 200);
      assert.match(page.text, /Nieuwe sleutel maken/);
      // Someone with only the password is still asked for the current app's code, not offered a new key.
      const thief = new Client(ctx.app);
      await thief.get('/inloggen');
      const r = await thief.post('/inloggen', { email: u.email, wachtwoord: u.password! });
      assert.equal(r.location, '/mfa');
      assert.equal((await thief.get('/mfa/instellen')).location, '/mfa');
      await thief.get('/mfa'); // a page with the session's CSRF token
      assert.equal((await thief.request('POST', '/mfa/instellen/nieuw', { form: {} })).status, 401, 'a new key needs the current factor first');
      assert.equal((await thief.get('/leerlingen')).location, '/mfa', 'still gated');
      // The owner asks for a new key: the old app keeps working until the new key is confirmed.
      await c.get('/mfa/instellen');
      assert.equal((await c.post('/mfa/instellen/nieuw', {})).status, 303);
      const setup = await c.get('/mfa/instellen');
      const newSecret = /<code class="passend-code">([A-Z2-7 ]+)<\/code>/.exec(setup.text)![1]!.replace(/ /g, '');
      assert.notEqual(newSecret, u.totpSecret);
      const other = await login(ctx, u); // with the old secret: still valid
      assert.equal((await other.get('/leerlingen')).status, 200);
      assert.equal((await c.post('/mfa/instellen', { code: codeFor(newSecret) })).status, 303);
      await assert.rejects(login(ctx, u), /mfa failed/, 'old key no longer works');
      assert.ok(await login(ctx, { ...u, totpSecret: newSecret }));
    });

    it('a parent account that also gets a staff role can no longer log in with a mailed code (staff need password + TOTP)', async () => {
      const ouder = await buildUser(ctx.db, t, 'ouder');
      const kind = await buildLeerling(ctx.db, t);
      await linkOuder(ctx.db, t, kind, ouder);
      await createAccount({ db: ctx.db }, { email: ouder.email, naam: 'Ouder en IB', wachtwoord: 'een-lang-test-wachtwoord', rol: 'intern-begeleider', swvId: t.swvId, vestigingCode: t.vestigingCode });
      const c = new Client(ctx.app);
      await c.get('/inloggen/code');
      await c.post('/inloggen/code', { email: ouder.email });
      const mails = await ctx.db.withSystem((tx) => tx.execute(sql`select count(*)::int as n from mail_bericht where aan = ${ouder.email}`)) as unknown as { rows: { n: number }[] };
      assert.equal(mails.rows[0]!.n, 0, 'no code is mailed to an account with a staff role');
      // The password now works, and leads to setting up the app — the staff role is not reachable before that.
      await c.get('/inloggen');
      const r = await c.post('/inloggen', { email: ouder.email, wachtwoord: 'een-lang-test-wachtwoord' });
      assert.equal(r.location, '/mfa/instellen');
      assert.equal((await c.get('/leerlingen')).status, 303);
    });

    it('an unknown address gets the same answer as a known one (no account enumeration)', async () => {
      const c = new Client(ctx.app);
      await c.get('/inloggen/code');
      const r = await c.post('/inloggen/code', { email: 'niemand-hier@test.passend.test' });
      assert.equal(r.status, 200);
      assert.match(r.text, /Als uw e-mailadres bij ons bekend is/);
      const mails = await ctx.db.withSystem((tx) => tx.execute(sql`select count(*)::int as n from mail_bericht where aan = 'niemand-hier@test.passend.test'`)) as unknown as { rows: { n: number }[] };
      assert.equal(mails.rows[0]!.n, 0);
    });

    it('a wrong e-mail code is refused and the code dies after 5 attempts', async () => {
      const ouder = await buildUser(ctx.db, t, 'ouder');
      const c = new Client(ctx.app);
      await c.get('/inloggen/code');
      await c.post('/inloggen/code', { email: ouder.email });
      for (let i = 0; i < 5; i++) {
        const r = await c.post('/inloggen/code/invoeren', { email: ouder.email, code: '000000' });
        assert.equal(r.status, 422);
      }
      const mail = await ctx.db.withSystem((tx) => tx.execute(sql`select onderwerp from mail_bericht where aan = ${ouder.email} order by created_at desc limit 1`)) as unknown as { rows: { onderwerp: string }[] };
      const code = /(\d{6})/.exec(mail.rows[0]!.onderwerp)![1]!;
      const r = await c.post('/inloggen/code/invoeren', { email: ouder.email, code });
      assert.equal(r.status, 422, 'even the right code is dead after 5 wrong attempts');
    });
  });
}
