/**
 * The legal clock of an aanmelding: the decision term, its one extension, the outer limit, and the suspension of
 * the term for an incomplete application in vo. Dates are civil dates; "weeks" are calendar weeks of 7 days
 * (legal-rules §10). All functions are pure and total for valid civil dates.
 *
 * Sources (2015 texts, confirmed current by onderwijsconsulenten.nl and samenwerkingsverbandvo.nl):
 * - WPO art. 40 lid 6, WEC art. 40 lid 7, WVO art. 27 lid 2e: decide as soon as possible, at the latest 6 weeks
 *   after receipt; if impossible, tell the parents and name a new term of at most 4 more weeks (legal-rules §1.5).
 * - WVO art. 27 lid 2g: in vo the term is suspended from the invitation to complete an application until it is
 *   completed or the deadline for it expires (legal-rules §1.7). A comparable suspension in po/WEC is UNCONFIRMED,
 *   so it is allowed for vo only.
 */
import { addDays, daysBetween, isCivilDate, type CivilDate } from '../../../platform/civil-date.js';

/** The sectors whose law differs here: primary (WPO), secondary (WVO), special education (WEC: so/vso). */
export type Sector = 'po' | 'vo' | 'wec';

export const BESLISTERMIJN_WEKEN = 6;
export const MAX_VERLENGING_WEKEN = 4;

/** A period in which the term stood still (vo: from the invitation to complete until completion or expiry). */
export interface Opschorting {
  van: CivilDate;
  /** Inclusive: the day the application was completed or the deadline expired. */
  tot: CivilDate;
}

/** Days the clock stood still: the inclusive length of every suspension (overlaps counted once). */
export function opgeschorteDagen(opschortingen: readonly Opschorting[]): number {
  const dagen = new Set<CivilDate>();
  for (const o of opschortingen) {
    for (let d = o.van; d <= o.tot; d = addDays(d, 1)) dagen.add(d);
  }
  return dagen.size;
}

/**
 * The decision deadline: 6 weeks after receipt, plus the days of any suspension. Example (legal-rules §10 rule 1):
 * received 2025-03-03 → 2025-04-14.
 */
export function beslistermijn(ontvangen: CivilDate, opschortingen: readonly Opschorting[] = []): CivilDate {
  return addDays(addDays(ontvangen, 7 * BESLISTERMIJN_WEKEN), opgeschorteDagen(opschortingen));
}

/** The latest date an extension may name: 6 + 4 = 10 weeks after receipt (plus suspension days). */
export function uitersteTermijn(ontvangen: CivilDate, opschortingen: readonly Opschorting[] = []): CivilDate {
  return addDays(addDays(ontvangen, 7 * (BESLISTERMIJN_WEKEN + MAX_VERLENGING_WEKEN)), opgeschorteDagen(opschortingen));
}

/** An extension as the school enters it. */
export interface VerlengingInvoer {
  ontvangen: CivilDate;
  /** The new deadline the school names. */
  nieuweTermijn: string;
  reden: string;
  /** Number of extensions already recorded for this application. */
  eerdereVerlengingen: number;
  opschortingen?: readonly Opschorting[];
}

/**
 * Checks an extension (WPO 40 lid 6 c.s.): only once, with a reason (the parents get a letter), and the new term
 * after the normal one and at most 4 weeks later. Example (rule 2): received 2025-03-03 → at most 2025-05-12; an
 * extension of 5 weeks is refused. Returns Dutch messages keyed by field; empty means allowed.
 */
export function controleerVerlenging(i: VerlengingInvoer): Record<string, string> {
  const fouten: Record<string, string> = {};
  const ops = i.opschortingen ?? [];
  if (i.eerdereVerlengingen > 0) {
    fouten.nieuweTermijn = 'De termijn is al een keer verlengd. De wet staat maar één verlenging toe.';
  } else if (!isCivilDate(i.nieuweTermijn)) {
    fouten.nieuweTermijn = 'Vul een geldige datum in voor de nieuwe termijn, zoals 2025-05-12.';
  } else if (i.nieuweTermijn <= beslistermijn(i.ontvangen, ops)) {
    fouten.nieuweTermijn = `De nieuwe termijn moet na de gewone termijn liggen (${beslistermijn(i.ontvangen, ops)}).`;
  } else if (i.nieuweTermijn > uitersteTermijn(i.ontvangen, ops)) {
    fouten.nieuweTermijn = `U mag de termijn met hoogstens ${MAX_VERLENGING_WEKEN} weken verlengen: uiterlijk tot ${uitersteTermijn(i.ontvangen, ops)}.`;
  }
  if (i.reden.trim().length < 10) {
    fouten.reden = 'Schrijf op waarom de school meer tijd nodig heeft. De ouders krijgen deze reden in een brief.';
  }
  return fouten;
}

/** Checks a suspension: vo only (WVO 27 lid 2g; po/WEC UNCONFIRMED), with a valid period from receipt on. */
export function controleerOpschorting(sector: Sector, ontvangen: CivilDate, o: { van: string; tot: string }): Record<string, string> {
  if (sector !== 'vo') {
    return { van: 'Alleen in het voortgezet onderwijs mag de termijn stilstaan voor een onvolledige aanmelding.' };
  }
  const fouten: Record<string, string> = {};
  if (!isCivilDate(o.van)) fouten.van = 'Vul een geldige datum in.';
  else if (o.van < ontvangen) fouten.van = 'De termijn kan pas stilstaan na de ontvangst van de aanmelding.';
  if (!isCivilDate(o.tot)) fouten.tot = 'Vul een geldige datum in.';
  else if (isCivilDate(o.van) && o.tot < o.van) fouten.tot = 'De einddatum ligt voor de begindatum.';
  return fouten;
}

/** The deadline that applies now: the extended one when there is one, otherwise the normal term. */
export function geldendeTermijn(ontvangen: CivilDate, verlengdTot: CivilDate | null, opschortingen: readonly Opschorting[] = []): CivilDate {
  return verlengdTot ?? beslistermijn(ontvangen, opschortingen);
}

/** How a running clock stands on a day, for the overviews: days left, and whether it is at risk or overdue. */
export type Klokstand = { dagenOver: number; status: 'op-tijd' | 'bijna' | 'verlopen' };

/** At risk from 7 days before the deadline (the SWV overview); overdue after the deadline day. */
export function klokstand(termijn: CivilDate, vandaag: CivilDate): Klokstand {
  const dagenOver = daysBetween(vandaag, termijn);
  return { dagenOver, status: dagenOver < 0 ? 'verlopen' : dagenOver <= 7 ? 'bijna' : 'op-tijd' };
}
