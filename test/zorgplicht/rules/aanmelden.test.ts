/**
 * Which law's clock and which SWV an online application belongs to (rules/aanmelden.ts): bao/sbo and so belong to
 * the PO-SWV (WPO art. 18a, WEC art. 28a), vo and vso to the VO-SWV (WVO art. 17a, WEC art. 28a); a combined so/vso
 * school by the child's age (interpretation: under 12 so, from 12 vso).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aanmeldplek } from '../../../src/modules/zorgplicht/rules/aanmelden.js';

test('sector and SWV of a school location for an application', () => {
  assert.deepEqual(aanmeldplek('bao', 4), { sector: 'po', swv: 'po' });
  assert.deepEqual(aanmeldplek('sbo', 7), { sector: 'po', swv: 'po' });
  assert.deepEqual(aanmeldplek('vo', 12), { sector: 'vo', swv: 'vo' });
  assert.deepEqual(aanmeldplek('so', 6), { sector: 'wec', swv: 'po' });
  assert.deepEqual(aanmeldplek('vso', 13), { sector: 'wec', swv: 'vo' });
  assert.deepEqual(aanmeldplek('so/vso', 11), { sector: 'wec', swv: 'po' });
  assert.deepEqual(aanmeldplek('so/vso', 12), { sector: 'wec', swv: 'vo' });
  assert.equal(aanmeldplek('mbo', 16), null, 'a kind of school without a passend-onderwijs SWV');
});
