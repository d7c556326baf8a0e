/**
 * The yearly evaluation of the OPP with the parents (WPO art. 40a lid 3, WVO art. 26 lid 3, WEC art. 41a lid 3;
 * legal-rules §2.7): at least once per school year (1 August – 31 July). Without an evaluation in the current
 * school year the signal is "due" from 1 June and "overdue" on 31 July, the last day of that school year (rule 15).
 * 1 June as the start of "due" is our choice (two months to plan a meeting), not the law's.
 */
import { schoolYearOf, type CivilDate } from '../../../platform/civil-date.js';

export type EvaluatieStand = 'gedaan' | 'nog-niet' | 'binnenkort' | 'achterstallig';

/** The last day of the school year that contains `dag` (31 July). */
export function eindeSchooljaar(dag: CivilDate): CivilDate {
  return `${schoolYearOf(dag).slice(5)}-07-31`;
}

/**
 * How the yearly evaluation stands on `vandaag`, given the dates of the evaluations held with the parents (the law:
 * "met de ouders"; the caller leaves out evaluations without them). An OPP first adopted on or after 1 June of this
 * school year needs its first evaluation next school year: two months after adoption is too soon to evaluate (our
 * reading of "ten minste eenmaal per schooljaar", marked on the page).
 */
export function evaluatieStand(evaluaties: readonly CivilDate[], vandaag: CivilDate, eersteVaststelling: CivilDate | null = null): EvaluatieStand {
  const jaar = schoolYearOf(vandaag);
  if (evaluaties.some((e) => e <= vandaag && schoolYearOf(e) === jaar)) return 'gedaan';
  const einde = eindeSchooljaar(vandaag);
  const juni = `${einde.slice(0, 4)}-06-01`;
  if (eersteVaststelling && schoolYearOf(eersteVaststelling) === jaar && eersteVaststelling >= juni) return 'nog-niet';
  if (vandaag >= einde) return 'achterstallig';
  return vandaag >= juni ? 'binnenkort' : 'nog-niet';
}
