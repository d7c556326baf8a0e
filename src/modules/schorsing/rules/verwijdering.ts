/**
 * Verwijdering (removal of a pupil): when a decision to remove may become definitive, and what must be on record.
 *
 * Sources (2015 texts; legal-rules §1.14–1.16):
 * - po, WPO art. 40 lid 11: the board first hears the group teacher; definitive removal only after the board has
 *   made sure another school (may be sbo or so) is willing to admit the pupil.
 * - vo, WVO art. 27 lid 1 and Inrichtingsbesluit WVO art. 14: the pupil (and the parents when the pupil is under 18)
 *   are heard; for a leerplichtig pupil definitive removal only after another school or institution is willing to
 *   admit AND after consultation with the inspectie.
 * - (v)so, WEC art. 40 lid 18: the teacher(s) heard; for a leerplichtig pupil definitive removal only after another
 *   school is willing; for cluster 1 and 2 instellingen also after 8 weeks of demonstrably unsuccessful searching.
 */
import { addDays, type CivilDate } from '../../../platform/civil-date.js';
import type { Sector } from '../../zorgplicht/rules/termijnen.js';

export const ZOEKTERMIJN_CLUSTER_1_2_WEKEN = 8;

/** What is on record for a proposed removal. */
export interface VerwijderingFeiten {
  sector: Sector;
  /** Hearing recorded: the group teacher (po, WEC) or the pupil and, under 18, the parents (vo). */
  gehoordOp: CivilDate | null;
  leerplichtig: boolean;
  /** Another school has confirmed it is willing to admit the pupil. */
  andereSchoolBereid: boolean;
  /** vo: the inspectie has been consulted. */
  inspectieGeraadpleegdOp: CivilDate | null;
  /** WEC cluster 1 or 2 instelling: the day the search for another school started (null when not applicable). */
  cluster12ZoektochtSinds: CivilDate | null;
  vandaag: CivilDate;
}

/** Why a removal cannot be definitive yet; empty when it can. The decision stays "voorgenomen" until then (rule 10). */
export function ontbrekendVoorDefinitieveVerwijdering(f: VerwijderingFeiten): string[] {
  const ontbreekt: string[] = [];
  if (f.gehoordOp === null) {
    ontbreekt.push(f.sector === 'vo'
      ? 'De leerling (en onder de 18 ook de ouders) moet eerst worden gehoord.'
      : 'De groepsleerkracht moet eerst worden gehoord.');
  }
  const andereSchoolNodig = f.sector === 'po' || f.leerplichtig;
  const cluster12Klaar = f.sector === 'wec' && f.cluster12ZoektochtSinds !== null
    && f.vandaag >= addDays(f.cluster12ZoektochtSinds, 7 * ZOEKTERMIJN_CLUSTER_1_2_WEKEN);
  if (andereSchoolNodig && !f.andereSchoolBereid && !cluster12Klaar) {
    ontbreekt.push('Er is nog geen andere school die heeft bevestigd dat zij de leerling toelaat.');
  }
  if (f.sector === 'vo' && f.leerplichtig && f.inspectieGeraadpleegdOp === null) {
    ontbreekt.push('De inspectie moet eerst worden geraadpleegd.');
  }
  return ontbreekt;
}

/** The status of a removal decision: definitive only when nothing is missing. */
export function verwijderingsstatus(f: VerwijderingFeiten): 'voorgenomen' | 'definitief' {
  return ontbrekendVoorDefinitieveVerwijdering(f).length === 0 ? 'definitief' : 'voorgenomen';
}
