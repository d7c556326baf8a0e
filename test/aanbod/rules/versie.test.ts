import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOMEIN_CODES, NIVEAU_CODES, VOORZIENING_CODES } from '../../../src/modules/aanbod/rules/domeinen.js';
import type { AanbodInhoud, BasisOnderdeel } from '../../../src/modules/aanbod/rules/typen.js';
import {
  controleerVaststelling,
  huidigeVersie,
  isMrAdvies,
  kopieerInhoud,
  MR_ADVIES_CODES,
  volgnummerVoorNieuweVersie,
  type VaststellingInvoer,
  type VersieSleutel,
} from '../../../src/modules/aanbod/rules/versie.js';

function buildInhoud(over: Partial<AanbodInhoud> = {}): AanbodInhoud {
  return {
    toelichting: 'Wij zijn een kleine school met veel aandacht voor rust.',
    contactNaam: 'Mevr. De Vries (intern begeleider)',
    contactEmail: 'ib@school.example',
    contactTelefoon: '',
    domeinen: [
      { domein: 'gedrag', niveau: 'extra', watWijDoen: 'Een vaste rustplek en een gedragsspecialist.', expertise: '', grenzen: '' },
      { domein: 'taal-lezen', niveau: 'basis', watWijDoen: 'Extra leestijd in kleine groepjes.', expertise: '', grenzen: '' },
    ],
    voorzieningen: ['rustplek'],
    voorzieningenToelichting: '',
    basisOnderdelen: [
      { code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: true },
      { code: 'B2', domein: 'begaafdheid', omschrijving: 'Verrijkingsgroep', geboden: true },
    ],
    basisToelichting: '',
    ...over,
  };
}

function buildInvoer(over: Partial<VaststellingInvoer> = {}): VaststellingInvoer {
  return {
    status: 'concept',
    rol: 'schoolleider',
    inhoud: buildInhoud(),
    mrAdvies: 'positief',
    mrAdviesDatum: '2026-06-10',
    mrAdviesToelichting: null,
    reactieOpAdvies: null,
    vandaag: '2026-06-15',
    ...over,
  };
}

test('controleerVaststelling: a complete concept with positive advice may be adopted', () => {
  assert.deepEqual(controleerVaststelling(buildInvoer()), {});
  // Advice given today is fine; a phone number instead of e-mail is fine.
  assert.deepEqual(controleerVaststelling(buildInvoer({ mrAdviesDatum: '2026-06-15' })), {});
  assert.deepEqual(controleerVaststelling(buildInvoer({ inhoud: buildInhoud({ contactEmail: '', contactTelefoon: '030 123 45 67' }) })), {});
  assert.deepEqual(controleerVaststelling(buildInvoer({ mrAdvies: 'geen-advies' })), {});
});

test('controleerVaststelling: an adopted version cannot be adopted again', () => {
  const f = controleerVaststelling(buildInvoer({ status: 'vastgesteld' }));
  assert.equal(f.status, 'Deze versie is al vastgesteld. Maak een nieuwe versie om iets te veranderen.');
  assert.deepEqual(Object.keys(f), ['status']);
});

test('controleerVaststelling: only the school leader adopts', () => {
  for (const rol of ['intern-begeleider', 'swv-medewerker', 'ouder', '', 'Schoolleider']) {
    const f = controleerVaststelling(buildInvoer({ rol }));
    assert.deepEqual(Object.keys(f), ['rol'], rol);
  }
});

test('controleerVaststelling: the MR advice must be one of the known values', () => {
  for (const mrAdvies of [null, '', 'ja', 'Positief', 'toString', '__proto__']) {
    assert.deepEqual(Object.keys(controleerVaststelling(buildInvoer({ mrAdvies }))), ['mrAdvies'], String(mrAdvies));
  }
  assert.deepEqual(MR_ADVIES_CODES, ['positief', 'positief-met-opmerkingen', 'negatief', 'geen-advies']);
  assert.equal(isMrAdvies('constructor'), false);
});

test('controleerVaststelling: the advice date must be a real date, not in the future', () => {
  for (const mrAdviesDatum of [null, '', '2026-02-30', '15-06-2026', '2026-6-1']) {
    assert.deepEqual(Object.keys(controleerVaststelling(buildInvoer({ mrAdviesDatum }))), ['mrAdviesDatum'], String(mrAdviesDatum));
  }
  const toekomst = controleerVaststelling(buildInvoer({ mrAdviesDatum: '2026-06-16' }));
  assert.match(toekomst.mrAdviesDatum ?? '', /toekomst/);
});

test('controleerVaststelling: a negative advice needs a written reaction of at least 10 characters (WMS art. 11)', () => {
  const basis = { mrAdvies: 'negatief', mrAdviesToelichting: 'De MR mist aandacht voor hoogbegaafdheid.' };
  assert.deepEqual(Object.keys(controleerVaststelling(buildInvoer({ ...basis, reactieOpAdvies: null }))), ['reactieOpAdvies']);
  // Nine letters with spaces around them are still too short.
  assert.deepEqual(Object.keys(controleerVaststelling(buildInvoer({ ...basis, reactieOpAdvies: '  a b c d e f g h i  ' }))), ['reactieOpAdvies']);
  assert.deepEqual(controleerVaststelling(buildInvoer({ ...basis, reactieOpAdvies: 'abcdefghij' })), {});
  // A positive advice needs no reaction.
  assert.deepEqual(controleerVaststelling(buildInvoer({ mrAdvies: 'positief', reactieOpAdvies: null })), {});
});

test('controleerVaststelling: remarks of the MR must be written down when it had any', () => {
  for (const mrAdvies of ['positief-met-opmerkingen', 'negatief']) {
    const f = controleerVaststelling(buildInvoer({ mrAdvies, mrAdviesToelichting: '   ', reactieOpAdvies: 'Wij nemen het advies niet over omdat …' }));
    assert.deepEqual(Object.keys(f), ['mrAdviesToelichting'], mrAdvies);
  }
  assert.deepEqual(controleerVaststelling(buildInvoer({ mrAdvies: 'positief-met-opmerkingen', mrAdviesToelichting: 'Graag meer over rekenen.' })), {});
});

test('controleerVaststelling: the content must be complete', () => {
  const sleutels = (over: Partial<AanbodInhoud>) => Object.keys(controleerVaststelling(buildInvoer({ inhoud: buildInhoud(over) })));
  assert.deepEqual(sleutels({ toelichting: ' \n ' }), ['toelichting']);
  assert.deepEqual(sleutels({ domeinen: [] }), ['domeinen']);
  assert.deepEqual(sleutels({ domeinen: [{ domein: 'gedrag', niveau: 'extra', watWijDoen: '  ', expertise: 'x', grenzen: '' }] }), ['domeinen.gedrag']);
  const dubbel = controleerVaststelling(
    buildInvoer({
      inhoud: buildInhoud({
        domeinen: [
          { domein: 'gedrag', niveau: 'extra', watWijDoen: 'a', expertise: '', grenzen: '' },
          { domein: 'gedrag', niveau: 'basis', watWijDoen: 'b', expertise: '', grenzen: '' },
        ],
      }),
    }),
  );
  assert.deepEqual(Object.keys(dubbel), ['domeinen']);
  assert.match(dubbel.domeinen ?? '', /Gedrag.*twee keer/);
  assert.deepEqual(sleutels({ contactNaam: '' }), ['contact']);
  assert.deepEqual(sleutels({ contactEmail: ' ', contactTelefoon: '' }), ['contact']);
});

test('controleerVaststelling: every basis item needs an answer; a "no" needs an honest explanation', () => {
  const open = buildInhoud({ basisOnderdelen: [{ code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: null }] });
  assert.deepEqual(Object.keys(controleerVaststelling(buildInvoer({ inhoud: open }))), ['basisOnderdelen']);
  const nee = buildInhoud({ basisOnderdelen: [{ code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: false }] });
  const f = controleerVaststelling(buildInvoer({ inhoud: nee }));
  assert.deepEqual(Object.keys(f), ['basisToelichting']);
  assert.match(f.basisToelichting ?? '', /eerlijk.*waarom/);
  assert.deepEqual(controleerVaststelling(buildInvoer({ inhoud: { ...nee, basisToelichting: 'Wij hebben geen dyslexiespecialist; het SWV helpt.' } })), {});
  // An SWV without a basis list: nothing to confirm.
  assert.deepEqual(controleerVaststelling(buildInvoer({ inhoud: buildInhoud({ basisOnderdelen: [] }) })), {});
});

test('controleerVaststelling: reports every problem at once', () => {
  const f = controleerVaststelling({
    status: 'vastgesteld',
    rol: 'ouder',
    inhoud: buildInhoud({ toelichting: '', domeinen: [], contactNaam: '', basisOnderdelen: [{ code: 'x', domein: 'leren', omschrijving: 'y', geboden: false }] }),
    mrAdvies: 'negatief',
    mrAdviesDatum: '2030-01-01',
    mrAdviesToelichting: '',
    reactieOpAdvies: '',
    vandaag: '2026-06-15',
  });
  assert.deepEqual(Object.keys(f).sort(), [
    'basisToelichting', 'contact', 'domeinen', 'mrAdviesDatum', 'mrAdviesToelichting', 'reactieOpAdvies', 'rol', 'status', 'toelichting',
  ]);
});

const sleutel = (schooljaar: string, volgnummer: number, status: 'concept' | 'vastgesteld'): VersieSleutel => ({
  schooljaar,
  volgnummer,
  status,
  vastgesteldOp: status === 'vastgesteld' ? '2026-06-01' : null,
});

test('volgnummerVoorNieuweVersie: 1 for the first, then one more than the highest of that year', () => {
  assert.deepEqual(volgnummerVoorNieuweVersie([], '2026-2027'), { ok: true, volgnummer: 1 });
  const bestaande = [sleutel('2025-2026', 1, 'vastgesteld'), sleutel('2025-2026', 3, 'vastgesteld'), sleutel('2026-2027', 1, 'vastgesteld')];
  assert.deepEqual(volgnummerVoorNieuweVersie(bestaande, '2025-2026'), { ok: true, volgnummer: 4 });
  assert.deepEqual(volgnummerVoorNieuweVersie(bestaande, '2026-2027'), { ok: true, volgnummer: 2 });
  assert.deepEqual(volgnummerVoorNieuweVersie(bestaande, '2027-2028'), { ok: true, volgnummer: 1 });
});

test('volgnummerVoorNieuweVersie: refused while a concept exists, in any year', () => {
  const r = volgnummerVoorNieuweVersie([sleutel('2025-2026', 1, 'vastgesteld'), sleutel('2024-2025', 2, 'concept')], '2026-2027');
  assert.deepEqual(r, { ok: false, fout: 'Er is al een conceptversie; werk die eerst af of verwijder hem.' });
  assert.equal(volgnummerVoorNieuweVersie([], '2026-2028').ok, false);
});

test('huidigeVersie: latest adopted version up to this year; not a concept, not next year', () => {
  const versies = [
    sleutel('2024-2025', 1, 'vastgesteld'),
    sleutel('2025-2026', 1, 'vastgesteld'),
    sleutel('2025-2026', 2, 'vastgesteld'),
    sleutel('2025-2026', 3, 'concept'),
    sleutel('2026-2027', 1, 'vastgesteld'),
  ];
  assert.equal(huidigeVersie(versies, '2025-2026'), versies[2]);
  assert.equal(huidigeVersie(versies, '2026-2027'), versies[4]);
  // Last year's version stays current until a new one is adopted.
  assert.equal(huidigeVersie(versies, '2030-2031'), versies[4]);
  assert.equal(huidigeVersie(versies, '2023-2024'), null);
  assert.equal(huidigeVersie([sleutel('2025-2026', 1, 'concept')], '2025-2026'), null);
  assert.equal(huidigeVersie(versies, 'onzin'), null);
});

const jaarArb = fc.integer({ min: 2020, max: 2030 }).map((j) => `${j}-${j + 1}`);
const versieArb = fc.record({
  schooljaar: jaarArb,
  volgnummer: fc.integer({ min: 1, max: 5 }),
  status: fc.constantFrom('concept' as const, 'vastgesteld' as const),
  vastgesteldOp: fc.constant(null),
  id: fc.nat(),
});

test('huidigeVersie: never a concept or a future year, always the maximum (property)', () => {
  fc.assert(
    fc.property(fc.array(versieArb, { maxLength: 20 }), jaarArb, (versies, huidig) => {
      const gekozen = huidigeVersie(versies, huidig);
      const kandidaten = versies.filter((v) => v.status === 'vastgesteld' && v.schooljaar <= huidig);
      if (kandidaten.length === 0) return gekozen === null;
      if (gekozen === null || gekozen.status !== 'vastgesteld' || gekozen.schooljaar > huidig) return false;
      if (!versies.includes(gekozen)) return false;
      return kandidaten.every(
        (v) => v.schooljaar < gekozen.schooljaar || (v.schooljaar === gekozen.schooljaar && v.volgnummer <= gekozen.volgnummer),
      );
    }),
  );
});

test('kopieerInhoud: rebuilds the basis items from the new list, keeping answers only for unchanged items', () => {
  const vorige = buildInhoud({
    basisOnderdelen: [
      { code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: true },
      { code: 'B2', domein: 'begaafdheid', omschrijving: 'Verrijkingsgroep', geboden: false },
      { code: 'B3', domein: 'gedrag', omschrijving: 'Pestprotocol', geboden: true },
      { code: 'B4', domein: 'rekenen', omschrijving: 'Rekenprotocol', geboden: true },
    ],
  });
  const basis: BasisOnderdeel[] = [
    { code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol' }, // unchanged
    { code: 'B2', domein: 'begaafdheid', omschrijving: 'Verrijkingsgroep' }, // unchanged, answer was "no"
    { code: 'B3', domein: 'gedrag', omschrijving: 'Pestprotocol en gedragsplan' }, // text changed
    { code: 'B4', domein: 'leren', omschrijving: 'Rekenprotocol' }, // domain changed
    { code: 'B5', domein: 'leren', omschrijving: 'Nieuw onderdeel' }, // new
  ];
  const nieuw = kopieerInhoud(vorige, basis);
  assert.deepEqual(nieuw.basisOnderdelen, [
    { code: 'B1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: true },
    { code: 'B2', domein: 'begaafdheid', omschrijving: 'Verrijkingsgroep', geboden: false },
    { code: 'B3', domein: 'gedrag', omschrijving: 'Pestprotocol en gedragsplan', geboden: null },
    { code: 'B4', domein: 'leren', omschrijving: 'Rekenprotocol', geboden: null },
    { code: 'B5', domein: 'leren', omschrijving: 'Nieuw onderdeel', geboden: null },
  ]);
  // Items the SWV dropped disappear.
  assert.deepEqual(kopieerInhoud(vorige, [basis[0]!]).basisOnderdelen.map((b) => b.code), ['B1']);
  // The rest is copied as it was.
  assert.deepEqual({ ...nieuw, basisOnderdelen: [] }, { ...vorige, basisOnderdelen: [] });
});

test('kopieerInhoud: without a new basis list the previous items and answers stay', () => {
  const vorige = buildInhoud();
  assert.deepEqual(kopieerInhoud(vorige, null), vorige);
});

const tekstArb = fc.string({ maxLength: 20 });
const inhoudArb: fc.Arbitrary<AanbodInhoud> = fc.record({
  toelichting: tekstArb,
  contactNaam: tekstArb,
  contactEmail: tekstArb,
  contactTelefoon: tekstArb,
  domeinen: fc.array(
    fc.record({ domein: fc.constantFrom(...DOMEIN_CODES), niveau: fc.constantFrom(...NIVEAU_CODES), watWijDoen: tekstArb, expertise: tekstArb, grenzen: tekstArb }, { noNullPrototype: true }),
    { maxLength: 5 },
  ),
  voorzieningen: fc.uniqueArray(fc.constantFrom(...VOORZIENING_CODES), { maxLength: 5 }),
  voorzieningenToelichting: tekstArb,
  basisOnderdelen: fc.array(
    fc.record({
      code: fc.constantFrom('B1', 'B2', 'B3', 'B4'),
      domein: fc.constantFrom(...DOMEIN_CODES),
      omschrijving: fc.constantFrom('a', 'b'),
      geboden: fc.constantFrom(true, false, null),
    }, { noNullPrototype: true }),
    { maxLength: 5 },
  ),
  basisToelichting: tekstArb,
}, { noNullPrototype: true });
const basisArb = fc.option(
  fc.array(fc.record({ code: fc.constantFrom('B1', 'B2', 'B3', 'B5'), domein: fc.constantFrom(...DOMEIN_CODES), omschrijving: fc.constantFrom('a', 'b') }, { noNullPrototype: true }), {
    maxLength: 5,
  }),
);

/** Every object and array reachable from a value. */
function alleObjecten(w: unknown, uit = new Set<object>()): Set<object> {
  if (typeof w === 'object' && w !== null && !uit.has(w)) {
    uit.add(w);
    for (const v of Object.values(w)) alleObjecten(v, uit);
  }
  return uit;
}

test('kopieerInhoud: never shares an array or object with its input (property)', () => {
  fc.assert(
    fc.property(inhoudArb, basisArb, (vorige, basis) => {
      const voor = structuredClone(vorige);
      const kopie = kopieerInhoud(vorige, basis);
      const invoer = alleObjecten(vorige);
      if (basis) alleObjecten(basis, invoer);
      for (const o of alleObjecten(kopie)) if (invoer.has(o)) return false;
      // The input is not changed either.
      assert.deepEqual(vorige, voor);
      // Basis items follow the new list exactly, with an answer only where the item is unchanged.
      if (basis) {
        assert.deepEqual(kopie.basisOnderdelen.map((b) => b.code), basis.map((b) => b.code));
        for (const b of kopie.basisOnderdelen) {
          const oud = vorige.basisOnderdelen.find((o) => o.code === b.code);
          if (b.geboden !== null) assert.ok(oud && oud.omschrijving === b.omschrijving && oud.domein === b.domein && oud.geboden === b.geboden);
        }
      } else assert.deepEqual(kopie.basisOnderdelen, vorige.basisOnderdelen);
      return true;
    }),
  );
});
