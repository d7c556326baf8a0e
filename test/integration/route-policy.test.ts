/**
 * Every route in the router has a declared policy (the brief: "a test lists every route from the router and
 * fails if one has no policy"). Routes come from `app.routes`, not from a hand-written list.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, type TestContext } from '../support/app.js';
import { routePolicies, mountedPolicies } from '../../src/platform/http/policy.js';

describe('route policies', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await makeTestApp('pglite');
  });
  after(async () => ctx.db.close());

  it('every route from the router has a declared policy', () => {
    const declared = routePolicies(ctx.app);
    const mounts = [...mountedPolicies(ctx.app).keys()];
    const handlers = ctx.app.routes.filter((r) => r.method !== 'ALL');
    assert.ok(handlers.length > 20, `expected many routes, found ${handlers.length}`);
    const missing = handlers
      .filter((r) => !declared.has(`${r.method} ${r.path}`) && !mounts.some((m) => r.path === m || r.path.startsWith(`${m}/`)))
      .map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(missing, [], `routes without a policy: ${missing.join(', ')}`);
  });

  it('routes that carry pupil data are never public', () => {
    const publicPupil = [...routePolicies(ctx.app)].filter(([, p]) => p.pupilData && p.access === 'publiek').map(([k]) => k);
    assert.deepEqual(publicPupil, []);
  });

  it('every declared policy has a summary', () => {
    const without = [...routePolicies(ctx.app)].filter(([, p]) => !p.summary.trim()).map(([k]) => k);
    assert.deepEqual(without, []);
  });
});
