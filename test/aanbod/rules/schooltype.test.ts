import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isSchooltypeFilter,
  pastBijSchooltype,
  SCHOOLTYPE_FILTERS,
  SCHOOLTYPE_LABEL,
  soortenVoorSql,
  type SchooltypeFilter,
} from '../../../src/modules/aanbod/rules/schooltype.js';
import { SOORTEN } from '../../../src/modules/register/rules/soort.js';

/** Which single filters match a vestiging. */
function treffers(soort: string, onderwijsstructuur: string | null = null): SchooltypeFilter[] {
  return SCHOOLTYPE_FILTERS.filter((f) => pastBijSchooltype({ soort, onderwijsstructuur }, [f]));
}

test('labels in plain Dutch', () => {
  assert.deepEqual(SCHOOLTYPE_LABEL, {
    bao: 'Basisschool',
    sbo: 'Speciaal basisonderwijs (sbo)',
    so: 'Speciaal onderwijs (so)',
    vso: 'Voortgezet speciaal onderwijs (vso)',
    pro: 'Praktijkonderwijs',
    vmbo: 'Vmbo',
    havo: 'Havo',
    vwo: 'Vwo',
  });
});

test('isSchooltypeFilter', () => {
  for (const f of SCHOOLTYPE_FILTERS) assert.equal(isSchooltypeFilter(f), true);
  for (const s of ['vo', 'so/vso', 'VMBO', '', 'mavo', 'toString']) assert.equal(isSchooltypeFilter(s), false, s);
});

test('pastBijSchooltype: po soorten map one to one; so/vso matches both so and vso', () => {
  assert.deepEqual(treffers('bao'), ['bao']);
  assert.deepEqual(treffers('sbo'), ['sbo']);
  assert.deepEqual(treffers('so'), ['so']);
  assert.deepEqual(treffers('vso'), ['vso']);
  assert.deepEqual(treffers('so/vso'), ['so', 'vso']);
  assert.deepEqual(treffers('onbekend'), []);
});

test('pastBijSchooltype: vo levels come from DUO\'s onderwijsstructuur', () => {
  assert.deepEqual(treffers('vo', 'VBO/MAVO/HAVO/VWO'), ['vmbo', 'havo', 'vwo']);
  assert.deepEqual(treffers('vo', 'PRO'), ['pro']);
  assert.deepEqual(treffers('vo', 'HAVO/VWO'), ['havo', 'vwo']);
  assert.deepEqual(treffers('vo', 'VBO/MAVO/PRO'), ['pro', 'vmbo']);
  assert.deepEqual(treffers('vo', 'MAVO'), ['vmbo']);
  assert.deepEqual(treffers('vo', 'VBO'), ['vmbo']);
  assert.deepEqual(treffers('vo', 'VWO'), ['vwo']);
  assert.deepEqual(treffers('vo', 'mavo / havo'), ['vmbo', 'havo']);
  // Leerwegondersteuning is support inside the vmbo.
  assert.deepEqual(treffers('vo', 'LWOO'), ['vmbo']);
  assert.deepEqual(treffers('vo', 'VMBO/HAVO'), ['vmbo', 'havo']);
  // A VO structure never makes a school a primary or special school.
  for (const s of ['VBO/MAVO/HAVO/VWO', 'PRO', '', 'BRUGJAAR']) {
    for (const f of ['bao', 'sbo', 'so', 'vso'] as const) assert.equal(pastBijSchooltype({ soort: 'vo', onderwijsstructuur: s }, [f]), false);
  }
});

test('pastBijSchooltype: a vo school without a level (empty, BRUGJAAR) matches every vo level', () => {
  for (const structuur of [null, '', 'BRUGJAAR', 'VO', 'ISK', 'ONBEKEND']) assert.deepEqual(treffers('vo', structuur), ['pro', 'vmbo', 'havo', 'vwo'], String(structuur));
  // With a level beside BRUGJAAR the level decides.
  assert.deepEqual(treffers('vo', 'BRUGJAAR/HAVO'), ['havo']);
});

test('pastBijSchooltype: no filter matches everything; several filters match when any does', () => {
  for (const soort of ['bao', 'sbo', 'so', 'vso', 'so/vso', 'vo', 'x']) assert.equal(pastBijSchooltype({ soort, onderwijsstructuur: null }, []), true);
  assert.equal(pastBijSchooltype({ soort: 'vo', onderwijsstructuur: 'PRO' }, ['havo', 'pro']), true);
  assert.equal(pastBijSchooltype({ soort: 'vo', onderwijsstructuur: 'PRO' }, ['havo', 'vwo']), false);
  assert.equal(pastBijSchooltype({ soort: 'bao', onderwijsstructuur: null }, ['sbo', 'so']), false);
});

test('soortenVoorSql: the register soorten that can match', () => {
  assert.deepEqual(soortenVoorSql([]), ['bao', 'sbo', 'so', 'vso', 'so/vso', 'vo']);
  assert.deepEqual(soortenVoorSql([]), [...SOORTEN]);
  assert.deepEqual(soortenVoorSql(['vmbo']), ['vo']);
  assert.deepEqual(soortenVoorSql(['havo', 'vwo']), ['vo']);
  assert.deepEqual(soortenVoorSql(['so']), ['so', 'so/vso']);
  assert.deepEqual(soortenVoorSql(['vso']), ['vso', 'so/vso']);
  assert.deepEqual(soortenVoorSql(['bao']), ['bao']);
  assert.deepEqual(soortenVoorSql(['sbo', 'pro']), ['sbo', 'vo']);
});

const structuurArb = fc.option(
  fc.array(fc.constantFrom('VBO', 'MAVO', 'HAVO', 'VWO', 'PRO', 'BRUGJAAR', 'LWOO', 'ISK', 'VO'), { maxLength: 4 }).map((d) => d.join('/')),
);

test('soortenVoorSql never excludes a vestiging that pastBijSchooltype accepts (property)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SOORTEN), structuurArb, fc.uniqueArray(fc.constantFrom(...SCHOOLTYPE_FILTERS)), (soort, structuur, filters) => {
      const past = pastBijSchooltype({ soort, onderwijsstructuur: structuur }, filters);
      return !past || soortenVoorSql(filters).includes(soort);
    }),
  );
});
