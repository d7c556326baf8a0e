import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isSchooljaar,
  volgendSchooljaar,
  vorigSchooljaar,
} from '../../../src/modules/aanbod/rules/schooljaar.js';

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
