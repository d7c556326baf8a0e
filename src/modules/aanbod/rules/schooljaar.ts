/**
 * School years as the aanbod module writes them: "2026-2027". A school year runs from 1 August to 31 July.
 *
 * Source: WPO art. 1, definition of "schooljaar" ("het tijdvak dat aanvangt op 1 augustus en eindigt op 31 juli
 * van het daaropvolgende kalenderjaar"); the same definition in WVO 2020 art. 1.1 and WEC art. 1. Which school year
 * a date falls in comes from `schoolYearOf` in platform/civil-date.ts (the one place that rule lives).
 */

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
