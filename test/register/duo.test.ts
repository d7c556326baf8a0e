/**
 * The DUO reader on small hand-made files: which vestigingen exist, their soort and SWV, what a partial import keeps,
 * and which lines are rejected. The real-data checks are in snapshot-build.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bouwRegister, LEGE_CONTEXT, type DuoBestand, type RegisterContext } from '../../src/modules/register/duo.js';
import type { VestigingRij } from '../../src/modules/register/types.js';

const regio: DuoBestand = {
  naam: 'swv_regio_indeling_pc4_2015.csv',
  tekst: [
    'pc4,gemeente,swv_po,swv_vo',
    '3705,Zeist,PO2603,VO2604',
    '3706,Zeist,PO2603,VO2604',
    '3731,De Bilt,PO2603,VO2604',
    '1013,Amsterdam,PO2707,VO2708',
    '3198,Rotterdam,Europoort,Europoort',
  ].join('\n'),
};

const centroiden: DuoBestand = {
  naam: 'geo/pc4_centroids_cbs2020.csv',
  tekst: [
    'pc4,rd_x,rd_y,lat,lon,inwoners,oppervlakte_km2,plaats,gemeente,provincie',
    '3705,140000.1,456000.2,52.09,5.23,100,1,Zeist,Zeist,Utrecht',
    '3706,140500,456500,52.1,5.24,100,1,Zeist,Zeist,Utrecht',
    '1013,121000,488000,52.38,4.88,100,1,Amsterdam,Amsterdam,Noord-Holland',
    '5028,,,,,,0.0001,,,',
  ].join('\n'),
};

const GEO_KOP = 'vestigingscode,brin_nummer,naam,type,denominatie,straat,huisnummer,huisletter,huisnummertoevoeging,postcode,plaats,gemeente,provincie,onderwijsgebied,internetadres,leerlingen,lat,lon';
const geocoded = (...regels: string[]): DuoBestand => ({ naam: 'schoolvestigingen_geocoded_2024.csv', tekst: [GEO_KOP, ...regels].join('\n') });

const BO_KOP = 'PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE;TELEFOONNUMMER;INTERNETADRES';
const bo = (...regels: string[]): DuoBestand => ({ naam: 'bo_schoolvestigingen_adressen.csv', tekst: [BO_KOP, ...regels].join('\n') });

const HIST_KOP = 'INSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2023;LEERLINGEN_2024;LEERLINGEN_2025';
const hist = (...regels: string[]): DuoBestand => ({ naam: 'po_leerlingen_historisch_per_vestiging_1996_2025.csv', tekst: [HIST_KOP, ...regels].join('\n') });

const VO_KOP = 'PROVINCIE;BEVOEGD GEZAG NUMMER;BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;DENOMINATIE;TELEFOONNUMMER;INTERNETADRES;ONDERWIJSSTRUCTUUR';
const vo2020 = (...regels: string[]): DuoBestand => ({ naam: 'vo_vestigingen_adressen_2020.csv', tekst: [VO_KOP, ...regels].join('\n') });

const vsv = (...regels: string[]): DuoBestand => ({
  naam: 'vo_vestigingen_per_swv_vsv_2015.csv',
  tekst: ['SAMENWERKINGSVERBAND_NUMMER;brin_nummer;vestigings_nummer;aantal_leerlingen;vsv_totaal;vsv_vmbo;vsv_mbo;vsv_overig', ...regels].join('\n'),
});

const vind = (vs: VestigingRij[], code: string) => vs.find((v) => v.code === code);

test('SWVs: every regional code plus the two landelijke, with derived names', () => {
  const r = bouwRegister([regio]);
  assert.deepEqual(
    r.data.swvs?.map((s) => [s.code, s.naam, s.isLandelijk]),
    [
      ['PO0001', 'Landelijk reformatorisch samenwerkingsverband PO', true],
      ['PO2603', 'Samenwerkingsverband PO Zeist, De Bilt', false],
      ['PO2707', 'Samenwerkingsverband PO Amsterdam', false],
      ['VO0001', 'Landelijk reformatorisch samenwerkingsverband VO', true],
      ['VO2604', 'Samenwerkingsverband VO Zeist, De Bilt', false],
      ['VO2708', 'Samenwerkingsverband VO Amsterdam', false],
    ],
  );
  assert.deepEqual(r.afgewezen, []);
  const europoort = r.data.pc4s?.find((p) => p.pc4 === '3198');
  assert.equal(europoort?.swvPo, null);
  assert.equal(europoort?.swvVo, null);
  assert.match(r.opmerkingen.join(' '), /Europoort/);
});

test('pc4: union of regio-indeling and CBS centroids; missing coordinates stay null', () => {
  const r = bouwRegister([regio, centroiden]);
  assert.deepEqual(r.data.pc4s?.map((p) => p.pc4), ['1013', '3198', '3705', '3706', '3731', '5028']);
  assert.deepEqual(r.data.pc4s?.find((p) => p.pc4 === '3705'), {
    pc4: '3705', gemeente: 'Zeist', plaats: 'Zeist', swvPo: 'PO2603', swvVo: 'VO2604', lat: 52.09, lon: 5.23, rdX: 140000.1, rdY: 456000.2,
  });
  const leeg = r.data.pc4s?.find((p) => p.pc4 === '5028');
  assert.equal(leeg?.lat, null);
  assert.equal(leeg?.swvPo, null);
});

test('vestigingen: soort decides the SWV sector; vsv membership and Europoort', () => {
  const r = bouwRegister([
    regio,
    centroiden,
    geocoded(
      '08LE00,08LE,Ichthusschool,basisschool,Protestants-Christelijk,De Genestetlaan,19,,,3705BT,Zeist,ZEIST,Utrecht,x,,700,52.094815,5.232081',
      '08LE00,08LE,Ichthusschool,basisschool,Protestants-Christelijk,De Genestetlaan,21,,,3705BT,Zeist,ZEIST,Utrecht,x,,700,52.0949,5.2321',
      '11AA00,11AA,De Brug,(V)SO,Openbaar,Laan,1,a,2,3706AB,Zeist,ZEIST,Utrecht,x,,50,52.1,5.24',
      '11AA01,11AA,De Brug VSO,(V)SO,Openbaar,Laan,3,,,3706AB,Zeist,ZEIST,Utrecht,x,,50,52.1,5.24',
      '22BB00,22BB,Lyceum,VBO/MAVO/HAVO/VWO,Bijzonder,Gracht,2,,,1013EX,Amsterdam,AMSTERDAM,Noord-Holland,x,,900,52.38,4.89',
      '33CC00,33CC,Haven,basisschool,Openbaar,Kade,1,,,3198LB,Europoort Rotterdam,ROTTERDAM,Zuid-Holland,x,,10,51.94,4.14',
    ),
    hist('11AA;11AA00;De Brug SO;SO/VSO;Openbaar;12345;355;ZEIST;40;41;42', '11AA;11AA01;De Brug VSO;VSO;Openbaar;12345;355;ZEIST;10;11;12'),
    vsv('VO0001;22BB;00;900;1;0;0;1'),
  ]);
  assert.deepEqual(r.afgewezen, []);
  const vs = r.data.vestigingen;
  assert.deepEqual(vs.map((v) => [v.code, v.soort, v.swvPo, v.swvVo]), [
    ['08LE00', 'bao', 'PO2603', null],
    ['11AA00', 'so/vso', 'PO2603', 'VO2604'],
    ['11AA01', 'vso', null, 'VO2604'], // DUO's pupil file knows it is vso, the address file only says (V)SO
    ['22BB00', 'vo', null, 'VO0001'], // DUO's vsv file: member of the landelijke VO-SWV, not of VO2708
    ['33CC00', 'bao', null, null], // Europoort
  ]);
  // The first of the duplicate geocoded rows wins; house number parts are joined.
  assert.equal(vind(vs, '08LE00')?.huisnummer, '19');
  assert.equal(vind(vs, '11AA00')?.huisnummer, '1a-2');
  assert.equal(vind(vs, '11AA00')?.bestuurNummer, '12345');
  assert.equal(vind(vs, '22BB00')?.onderwijsstructuur, 'VBO/MAVO/HAVO/VWO');
  assert.deepEqual(r.data.besturen, [{ nummer: '12345', naam: null }]);
  assert.match(r.opmerkingen.join(' '), /1 dubbele regel/);
});

test('which vestigingen exist: the newest address file per soort decides; active PO locations are added', () => {
  const r = bouwRegister([
    regio,
    geocoded('22BB00,22BB,Lyceum,HAVO/VWO,Bijzonder,Gracht,2,,,1013EX,Amsterdam,AMSTERDAM,Noord-Holland,x,,900,52.38,4.89'),
    // 2020 VO list: 22BB00 enriches (board, denominatie), 22BB09 is gone since (not in the 2024 list).
    vo2020(
      'Noord-Holland;41000;22BB;22BB00;Lyceum;Gracht;2;1013 EX;AMSTERDAM;0363;AMSTERDAM;Protestants-Christelijk;   ;   ;HAVO/VWO',
      'Noord-Holland;41000;22BB;22BB09;Oude dependance;Steeg;1;1013 EX;AMSTERDAM;0363;AMSTERDAM;Protestants-Christelijk;   ;   ;VBO',
    ),
    hist(
      '44DD;44DD00;Nieuwe SO-school;SO;Openbaar;0;355;ZEIST;0;0;<5', // active in 2025, no address yet
      '55EE;55EE00;Gesloten school;BO;Openbaar;0;355;ZEIST;20;0;0', // closed
    ),
  ]);
  assert.deepEqual(r.data.vestigingen.map((v) => v.code), ['22BB00', '44DD00']);
  const lyceum = vind(r.data.vestigingen, '22BB00')!;
  assert.equal(lyceum.bestuurNummer, '41000');
  assert.equal(lyceum.denominatie, 'Bijzonder'); // newest source that says something wins
  const nieuw = vind(r.data.vestigingen, '44DD00')!;
  assert.equal(nieuw.postcode, null);
  assert.equal(nieuw.swvPo, null);
  assert.equal(nieuw.gemeente, 'Zeist');
  assert.match(r.opmerkingen.join(' '), /2 vestigingen staan alleen in oudere bestanden/);
});

test('leerlingen: <5 as a flag, 0 not stored, VO totals summed, vsv year from the file name', () => {
  const voLeerlingen: DuoBestand = {
    naam: 'vo_leerlingen_per_vestiging_onderwijstype_2019.csv',
    tekst: [
      'BRIN NUMMER;VESTIGINGSNUMMER;OPLEIDINGSNAAM;LEER- OF VERBLIJFSJAAR 1 - MAN;LEER- OF VERBLIJFSJAAR 1 - VROUW;LEER- OF VERBLIJFSJAAR 2 - MAN',
      '22BB;00;HAVO;10;12;0',
      '22BB;00;VWO;5;6;7',
      '22BB;00;VWO;x;0;0',
    ].join('\n'),
  };
  const r = bouwRegister([
    regio,
    geocoded(
      '08LE00,08LE,Ichthusschool,basisschool,Protestants-Christelijk,De Genestetlaan,19,,,3705BT,Zeist,ZEIST,Utrecht,x,,700,52.09,5.23',
      '22BB00,22BB,Lyceum,HAVO/VWO,Bijzonder,Gracht,2,,,1013EX,Amsterdam,AMSTERDAM,Noord-Holland,x,,900,52.38,4.89',
    ),
    hist('08LE;08LE00;Ichthusschool;BO;PC;35466;355;ZEIST;0;<5;700'),
    voLeerlingen,
    vsv('VO2708;22BB;00;880;1;0;0;1'),
  ]);
  assert.deepEqual(r.data.leerlingen, [
    { vestigingCode: '08LE00', teljaar: 2024, aantal: null, isKlein: true },
    { vestigingCode: '08LE00', teljaar: 2025, aantal: 700, isKlein: false },
    { vestigingCode: '22BB00', teljaar: 2015, aantal: 880, isKlein: false },
    { vestigingCode: '22BB00', teljaar: 2019, aantal: 40, isKlein: false },
    { vestigingCode: '22BB00', teljaar: 2023, aantal: 900, isKlein: false }, // EduGIS: DUO's VO count of Oct 2023
  ]);
  assert.deepEqual(r.afgewezen, [
    { bestand: 'vo_leerlingen_per_vestiging_onderwijstype_2019.csv', regel: 4, reden: "LEER- OF VERBLIJFSJAAR 1 - MAN: 'x' is geen aantal leerlingen" },
  ]);
});

test('rejected lines carry file, line and a Dutch reason', () => {
  const r = bouwRegister([
    { naam: 'regio.csv', tekst: 'pc4,gemeente,swv_po,swv_vo\n3705,Zeist,PO2603,VO2604\n37AB,Zeist,PO2603,VO2604\n3706,Zeist,VO2604,PO2603\n3705,Zeist,PO2603,VO2604\n3707,Zeist,PO0001,VO2604\n3708,Zeist;PO2603\n' },
    bo(
      'Utrecht;35466;08LE;08LE00;School;Laan;1;3705 ZZ;ZEIST;0355;ZEIST;PC; ; ',
      'Utrecht;35466;08LE;;School;Laan;1;3705 ZZ;ZEIST;0355;ZEIST;PC; ; ',
      'Utrecht;35466;08LE;08LE01;School;Laan;1;3705 Z;ZEIST;0355;ZEIST;PC; ; ',
      'Utrecht;35466;08LE;09LE02;School;Laan;1;3705 ZZ;ZEIST;0355;ZEIST;PC; ; ',
      'Utrecht;35466;08LE;08LE00;School;Laan;1;3705 ZZ;ZEIST;0355;ZEIST;PC; ; ',
      'Utrecht;3546X;08LE;08LE03;School;Laan;1;3705 ZZ;ZEIST;0355;ZEIST;PC; ; ',
    ),
    vsv('VO9999;08LE;00;10;0;0;0;0', 'PO2603;08LE;00;10;0;0;0;0'),
  ]);
  assert.deepEqual(
    r.afgewezen.map((a) => `${a.bestand}:${a.regel} ${a.reden}`),
    [
      'bo_schoolvestigingen_adressen.csv:3 vestigingscode ontbreekt',
      "bo_schoolvestigingen_adressen.csv:4 postcode '3705 Z' is ongeldig (verwacht 4 cijfers en 2 letters, zoals 9306 TC)",
      "bo_schoolvestigingen_adressen.csv:5 vestigingscode '09LE02' hoort niet bij instellingscode '08LE'",
      'bo_schoolvestigingen_adressen.csv:6 vestigingscode 08LE00 staat dubbel in het bestand (ook op regel 2)',
      "bo_schoolvestigingen_adressen.csv:7 bevoegd-gezagnummer '3546X' is ongeldig (verwacht cijfers)",
      "regio.csv:3 postcodegebied '37AB' is ongeldig (verwacht 4 cijfers, 1000–9999)",
      'regio.csv:4 SWV-code VO2604 staat in de kolom swv_po',
      'regio.csv:5 postcodegebied 3705 staat dubbel in het bestand (ook op regel 2)',
      'regio.csv:6 PO0001 is landelijk en heeft geen regio',
      'regio.csv:7 de regel heeft 2 velden, de kopregel 4',
      'vo_vestigingen_per_swv_vsv_2015.csv:2 onbekende SWV-code VO9999 (niet in de regio-indeling)',
      'vo_vestigingen_per_swv_vsv_2015.csv:3 PO2603 is geen VO-samenwerkingsverband',
    ],
  );
});

test('files are recognised by their columns; derived and unknown files are skipped with a note', () => {
  const r = bouwRegister([
    { naam: '02.-alle-schoolvestigingen-basisonderwijs.csv', tekst: `${BO_KOP}\nUtrecht;35466;08LE;08LE00;School;Laan;1;3705 BT;ZEIST;0355;ZEIST;PC; ; ` },
    { naam: 'schoolvestigingen_swv_afgeleid_2024.csv', tekst: 'vestigingscode,instellingscode,swv_po_afgeleid\n08LE00,08LE,PO2603' },
    { naam: 'iets.csv', tekst: 'a;b\n1;2' },
    { naam: 'leeg.csv', tekst: '' },
  ]);
  assert.deepEqual(r.gebruikt, [{ bestand: '02.-alle-schoolvestigingen-basisonderwijs.csv', soort: 'bo-adressen', rijen: 1 }]);
  assert.equal(r.data.vestigingen.length, 1);
  assert.equal(r.data.swvs, undefined);
  assert.equal(r.data.pc4s, undefined);
  assert.deepEqual(r.afgewezen, [{ bestand: 'leeg.csv', regel: 0, reden: 'het bestand is leeg' }]);
  assert.match(r.opmerkingen.join('\n'), /iets\.csv: niet herkend/);
  assert.match(r.opmerkingen.join('\n'), /swv_afgeleid_2024\.csv: niet gebruikt/);
});

test('a partial import keeps what its files do not say', () => {
  const oud: VestigingRij = {
    code: '08LE00', instellingscode: '08LE', naam: 'Ichthusschool', soort: 'bao', onderwijsstructuur: null, denominatie: 'PC',
    bestuurNummer: '35466', straat: 'De Genestetlaan', huisnummer: '19', postcode: '3705BT', pc4: '3705', plaats: 'Zeist',
    gemeente: 'Zeist', internet: null, lat: 52.094815, lon: 5.232081, swvPo: 'PO2603', swvVo: null,
  };
  const ref: VestigingRij = { ...oud, code: '09RF00', instellingscode: '09RF', naam: 'Ref. school', swvPo: 'PO0001' };
  const context: RegisterContext = {
    swvCodes: new Set(['PO0001', 'PO2603', 'VO2604']),
    pc4s: new Map([
      ['3705', { pc4: '3705', gemeente: 'Zeist', plaats: 'Zeist', swvPo: 'PO2603', swvVo: 'VO2604', lat: 52.09, lon: 5.23, rdX: 1, rdY: 2 }],
      ['3706', { pc4: '3706', gemeente: 'Zeist', plaats: 'Zeist', swvPo: 'PO2603', swvVo: 'VO2604', lat: 52.1, lon: 5.24, rdX: 1, rdY: 2 }],
    ]),
    vestigingen: new Map([[oud.code, oud], [ref.code, ref]]),
  };
  const r = bouwRegister(
    [
      bo(
        'Utrecht;35466;08LE;08LE00;Ichthusschool;De Genestetlaan;19;3705 BT;ZEIST;0355;ZEIST;PC; ;www.ichthus.nl',
        'Utrecht;35466;09RF;09RF00;Ref. school;Nieuwe weg;1;3706 AA;ZEIST;0355;ZEIST;Reformatorisch; ; ',
      ),
    ],
    context,
  );
  assert.equal(r.data.swvs, undefined, 'no regio file: SWVs untouched');
  const [ichthus, refschool] = r.data.vestigingen;
  // Same postcode: the geocoded coordinates in the database stay; the new website is taken.
  assert.deepEqual({ lat: ichthus!.lat, lon: ichthus!.lon, internet: ichthus!.internet }, { lat: 52.094815, lon: 5.232081, internet: 'www.ichthus.nl' });
  // Moved: the centre of the new PC4 area; membership of the landelijke SWV is kept.
  assert.deepEqual({ lat: refschool!.lat, lon: refschool!.lon, pc4: refschool!.pc4, swvPo: refschool!.swvPo }, { lat: 52.1, lon: 5.24, pc4: '3706', swvPo: 'PO0001' });
  assert.equal(bouwRegister([], LEGE_CONTEXT).data.vestigingen.length, 0);
});
