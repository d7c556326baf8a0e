import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NaamWoordenboek, naamSleutel, titelcaseNaam } from '../../../src/modules/register/rules/naam.js';

test('titelcaseNaam: Dutch place names from DUO capitals', () => {
  const gevallen: [string, string][] = [
    ["'S-GRAVENHAGE", "'s-Gravenhage"],
    ["'S-HERTOGENBOSCH", "'s-Hertogenbosch"],
    ["'T HARDE", "'t Harde"],
    ['ALPHEN AAN DEN RIJN', 'Alphen aan den Rijn'],
    ['CAPELLE AAN DEN IJSSEL', 'Capelle aan den IJssel'],
    ['IJMUIDEN', 'IJmuiden'],
    ['NIEUWERKERK AD IJSSEL', 'Nieuwerkerk ad IJssel'],
    ['ALTEVEER GEM NOORDENVELD', 'Alteveer gem Noordenveld'],
    ['2E EXLOERMOND', '2e Exloermond'],
    ['SÚDWEST-FRYSLÂN', 'Súdwest-Fryslân'],
    ['HENDRIK-IDO-AMBACHT', 'Hendrik-Ido-Ambacht'],
    ['HOORN NH', 'Hoorn NH'],
    ['BERGEN (NH.)', 'Bergen (NH.)'],
    ['DEN HELDER', 'Den Helder'],
    ['DE MEERN', 'De Meern'],
    ['STAD AAN \'T HARINGVLIET', "Stad aan 't Haringvliet"],
    ['NUENEN CA', 'Nuenen c.a.'],
    ['  ZEIST  ', 'Zeist'],
    ['Zeist', 'Zeist'],
    ["'s-Gravenhage", "'s-Gravenhage"],
    ['', ''],
  ];
  for (const [in_, uit] of gevallen) assert.equal(titelcaseNaam(in_), uit, in_);
});

test('titelcaseNaam keeps the letters, only their case changes (property)', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Z' -]{1,30}$/), (s) => {
      const uit = titelcaseNaam(s);
      return uit.toUpperCase().replace('C.A.', 'CA') === s.trim().replace(/\s+/g, ' ');
    }),
  );
});

test('naamSleutel lets spellings meet', () => {
  assert.equal(naamSleutel("'s-Gravenhage"), 'S GRAVENHAGE');
  assert.equal(naamSleutel('S GRAVENHAGE'), 'S GRAVENHAGE');
  assert.equal(naamSleutel('Bergen (NH.)'), naamSleutel('BERGEN NH'));
  assert.equal(naamSleutel('Súdwest-Fryslân'), naamSleutel('SUDWEST-FRYSLAN'));
});

test('NaamWoordenboek prefers an official spelling, else title case', () => {
  const w = new NaamWoordenboek();
  w.leer("'s-Gravenhage");
  w.leer('Bergen (NH.)');
  w.leer('ZEIST'); // capitals teach nothing
  assert.equal(w.toon('S GRAVENHAGE'), "'s-Gravenhage");
  assert.equal(w.toon('BERGEN NH'), 'Bergen (NH.)');
  assert.equal(w.toon('ZEIST'), 'Zeist');
  assert.equal(w.toon('  '), null);
  assert.equal(w.kent("'S-GRAVENHAGE"), true);
  assert.equal(w.kent('ZEIST'), false);
});
