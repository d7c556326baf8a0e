/**
 * The legal clock of an aanmelding: legal-rules §10 rules 1–2 and §1.5/§1.7, with property tests over arbitrary
 * dates (leap years, year ends). The properties use daysBetween from civil-date, an independent computation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween, isCivilDate } from '../../../src/platform/civil-date.js';
import {
  beslistermijn, controleerOpschorting, controleerVerlenging, geldendeTermijn, klokstand, opgeschorteDagen, uitersteTermijn,
} from '../../../src/modules/zorgplicht/rules/termijnen.js';

/** Any civil date from 1990 to 2099, leap days included. */
const datum = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('rule 1 (WPO 40 lid 6, WEC 40 lid 7, WVO 27 lid 2e): received 2025-03-03 → decide by 2025-04-14', () => {
  assert.equal(beslistermijn('2025-03-03'), '2025-04-14');
});

test('rule 2 (same articles): one extension of at most 4 weeks — 2025-05-12 allowed, 5 weeks refused', () => {
  const basis = { ontvangen: '2025-03-03', reden: 'Wij wachten op het onderzoek van de logopedist.', eerdereVerlengingen: 0 };
  assert.equal(uitersteTermijn('2025-03-03'), '2025-05-12');
  assert.deepEqual(controleerVerlenging({ ...basis, nieuweTermijn: '2025-05-12' }), {});
  assert.match(controleerVerlenging({ ...basis, nieuweTermijn: '2025-05-19' }).nieuweTermijn!, /hoogstens 4 weken/);
  assert.match(controleerVerlenging({ ...basis, nieuweTermijn: '2025-05-13' }).nieuweTermijn!, /uiterlijk tot 2025-05-12/);
  // A second extension, an extension before the normal term, a bad date, no reason: all refused in Dutch.
  assert.match(controleerVerlenging({ ...basis, nieuweTermijn: '2025-05-01', eerdereVerlengingen: 1 }).nieuweTermijn!, /maar één verlenging/);
  assert.match(controleerVerlenging({ ...basis, nieuweTermijn: '2025-04-14' }).nieuweTermijn!, /na de gewone termijn/);
  assert.match(controleerVerlenging({ ...basis, nieuweTermijn: '2025-02-30' }).nieuweTermijn!, /geldige datum/);
  assert.match(controleerVerlenging({ ...basis, nieuweTermijn: '2025-05-01', reden: ' ' }).reden!, /waarom/);
});

test('property: the term is 42 days, the outer limit 70 days, for any date (leap years, year ends)', () => {
  fc.assert(fc.property(datum, (d) => {
    const t = beslistermijn(d);
    const u = uitersteTermijn(d);
    return isCivilDate(t) && isCivilDate(u) && daysBetween(d, t) === 42 && daysBetween(d, u) === 70 && daysBetween(t, u) === 28;
  }));
});

test('property: every extension date after the term and up to the limit is allowed; no other date is', () => {
  fc.assert(fc.property(datum, fc.integer({ min: -10, max: 90 }), (d, n) => {
    const nieuw = addDays(d, n);
    const ok = Object.keys(controleerVerlenging({ ontvangen: d, nieuweTermijn: nieuw, reden: 'Onderzoek loopt nog.', eerdereVerlengingen: 0 })).length === 0;
    return ok === (n > 42 && n <= 70);
  }));
});

test('vo only (WVO 27 lid 2g): a suspension moves the term by its days; po and WEC refuse it (UNCONFIRMED there)', () => {
  const ops = [{ van: '2025-03-10', tot: '2025-03-16' }];
  assert.equal(opgeschorteDagen(ops), 7);
  assert.equal(beslistermijn('2025-03-03', ops), '2025-04-21');
  assert.equal(uitersteTermijn('2025-03-03', ops), '2025-05-19');
  assert.equal(opgeschorteDagen([...ops, { van: '2025-03-15', tot: '2025-03-18' }]), 9, 'overlap counted once');
  assert.deepEqual(controleerOpschorting('vo', '2025-03-03', { van: '2025-03-10', tot: '2025-03-16' }), {});
  assert.match(controleerOpschorting('po', '2025-03-03', { van: '2025-03-10', tot: '2025-03-16' }).van!, /voortgezet onderwijs/);
  assert.match(controleerOpschorting('wec', '2025-03-03', { van: '2025-03-10', tot: '2025-03-16' }).van!, /voortgezet onderwijs/);
  assert.match(controleerOpschorting('vo', '2025-03-03', { van: '2025-03-01', tot: '2025-03-16' }).van!, /na de ontvangst/);
  assert.match(controleerOpschorting('vo', '2025-03-03', { van: '2025-03-10', tot: '2025-03-09' }).tot!, /voor de begindatum/);
});

test('property: a suspension of k days moves both the term and the limit by exactly k days', () => {
  fc.assert(fc.property(datum, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), (d, start, k) => {
    const ops = [{ van: addDays(d, start), tot: addDays(d, start + k - 1) }];
    const dagen = k === 0 ? 0 : k;
    return daysBetween(beslistermijn(d), beslistermijn(d, k === 0 ? [] : ops)) === dagen
      && daysBetween(uitersteTermijn(d), uitersteTermijn(d, k === 0 ? [] : ops)) === dagen;
  }));
});

test('the clock: the extended term wins; at risk from 7 days before, overdue after the deadline day', () => {
  assert.equal(geldendeTermijn('2025-03-03', null), '2025-04-14');
  assert.equal(geldendeTermijn('2025-03-03', '2025-05-01'), '2025-05-01');
  assert.deepEqual(klokstand('2025-04-14', '2025-04-01'), { dagenOver: 13, status: 'op-tijd' });
  assert.deepEqual(klokstand('2025-04-14', '2025-04-07'), { dagenOver: 7, status: 'bijna' });
  assert.deepEqual(klokstand('2025-04-14', '2025-04-14'), { dagenOver: 0, status: 'bijna' });
  assert.deepEqual(klokstand('2025-04-14', '2025-04-15'), { dagenOver: -1, status: 'verlopen' });
});
