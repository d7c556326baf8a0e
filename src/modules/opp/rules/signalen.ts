/**
 * The OPP's signals by mail to the school (issue 6: "signal before it lapses", "an evaluation overdue signal"). Pure.
 *
 * - The first adoption: 7 days before the deadline, and the day after it passed (WPO 40a lid 2: at the latest 6
 *   weeks after enrolment). The list and the OPP page warn from 14 days (rules/termijn.ts); a mail a week before is
 *   our choice, so it comes when there is still time to plan the talk with the parents.
 * - The yearly evaluation (WPO 40a lid 3; rule 15): when it becomes due (from 1 June) and when it is overdue (31 July).
 * Each signal has a key (the deadline, or the school year), so it is sent once per OPP even when a day is missed.
 */
import { schoolYearOf, type CivilDate } from '../../../platform/civil-date.js';
import type { OppStand } from './versies.js';

export type Signaal = 'vaststellen-binnenkort' | 'vaststellen-verlopen' | 'evaluatie-binnenkort' | 'evaluatie-achterstallig';

/** Days before the deadline from which the school gets a mail. */
export const MAIL_DAGEN_VOOR_TERMIJN = 7;

export function signalen(stand: OppStand, uiterlijk: CivilDate, vandaag: CivilDate): { soort: Signaal; sleutel: string }[] {
  if (stand.fase === 'afgesloten') return [];
  const uit: { soort: Signaal; sleutel: string }[] = [];
  const t = stand.termijn;
  if (t.stand === 'te-laat') uit.push({ soort: 'vaststellen-verlopen', sleutel: uiterlijk });
  else if (t.stand !== 'vastgesteld' && t.dagen <= MAIL_DAGEN_VOOR_TERMIJN) uit.push({ soort: 'vaststellen-binnenkort', sleutel: uiterlijk });
  if (stand.evaluatie === 'achterstallig') uit.push({ soort: 'evaluatie-achterstallig', sleutel: schoolYearOf(vandaag) });
  else if (stand.evaluatie === 'binnenkort') uit.push({ soort: 'evaluatie-binnenkort', sleutel: schoolYearOf(vandaag) });
  return uit;
}
