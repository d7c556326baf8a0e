/**
 * Ages and dates around admission: from when a child may be applied and may start, when the law places a child
 * provisionally because the school did not decide in time, and when a provisional placement ends after a refusal.
 *
 * Sources (2015 texts; legal-rules §1.2 and §1.6):
 * - WPO art. 40 lid 2 and WEC art. 40 lid 3: an application in po and so can be made from the day the child turns
 *   3; WEC art. 2 lid 2 a–b: from 2 for deaf and hard-of-hearing children. A child starts school at 4 (WPO art. 39).
 * - WPO art. 40 lid 7, WEC art. 40 lid 8–9, WVO art. 27 lid 2f: no decision 10 weeks after the application and the
 *   child not enrolled at another school → provisionally placed from the day after those 10 weeks, but not before
 *   the admission age (po: 4). Admitted later: the placement becomes definitive. Refused (or the application is
 *   not processed): de-registered from the day after that decision.
 */
import { addDays, isCivilDate, type CivilDate } from '../../../platform/civil-date.js';
import { uitersteTermijn, type Opschorting, type Sector } from './termijnen.js';

/**
 * The day a child reaches an age. A child born on 29 February reaches it on 1 March in a year without that day
 * (interpretation: the law does not say; 1 March is the day after 28 February, the common reading).
 */
export function verjaardag(geboortedatum: CivilDate, leeftijd: number): CivilDate {
  const [y, m, d] = geboortedatum.split('-').map(Number) as [number, number, number];
  const jaar = String(y + leeftijd).padStart(4, '0');
  const kandidaat = `${jaar}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCivilDate(kandidaat) ? kandidaat : `${jaar}-03-01`;
}

/** Age from which a child may be applied (po/so: 3; WEC for deaf or hard-of-hearing children: 2; vo: none). */
export function aanmeldleeftijd(sector: Sector, doofOfSlechthorend = false): number | null {
  if (sector === 'vo') return null;
  return sector === 'wec' && doofOfSlechthorend ? 2 : 3;
}

/** The first day a child may be applied, or null when the law sets no age (vo). */
export function vroegsteAanmelddatum(geboortedatum: CivilDate, sector: Sector, doofOfSlechthorend = false): CivilDate | null {
  const leeftijd = aanmeldleeftijd(sector, doofOfSlechthorend);
  return leeftijd === null ? null : verjaardag(geboortedatum, leeftijd);
}

/** The first day a child may attend (po and so: the 4th birthday; vo: no age rule here). */
export function vroegsteStartdatum(geboortedatum: CivilDate, sector: Sector): CivilDate | null {
  return sector === 'vo' ? null : verjaardag(geboortedatum, 4);
}

/** What the provisional-placement rule needs to know. */
export interface LapsInvoer {
  sector: Sector;
  ontvangen: CivilDate;
  /** The day the board decided (admission or refusal), or null when it has not. */
  besluitOp: CivilDate | null;
  /** The child is enrolled at another school of the same kind (po/so/sbo resp. vo/vso). */
  eldersIngeschreven: boolean;
  geboortedatum: CivilDate;
  opschortingen?: readonly Opschorting[];
}

/**
 * The day from which the child is provisionally placed by law, or null when that does not happen (a decision
 * within 10 weeks, or the child enrolled elsewhere). Examples (legal-rules §10): received 2025-03-03, no decision by
 * 2025-05-12, child already 4 → 2025-05-13 (rule 3); the child turns 4 on 2025-06-01 → 2025-06-01 (rule 4);
 * enrolled elsewhere → null (rule 5).
 */
export function tijdelijkePlaatsingVanaf(i: LapsInvoer): CivilDate | null {
  const laatsteDag = uitersteTermijn(i.ontvangen, i.opschortingen ?? []);
  if (i.besluitOp !== null && i.besluitOp <= laatsteDag) return null;
  if (i.eldersIngeschreven) return null;
  const dagNaTermijn = addDays(laatsteDag, 1);
  const start = vroegsteStartdatum(i.geboortedatum, i.sector);
  return start !== null && start > dagNaTermijn ? start : dagNaTermijn;
}

/**
 * A provisionally placed pupil who is refused (or whose application is not processed) is de-registered from the
 * day after the decision. Example (rule 6): refused 2025-06-10 → 2025-06-11.
 */
export function uitschrijvingNaWeigering(besluitOp: CivilDate): CivilDate {
  return addDays(besluitOp, 1);
}
