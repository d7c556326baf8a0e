/**
 * Civil dates (YYYY-MM-DD) as the law counts them: no time of day, Europe/Amsterdam. Pure functions, used by
 * every rule. "Weeks" in the law are 7 calendar days (architecture.md §4).
 */

export type CivilDate = string;

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** [year, month, day] of a valid civil date, or null. */
function parts(s: string): [number, number, number] | null {
  const m = RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const max = mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
  return d <= max ? [y, mo, d] : null;
}

/** True when `s` is a real calendar date in YYYY-MM-DD form (rejects 2025-02-30). */
export function isCivilDate(s: string): boolean {
  return parts(s) !== null;
}

/**
 * Days since 1970-01-01 (proleptic Gregorian), by integer arithmetic: the overviews compute clocks for thousands of
 * applications per request, and going through Date objects and ISO strings was most of that time (bench/zorgplicht).
 * Algorithm "days_from_civil" (H. Hinnant, public domain); civil-date.test.ts checks it against Date.
 */
function dayNumber(date: CivilDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`Ongeldige datum: ${date}`);
  const [y0, m, d] = p;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of dayNumber); only years 0000–9999 can be written as YYYY-MM-DD. */
function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`Datum buiten het bereik 0000–9999 (dag ${n})`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds (or subtracts) whole days. */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds whole calendar weeks of 7 days. */
export function addWeeks(date: CivilDate, weeks: number): CivilDate {
  return addDays(date, weeks * 7);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The civil date in Europe/Amsterdam at instant `at`. */
export function civilDateAt(at: Date, timeZone = 'Europe/Amsterdam'): CivilDate {
  return dateFormat(timeZone).format(at);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: creating an Intl.DateTimeFormat costs about half a millisecond, and today() is hot. */
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** Age in whole years on `on` (a birthday on 29 February counts from 1 March in non-leap years). */
export function ageOn(birthDate: CivilDate, on: CivilDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The school year containing `date`: 1 August – 31 July (e.g. '2025-2026'). */
export function schoolYearOf(date: CivilDate): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const start = m >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** Dutch long format: "3 maart 2026". */
export function formatDutch(date: CivilDate): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
    'oktober', 'november', 'december'];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}
