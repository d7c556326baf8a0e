import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOMEIN_CODES, isDomeinCode } from '../../../src/modules/aanbod/rules/domeinen.js';
import { isSchooltypeFilter, SCHOOLTYPE_FILTERS } from '../../../src/modules/aanbod/rules/schooltype.js';
import {
  FOUT_AFSTAND,
  FOUT_BEHOEFTE,
  FOUT_POSTCODE,
  FOUT_POSTCODE_LEEG,
  GRENZEN_MAX_KM,
  leesZoekvraag,
  MAX_DENOMINATIE_TEKENS,
  STANDAARD_MAX_KM,
  type Zoekvraag,
} from '../../../src/modules/aanbod/rules/zoekvraag.js';

function vraag(invoer: Parameters<typeof leesZoekvraag>[0]): Zoekvraag {
  const r = leesZoekvraag(invoer);
  assert.ok(r.ok, JSON.stringify(r));
  return r.vraag;
}

function fouten(invoer: Parameters<typeof leesZoekvraag>[0]): Record<string, string> {
  const r = leesZoekvraag(invoer);
  assert.ok(!r.ok, JSON.stringify(r));
  return r.fouten;
}

test('leesZoekvraag: only a postcode gives the defaults', () => {
  assert.deepEqual(vraag({ postcode: '3701' }), {
    postcode: '3701',
    pc4: '3701',
    behoeften: [],
    schooltypen: [],
    denominatie: null,
    maxKm: STANDAARD_MAX_KM,
    minNiveau: 'basis',
  });
  assert.equal(STANDAARD_MAX_KM, 10);
  assert.deepEqual(GRENZEN_MAX_KM, { min: 1, max: 100 });
});

test('leesZoekvraag: postcode as PC4 or PC6, spaces and case do not matter', () => {
  for (const [invoer, postcode, pc4] of [
    ['3701 AB', '3701AB', '3701'],
    [' 3701ab ', '3701AB', '3701'],
    ['3701 a b', '3701AB', '3701'],
    [' 9306 ', '9306', '9306'],
  ] as const) {
    const v = vraag({ postcode: invoer });
    assert.deepEqual([v.postcode, v.pc4], [postcode, pc4], invoer);
  }
});

test('leesZoekvraag: a missing or wrong postcode gets a plain Dutch message', () => {
  assert.deepEqual(fouten({}), { postcode: FOUT_POSTCODE_LEEG });
  assert.deepEqual(fouten({ postcode: '   ' }), { postcode: FOUT_POSTCODE_LEEG });
  assert.equal(FOUT_POSTCODE_LEEG, 'Vul een postcode in, zoals 3701 of 3701 AB.');
  for (const p of ['0123', '370', '37011', '3701 A', '3701 SS', 'Utrecht', '3701-AB', '37O1']) {
    assert.deepEqual(fouten({ postcode: p }), { postcode: FOUT_POSTCODE }, p);
  }
});

test('leesZoekvraag: needs and school types from the lists, duplicates removed, order kept', () => {
  const v = vraag({ postcode: '3701', behoefte: ['gedrag', 'leren', 'gedrag', ''], soort: ['vmbo', 'bao', 'vmbo'] });
  assert.deepEqual(v.behoeften, ['gedrag', 'leren']);
  assert.deepEqual(v.schooltypen, ['vmbo', 'bao']);
  // Surrounding spaces are forgiven; a single query value may arrive as a plain string.
  assert.deepEqual(vraag({ postcode: '3701', behoefte: [' rekenen '] }).behoeften, ['rekenen']);
  assert.deepEqual(vraag({ postcode: '3701', soort: 'havo' as unknown as string[] }).schooltypen, ['havo']);
});

test('leesZoekvraag: unknown needs or school types are refused', () => {
  assert.deepEqual(fouten({ postcode: '3701', behoefte: ['gedrag', 'dyslexie'] }), { behoefte: FOUT_BEHOEFTE });
  assert.equal(FOUT_BEHOEFTE, 'Kies ondersteuning uit de lijst.');
  assert.deepEqual(Object.keys(fouten({ postcode: '3701', soort: ['vo'] })), ['soort']);
  assert.deepEqual(Object.keys(fouten({ postcode: '3701', soort: ['VMBO'] })), ['soort']);
  assert.deepEqual(Object.keys(fouten({ postcode: '3701', behoefte: [5] as unknown as string[] })), ['behoefte']);
  assert.deepEqual(Object.keys(fouten({ postcode: '3701', behoefte: { 0: 'gedrag' } as unknown as string[] })), ['behoefte']);
});

test('leesZoekvraag: denomination is free text up to 60 characters; empty is none', () => {
  assert.equal(vraag({ postcode: '3701', denominatie: '' }).denominatie, null);
  assert.equal(vraag({ postcode: '3701', denominatie: '   ' }).denominatie, null);
  assert.equal(vraag({ postcode: '3701', denominatie: '  Rooms-Katholiek ' }).denominatie, 'Rooms-Katholiek');
  assert.equal(vraag({ postcode: '3701', denominatie: 'a'.repeat(MAX_DENOMINATIE_TEKENS) }).denominatie?.length, 60);
  assert.deepEqual(Object.keys(fouten({ postcode: '3701', denominatie: 'a'.repeat(61) })), ['denominatie']);
  assert.deepEqual(Object.keys(fouten({ postcode: '3701', denominatie: 'open\u0000baar' })), ['denominatie']);
});

test('leesZoekvraag: distance in whole kilometres from 1 to 100', () => {
  assert.equal(vraag({ postcode: '3701', afstand: '' }).maxKm, 10);
  assert.equal(vraag({ postcode: '3701', afstand: ' 25 ' }).maxKm, 25);
  assert.equal(vraag({ postcode: '3701', afstand: '1' }).maxKm, 1);
  assert.equal(vraag({ postcode: '3701', afstand: '100' }).maxKm, 100);
  for (const a of ['0', '-5', '101', '1e9', 'abc', '10.5', '10,5', '0x10', '1000', 'Infinity', '٥']) {
    assert.deepEqual(fouten({ postcode: '3701', afstand: a }), { afstand: FOUT_AFSTAND }, a);
  }
  assert.match(FOUT_AFSTAND, /1 tot en met 100 kilometer/);
});

test('leesZoekvraag: input that is not an object is a missing postcode, not a crash', () => {
  for (const x of [null, undefined, 'postcode=3701', 42, [] as unknown]) {
    assert.deepEqual(leesZoekvraag(x as Parameters<typeof leesZoekvraag>[0]), { ok: false, fouten: { postcode: FOUT_POSTCODE_LEEG } });
  }
});

test('leesZoekvraag: reports every wrong field at once', () => {
  assert.deepEqual(Object.keys(fouten({ postcode: 'x', behoefte: ['x'], soort: ['x'], denominatie: 'x'.repeat(99), afstand: 'x' })).sort(), [
    'afstand', 'behoefte', 'denominatie', 'postcode', 'soort',
  ]);
});

const veldArb = fc.oneof(
  fc.string(),
  fc.constantFrom('3701', '3701 ab', '9306TC', '10', '100', '0', '', ' '),
  fc.constantFrom(...DOMEIN_CODES, ...SCHOOLTYPE_FILTERS),
);
const waardeArb = fc.oneof(
  { weight: 5, arbitrary: veldArb },
  { weight: 3, arbitrary: fc.array(veldArb, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.anything() },
);

test('leesZoekvraag never throws and every ok result keeps the invariants (fuzz property)', () => {
  fc.assert(
    fc.property(
      fc.record({ postcode: waardeArb, behoefte: waardeArb, soort: waardeArb, denominatie: waardeArb, afstand: waardeArb }, { requiredKeys: [] }),
      (invoer) => {
        const r = leesZoekvraag(invoer as Parameters<typeof leesZoekvraag>[0]);
        if (!r.ok) return Object.keys(r.fouten).length > 0 && Object.values(r.fouten).every((f) => typeof f === 'string' && f.length > 0);
        const v = r.vraag;
        return (
          /^[1-9]\d{3}([A-Z]{2})?$/.test(v.postcode) &&
          v.pc4 === v.postcode.slice(0, 4) &&
          v.behoeften.every(isDomeinCode) &&
          new Set(v.behoeften).size === v.behoeften.length &&
          v.schooltypen.every(isSchooltypeFilter) &&
          new Set(v.schooltypen).size === v.schooltypen.length &&
          (v.denominatie === null || (v.denominatie.length >= 1 && v.denominatie.length <= 60 && v.denominatie === v.denominatie.trim())) &&
          Number.isInteger(v.maxKm) &&
          v.maxKm >= 1 &&
          v.maxKm <= 100
        );
      },
    ),
    { numRuns: 3000 },
  );
});

test('niveau: empty means any level; a known level is kept; anything else is a Dutch error', () => {
  const ok = (niveau?: string) => {
    const r = leesZoekvraag({ postcode: '3701', niveau });
    assert.ok(r.ok);
    return r.vraag.minNiveau;
  };
  assert.equal(ok(undefined), 'basis');
  assert.equal(ok(''), 'basis');
  assert.equal(ok('extra'), 'extra');
  assert.equal(ok('specialistisch'), 'specialistisch');
  const fout = leesZoekvraag({ postcode: '3701', niveau: 'veel' });
  assert.ok(!fout.ok);
  assert.match(fout.fouten.niveau!, /hoeveel ondersteuning de school moet bieden/);
});
