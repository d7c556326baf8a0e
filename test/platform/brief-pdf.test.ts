/**
 * The letter as PDF: the file itself (A4, pages, metadata, characters outside WinAnsi) and the layout step that places
 * the words (wrapping within the margins, no word lost, page breaks, page numbers). The layout is checked on
 * `zetBrief`'s lines because the PDF's content streams are compressed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Brief } from '../../src/platform/brief/brief.js';
import { BLAD, briefPdf, lettertypen, zetBrief, type Lettertypen, type Regel } from '../../src/platform/brief/pdf.js';

const LANG =
  'Wij hebben de aanmelding van uw kind zorgvuldig bekeken en met de intern begeleider, de mentor en de orthopedagoog van het samenwerkingsverband besproken welke ondersteuning nodig is.';

function brief(alineas: Brief['alineas'], extra: Partial<Brief> = {}): Brief {
  return {
    afzender: 'Basisschool De Regenboog, Utrecht',
    datumregel: 'Utrecht, 14 april 2025',
    onderwerp: 'Besluit over de toelating van Noë',
    aanhef: 'Beste ouder of verzorger,',
    alineas,
    slot: 'Met vriendelijke groet,',
    ondertekening: 'De directeur van Basisschool De Regenboog',
    bestandsnaam: 'besluit-toelating',
    ...extra,
  };
}

const kort = brief([
  { tekst: 'Wij hebben besloten uw kind toe te laten. De ouders krijgen een uitnodiging voor een gesprek op 1 mei.' },
  { kop: 'Bezwaar maken', tekst: 'Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken. Kosten: € 0 – “gratis”.' },
]);
const lang = brief(Array.from({ length: 60 }, (_, i) => ({ kop: i % 10 === 0 ? `Deel ${i / 10 + 1}` : undefined, tekst: `${i + 1}. ${LANG}` })));

async function fonts(): Promise<Lettertypen> {
  return lettertypen(await PDFDocument.create());
}

/** The words of the paragraphs as laid out: lines joined with a space, except where a long word was cut. */
function gezetteWoorden(paginas: Regel[][]): string[] {
  return paginas.flat().filter((r) => r.soort === 'tekst').map((r) => r.tekst + (r.afgebroken ? '' : ' ')).join('').split(' ').filter(Boolean);
}

/** Every line stays inside the text area, measured both as pdf-lib measures (with kerning) and as it draws (without). */
function assertBinnenMarges(paginas: Regel[][], f: Lettertypen) {
  const tekens = new Set(f.normaal.getCharacterSet());
  assert.deepEqual(new Set(f.vet.getCharacterSet()), tekens, 'both fonts encode the same characters (WinAnsi)');
  for (const r of paginas.flat()) {
    const font = r.vet ? f.vet : f.normaal;
    const getekend = Array.from(r.tekst).reduce((som, c) => som + font.widthOfTextAtSize(c, r.grootte), 0);
    const breedte = Math.max(font.widthOfTextAtSize(r.tekst, r.grootte), getekend);
    assert.ok(r.x >= BLAD.marge - 0.001 && r.x + breedte <= BLAD.breedte - BLAD.marge + 0.001, `too wide: "${r.tekst}" (${breedte})`);
    if (r.soort !== 'paginanummer') assert.ok(r.y > BLAD.marge && r.y < BLAD.hoogte - BLAD.marge, `outside the text area: "${r.tekst}" at y=${r.y}`);
    const onbekend = Array.from(r.tekst).filter((c) => !tekens.has(c.codePointAt(0)!));
    assert.deepEqual(onbekend, [], 'only characters the font can encode');
  }
}

test('a short letter is a one-page A4 PDF with title, language and creator', async () => {
  const pdf = await briefPdf(kort);
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  assert.equal(doc.getPageCount(), 1);
  const { width, height } = doc.getPage(0).getSize();
  assert.ok(Math.abs(width - 595.28) < 0.01 && Math.abs(height - 841.89) < 0.01, 'A4');
  assert.equal(doc.getTitle(), kort.onderwerp);
  assert.equal(doc.getCreator(), 'Passend');
  assert.equal(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), 'nl-NL');
});

test('a short letter: its parts in order, subject and heading bold, no page number', async () => {
  const paginas = zetBrief(kort, await fonts());
  assert.equal(paginas.length, 1);
  const regels = paginas[0]!;
  assert.deepEqual(
    regels.map((r) => r.soort).filter((s, i, alle) => s !== alle[i - 1]),
    ['afzender', 'datumregel', 'onderwerp', 'aanhef', 'tekst', 'kop', 'tekst', 'slot', 'ondertekening'],
  );
  assert.deepEqual(regels.filter((r) => r.vet).map((r) => r.tekst), ['Besluit over de toelating van Noë', 'Bezwaar maken']);
  for (let i = 1; i < regels.length; i++) assert.ok(regels[i]!.y < regels[i - 1]!.y, 'top to bottom');
  assert.ok(regels.some((r) => r.tekst.includes('€ 0 – “gratis”.')), 'WinAnsi characters are kept');
});

test('a long letter wraps within the margins, breaks pages and numbers them', async () => {
  const f = await fonts();
  const paginas = zetBrief(lang, f);
  assert.ok(paginas.length >= 2);
  assertBinnenMarges(paginas, f);
  assert.deepEqual(gezetteWoorden(paginas), lang.alineas.flatMap((a) => a.tekst.split(' ')));
  paginas.forEach((regels, i) => {
    const inhoud = regels.filter((r) => r.soort !== 'paginanummer');
    assert.deepEqual(regels.filter((r) => r.soort === 'paginanummer').map((r) => r.tekst), [`Pagina ${i + 1} van ${paginas.length}`]);
    assert.notEqual(inhoud.at(-1)!.soort, 'kop', 'a heading stays with its text');
    assert.notEqual(inhoud.at(-1)!.soort, 'slot', 'the closing stays with the signature');
  });
  assert.equal(paginas.at(-1)!.filter((r) => r.soort === 'ondertekening').length, 1);

  const doc = await PDFDocument.load(await briefPdf(lang));
  assert.equal(doc.getPageCount(), paginas.length);
});

test('wherever the page ends: a heading keeps its text, the closing its signature, no lone first or last line', async () => {
  const f = await fonts();
  const alinea = `BEGIN ${LANG} ${LANG} ${LANG} EINDE.`;
  let eindeOpNieuwePagina = 0;
  // Fillers of two line heights (a line and a blank) and one of three (with a heading) shift the heading and the long
  // paragraphs over every line position of page 1.
  for (let n = 0; n < 30; n++) {
    for (const metKop of [false, true]) {
      const vulling: Brief['alineas'] = Array.from({ length: n }, () => ({ tekst: 'Een korte alinea.' }));
      if (metKop) vulling.push({ kop: 'Tussenkop', tekst: 'Een korte alinea.' });
      const paginas = zetBrief(brief([...vulling, { kop: 'Bezwaar maken', tekst: alinea }, { tekst: alinea }]), f);
      assertBinnenMarges(paginas, f);
      for (const [i, regels] of paginas.entries()) {
        const inhoud = regels.filter((r) => r.soort !== 'paginanummer');
        const eerste = inhoud[0]!;
        const laatste = inhoud.at(-1)!;
        const waar = `${n} fillers${metKop ? ' + heading' : ''}, page ${i + 1}`;
        assert.notEqual(laatste.soort, 'kop', `heading at the bottom: ${waar}`);
        assert.notEqual(laatste.soort, 'slot', `closing without signature: ${waar}`);
        if (i > 0) assert.notEqual(eerste.soort, 'slot', `closing alone on top of a page: ${waar}`);
        assert.ok(!laatste.tekst.startsWith('BEGIN'), `first line alone at the bottom: ${waar}`);
        assert.ok(!(eerste.tekst.endsWith('EINDE.') && !eerste.tekst.startsWith('BEGIN')), `last line alone on top: ${waar}`);
        if (i > 0 && eerste.soort === 'tekst' && !eerste.tekst.startsWith('BEGIN')) eindeOpNieuwePagina++;
      }
    }
  }
  assert.ok(eindeOpNieuwePagina > 0, 'some layouts split the long paragraph over two pages');
});

test('characters outside WinAnsi become "?" instead of throwing', async () => {
  const vreemd = brief([{ kop: 'Vraag 😀', tekst: 'Cijfer 😀 ≤ 中 zes; naïef café — “oké”' }], { onderwerp: 'Uitslag 😀 ≤ 中' });
  const pdf = await briefPdf(vreemd);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  assert.equal(doc.getPageCount(), 1);
  assert.equal(doc.getTitle(), 'Uitslag 😀 ≤ 中', 'the metadata is Unicode, so the title keeps every character');
  const regels = zetBrief(vreemd, await fonts()).flat();
  assert.ok(regels.some((r) => r.soort === 'onderwerp' && r.tekst === 'Uitslag ? ? ?'));
  assert.ok(regels.some((r) => r.soort === 'tekst' && r.tekst === 'Cijfer ? ? ? zes; naïef café — “oké”'));
});

test('a word longer than a line is cut, and the pieces join back', async () => {
  const f = await fonts();
  const url = `https://example.org/${'heel-lang-pad/'.repeat(40)}`;
  const paginas = zetBrief(brief([{ tekst: `Zie ${url} voor meer.` }]), f);
  assertBinnenMarges(paginas, f);
  assert.ok(paginas.flat().some((r) => r.afgebroken));
  assert.deepEqual(gezetteWoorden(paginas), ['Zie', url, 'voor', 'meer.']);
});

/**
 * The words a paragraph should show, by the rule in pdf.ts: NFC, split at white space except no-break spaces,
 * invisible format/control characters dropped, characters the font lacks as '?'.
 */
function verwachteWoorden(tekst: string, f: Lettertypen): string[] {
  const tekens = new Set(f.normaal.getCharacterSet());
  return tekst
    .normalize('NFC')
    .replace(/[\u2007\u202F]/g, '\u00A0')
    .split(/[^\S\u00A0]+/)
    .map((w) => Array.from(w.replace(/[\p{Cf}\p{Cc}]/gu, ''), (c) => (tekens.has(c.codePointAt(0)!) ? c : '?')).join(''))
    .filter(Boolean);
}

test('property: for any paragraphs no word is lost and no line is wider than the text width', async () => {
  const f = await fonts();
  const letter = fc.constantFrom(...'aeiouAEIOUbcdfghklmnprstvwzWMëéïöüÉ€“”–-.,;:!?()/0123456789\u00A0😀≤中\u0301\u00AD');
  const woord = fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: letter, minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: letter, minLength: 40, maxLength: 200 }) },
  );
  const spatie = fc.constantFrom(' ', '  ', '\n', '\t', ' \r\n ');
  const alinea = fc.array(fc.tuple(woord, spatie), { maxLength: 80 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
  const willekeurig = fc.string({ unit: 'binary', maxLength: 300 });
  fc.assert(
    fc.property(fc.array(fc.oneof(alinea, willekeurig), { minLength: 1, maxLength: 8 }), (teksten) => {
      const paginas = zetBrief(brief(teksten.map((tekst) => ({ tekst }))), f);
      assertBinnenMarges(paginas, f);
      assert.deepEqual(gezetteWoorden(paginas), teksten.flatMap((t) => verwachteWoorden(t, f)));
    }),
    { numRuns: 200 },
  );
});
