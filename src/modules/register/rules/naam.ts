/**
 * Place and municipality names for display.
 *
 * Source: DUO's address files write plaats and gemeente in capitals (`'S-GRAVENHAGE`, `ALTEVEER GEM NOORDENVELD`,
 * `HOORN NH`); the EduGIS copy drops the apostrophe (`S GRAVENHAGE`); CBS and the BAG use the official spelling
 * (`'s-Gravenhage`, `Bergen (NH.)`). We prefer an official spelling we have seen for the same name (matched with
 * `naamSleutel`) and otherwise title-case DUO's capitals with a few Dutch rules.
 */

/** Words that stay lower case inside a name ("Alphen aan den Rijn", "Alteveer gem Noordenveld"). */
const KLEINE_WOORDEN = new Set(['aan', 'ad', 'bij', 'de', 'den', 'der', 'en', 'gem', 'het', 'in', 'op', 'over', 'onder', 'te', 'ten', 'ter', 'van', "'s", "'t"]);

/** Province suffixes DUO appends to tell places apart ("HENGELO OV", "BERGEN NH"): kept in capitals. */
const PROVINCIE_AFKORTINGEN = new Set(['DR', 'FL', 'FR', 'GLD', 'GN', 'GR', 'L', 'LB', 'LI', 'NB', 'NH', 'OV', 'UT', 'ZH', 'ZL']);

function hoofdletter(deel: string): string {
  if (deel === '') return deel;
  const klein = deel.toLowerCase();
  // Dutch "IJ" is one letter: IJmuiden, IJsselstein.
  if (klein.startsWith('ij')) return `IJ${klein.slice(2)}`;
  const eerste = klein.search(/\p{L}/u);
  // A name that starts with a digit ("2E EXLOERMOND") keeps its letters small: "2e".
  if (eerste !== 0) return klein;
  return klein.charAt(0).toUpperCase() + klein.slice(1);
}

function woordInHoofdletters(woord: string, isEerste: boolean, isLaatste: boolean): string {
  const klein = woord.toLowerCase();
  if (klein === "'s" || klein === "'t") return klein;
  if (/^'[st]-/.test(klein)) return klein.slice(0, 3) + woord.slice(3).split('-').map(hoofdletter).join('-');
  if (/^\(.*\)$/.test(woord)) {
    const binnen = woord.slice(1, -1);
    // "(NH.)", "(L.)": an abbreviation in brackets stays in capitals.
    return /^[A-Z]{1,3}\.?$/i.test(binnen) ? `(${binnen.toUpperCase()})` : `(${binnen.split('-').map(hoofdletter).join('-')})`;
  }
  if (isLaatste && !isEerste && PROVINCIE_AFKORTINGEN.has(woord.toUpperCase())) return woord.toUpperCase();
  // "NUENEN CA": DUO's short form of "cum annexis" (Nuenen, Gerwen en Nederwetten).
  if (isLaatste && !isEerste && klein === 'ca') return 'c.a.';
  if (!isEerste && KLEINE_WOORDEN.has(klein)) return klein;
  return klein.split('-').map(hoofdletter).join('-');
}

/**
 * Title-cases a name written in capitals: `'S-GRAVENHAGE` → `'s-Gravenhage`, `ALPHEN AAN DEN RIJN` → `Alphen aan
 * den Rijn`, `SÚDWEST-FRYSLÂN` → `Súdwest-Fryslân`, `HOORN NH` → `Hoorn NH`, `BERGEN (NH.)` → `Bergen (NH.)`.
 * A name that already has lower-case letters is returned as is (trimmed, single spaces): someone spelled it on purpose.
 */
export function titelcaseNaam(naam: string): string {
  const tekst = naam.trim().replace(/\s+/g, ' ');
  if (tekst === '' || tekst !== tekst.toUpperCase()) return tekst;
  const woorden = tekst.split(' ');
  return woorden.map((w, i) => woordInHoofdletters(w, i === 0, i === woorden.length - 1)).join(' ');
}

/**
 * A key under which different spellings of one name meet: no accents, no punctuation, capitals, single spaces.
 * `'s-Gravenhage`, `'S-GRAVENHAGE` and `S GRAVENHAGE` all give `S GRAVENHAGE`; `Bergen (NH.)` and `BERGEN NH` give
 * `BERGEN NH`.
 */
export function naamSleutel(naam: string): string {
  return naam
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Chooses display names: the first official spelling seen for a key wins, otherwise the title-cased input. */
export class NaamWoordenboek {
  readonly #namen = new Map<string, string>();

  /** Remembers an official spelling (ignored when empty or all capitals: that is not a spelling, just a shout). */
  leer(naam: string | null | undefined): void {
    const tekst = naam?.trim().replace(/\s+/g, ' ') ?? '';
    if (tekst === '' || tekst === tekst.toUpperCase()) return;
    const sleutel = naamSleutel(tekst);
    if (!this.#namen.has(sleutel)) this.#namen.set(sleutel, tekst);
  }

  /** True when an official spelling of this name is known. */
  kent(naam: string): boolean {
    return this.#namen.has(naamSleutel(naam));
  }

  /** The display form of a name (null for empty input). */
  toon(naam: string | null | undefined): string | null {
    const tekst = naam?.trim() ?? '';
    if (tekst === '') return null;
    return this.#namen.get(naamSleutel(tekst)) ?? titelcaseNaam(tekst);
  }
}
