import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOORTEN, soortVanDuoType, swvSectorenVoorSoort } from '../../../src/modules/register/rules/soort.js';

test('soortVanDuoType: the type strings of every DUO file we read', () => {
  const gevallen: [string, string | null][] = [
    ['BO', 'bao'], ['Bo', 'bao'], ['basisschool', 'bao'], ['SBO', 'sbo'], ['Sbo', 'sbo'], ['SBAO', 'sbo'],
    ['SO', 'so'], ['So', 'so'], ['VSO', 'vso'], ['Vso', 'vso'], ['SO/VSO', 'so/vso'], ['(V)SO', 'so/vso'],
    ['VBO/MAVO/HAVO/VWO', 'vo'], ['PRO', 'vo'], ['BRUGJAAR', 'vo'], ['HAVO / VWO', 'vo'], [' vwo ', 'vo'],
    ['', null], ['MBO', null], ['VBO/MBO', null], ['kinderopvang', null],
  ];
  for (const [type, soort] of gevallen) assert.equal(soortVanDuoType(type), soort, type);
});

test('swvSectorenVoorSoort: PO for bao/sbo/so, VO for vo/vso, both for so/vso (WPO 18a, WVO 17a, WEC 28a)', () => {
  assert.deepEqual(
    Object.fromEntries(SOORTEN.map((s) => [s, swvSectorenVoorSoort(s)])),
    {
      bao: { po: true, vo: false },
      sbo: { po: true, vo: false },
      so: { po: true, vo: false },
      vso: { po: false, vo: true },
      'so/vso': { po: true, vo: true },
      vo: { po: false, vo: true },
    },
  );
});
