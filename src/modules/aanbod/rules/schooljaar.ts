/**
 * School years as the aanbod module writes them: "2026-2027". A school year runs from 1 August to 31 July.
 *
 * Source: WPO art. 1, definition of "schooljaar" ("het tijdvak dat aanvangt op 1 augustus en eindigt op 31 juli
 * van het daaropvolgende kalenderjaar"); the same definition in WVO 2020 art. 1.1 and WEC art. 1. Which school year
 * a date falls in comes from `schoolYearOf` in platform/civil-date.ts (the one place that rule lives); the tests
 * check that start and end computed here fall in the same year by that function.
 */
import { isCivilDate, schoolYearOf, type CivilDate } from '../../../platform/civil-date.js';

const RE = /^(\d{4})-(\d{4})$/;
const EERSTE_JAAR = 2000;
const LAATSTE_JAAR = 2099;

function beginjaar(s: string): number | null {
  const m = RE.exec(s);
  if (!m) return null;
  const van = Number(m[1]);
  const tot = Number(m[2]);
  // Both years within 2000–2099, so 2099-2100 is not a school year we accept.
  if (van < EERSTE_JAAR || tot > LAATSTE_JAAR || tot !== van + 1) return null;
  return van;
}

function zeker(s: string): number {
  const jaar = beginjaar(s);
  if (jaar === null) throw new RangeError(`Ongeldig schooljaar: ${JSON.stringify(s)} (verwacht zoals 2026-2027)`);
  return jaar;
}

/** True for "2026-2027": the second year is the first plus one, both within 2000–2099. */
export function isSchooljaar(s: string): boolean {
  return beginjaar(s) !== null;
}

/** The school year after `s` ("2026-2027" → "2027-2028"). Throws a RangeError outside 2000–2099. */
export function volgendSchooljaar(s: string): string {
  const jaar = zeker(s) + 1;
  return `${zeker(`${jaar}-${jaar + 1}`)}-${jaar + 1}`;
}

/** The school year before `s` ("2026-2027" → "2025-2026"). Throws a RangeError outside 2000–2099. */
export function vorigSchooljaar(s: string): string {
  const jaar = zeker(s) - 1;
  return `${zeker(`${jaar}-${jaar + 1}`)}-${jaar + 1}`;
}

/** First day of the school year: 1 August of the first year ("2026-2027" → "2026-08-01"). WPO art. 1. */
export function schooljaarStart(s: string): CivilDate {
  return `${zeker(s)}-08-01`;
}

/** Last day of the school year: 31 July of the second year ("2026-2027" → "2027-07-31"). WPO art. 1. */
export function schooljaarEinde(s: string): CivilDate {
  return `${zeker(s) + 1}-07-31`;
}

/**
 * The school year that contains `datum` ("2026-07-31" → "2025-2026", "2026-08-01" → "2026-2027"), e.g. the current
 * school year from today's date. Throws a RangeError for an invalid date or a year outside 2000–2099.
 */
export function schooljaarOp(datum: CivilDate): string {
  if (!isCivilDate(datum)) throw new RangeError(`Ongeldige datum: ${JSON.stringify(datum)}`);
  const jaar = schoolYearOf(datum);
  zeker(jaar);
  return jaar;
}
