/**
 * Recorded dates (decision, hearing, report): valid, not in the future, and in the order the law sets — the board
 * decides on a removal only after the hearing and after another school said yes (legal-rules §1.14–1.16).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datumFout, datumFouten } from '../../src/platform/datum.js';

test('empty, invalid, future, before and after another date: each has its plain-Dutch message', () => {
  const r = { wat: 'de datum van het besluit', vandaag: '2025-04-10' };
  assert.equal(datumFout('', r), 'Vul de datum van het besluit in.');
  assert.match(datumFout('2025-02-30', r)!, /jaar-maand-dag/);
  assert.match(datumFout('10-04-2025', r)!, /jaar-maand-dag/);
  assert.equal(datumFout('2025-04-11', r), 'De datum van het besluit ligt in de toekomst.');
  assert.equal(datumFout('2025-04-10', r), undefined, 'today is fine');
  assert.equal(datumFout('2025-03-01', { ...r, nietVoor: [{ datum: '2025-03-03', wat: 'het horen' }] }), 'De datum van het besluit ligt voor het horen (3 maart 2025).');
  assert.equal(datumFout('2025-03-03', { ...r, nietVoor: [{ datum: '2025-03-03', wat: 'het horen' }] }), undefined, 'the same day is fine');
  assert.equal(datumFout('2025-03-01', { ...r, nietVoor: [{ datum: null, wat: 'het horen' }] }), undefined, 'not recorded: no check');
  assert.match(datumFout('2025-03-05', { ...r, nietNa: [{ datum: '2025-03-04', wat: 'de eerste dag van de schorsing' }] })!, /ligt na de eerste dag van de schorsing \(4 maart 2025\)/);
  assert.equal(datumFout('2030-01-01', { wat: 'de eerste dag' }), undefined, 'without vandaag a future date is allowed');
});

test('several checks at once, keyed by field', () => {
  assert.deepEqual(datumFouten({ a: ['2025-01-01', { wat: 'a', vandaag: '2025-04-10' }], b: ['x', { wat: 'de datum b' }] }),
    { b: 'Vul de datum b in als jaar-maand-dag, bijvoorbeeld 2025-03-03.' });
});

test('a year typed wrongly (before 1900) is a message, not a date', () => {
  assert.equal(datumFout('0026-03-02', { wat: 'de datum van het besluit' }), 'De datum van het besluit ligt te ver in het verleden. Kijk het jaartal na.');
  assert.equal(datumFout('1900-01-01', { wat: 'de datum' }), undefined);
});
