/**
 * Schorsing (suspension of a pupil): at most one week, with reasons, in writing to the parents (and to the pupil
 * when of age); the inspectie is told in writing, with reasons, of every suspension longer than one day.
 *
 * Sources (2015 texts; legal-rules §1.13): WPO art. 40c; WEC art. 40a; Inrichtingsbesluit WVO art. 13.
 * "One week" is read as at most 7 consecutive calendar days, first and last day included (interpretation: the law
 * says "ten hoogste een week"); "longer than one day" as 2 or more days.
 */
import { daysBetween, isCivilDate, type CivilDate } from '../../../platform/civil-date.js';

export const MAX_SCHORSING_DAGEN = 7;

/** A suspension as the school enters it. */
export interface SchorsingInvoer {
  van: string;
  /** Inclusive last day. */
  tot: string;
  reden: string;
  /** The decision is sent to the parents in writing (a letter from Passend). */
  schriftelijkAanOuders: boolean;
}

/** Number of days of a suspension, first and last day included. */
export function schorsingsdagen(van: CivilDate, tot: CivilDate): number {
  return daysBetween(van, tot) + 1;
}

/** Checks a suspension (rule 9). Dutch messages keyed by field; empty means allowed. */
export function controleerSchorsing(i: SchorsingInvoer): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (!isCivilDate(i.van)) fouten.van = 'Vul een geldige eerste dag in.';
  if (!isCivilDate(i.tot)) fouten.tot = 'Vul een geldige laatste dag in.';
  if (isCivilDate(i.van) && isCivilDate(i.tot)) {
    const dagen = schorsingsdagen(i.van, i.tot);
    if (dagen < 1) fouten.tot = 'De laatste dag ligt voor de eerste dag.';
    else if (dagen > MAX_SCHORSING_DAGEN) fouten.tot = `Een schorsing duurt hoogstens een week (${MAX_SCHORSING_DAGEN} dagen). Deze duurt ${dagen} dagen.`;
  }
  if (i.reden.trim().length < 10) fouten.reden = 'Schrijf op waarom de leerling wordt geschorst. Dat moet in het besluit staan.';
  if (!i.schriftelijkAanOuders) fouten.schriftelijkAanOuders = 'Het besluit gaat schriftelijk naar de ouders. Maak de brief voor de ouders.';
  return fouten;
}

/** A suspension of more than one day must be reported to the inspectie in writing, with reasons. */
export function inspectieMeldingNodig(van: CivilDate, tot: CivilDate): boolean {
  return schorsingsdagen(van, tot) > 1;
}
