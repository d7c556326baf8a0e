/**
 * What every decision letter on admission or removal must tell the parents: until when they can object, and where
 * else they can go (the Geschillencommissie passend onderwijs and the onderwijsconsulenten).
 *
 * Sources:
 * - Algemene wet bestuursrecht art. 6:7 and 6:8 lid 1: the objection term is six weeks and starts the day after
 *   the decision was made known; it therefore ends on the same weekday six weeks later (2025-03-03 → 2025-04-14,
 *   legal-rules §10 rule 23). Openbare schools take decisions under the Awb; for bijzondere schools the school's own
 *   regulation applies and the same term is customary (interpretation).
 * - WPO art. 43, WVO art. 27c, WEC art. 44 (legal-rules §8.1–8.3): the GPO handles disputes about refusal of a pupil
 *   needing extra support and about removal; parents file within 6 weeks; it gives its opinion within 10 weeks.
 * - legal-rules §8.8: the onderwijsconsulenten help for free when no fitting place can be found.
 */
import { addDays, type CivilDate } from '../../../platform/civil-date.js';

export const BEZWAARTERMIJN_WEKEN = 6;
export const GPO_INDIENTERMIJN_WEKEN = 6;

/** Last day to object against a decision made known on `bekendgemaakt`. */
export function bezwaarTot(bekendgemaakt: CivilDate): CivilDate {
  return addDays(bekendgemaakt, 7 * BEZWAARTERMIJN_WEKEN);
}

/** Last day to bring the dispute to the GPO (late filing may be excused, e.g. when the letter did not mention it). */
export function gpoTot(bekendgemaakt: CivilDate): CivilDate {
  return addDays(bekendgemaakt, 7 * GPO_INDIENTERMIJN_WEKEN);
}

/** The fixed public references a decision letter names (contact details of national bodies, not parameters). */
export const VERWIJZINGEN = {
  gpo: {
    naam: 'Geschillencommissie passend onderwijs',
    website: 'https://www.onderwijsgeschillen.nl',
  },
  onderwijsconsulenten: {
    naam: 'Onderwijsconsulenten',
    website: 'https://www.onderwijsconsulenten.nl',
  },
} as const;
