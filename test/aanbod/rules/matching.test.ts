import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afstandKm } from '../../../src/modules/aanbod/rules/afstand.js';
import { DOMEIN_CODES, NIVEAU_CODES, type DomeinCode } from '../../../src/modules/aanbod/rules/domeinen.js';
import { beoordeelAanbod, zoekScholen, type AanbodVoorMatching, type Kandidaat, type Treffer } from '../../../src/modules/aanbod/rules/matching.js';

const aanbod: AanbodVoorMatching = {
  domeinen: [
    { domein: 'gedrag', niveau: 'extra', watWijDoen: 'Gedragsspecialist en rustplek.', expertise: '', grenzen: '' },
    { domein: 'taal-lezen', niveau: 'specialistisch', watWijDoen: 'Dyslexiebehandeling op school.', expertise: '', grenzen: '' },
  ],
  basisOnderdelen: [
    { code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: true },
    { code: 'B2', domein: 'rekenen', omschrijving: 'Rekenprotocol', geboden: true },
    { code: 'B3', domein: 'rekenen', omschrijving: 'Dyscalculieprotocol', geboden: true },
    { code: 'B4', domein: 'begaafdheid', omschrijving: 'Plusklas', geboden: false },
    { code: 'B5', domein: 'zintuiglijk', omschrijving: 'Geluidsversterking', geboden: null },
  ],
};

test('beoordeelAanbod: no needs', () => {
  assert.deepEqual(beoordeelAanbod(aanbod, []), { dekking: 'geen-behoefte', redenen: [], ontbreekt: [] });
  assert.deepEqual(beoordeelAanbod(null, []), { dekking: 'geen-behoefte', redenen: [], ontbreekt: [] });
});

test('beoordeelAanbod: no published offer is "onbekend"', () => {
  assert.deepEqual(beoordeelAanbod(null, ['gedrag', 'leren', 'gedrag']), { dekking: 'onbekend', redenen: [], ontbreekt: ['gedrag', 'leren'] });
});

test('beoordeelAanbod: the school\'s own entry wins over a basis item', () => {
  const b = beoordeelAanbod(aanbod, ['taal-lezen']);
  assert.deepEqual(b, {
    dekking: 'volledig',
    redenen: [{ domein: 'taal-lezen', niveau: 'specialistisch', tekst: 'Dyslexiebehandeling op school.' }],
    ontbreekt: [],
  });
});

test('beoordeelAanbod: confirmed basis items cover a need at level basis, joined with "; "', () => {
  const b = beoordeelAanbod(aanbod, ['rekenen']);
  assert.deepEqual(b.redenen, [{ domein: 'rekenen', niveau: 'basis', tekst: 'Rekenprotocol; Dyscalculieprotocol' }]);
  assert.equal(b.dekking, 'volledig');
});

test('beoordeelAanbod: a basis item the school does not deliver (false) or has not confirmed (null) does not count', () => {
  assert.deepEqual(beoordeelAanbod(aanbod, ['begaafdheid']), { dekking: 'geen', redenen: [], ontbreekt: ['begaafdheid'] });
  assert.deepEqual(beoordeelAanbod(aanbod, ['zintuiglijk']), { dekking: 'geen', redenen: [], ontbreekt: ['zintuiglijk'] });
});

test('beoordeelAanbod: some needs covered is "deels"; reasons follow the order of the needs; duplicates count once', () => {
  const b = beoordeelAanbod(aanbod, ['leren', 'rekenen', 'gedrag', 'rekenen', 'fysiek-medisch']);
  assert.equal(b.dekking, 'deels');
  assert.deepEqual(b.redenen.map((r) => r.domein), ['rekenen', 'gedrag']);
  assert.deepEqual(b.ontbreekt, ['leren', 'fysiek-medisch']);
  assert.equal(beoordeelAanbod(aanbod, ['gedrag', 'gedrag']).redenen.length, 1);
});

const herkomst = { lat: 52.0907, lon: 5.1214 }; // Utrecht, Dom

function kandidaat(naam: string, lat: number | null, lon: number | null, a: AanbodVoorMatching | null): Kandidaat<string> {
  return { naam, lat, lon, aanbod: a, data: naam };
}

test('zoekScholen: sorts into passend, deels and onbekend; drops "geen", too far and without coordinates', () => {
  const alleenGedrag: AanbodVoorMatching = { domeinen: [aanbod.domeinen[0]!], basisOnderdelen: [] };
  const niets: AanbodVoorMatching = { domeinen: [], basisOnderdelen: [] };
  const kandidaten = [
    kandidaat('Ver weg', 52.3731, 4.8926, aanbod), // Amsterdam, about 35 km
    kandidaat('Dichtbij volledig', 52.095, 5.12, aanbod),
    kandidaat('Deels', 52.1, 5.13, alleenGedrag),
    kandidaat('Onbekend', 52.08, 5.11, null),
    kandidaat('Geen', 52.09, 5.12, niets),
    kandidaat('Zonder plek', null, 5.12, aanbod),
    kandidaat('Zonder lengte', 52.09, null, aanbod),
    kandidaat('Kapotte plek', Number.NaN, 5.12, aanbod),
  ];
  const r = zoekScholen(kandidaten, { herkomst, behoeften: ['gedrag', 'rekenen'], maxKm: 10 });
  assert.deepEqual(r.passend.map((t) => t.kandidaat.naam), ['Dichtbij volledig']);
  assert.deepEqual(r.deels.map((t) => t.kandidaat.naam), ['Deels']);
  assert.deepEqual(r.onbekend.map((t) => t.kandidaat.naam), ['Onbekend']);
  assert.ok(Math.abs(r.passend[0]!.afstandKm - afstandKm(herkomst, { lat: 52.095, lon: 5.12 })) < 1e-12);
  // With a wider radius Amsterdam comes in, behind the nearer school.
  const ver = zoekScholen(kandidaten, { herkomst, behoeften: ['gedrag', 'rekenen'], maxKm: 40 });
  assert.deepEqual(ver.passend.map((t) => t.kandidaat.naam), ['Dichtbij volledig', 'Ver weg']);
});

test('zoekScholen: without needs every school nearby is "passend", also one without an offer', () => {
  const r = zoekScholen([kandidaat('A', 52.09, 5.12, null), kandidaat('B', 52.09, 5.12, { domeinen: [], basisOnderdelen: [] })], {
    herkomst,
    behoeften: [],
    maxKm: 5,
  });
  assert.deepEqual(r.passend.map((t) => t.kandidaat.naam), ['A', 'B']);
  assert.deepEqual([r.deels.length, r.onbekend.length], [0, 0]);
});

test('zoekScholen: equal distance sorts by name in Dutch order', () => {
  const namen = ['Zonnewijzer', "'t Startpunt", 'de Achtbaan', 'Ëlckerlyc', 'IJsselschool', 'Brug'];
  const r = zoekScholen(namen.map((n) => kandidaat(n, 52.1, 5.1, null)), { herkomst, behoeften: [], maxKm: 10 });
  assert.deepEqual(r.passend.map((t) => t.kandidaat.naam), [...namen].sort((a, b) => a.localeCompare(b, 'nl')));
  // Case and accents do not push a name to the end, as a plain code-point sort would.
  assert.equal(r.passend[0]!.kandidaat.naam, "'t Startpunt");
  assert.notEqual(r.passend.at(-1)!.kandidaat.naam, 'Ëlckerlyc');
  assert.equal(r.passend.at(-1)!.kandidaat.naam, 'Zonnewijzer');
});

const nlLat = fc.double({ min: 51.8, max: 52.4, noNaN: true });
const nlLon = fc.double({ min: 4.8, max: 5.5, noNaN: true });
const domeinenArb = fc.uniqueArray(fc.constantFrom(...DOMEIN_CODES), { maxLength: 4 });
const aanbodArb: fc.Arbitrary<AanbodVoorMatching | null> = fc.option(
  fc.record({
    domeinen: domeinenArb.chain((ds) =>
      fc.tuple(...ds.map((d) => fc.record({ domein: fc.constant(d), niveau: fc.constantFrom(...NIVEAU_CODES), watWijDoen: fc.string(), expertise: fc.constant(''), grenzen: fc.constant('') }))),
    ),
    basisOnderdelen: fc.array(
      fc.record({ code: fc.string(), domein: fc.constantFrom(...DOMEIN_CODES), omschrijving: fc.string(), geboden: fc.constantFrom(true, false, null) }),
      { maxLength: 4 },
    ),
  }),
);
const kandidaatArb: fc.Arbitrary<Kandidaat<number>> = fc.record({
  lat: fc.option(nlLat, { freq: 10 }),
  lon: fc.option(nlLon, { freq: 10 }),
  naam: fc.constantFrom('Achtbaan', 'achtbaan', 'Brug', 'Ëlckerlyc', 'Zon', 'De Zon'),
  aanbod: aanbodArb,
  data: fc.nat(),
});
const criteriaArb = fc.record({
  herkomst: fc.record({ lat: nlLat, lon: nlLon }),
  behoeften: fc.array(fc.constantFrom(...DOMEIN_CODES), { maxLength: 4 }),
  maxKm: fc.integer({ min: 1, max: 40 }),
});

function gesorteerd(lijst: Treffer<number>[]): boolean {
  return lijst.every((t, i) => {
    if (i === 0) return true;
    const v = lijst[i - 1]!;
    return v.afstandKm < t.afstandKm || (v.afstandKm === t.afstandKm && v.kandidaat.naam.localeCompare(t.kandidaat.naam, 'nl') <= 0);
  });
}

test('zoekScholen: within maxKm, sorted, each candidate at most once, in the list its dekking says (property)', () => {
  fc.assert(
    fc.property(fc.array(kandidaatArb, { maxLength: 30 }), criteriaArb, (kandidaten, criteria) => {
      const r = zoekScholen(kandidaten, criteria);
      const alle = [...r.passend, ...r.deels, ...r.onbekend];
      if (!alle.every((t) => t.afstandKm <= criteria.maxKm && t.kandidaat.lat !== null && t.kandidaat.lon !== null)) return false;
      if (!gesorteerd(r.passend) || !gesorteerd(r.deels) || !gesorteerd(r.onbekend)) return false;
      if (new Set(alle.map((t) => t.kandidaat)).size !== alle.length) return false;
      if (!r.passend.every((t) => ['volledig', 'geen-behoefte'].includes(t.beoordeling.dekking))) return false;
      if (!r.deels.every((t) => t.beoordeling.dekking === 'deels') || !r.onbekend.every((t) => t.beoordeling.dekking === 'onbekend')) return false;
      // Nothing is lost except "geen", too far, or without coordinates.
      const gemist = kandidaten.filter((k) => !alle.some((t) => t.kandidaat === k));
      return gemist.every(
        (k) =>
          k.lat === null ||
          k.lon === null ||
          afstandKm(criteria.herkomst, { lat: k.lat, lon: k.lon }) > criteria.maxKm ||
          beoordeelAanbod(k.aanbod, criteria.behoeften).dekking === 'geen',
      );
    }),
  );
});

test('beoordeelAanbod: adding a need never turns "deels" into "volledig", and redenen + ontbreekt = the needs (property)', () => {
  fc.assert(
    fc.property(aanbodArb, fc.array(fc.constantFrom(...DOMEIN_CODES), { maxLength: 5 }), fc.constantFrom(...DOMEIN_CODES), (a, behoeften, extra) => {
      const voor = beoordeelAanbod(a, behoeften);
      const na = beoordeelAanbod(a, [...behoeften, extra]);
      if (voor.dekking === 'deels' && na.dekking !== 'deels') return false;
      const uniek: DomeinCode[] = [...new Set(behoeften)];
      const gedekt = voor.redenen.map((r) => r.domein);
      return (
        gedekt.length + voor.ontbreekt.length === uniek.length &&
        [...gedekt, ...voor.ontbreekt].every((d) => uniek.includes(d)) &&
        gedekt.every((d, i) => i === 0 || uniek.indexOf(gedekt[i - 1]!) < uniek.indexOf(d))
      );
    }),
    { numRuns: 500 },
  );
});

test('zoekScholen: adding a need never moves a school from deels to passend (property)', () => {
  fc.assert(
    fc.property(fc.array(kandidaatArb, { maxLength: 20 }), criteriaArb, fc.constantFrom(...DOMEIN_CODES), (kandidaten, criteria, extra) => {
      const voor = zoekScholen(kandidaten, criteria);
      const na = zoekScholen(kandidaten, { ...criteria, behoeften: [...criteria.behoeften, extra] });
      return voor.deels.every((t) => !na.passend.some((n) => n.kandidaat === t.kandidaat));
    }),
  );
});

test('minNiveau: asking for extra support leaves out basis-level entries and confirmed basis items', () => {
  const aanbod = {
    domeinen: [
      { domein: 'gedrag' as const, niveau: 'extra' as const, watWijDoen: 'Gedragsspecialist', expertise: '', grenzen: '' },
      { domein: 'rekenen' as const, niveau: 'basis' as const, watWijDoen: 'Rekenhoek', expertise: '', grenzen: '' },
    ],
    basisOnderdelen: [{ code: 'b1', domein: 'taal-lezen' as const, omschrijving: 'Dyslexieprotocol', geboden: true }],
  };
  assert.equal(beoordeelAanbod(aanbod, ['gedrag', 'taal-lezen', 'rekenen']).dekking, 'volledig');
  const extra = beoordeelAanbod(aanbod, ['gedrag', 'taal-lezen', 'rekenen'], 'extra');
  assert.equal(extra.dekking, 'deels');
  assert.deepEqual(extra.redenen.map((r) => r.domein), ['gedrag']);
  assert.deepEqual(extra.ontbreekt, ['taal-lezen', 'rekenen']);
  assert.equal(beoordeelAanbod(aanbod, ['gedrag'], 'specialistisch').dekking, 'geen');
});

test('minNiveau without needs: a school fits when it offers that level in any domain', () => {
  const aanbod = {
    domeinen: [
      { domein: 'gedrag' as const, niveau: 'extra' as const, watWijDoen: 'Gedragsspecialist', expertise: '', grenzen: '' },
      { domein: 'rekenen' as const, niveau: 'specialistisch' as const, watWijDoen: 'Rekenklas', expertise: '', grenzen: '' },
    ],
    basisOnderdelen: [],
  };
  assert.equal(beoordeelAanbod(aanbod, []).dekking, 'geen-behoefte');
  const extra = beoordeelAanbod(aanbod, [], 'extra');
  assert.equal(extra.dekking, 'volledig');
  assert.deepEqual(extra.redenen.map((r) => r.domein), ['gedrag', 'rekenen']);
  assert.deepEqual(beoordeelAanbod(aanbod, [], 'specialistisch').redenen.map((r) => r.domein), ['rekenen']);
  assert.equal(beoordeelAanbod({ domeinen: [aanbod.domeinen[0]!], basisOnderdelen: [] }, [], 'specialistisch').dekking, 'geen');
  assert.equal(beoordeelAanbod(null, [], 'extra').dekking, 'onbekend');
});
