/**
 * OPP rules of legal-rules §10, rules 11–16 (issue 6, first slice): required when, the 6-week deadline (WPO 40a lid 2
 * c.s.), what adoption needs (Besluit bekostiging WPO 34.7 c.s.), consent on the handelingsdeel of the same version
 * (WPO 40a, 2017), the yearly evaluation (WPO 40a lid 3), and hoorrecht as a dated parameter (Kamerstuk 36 443).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween, schoolYearOf } from '../../../src/platform/civil-date.js';
import { oppUiterlijk, oppVerplicht } from '../../../src/modules/opp/rules/termijn.js';
import { controleerVaststelling, instemmingVoor, type InstemmingRecord, type OppVersie } from '../../../src/modules/opp/rules/vaststelling.js';
import { eindeSchooljaar, evaluatieStand } from '../../../src/modules/opp/rules/evaluatie.js';
import { geldigOp, HOORRECHT } from '../../../src/modules/opp/rules/parameters.js';

const datum = fc.date({ min: new Date(Date.UTC(1995, 0, 1)), max: new Date(Date.UTC(2095, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('rule 11 (WPO 40a lid 2): enrolled 2025-09-01, needs extra support → adopt by 2025-10-13', () => {
  assert.equal(oppUiterlijk({ ingeschrevenOp: '2025-09-01' }), '2025-10-13');
});

test('rule 12 (WPO 40a lid 2): provisionally placed, made definitive 2025-06-02 → by 2025-07-14', () => {
  assert.equal(oppUiterlijk({ ingeschrevenOp: '2025-03-01', definitiefOp: '2025-06-02' }), '2025-07-14');
});

test('property: the deadline is always 42 days after the start that counts (leap years, year ends)', () => {
  fc.assert(fc.property(datum, fc.option(datum, { nil: null }), (ingeschreven, definitief) => {
    const d = oppUiterlijk({ ingeschrevenOp: ingeschreven, definitiefOp: definitief });
    assert.equal(daysBetween(definitief ?? ingeschreven, d), 42);
  }));
});

test('§2.1–2.2: required for every sbo, pro and (v)so pupil; in bao/vo only with extra support, not for lwoo alone', () => {
  for (const soort of ['sbo', 'pro', 'so', 'vso'] as const) assert.equal(oppVerplicht({ soort, extraOndersteuning: false }).verplicht, true, soort);
  assert.equal(oppVerplicht({ soort: 'bao', extraOndersteuning: true }).verplicht, true);
  assert.equal(oppVerplicht({ soort: 'bao', extraOndersteuning: false }).verplicht, false);
  assert.equal(oppVerplicht({ soort: 'vo', extraOndersteuning: true }).verplicht, true);
  assert.equal(oppVerplicht({ soort: 'vo', extraOndersteuning: true, alleenLwoo: true }).verplicht, false);
});

const COMPLEET: OppVersie = {
  versie: 2, uitstroombestemming: 'vmbo kader', belemmerend: ['snel afgeleid in drukte'], bevorderend: ['werkt goed met een planning'],
  handelingsdeel: [{ doel: 'Zelfstandig 20 minuten werken', ondersteuning: 'Vaste plek, dagplanning, wekelijks gesprek met de IB' }],
  oogoOp: '2025-09-20', hoorrecht: { mening: 'Ik wil graag bij het raam zitten.' },
};
const ingestemd = (versie: number, op = '2025-09-25'): InstemmingRecord => ({ versie, uitkomst: 'ingestemd', op });

test('rule 13 (Besluit bekostiging WPO 34.7): adoption needs an exit destination, a hindering and a supporting factor, a handelingsdeel', () => {
  assert.deepEqual(controleerVaststelling(COMPLEET, [ingestemd(2)], '2025-10-01'), {});
  const leeg = controleerVaststelling({ ...COMPLEET, uitstroombestemming: ' ', belemmerend: [''], bevorderend: [], handelingsdeel: [{ doel: 'x', ondersteuning: '' }] }, [ingestemd(2)], '2025-10-01');
  assert.deepEqual(Object.keys(leeg).sort(), ['belemmerend', 'bevorderend', 'handelingsdeel', 'uitstroombestemming']);
});

test('rule 14 (WPO 40a, 2017): the handelingsdeel needs consent on THIS version; a refusal or consent to version 1 does not count; OOGO recorded', () => {
  assert.match(controleerVaststelling(COMPLEET, [], '2025-10-01').instemming!, /eerst instemmen met het handelingsdeel van versie 2/);
  assert.match(controleerVaststelling(COMPLEET, [ingestemd(1)], '2025-10-01').instemming!, /eerdere versie telt niet/);
  assert.match(controleerVaststelling(COMPLEET, [{ versie: 2, uitkomst: 'gezien', op: '2025-09-22' }], '2025-10-01').instemming!, /eerst instemmen/);
  const geweigerd: InstemmingRecord = { versie: 2, uitkomst: 'geweigerd', op: '2025-09-26', reden: 'Te weinig uren begeleiding.' };
  assert.match(controleerVaststelling(COMPLEET, [ingestemd(2), geweigerd], '2025-10-01').instemming!, /niet ingestemd/, 'the later refusal replaces the consent');
  assert.equal(instemmingVoor(2, [geweigerd, ingestemd(2, '2025-09-30')])!.uitkomst, 'ingestemd', 'a later consent replaces the refusal');
  assert.match(controleerVaststelling({ ...COMPLEET, oogoOp: null }, [ingestemd(2)], '2025-10-01').oogoOp!, /overlegd/);
});

test('rule 16 (Kamerstuk 36 443, dated parameter): from 2025-08-01 the pupil\'s view or the reason it was not obtained is required', () => {
  const zonder = { ...COMPLEET, hoorrecht: null };
  assert.equal(controleerVaststelling(zonder, [ingestemd(2)], '2025-07-31').hoorrecht, undefined, 'before the date: not required');
  assert.match(controleerVaststelling(zonder, [ingestemd(2)], '2025-08-01').hoorrecht!, /wat de leerling zelf vindt/);
  assert.deepEqual(controleerVaststelling({ ...COMPLEET, hoorrecht: { nietGehoordOmdat: 'De leerling is 4 jaar en kan zich nog niet uiten.' } }, [ingestemd(2)], '2025-08-01'), {});
  assert.match(controleerVaststelling({ ...COMPLEET, hoorrecht: { mening: '  ' } }, [ingestemd(2)], '2025-08-01').hoorrecht!, /woorden van de leerling/);
  assert.equal(geldigOp(HOORRECHT, '2025-08-01').verplicht, true);
  assert.throws(() => geldigOp(HOORRECHT, '2000-01-01'), RangeError);
});

test('rule 15 (WPO 40a lid 3): no evaluation in the school year → "achterstallig" on 31 July; due from 1 June', () => {
  assert.equal(evaluatieStand([], '2026-07-31'), 'achterstallig');
  assert.equal(evaluatieStand([], '2026-07-30'), 'binnenkort');
  assert.equal(evaluatieStand([], '2026-05-31'), 'nog-niet');
  assert.equal(evaluatieStand(['2025-07-15'], '2026-07-31'), 'achterstallig', 'last school year\'s evaluation does not count');
  assert.equal(evaluatieStand(['2025-10-01'], '2026-07-31'), 'gedaan');
  assert.equal(evaluatieStand([], '2026-08-01'), 'nog-niet', 'a new school year starts');
});

test('property: an evaluation on any day of the school year makes that year "gedaan" from that day; 31 July ends the year', () => {
  fc.assert(fc.property(datum, fc.integer({ min: 0, max: 364 }), (d, n) => {
    const later = addDays(d, n);
    const stand = evaluatieStand([d], later);
    assert.equal(stand === 'gedaan', schoolYearOf(d) === schoolYearOf(later));
    assert.equal(eindeSchooljaar(d).slice(5), '07-31');
    assert.ok(eindeSchooljaar(d) >= d && schoolYearOf(eindeSchooljaar(d)) === schoolYearOf(d));
  }));
});
