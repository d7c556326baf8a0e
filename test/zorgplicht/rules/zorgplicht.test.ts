/**
 * The zorgplicht and the objection term: legal-rules §10 rules 7, 8 and 23 (the objection arithmetic), §1.3, §1.4,
 * §1.8, §1.9 and §8. Suspension and removal (rules 9 and 10) are tested in test/schorsing/rules/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../../src/platform/civil-date.js';
import {
  controleerBesluit, controleerUitzondering, magWeigerenDefinitief, zorgplichtGeldt, zorgplichtSchool, type AntwoordAndereSchool,
} from '../../../src/modules/zorgplicht/rules/zorgplicht.js';
import { bezwaarTot, gpoTot } from '../../../src/modules/zorgplicht/rules/bezwaar.js';

test('rule 7 (WPO 40 lid 4, WEC 40 lid 5, WVO 27 lid 2c): no other school willing → the refusal cannot be final', () => {
  assert.equal(magWeigerenDefinitief(true, []).mag, false);
  assert.equal(magWeigerenDefinitief(true, ['gevraagd', 'overweegt', 'afgewezen']).mag, false, '"considers" is not enough');
  assert.match(magWeigerenDefinitief(true, ['overweegt']).reden, /niet genoeg/);
  assert.equal(magWeigerenDefinitief(true, ['afgewezen', 'bereid']).mag, true);
  assert.equal(magWeigerenDefinitief(false, []).mag, true, 'without zorgplicht no other school is needed');
});

test('property: with zorgplicht a refusal is final exactly when some school answered "bereid"', () => {
  const antwoord = fc.constantFrom<AntwoordAndereSchool>('gevraagd', 'overweegt', 'bereid', 'afgewezen');
  fc.assert(fc.property(fc.array(antwoord, { maxLength: 6 }), (as) => magWeigerenDefinitief(true, as).mag === as.includes('bereid')));
});

test('rule 8 (WPO 40 lid 5, WEC 40 lid 6, WVO 27 lid 2d): school full or grondslag refused → no zorgplicht workflow', () => {
  const basis = { sector: 'po' as const, extraOndersteuningNodig: true, uitzondering: null };
  assert.equal(zorgplichtGeldt(basis).geldt, true);
  assert.equal(zorgplichtGeldt({ ...basis, uitzondering: 'geen-plaatsruimte' }).geldt, false);
  assert.match(zorgplichtGeldt({ ...basis, uitzondering: 'geen-plaatsruimte' }).reden, /alle kinderen/);
  assert.equal(zorgplichtGeldt({ ...basis, uitzondering: 'grondslag-geweigerd' }).geldt, false);
  assert.equal(zorgplichtGeldt({ ...basis, sector: 'vo', uitzondering: 'toelatingseisen-vo' }).geldt, false);
  // Admission conditions are an exception in vo only; every exception needs written reasons.
  assert.match(controleerUitzondering('po', 'toelatingseisen-vo', 'Het niveau past niet bij de school.').uitzondering!, /alleen in het voortgezet onderwijs/);
  assert.deepEqual(controleerUitzondering('vo', 'toelatingseisen-vo', 'Het schooladvies is vmbo-b; wij hebben alleen havo/vwo.'), {});
  assert.match(controleerUitzondering('po', 'geen-plaatsruimte', '').toelichting!, /waarom/);
});

test('§1.4: no extra support needed, or only for the Dutch language → no zorgplicht', () => {
  assert.equal(zorgplichtGeldt({ sector: 'po', extraOndersteuningNodig: false, uitzondering: null }).geldt, false);
  assert.equal(zorgplichtGeldt({ sector: 'po', extraOndersteuningNodig: true, alleenTaalachterstand: true, uitzondering: null }).geldt, false);
});

test('§1.3: the school of first preference carries the zorgplicht', () => {
  assert.equal(zorgplichtSchool([{ vestigingCode: '08LE00', voorkeur: 2 }, { vestigingCode: '05WU00', voorkeur: 1 }]), '05WU00');
  assert.equal(zorgplichtSchool([]), null);
});

test('objection (Awb 6:7, 6:8) and GPO (WPO 43): 6 weeks after the decision was made known — 2025-03-03 → 2025-04-14', () => {
  assert.equal(bezwaarTot('2025-03-03'), '2025-04-14');
  assert.equal(gpoTot('2025-03-03'), '2025-04-14');
  assert.equal(bezwaarTot('2024-12-31'), '2025-02-11');
  fc.assert(fc.property(fc.integer({ min: 0, max: 36_000 }), (n) => {
    const d = addDays('2000-01-01', n);
    return daysBetween(d, bezwaarTot(d)) === 42;
  }));
});

test('a decision: not before receipt, not in the future; a refusal needs reasons, an assessment and — with zorgplicht — a willing school', () => {
  const basis = { besluit: 'toegelaten', besluitOp: '2025-04-01', toelichting: '', ontvangen: '2025-03-03', vandaag: '2025-04-10', zorgplicht: null, antwoorden: [] };
  assert.deepEqual(controleerBesluit(basis), {}, 'admission needs no assessment and no reasons');
  assert.match(controleerBesluit({ ...basis, besluitOp: '2025-03-02' }).besluitOp!, /niet eerder/);
  assert.match(controleerBesluit({ ...basis, besluitOp: '2025-04-11' }).besluitOp!, /toekomst/);
  assert.match(controleerBesluit({ ...basis, besluit: 'misschien' }).besluit!, /toelaat of weigert/);
  const weiger = { ...basis, besluit: 'geweigerd', toelichting: 'De school is vol voor iedereen.' };
  assert.match(controleerBesluit(weiger).besluit!, /Beoordeel eerst/);
  assert.match(controleerBesluit({ ...weiger, zorgplicht: true }).besluit!, /pas weigeren/);
  assert.deepEqual(controleerBesluit({ ...weiger, zorgplicht: true, antwoorden: ['bereid'] }), {});
  assert.deepEqual(controleerBesluit({ ...weiger, zorgplicht: false }), {});
  assert.match(controleerBesluit({ ...weiger, zorgplicht: false, toelichting: '' }).toelichting!, /waarom/);
});
