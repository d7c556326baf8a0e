import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOMEIN_CODES, DOMEINEN, NIVEAU_CODES, NIVEAUS, VOORZIENING_CODES } from '../../src/modules/aanbod/rules/domeinen.js';
import type { AanbodInhoud, DomeinAanbod } from '../../src/modules/aanbod/rules/typen.js';
import {
  CSV_KOLOMMEN,
  JSON_FORMAAT,
  leesCsv,
  leesJson,
  MAX_TEKST_TEKENS,
  naarCsv,
  naarJson,
  type ExportMeta,
} from '../../src/modules/aanbod/uitwisseling.js';

const meta: ExportMeta = {
  vestigingCode: '00AA00',
  vestigingNaam: 'De Regenboog',
  schooljaar: '2026-2027',
  volgnummer: 2,
  status: 'vastgesteld',
  vastgesteldOp: '2026-06-20',
  mrAdvies: 'positief',
  mrAdviesDatum: '2026-06-10',
};

function buildInhoud(over: Partial<AanbodInhoud> = {}): AanbodInhoud {
  return {
    toelichting: 'Wij bieden rust en structuur.',
    contactNaam: 'J. Jansen',
    contactEmail: 'ib@school.example',
    contactTelefoon: '030 123 45 67',
    domeinen: [
      { domein: 'gedrag', niveau: 'extra', watWijDoen: 'Rustplek; "time-out" kaart', expertise: 'Gedragsspecialist', grenzen: '=geen 1-op-1' },
      { domein: 'rekenen', niveau: 'basis', watWijDoen: 'Rekenprotocol\nmet stappenplan', expertise: '', grenzen: '' },
    ],
    voorzieningen: ['rustplek', 'lift'],
    voorzieningenToelichting: 'De lift is in het hoofdgebouw.',
    basisOnderdelen: [{ code: 'B1', domein: 'rekenen', omschrijving: 'Rekenprotocol', geboden: true }],
    basisToelichting: '',
    ...over,
  };
}

// ---------------------------------------------------------------- JSON

test('naarJson: formaat first, meta in a fixed order, then inhoud; nothing extra leaks in', () => {
  const metaMetExtra = { ...meta, wachtwoord: 'geheim' } as ExportMeta;
  const inhoudMetExtra = { ...buildInhoud(), geheim: 'x' } as AanbodInhoud;
  const json = naarJson(metaMetExtra, inhoudMetExtra) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json), [
    'formaat', 'vestigingCode', 'vestigingNaam', 'schooljaar', 'volgnummer', 'status', 'vastgesteldOp', 'mrAdvies', 'mrAdviesDatum', 'inhoud',
  ]);
  assert.equal(json.formaat, JSON_FORMAAT);
  assert.deepEqual(Object.keys(json.inhoud as object), [
    'toelichting', 'contactNaam', 'contactEmail', 'contactTelefoon', 'domeinen', 'voorzieningen', 'voorzieningenToelichting', 'basisOnderdelen', 'basisToelichting',
  ]);
  // The same content with its keys in another order gives the same text.
  const omgedraaid = Object.fromEntries(Object.entries(buildInhoud()).reverse()) as unknown as AanbodInhoud;
  assert.equal(JSON.stringify(naarJson(meta, omgedraaid)), JSON.stringify(naarJson(meta, buildInhoud())));
  // The export does not share arrays with the input.
  const inhoud = buildInhoud();
  const uit = naarJson(meta, inhoud) as { inhoud: AanbodInhoud };
  assert.notEqual(uit.inhoud.domeinen, inhoud.domeinen);
});

test('leesJson: reads an export, and a bare { inhoud }; missing fields are empty; a BOM is fine', () => {
  const inhoud = buildInhoud();
  assert.deepEqual(leesJson(JSON.stringify(naarJson(meta, inhoud))), { ok: true, inhoud });
  assert.deepEqual(leesJson(`\uFEFF${JSON.stringify({ inhoud })}`), { ok: true, inhoud });
  assert.deepEqual(leesJson('{"inhoud":{"domeinen":[{"domein":"leren","niveau":"extra"}]}}'), {
    ok: true,
    inhoud: {
      toelichting: '', contactNaam: '', contactEmail: '', contactTelefoon: '',
      domeinen: [{ domein: 'leren', niveau: 'extra', watWijDoen: '', expertise: '', grenzen: '' }],
      voorzieningen: [], voorzieningenToelichting: '', basisOnderdelen: [], basisToelichting: '',
    },
  });
  // A facility twice is kept once.
  const r = leesJson('{"inhoud":{"voorzieningen":["lift","lift","rustplek"]}}');
  assert.ok(r.ok);
  assert.deepEqual(r.inhoud.voorzieningen, ['lift', 'rustplek']);
});

function fout(tekst: string): string {
  const r = leesJson(tekst);
  assert.ok(!r.ok, String(tekst).slice(0, 200));
  return r.fout;
}

test('leesJson: names the first problem in plain Dutch', () => {
  const domeinen = (lijst: unknown[]) => JSON.stringify({ formaat: JSON_FORMAAT, inhoud: { domeinen: lijst } });
  assert.equal(
    fout(domeinen([{ domein: 'leren', niveau: 'extra' }, { domein: 'gedrag', niveau: 'extra' }, { domein: 'xyz', niveau: 'extra' }])),
    "Onbekend onderwerp van ondersteuning 'xyz' in domeinen[2].",
  );
  assert.match(fout(domeinen([{ domein: 'leren', niveau: 'hoog' }])), /^Onbekend niveau 'hoog' in domeinen\[0\]/);
  assert.match(fout(domeinen([{ domein: 'leren', niveau: 'extra' }, { domein: 'leren', niveau: 'basis' }])), /'leren' staat twee keer/);
  assert.match(fout(domeinen(DOMEIN_CODES.flatMap((d) => [{ domein: d, niveau: 'extra' }]).concat([{ domein: 'leren', niveau: 'extra' }]))), /te veel onderdelen: hoogstens 9/);
  assert.match(fout(domeinen([{ domein: 'leren', niveau: 'extra', watWijDoen: 'x'.repeat(MAX_TEKST_TEKENS + 1) }])), /domeinen\[0\]\.watWijDoen is te lang: hoogstens 4000/);
  assert.equal(leesJson(domeinen([{ domein: 'leren', niveau: 'extra', watWijDoen: 'x'.repeat(MAX_TEKST_TEKENS) }])).ok, true);
  assert.match(fout('{"inhoud":{"voorzieningen":["lift","zwembad"]}}'), /Onbekende voorziening 'zwembad' in voorzieningen\[1\]/);
  assert.match(fout('{"inhoud":{"toelichting":5}}'), /toelichting moet een tekst zijn/);
  assert.match(fout('{"inhoud":{"domains":[]}}'), /Onbekend veld 'domains'/);
  assert.match(fout('{"inhoud":{"basisOnderdelen":[{"code":"a","domein":"leren","omschrijving":"x"},{"code":"a","domein":"leren","omschrijving":"y"}]}}'), /code 'a' staat twee keer/);
  assert.match(fout('{"inhoud":{"basisOnderdelen":[{"code":"a","domein":"leren","omschrijving":"x","geboden":"ja"}]}}'), /geboden moet true, false of null/);
  assert.match(fout('{"formaat":"iets-anders/9","inhoud":{}}'), /Onbekend formaat/);
  assert.match(fout('{"formaat":"passend-ondersteuningsaanbod/1"}'), /inhoud ontbreekt/);
  assert.match(fout('{"inhoud":[]}'), /inhoud moet een object zijn/);
  for (const t of ['', '{', 'null', '[]', '"tekst"', '42', 'NaN']) assert.ok(fout(t).length > 0, t);
});

test('leesJson: hostile input never throws', () => {
  const diep = `{"inhoud":{"domeinen":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
  assert.match(fout(diep), /domeinen\[0\] moet een object zijn/);
  const diepMeta = `{"extra":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)},"inhoud":{}}`;
  assert.equal(leesJson(diepMeta).ok, true);
  assert.match(fout('{"inhoud":{"toelichting":{"toString":1,"valueOf":2}}}'), /toelichting moet een tekst zijn, niet een object/);
  assert.match(fout('{"inhoud":{"__proto__":{"x":1}}}'), /Onbekend veld '__proto__'/);
  assert.match(fout(' '.repeat(5_000_001)), /te groot/);
  assert.match(fout(42 as unknown as string), /geen tekst/);
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => typeof leesJson(t).ok === 'boolean'));
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      for (const t of [JSON.stringify(a), JSON.stringify({ inhoud: a }), JSON.stringify({ inhoud: { domeinen: a, basisOnderdelen: b } })]) {
        const r = leesJson(t);
        if (!r.ok && (typeof r.fout !== 'string' || r.fout === '')) return false;
      }
      return true;
    }),
  );
});

// ---------------------------------------------------------------- round trips

/** Text that is hard for CSV and spreadsheets: formula starts, quotes, separators, line breaks, apostrophes. */
const lastigeTekst = fc.oneof(
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ';', ',', ' ', 'a', 'é', '😀', '\uFEFF'), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("=HYPERLINK(\"http://x\")", "'=1+1", "''", "'", '+31 30 123', '-', '@SUM(A1)', '\r\n', 'sep=;', '"', ''),
);

const domeinLijst: fc.Arbitrary<DomeinAanbod[]> = fc
  .uniqueArray(fc.constantFrom(...DOMEIN_CODES), { maxLength: DOMEIN_CODES.length })
  .chain((ds) =>
    ds.length === 0
      ? fc.constant([])
      : fc.tuple(
          ...ds.map((domein) =>
            fc.record(
              { domein: fc.constant(domein), niveau: fc.constantFrom(...NIVEAU_CODES), watWijDoen: lastigeTekst, expertise: lastigeTekst, grenzen: lastigeTekst },
              { noNullPrototype: true },
            ),
          ),
        ),
  );

const inhoudArb: fc.Arbitrary<AanbodInhoud> = fc.record(
  {
    toelichting: lastigeTekst,
    contactNaam: lastigeTekst,
    contactEmail: lastigeTekst,
    contactTelefoon: lastigeTekst,
    domeinen: domeinLijst,
    voorzieningen: fc.uniqueArray(fc.constantFrom(...VOORZIENING_CODES)),
    voorzieningenToelichting: lastigeTekst,
    basisOnderdelen: fc.uniqueArray(
      fc.record(
        {
          code: fc.string({ minLength: 1, maxLength: 10 }),
          domein: fc.constantFrom(...DOMEIN_CODES),
          omschrijving: lastigeTekst,
          geboden: fc.constantFrom(true, false, null),
        },
        { noNullPrototype: true },
      ),
      { selector: (b) => b.code, maxLength: 6 },
    ),
    basisToelichting: lastigeTekst,
  },
  { noNullPrototype: true },
);

test('naarJson → leesJson gives back the same content (property)', () => {
  fc.assert(
    fc.property(inhoudArb, (inhoud) => {
      const r = leesJson(JSON.stringify(naarJson(meta, inhoud), null, 2));
      assert.deepEqual(r, { ok: true, inhoud });
    }),
    { numRuns: 300 },
  );
});

test('naarCsv → leesCsv gives back the same domains (property)', () => {
  fc.assert(
    fc.property(domeinLijst, (domeinen) => {
      assert.deepEqual(leesCsv(naarCsv(domeinen)), { ok: true, domeinen });
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------- CSV

test('naarCsv: header, codes, semicolons, BOM; formula starts are made harmless for spreadsheets', () => {
  const csv = naarCsv(buildInhoud().domeinen);
  assert.equal(
    csv,
    '\uFEFFdomein;niveau;wat_wij_doen;expertise;grenzen\r\n' +
      'gedrag;extra;"Rustplek; ""time-out"" kaart";Gedragsspecialist;\'=geen 1-op-1\r\n' +
      'rekenen;basis;"Rekenprotocol\nmet stappenplan";;\r\n',
  );
  assert.deepEqual([...CSV_KOLOMMEN], ['domein', 'niveau', 'wat_wij_doen', 'expertise', 'grenzen']);
  // No cell of the export starts with a character a spreadsheet would run.
  const metFormules = naarCsv([{ domein: 'leren', niveau: 'extra', watWijDoen: '=1+1', expertise: '+1', grenzen: '@A1' }]);
  assert.ok(metFormules.includes("'=1+1;'+1;'@A1"));
  // A text that itself starts with an apostrophe and '=' gets one more apostrophe, so reading it back is exact.
  assert.ok(naarCsv([{ domein: 'leren', niveau: 'extra', watWijDoen: "'=x", expertise: '', grenzen: '' }]).includes("leren;extra;''=x;;"));
});

test('leesCsv: comma separated, labels instead of codes, header in any case and order, empty rows skipped', () => {
  const csv = [
    'Niveau,Domein,Wat wij doen,EXPERTISE,Grenzen,',
    `${NIVEAUS.extra.label},${DOMEINEN['taal-lezen'].label.toUpperCase().replace(/,/g, '')},"Lezen, met hulp",,geen,`,
    ',,,,,',
    '',
    `specialistisch,"${DOMEINEN['taal-lezen'].label}",x,,,`,
  ];
  // "Taal lezen en dyslexie" (without the comma) is not a label: check the error first, then the good file.
  assert.deepEqual(leesCsv(csv.join('\n')), { ok: false, fout: "Rij 2: onbekend onderwerp van ondersteuning 'TAAL LEZEN EN DYSLEXIE'." });
  const goed = [csv[0], `extra,gedrag,"Lezen, met hulp",,geen,`, ',,,,,', '', `Specialistische ondersteuning,"${DOMEINEN['taal-lezen'].label}",x,,,`].join('\r\n');
  assert.deepEqual(leesCsv(goed), {
    ok: true,
    domeinen: [
      { domein: 'gedrag', niveau: 'extra', watWijDoen: 'Lezen, met hulp', expertise: '', grenzen: 'geen' },
      { domein: 'taal-lezen', niveau: 'specialistisch', watWijDoen: 'x', expertise: '', grenzen: '' },
    ],
  });
});

test('leesCsv: Excel\'s "sep=;" line and a header-only file', () => {
  assert.deepEqual(leesCsv('sep=;\r\ndomein;niveau;wat_wij_doen;expertise;grenzen\r\nleren;basis;a;b;c\r\n'), {
    ok: true,
    domeinen: [{ domein: 'leren', niveau: 'basis', watWijDoen: 'a', expertise: 'b', grenzen: 'c' }],
  });
  assert.deepEqual(leesCsv('sep=;\ndomein;niveau;wat_wij_doen;expertise;grenzen\nx;basis;;;\n'), { ok: false, fout: "Rij 3: onbekend onderwerp van ondersteuning 'x'." });
  assert.deepEqual(leesCsv('domein;niveau;wat_wij_doen;expertise;grenzen'), { ok: true, domeinen: [] });
});

test('leesCsv: the first problem with its row number', () => {
  const kop = 'domein;niveau;wat_wij_doen;expertise;grenzen';
  const lees = (...rijen: string[]) => leesCsv([kop, ...rijen].join('\n'));
  assert.deepEqual(lees('gedrag;extra;a;;', 'Gedrag;basis;b;;'), { ok: false, fout: "Rij 3: het onderwerp 'Gedrag' staat ook al in rij 2." });
  assert.deepEqual(lees('gedrag;hoog;a;;'), { ok: false, fout: "Rij 2: onbekend niveau 'hoog'. Kies basis, extra, specialistisch." });
  assert.deepEqual(lees('gedrag;;a;;'), { ok: false, fout: 'Rij 2: vul een niveau in (basis, extra, specialistisch).' });
  assert.deepEqual(lees('leren;extra;;;', ';extra;a;;'), { ok: false, fout: 'Rij 3: vul een onderwerp van ondersteuning in.' });
  assert.match((lees('leren;extra;a;b;c;d') as { fout: string }).fout, /^Rij 2 heeft meer kolommen/);
  assert.match((lees(`leren;extra;${'x'.repeat(MAX_TEKST_TEKENS + 1)};;`) as { fout: string }).fout, /Rij 2: de tekst in kolom wat_wij_doen is te lang/);
  // A quoted cell over two lines is still one spreadsheet row.
  assert.deepEqual(lees('leren;extra;"a\nb";;', 'rekenen;x;;;'), { ok: false, fout: "Rij 3: onbekend niveau 'x'. Kies basis, extra, specialistisch." });
});

test('leesCsv: the header is required and checked', () => {
  assert.match((leesCsv('') as { fout: string }).fout, /leeg/);
  assert.match((leesCsv('\uFEFF') as { fout: string }).fout, /leeg/);
  assert.match((leesCsv('gedrag;extra;a;b;c\n') as { fout: string }).fout, /Onbekende kolom 'gedrag'/);
  assert.match((leesCsv('domein;niveau;wat_wij_doen\n') as { fout: string }).fout, /mist de kolommen expertise, grenzen/);
  assert.match((leesCsv('domein;niveau;wat_wij_doen;expertise;grenzen;domein\n') as { fout: string }).fout, /'domein' staat twee keer/);
  assert.match((leesCsv('sep=x\ndomein\n') as { fout: string }).fout, /scheidingsteken/);
});

test('leesCsv: a cell with an apostrophe before a formula character loses the apostrophe; other apostrophes stay', () => {
  const r = leesCsv("domein;niveau;wat_wij_doen;expertise;grenzen\nleren;extra;'=1+1;'t Kan;''\n");
  assert.deepEqual(r, { ok: true, domeinen: [{ domein: 'leren', niveau: 'extra', watWijDoen: '=1+1', expertise: "'t Kan", grenzen: "'" }] });
});

test('leesCsv never throws (fuzz property)', () => {
  const kop = 'domein;niveau;wat_wij_doen;expertise;grenzen\n';
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(';', ',', '"', '\n', '\r', "'", 'a', 'leren', 'extra', 'sep=', '\uFEFF', ' ') }), fc.boolean(), (t, metKop) => {
      const r = leesCsv(metKop ? kop + t : t);
      return r.ok ? r.domeinen.length <= DOMEIN_CODES.length : typeof r.fout === 'string' && r.fout.length > 0;
    }),
    { numRuns: 2000 },
  );
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => typeof leesCsv(t).ok === 'boolean'));
  assert.equal(leesCsv(null as unknown as string).ok, false);
});
