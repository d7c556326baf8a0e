import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatHuisnummer, normaliseerPc4, normaliseerPostcode } from '../../../src/modules/register/rules/postcode.js';

test('normaliseerPostcode: DUO style with a space, lower case, padding', () => {
  assert.deepEqual(normaliseerPostcode('9306 TC'), { ok: true, waarde: { postcode: '9306TC', pc4: '9306' } });
  assert.deepEqual(normaliseerPostcode(' 9306tc '), { ok: true, waarde: { postcode: '9306TC', pc4: '9306' } });
  assert.deepEqual(normaliseerPostcode('1013 ex'), { ok: true, waarde: { postcode: '1013EX', pc4: '1013' } });
});

test('normaliseerPostcode: rejects invalid postcodes with a Dutch reason', () => {
  for (const p of ['93O6 TC', '0306TC', '9306', '9306 T', '93061TC', 'ABCD EF', '9306-TC']) {
    const r = normaliseerPostcode(p);
    assert.equal(r.ok, false, p);
    if (!r.ok) assert.match(r.reden, /postcode/);
  }
  const leeg = normaliseerPostcode('  ');
  assert.equal(leeg.ok, false);
  if (!leeg.ok) assert.equal(leeg.reden, 'postcode ontbreekt');
  // PostNL does not issue SA, SD and SS.
  for (const p of ['1234 SA', '1234SD', '1234 ss']) assert.equal(normaliseerPostcode(p).ok, false, p);
});

const geldigePostcode = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
  .filter(([, a, b]) => !['SA', 'SD', 'SS'].includes(a + b))
  .map(([n, a, b]) => `${n}${a}${b}`);

test('normaliseerPostcode is idempotent and ignores spacing and case (property)', () => {
  fc.assert(
    fc.property(geldigePostcode, fc.constantFrom('', ' ', '  '), fc.boolean(), (pc, spatie, klein) => {
      const invoer = `${pc.slice(0, 4)}${spatie}${klein ? pc.slice(4).toLowerCase() : pc.slice(4)}`;
      const een = normaliseerPostcode(invoer);
      if (!een.ok) return false;
      const twee = normaliseerPostcode(een.waarde.postcode);
      return twee.ok && twee.waarde.postcode === een.waarde.postcode && een.waarde.postcode === pc && een.waarde.pc4 === pc.slice(0, 4);
    }),
  );
});

test('normaliseerPc4', () => {
  assert.deepEqual(normaliseerPc4(' 9306'), { ok: true, waarde: '9306' });
  for (const p of ['0123', '93', '9306TC', '', '12AB']) assert.equal(normaliseerPc4(p).ok, false, p);
});

test('formatHuisnummer joins the BAG parts', () => {
  assert.equal(formatHuisnummer('12'), '12');
  assert.equal(formatHuisnummer('12', 'a'), '12a');
  assert.equal(formatHuisnummer('12', 'a', '2'), '12a-2');
  assert.equal(formatHuisnummer(' 7 ', '', 'bis'), '7-bis');
  assert.equal(formatHuisnummer('', 'a'), '');
});
