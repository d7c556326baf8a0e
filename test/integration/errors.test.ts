/**
 * Unexpected errors never show internals: browsers get the Dutch 500 page with a reference id, API clients a
 * Dutch problem+json; unknown pages are a Dutch 404 in both forms.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, Client, type TestContext } from '../support/app.js';

describe('error answers [pglite]', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await makeTestApp('pglite');
    // Test-only routes on this instance (the route-policy test uses its own app): a bug somewhere deep down.
    ctx.app.get('/_test/kapot', () => { throw new Error('geheime interne fout met details'); });
    ctx.app.get('/api/_test/kapot', () => { throw new Error('geheime interne fout met details'); });
  });
  after(async () => ctx.db.close());

  it('a page: 500 in Dutch with the request id as reference, no internals', async () => {
    const r = await new Client(ctx.app).get('/_test/kapot');
    assert.equal(r.status, 500);
    assert.match(r.text, /Er ging iets mis bij ons/);
    assert.ok(r.text.includes(r.headers.get('x-request-id')!), 'reference id shown');
    assert.doesNotMatch(r.text, /geheime interne fout/);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });

  it('the API: 500 as problem+json in Dutch, no internals', async () => {
    const r = await new Client(ctx.app).get('/api/_test/kapot');
    assert.equal(r.status, 500);
    assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
    const p = JSON.parse(r.text) as { title: string; status: number };
    assert.equal(p.status, 500);
    assert.equal(p.title, 'Er ging iets mis bij ons');
    assert.doesNotMatch(r.text, /geheime/);
  });

  it('404 as a Dutch page and as problem+json', async () => {
    const page = await new Client(ctx.app).get('/bestaat-niet');
    assert.equal(page.status, 404);
    assert.match(page.text, /Pagina niet gevonden/);
    const api = await new Client(ctx.app).get('/api/bestaat-niet');
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type')!, /problem\+json/);
    assert.equal((JSON.parse(api.text) as { title: string }).title, 'Niet gevonden');
  });

  it('a pupil id that is not a UUID is a 404, not a database error', async () => {
    const r = await new Client(ctx.app).get('/api/leerlingen/1%27%20or%201=1');
    assert.ok(r.status === 401 || r.status === 404);
  });
});
