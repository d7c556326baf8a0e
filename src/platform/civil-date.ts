/**
 * Civil dates (YYYY-MM-DD) as the law counts them: no time of day, Europe/Amsterdam. Pure functions, used by
 * every rule. "Weeks" in the law are 7 calendar days (architecture.md §4).
 */

export type CivilDate = string;

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in YYYY-MM-DD form (rejects 2025-02-30). */
export function isCivilDate(s: string): boolean {
  const m = RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function toUtc(date: CivilDate): Date {
  if (!isCivilDate(date)) throw new RangeError(`Ongeldige datum: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** Adds (or subtracts) whole days. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole calendar weeks of 7 days. */
export function addWeeks(date: CivilDate, weeks: number): CivilDate {
  return addDays(date, weeks * 7);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** The civil date in Europe/Amsterdam at instant `at`. */
export function civilDateAt(at: Date, timeZone = 'Europe/Amsterdam'): CivilDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
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
