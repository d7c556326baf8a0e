import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLandelijkeSwv, isSwvCode, parseSwvCode, swvNaam } from '../../../src/modules/register/rules/swv.js';

test('SWV codes: PO/VO + 4 digits', () => {
  for (const c of ['PO2707', 'VO2708', 'PO0001', 'VO0001']) assert.equal(isSwvCode(c), true, c);
  for (const c of ['PO27O7', 'po2707', 'PO270', 'PO27071', 'MO2707', ' PO2707', 'Europoort', 'POT1a2b3c4d5e']) assert.equal(isSwvCode(c), false, c);
  assert.deepEqual(parseSwvCode(' vo2708 '), { ok: true, waarde: { code: 'VO2708', sector: 'vo', isLandelijk: false } });
  assert.deepEqual(parseSwvCode('PO0001'), { ok: true, waarde: { code: 'PO0001', sector: 'po', isLandelijk: true } });
  const fout = parseSwvCode('Europoort');
  assert.equal(fout.ok, false);
  if (!fout.ok) assert.match(fout.reden, /geen code van een samenwerkingsverband/);
  assert.equal(isLandelijkeSwv('VO0001'), true);
  assert.equal(isLandelijkeSwv('VO2708'), false);
});

test('parseSwvCode accepts exactly the pattern (property)', () => {
  fc.assert(
    fc.property(fc.constantFrom('PO', 'VO'), fc.integer({ min: 0, max: 9999 }), (s, n) => {
      const code = `${s}${String(n).padStart(4, '0')}`;
      const r = parseSwvCode(code.toLowerCase());
      return r.ok && r.waarde.code === code && r.waarde.sector === s.toLowerCase();
    }),
  );
});

test('swvNaam: most-covered gemeenten first, at most three, then e.o.', () => {
  assert.equal(swvNaam('PO2707', new Map([['Diemen', 4], ['Amsterdam', 80]])), 'Samenwerkingsverband PO Amsterdam, Diemen');
  assert.equal(
    swvNaam('VO2604', new Map([['Zeist', 10], ['Bunnik', 3], ['De Bilt', 6], ['Utrechtse Heuvelrug', 6], ['Wijk bij Duurstede', 2]])),
    'Samenwerkingsverband VO Zeist, De Bilt, Utrechtse Heuvelrug e.o.',
  );
  // Ties are alphabetical, so the name does not depend on file order.
  assert.equal(swvNaam('PO1234', new Map([['Zwolle', 1], ['Almelo', 1]])), 'Samenwerkingsverband PO Almelo, Zwolle');
  assert.equal(swvNaam('PO1234', new Map()), 'Samenwerkingsverband PO1234');
});

test('swvNaam: PO0001 and VO0001 are the landelijke reformatorische SWVs', () => {
  assert.equal(swvNaam('PO0001', new Map()), 'Landelijk reformatorisch samenwerkingsverband PO');
  assert.equal(swvNaam('VO0001', new Map([['Rotterdam', 3]])), 'Landelijk reformatorisch samenwerkingsverband VO');
});
