/**
 * Ages and provisional placement: legal-rules §10 rules 3–6 (WPO 40 lid 7, WEC 40 lid 8–9, WVO 27 lid 2f) and §1.2
 * (application ages), with property tests over arbitrary dates and birthdays (29 February included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, ageOn, daysBetween, isCivilDate } from '../../../src/platform/civil-date.js';
import {
  tijdelijkePlaatsingVanaf, uitschrijvingNaWeigering, verjaardag, vroegsteAanmelddatum, vroegsteStartdatum, type LapsInvoer,
} from '../../../src/modules/zorgplicht/rules/toelating.js';

const datum = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const geval: LapsInvoer = { sector: 'po', ontvangen: '2025-03-03', besluitOp: null, eldersIngeschreven: false, geboortedatum: '2020-01-15' };

test('rule 3: no decision by 2025-05-12, not enrolled elsewhere, already 4 → provisionally placed from 2025-05-13', () => {
  assert.equal(tijdelijkePlaatsingVanaf(geval), '2025-05-13');
});

test('rule 4: the same, but the child turns 4 on 2025-06-01 → from 2025-06-01, not 2025-05-13', () => {
  assert.equal(tijdelijkePlaatsingVanaf({ ...geval, geboortedatum: '2021-06-01' }), '2025-06-01');
});

test('rule 5: enrolled at another school → no provisional placement', () => {
  assert.equal(tijdelijkePlaatsingVanaf({ ...geval, eldersIngeschreven: true }), null);
});

test('a decision within the 10 weeks (also on the last day) → no provisional placement; a later one does not undo it', () => {
  assert.equal(tijdelijkePlaatsingVanaf({ ...geval, besluitOp: '2025-05-12' }), null);
  assert.equal(tijdelijkePlaatsingVanaf({ ...geval, besluitOp: '2025-05-20' }), '2025-05-13');
});

test('vo: no admission age in this rule; a vo suspension moves the lapse day', () => {
  assert.equal(tijdelijkePlaatsingVanaf({ ...geval, sector: 'vo', geboortedatum: '2013-08-01' }), '2025-05-13');
  assert.equal(tijdelijkePlaatsingVanaf({ ...geval, sector: 'vo', geboortedatum: '2013-08-01', opschortingen: [{ van: '2025-03-10', tot: '2025-03-16' }] }), '2025-05-20');
});

test('rule 6: a provisionally placed pupil refused on 2025-06-10 is de-registered from 2025-06-11', () => {
  assert.equal(uitschrijvingNaWeigering('2025-06-10'), '2025-06-11');
  assert.equal(uitschrijvingNaWeigering('2024-12-31'), '2025-01-01');
  assert.equal(uitschrijvingNaWeigering('2024-02-28'), '2024-02-29');
});

test('§1.2: apply from 3 (po, so), from 2 for deaf or hard-of-hearing children (WEC), no age in vo; start at 4', () => {
  assert.equal(vroegsteAanmelddatum('2021-06-01', 'po'), '2024-06-01');
  assert.equal(vroegsteAanmelddatum('2021-06-01', 'wec'), '2024-06-01');
  assert.equal(vroegsteAanmelddatum('2021-06-01', 'wec', true), '2023-06-01');
  assert.equal(vroegsteAanmelddatum('2021-06-01', 'po', true), '2024-06-01', 'the WEC exception is not a po rule');
  assert.equal(vroegsteAanmelddatum('2012-06-01', 'vo'), null);
  assert.equal(vroegsteStartdatum('2021-06-01', 'po'), '2025-06-01');
  assert.equal(verjaardag('2020-02-29', 4), '2024-02-29');
  assert.equal(verjaardag('2020-02-29', 3), '2023-03-01', 'born on a leap day: 1 March in other years');
});

test('property: the placement starts the day after 10 weeks, or on the 4th birthday if that is later — never earlier', () => {
  fc.assert(fc.property(datum, fc.integer({ min: 700, max: 3000 }), (ontvangen, leeftijdDagen) => {
    const geboortedatum = addDays(ontvangen, -leeftijdDagen);
    const van = tijdelijkePlaatsingVanaf({ ...geval, ontvangen, geboortedatum })!;
    const naTermijn = addDays(ontvangen, 71);
    return isCivilDate(van) && van >= naTermijn && ageOn(geboortedatum, van) >= 4
      && (van === naTermijn || van === verjaardag(geboortedatum, 4));
  }));
});

test('property: a birthday is the first day of that age (ageOn agrees), also for 29 February', () => {
  fc.assert(fc.property(datum, fc.integer({ min: 1, max: 18 }), (geboren, n) => {
    const dag = verjaardag(geboren, n);
    return ageOn(geboren, dag) === n && ageOn(geboren, addDays(dag, -1)) === n - 1 && daysBetween(geboren, dag) > 0;
  }));
});
