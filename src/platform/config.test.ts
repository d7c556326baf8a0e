import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for the embedded install', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.PASSEND_DATA_DIR, './data');
    assert.equal(c.DATABASE_URL, undefined);
    assert.equal(c.SESSION_IDLE_MINUTES, 30);
    assert.equal(c.COOKIE_SECURE, true);
  });
  it('lists every problem in Dutch', () => {
    assert.throws(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', PASSEND_SECRET: 'kort', PASSEND_TODAY: '1-2-2026' }), (err: Error) => {
      assert.match(err.message, /De configuratie klopt niet/);
      for (const k of ['PORT', 'DATABASE_URL', 'PASSEND_SECRET', 'PASSEND_TODAY']) assert.match(err.message, new RegExp(k));
      assert.match(err.message, /minstens 32 tekens/);
      return true;
    });
  });
});
