import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, schoolYearOf } from '../../../src/platform/civil-date.js';
import {
  isSchooljaar,
  schooljaarEinde,
  schooljaarOp,
  schooljaarStart,
  volgendSchooljaar,
  vorigSchooljaar,
} from '../../../src/modules/aanbod/rules/schooljaar.js';

const schooljaar = fc.integer({ min: 2000, max: 2098 }).map((j) => `${j}-${j + 1}`);

test('isSchooljaar: the form 2026-2027 within 2000–2099', () => {
  for (const s of ['2026-2027', '2000-2001', '2098-2099']) assert.equal(isSchooljaar(s), true, s);
  for (const s of ['2026-2028', '2026-2026', '2027-2026', '1999-2000', '2099-2100', '2026/2027', '2026-27', ' 2026-2027', '2026-2027 ', '', 'abcd-efgh', '٢٠٢٦-٢٠٢٧']) {
    assert.equal(isSchooljaar(s), false, s);
  }
});

test('volgendSchooljaar and vorigSchooljaar', () => {
  assert.equal(volgendSchooljaar('2026-2027'), '2027-2028');
  assert.equal(vorigSchooljaar('2026-2027'), '2025-2026');
  assert.throws(() => volgendSchooljaar('2098-2099'), RangeError);
  assert.throws(() => vorigSchooljaar('2000-2001'), RangeError);
  assert.throws(() => volgendSchooljaar('2026'), RangeError);
});

test('volgend and vorig are each other\'s inverse (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2001, max: 2097 }).map((j) => `${j}-${j + 1}`), (s) => {
      return vorigSchooljaar(volgendSchooljaar(s)) === s && volgendSchooljaar(vorigSchooljaar(s)) === s && isSchooljaar(volgendSchooljaar(s));
    }),
  );
});

test('schooljaarStart and schooljaarEinde: 1 August to 31 July (WPO art. 1)', () => {
  assert.equal(schooljaarStart('2026-2027'), '2026-08-01');
  assert.equal(schooljaarEinde('2026-2027'), '2027-07-31');
  assert.throws(() => schooljaarStart('2026-2028'), RangeError);
  assert.throws(() => schooljaarEinde('x'), RangeError);
});

test('start and end fall in the same school year by schoolYearOf; the days around them do not (property)', () => {
  fc.assert(
    fc.property(schooljaar, (j) => {
      const start = schooljaarStart(j);
      const einde = schooljaarEinde(j);
      return (
        schoolYearOf(start) === j &&
        schoolYearOf(einde) === j &&
        schoolYearOf(addDays(start, -1)) !== j &&
        schoolYearOf(addDays(einde, 1)) !== j &&
        addDays(einde, 1) === (j === '2098-2099' ? '2099-08-01' : schooljaarStart(volgendSchooljaar(j)))
      );
    }),
  );
});

test('schooljaarOp: the school year that contains a date', () => {
  assert.equal(schooljaarOp('2026-07-31'), '2025-2026');
  assert.equal(schooljaarOp('2026-08-01'), '2026-2027');
  assert.equal(schooljaarOp('2027-01-15'), '2026-2027');
  assert.throws(() => schooljaarOp('2026-02-30'), RangeError);
  assert.throws(() => schooljaarOp('1999-12-31'), RangeError);
});
