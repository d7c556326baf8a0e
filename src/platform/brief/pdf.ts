/**
 * PDF rendering of a letter (brief.ts), the twin of the printable page in brief.tsx. Two steps: `zetBrief` is the
 * pure layout (words → lines → pages, with positions), so wrapping and page breaks can be tested without reading a
 * compressed PDF back; `briefPdf` only draws those lines.
 *
 * We use pdf-lib's standard Helvetica fonts: nothing to ship or embed, and every PDF reader has them. Their WinAnsi
 * encoding covers Dutch (ë, é, ï, €, “ ”, –) but not everything parents may type, so characters outside it become '?'
 * instead of making pdf-lib throw halfway through a letter.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import type { Brief } from './brief.js';

const MM = 72 / 25.4;
const MARGE = 25 * MM;

/** A4 in points with 25 mm margins on every side (the usual margin of a Dutch business letter). */
export const BLAD = {
  breedte: 595.28,
  hoogte: 841.89,
  marge: MARGE,
  tekstbreedte: 595.28 - 2 * MARGE,
} as const;

const GROOTTE = 11;
/** 1.4 × the font size: comfortable to read on paper and on a screen. */
const REGELAFSTAND = GROOTTE * 1.4;
const VOETGROOTTE = 9;

export interface Lettertypen {
  normaal: PDFFont;
  vet: PDFFont;
}

/** The two standard fonts the letter uses, registered in `doc`. */
export async function lettertypen(doc: PDFDocument): Promise<Lettertypen> {
  return { normaal: await doc.embedFont(StandardFonts.Helvetica), vet: await doc.embedFont(StandardFonts.HelveticaBold) };
}

/** One line of the letter, ready to draw: `x`, `y` are the baseline's start in PDF points (origin bottom left). */
export interface Regel {
  tekst: string;
  soort: 'afzender' | 'datumregel' | 'onderwerp' | 'aanhef' | 'kop' | 'tekst' | 'slot' | 'ondertekening' | 'paginanummer';
  vet: boolean;
  grootte: number;
  x: number;
  y: number;
  /** The line ends inside a word: a word wider than the line was cut, and the next line goes on with it. */
  afgebroken: boolean;
}

type Lijn = Pick<Regel, 'tekst' | 'afgebroken'>;

interface Blok {
  soort: Regel['soort'];
  vet: boolean;
  lijnen: Lijn[];
  /** White space above the block, dropped at the top of a page. */
  ruimteVoor: number;
  /** Keep the whole block on one page with the start of the next one (a heading with its text, the closing with the signature). */
  bijVolgende: boolean;
  /** Never start a page with this block: the last lines of the block before it come along (the closing). */
  bijVorige: boolean;
}

/**
 * Lays the letter out: the lines of each page, in reading order. Paragraph text wraps at word boundaries like the
 * HTML page does (runs of white space, line breaks included, are one space; a no-break space does not break).
 * A heading never ends a page without its text, a paragraph leaves no single line behind at the bottom or on top of
 * the next page when it can avoid it, and the closing stays with the signature and never starts a page without the
 * end of the text before it. With more than one page every page gets "Pagina i van n" in the bottom margin.
 */
export function zetBrief(brief: Brief, letters: Lettertypen): Regel[][] {
  const tekens = new Set(letters.normaal.getCharacterSet());
  const zet = (soort: Regel['soort'], tekst: string, ruimteVoor: number, houd: { bijVolgende?: boolean; bijVorige?: boolean } = {}): Blok => {
    const vet = soort === 'onderwerp' || soort === 'kop';
    const lijnen = breekAf(woorden(tekst, tekens), meter(vet ? letters.vet : letters.normaal, GROOTTE), BLAD.tekstbreedte);
    return { soort, vet, lijnen, ruimteVoor, bijVolgende: houd.bijVolgende ?? false, bijVorige: houd.bijVorige ?? false };
  };
  const blokken: Blok[] = [
    zet('afzender', brief.afzender, 0),
    zet('datumregel', brief.datumregel, REGELAFSTAND),
    zet('onderwerp', brief.onderwerp, 2 * REGELAFSTAND),
    zet('aanhef', brief.aanhef, REGELAFSTAND),
    ...brief.alineas.flatMap((a) => {
      const kop = a.kop?.trim() ? [zet('kop', a.kop, REGELAFSTAND, { bijVolgende: true })] : [];
      return [...kop, zet('tekst', a.tekst, kop.length ? 0 : REGELAFSTAND)];
    }),
    zet('slot', brief.slot, REGELAFSTAND, { bijVolgende: true, bijVorige: true }),
    // Three empty lines between the closing and the name: room for a signature on a printed copy.
    zet('ondertekening', brief.ondertekening, 3 * REGELAFSTAND),
  ].filter((b) => b.lijnen.length > 0);

  const L = REGELAFSTAND;
  /** The height that must fit where block i starts (below its white space) before it may start on this page. */
  const begin = (i: number): number => {
    const blok = blokken[i]!;
    const volgende = blokken[i + 1];
    const n = blok.lijnen.length;
    if (blok.bijVolgende && volgende) return n * L + volgende.ruimteVoor + Math.min(2, volgende.lijnen.length) * L;
    // Orphan and widow rules: at least two lines of a paragraph on each page it spans, so up to three stay together.
    return n <= 3 ? n * L + staart(i) : 2 * L;
  };
  /** The height that must follow block i's last line on the same page: the start of a block that may not begin a page. */
  const staart = (i: number): number => {
    const volgende = blokken[i + 1];
    return volgende?.bijVorige ? volgende.ruimteVoor + begin(i + 1) : 0;
  };

  const boven = BLAD.hoogte - BLAD.marge;
  const paginas: Regel[][] = [[]];
  let top = boven;
  const leeg = () => paginas[paginas.length - 1]!.length === 0;
  const nieuwePagina = () => {
    paginas.push([]);
    top = boven;
  };
  const past = (hoogte: number) => top - hoogte >= BLAD.marge - 0.001;

  blokken.forEach((blok, i) => {
    if (!leeg() && !past(blok.ruimteVoor + begin(i))) nieuwePagina();
    if (!leeg()) top -= blok.ruimteVoor;
    let opDezePagina = 0;
    blok.lijnen.forEach((lijn, k) => {
      // The last two lines move to the next page together (with what must follow them) rather than leave the last
      // line alone there, as long as two lines stay behind.
      const samenVerder = k === blok.lijnen.length - 2 && opDezePagina >= 2 && !past(2 * L + staart(i));
      if (!leeg() && (!past(L) || samenVerder)) {
        nieuwePagina();
        opDezePagina = 0;
      }
      paginas[paginas.length - 1]!.push({ ...lijn, soort: blok.soort, vet: blok.vet, grootte: GROOTTE, x: BLAD.marge, y: top - GROOTTE });
      top -= L;
      opDezePagina++;
    });
  });

  if (paginas.length > 1) {
    const voet = meter(letters.normaal, VOETGROOTTE);
    paginas.forEach((regels, i) => {
      const tekst = `Pagina ${i + 1} van ${paginas.length}`;
      regels.push({ tekst, soort: 'paginanummer', vet: false, grootte: VOETGROOTTE, x: (BLAD.breedte - voet(tekst)) / 2, y: BLAD.marge / 2, afgebroken: false });
    });
  }
  return paginas;
}

/** The letter as an A4 PDF, with its subject as title and Dutch as its language (read aloud correctly by screen readers). */
export async function briefPdf(brief: Brief): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(brief.onderwerp, { showInWindowTitleBar: true });
  doc.setLanguage('nl-NL');
  doc.setCreator('Passend');
  const letters = await lettertypen(doc);
  for (const regels of zetBrief(brief, letters)) {
    const pagina = doc.addPage([BLAD.breedte, BLAD.hoogte]);
    // Set the font only when it changes: pdf-lib adds a resource entry on every setFont (and on every drawText
    // given a font), one per line otherwise.
    let huidig: PDFFont | undefined;
    for (const r of regels) {
      const font = r.vet ? letters.vet : letters.normaal;
      if (font !== huidig) pagina.setFont((huidig = font));
      pagina.drawText(r.tekst, { x: r.x, y: r.y, size: r.grootte, color: rgb(0, 0, 0) });
    }
  }
  return doc.save();
}

/**
 * The words of a text as the fonts can draw them. NFC first, so a decomposed "ë" (e + combining diaeresis) stays one
 * drawable character; invisible format and control characters (soft hyphen, zero-width space, direction marks) are
 * dropped, as a browser shows nothing for them either; anything else outside the font's character set becomes '?'.
 */
function woorden(tekst: string, tekens: ReadonlySet<number>): string[] {
  return tekst
    .normalize('NFC')
    .replace(/[\u2007\u202F]/g, '\u00A0') // figure and narrow no-break spaces: WinAnsi only has the ordinary one
    .split(/[^\S\u00A0]+/)
    .map((w) => Array.from(w.replace(/[\p{Cf}\p{Cc}]/gu, ''), (c) => (tekens.has(c.codePointAt(0)!) ? c : '?')).join(''))
    .filter((w) => w.length > 0);
}

/**
 * The width a line takes. pdf-lib measures with the font's kerning pairs but draws without them, so a line is as wide
 * as the larger of the two (some Helvetica pairs kern outwards): a line that fits by either count fits on paper.
 */
function meter(font: PDFFont, grootte: number): (tekst: string) => number {
  const teken = new Map<string, number>();
  return (tekst) => {
    let zonderKerning = 0;
    for (const c of tekst) {
      let w = teken.get(c);
      if (w === undefined) teken.set(c, (w = font.widthOfTextAtSize(c, grootte)));
      zonderKerning += w;
    }
    return Math.max(zonderKerning, font.widthOfTextAtSize(tekst, grootte));
  };
}

/** Greedy word wrap; a word wider than a whole line (a pasted link, a long number) is cut where the line is full. */
function breekAf(ws: string[], breedte: (tekst: string) => number, max: number): Lijn[] {
  const lijnen: Lijn[] = [];
  let regel = '';
  for (const woord of ws) {
    const langer = regel ? `${regel} ${woord}` : woord;
    if (breedte(langer) <= max) {
      regel = langer;
      continue;
    }
    if (regel) lijnen.push({ tekst: regel, afgebroken: false });
    const tekens = Array.from(woord);
    let van = 0;
    for (;;) {
      // The longest piece from `van` that fits: doubling, then halving, and never measuring far past one line, since a
      // text pasted without spaces may be very long. At least one character per line, so even a character wider than
      // the line makes progress (it sticks out).
      const past = (tot: number) => breedte(tekens.slice(van, tot).join('')) <= max;
      let tot = van + 1;
      let stap = 1;
      while (tot + stap <= tekens.length && past(tot + stap)) {
        tot += stap;
        stap *= 2;
      }
      for (let teVeel = Math.min(tot + stap, tekens.length + 1); teVeel - tot > 1; ) {
        const midden = (tot + teVeel) >> 1;
        if (past(midden)) tot = midden;
        else teVeel = midden;
      }
      if (tot === tekens.length) break;
      lijnen.push({ tekst: tekens.slice(van, tot).join(''), afgebroken: true });
      van = tot;
    }
    regel = tekens.slice(van).join('');
  }
  if (regel) lijnen.push({ tekst: regel, afgebroken: false });
  return lijnen;
}
