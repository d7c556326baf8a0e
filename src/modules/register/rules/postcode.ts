/**
 * Dutch postcodes and house numbers.
 *
 * Source: PostNL postcode system (as used in the BAG, Basisregistratie Adressen en Gebouwen): four digits, the
 * first not 0 (1000–9999), then two capital letters; the letter pairs SA, SD and SS are never issued. DUO's
 * address files write them with a space (`9306 TC`), the geocoded file and DUO's distance file without (`9306TC`).
 */
import { gelukt, mislukt, type Resultaat } from './resultaat.js';

/** A normalised postcode (`9306TC`) and its four-digit area (`9306`). */
export interface Postcode {
  postcode: string;
  pc4: string;
}

const NIET_UITGEGEVEN = new Set(['SA', 'SD', 'SS']);

/** Normalises `9306 tc`, ` 9306TC ` → `{postcode: '9306TC', pc4: '9306'}`; rejects anything else in Dutch. */
export function normaliseerPostcode(invoer: string): Resultaat<Postcode> {
  const tekst = invoer.replace(/\s+/g, '').toUpperCase();
  if (tekst === '') return mislukt('postcode ontbreekt');
  const m = /^([1-9]\d{3})([A-Z]{2})$/.exec(tekst);
  if (!m) return mislukt(`postcode '${invoer.trim()}' is ongeldig (verwacht 4 cijfers en 2 letters, zoals 9306 TC)`);
  const [, cijfers, letters] = m as unknown as [string, string, string];
  if (NIET_UITGEGEVEN.has(letters)) return mislukt(`postcode '${invoer.trim()}' bestaat niet (${letters} wordt niet uitgegeven)`);
  return gelukt({ postcode: cijfers + letters, pc4: cijfers });
}

/** Normalises a four-digit postcode area (`' 9306'` → `'9306'`); rejects `0123`, `93`, `9306TC`. */
export function normaliseerPc4(invoer: string): Resultaat<string> {
  const tekst = invoer.trim();
  if (tekst === '') return mislukt('postcodegebied (pc4) ontbreekt');
  if (!/^[1-9]\d{3}$/.test(tekst)) return mislukt(`postcodegebied '${tekst}' is ongeldig (verwacht 4 cijfers, 1000–9999)`);
  return gelukt(tekst);
}

/**
 * Writes a house number the way the BAG parts combine on an envelope: number, letter, then `-toevoeging`
 * (`12`, `12a`, `12a-2`). DUO's own address files already carry one combined field; this is for files that split it.
 */
export function formatHuisnummer(nummer: string, letter = '', toevoeging = ''): string {
  const n = nummer.trim();
  const l = letter.trim();
  const t = toevoeging.trim();
  if (!n) return '';
  return `${n}${l}${t ? `-${t}` : ''}`;
}
