/**
 * When an ontwikkelingsperspectief (OPP) is required and by when it must be adopted (issue 6, first slice: rules only).
 *
 * Sources (2015 texts; legal-rules §2.1–2.3):
 * - WPO art. 40a lid 1, WVO art. 26 lid 1, WEC art. 41a lid 1: an OPP for a basisschool pupil who needs extra support,
 *   for every sbo pupil; in vo for a pupil needing extra support (not for lwoo alone) and for every pupil in
 *   praktijkonderwijs; in (v)so for every pupil.
 * - onderwijsgeschillen.nl (thema OPP): not for support within the SWV's basisondersteuning, nor for dyslexia,
 *   dyscalculia or giftedness alone (legal-rules §2.2).
 * - WPO art. 40a lid 2, WVO art. 26 lid 2, WEC art. 41a lid 2: adopted as soon as possible, at the latest 6 weeks after
 *   enrolment; after a provisional placement by law at the latest 6 weeks after it became definitive.
 */
import { addDays, daysBetween, type CivilDate } from '../../../platform/civil-date.js';
import { poOnderwijssoorten } from '../../register/rules/soort.js';

export const OPP_TERMIJN_WEKEN = 6;

/** The kind of education the pupil is in, as the OPP rules need it. */
export type Onderwijssoort = 'bao' | 'sbo' | 'vo' | 'pro' | 'so' | 'vso';

export interface OppVraag {
  soort: Onderwijssoort;
  /** The school assessed that the pupil needs support beyond the SWV's basisondersteuning. */
  extraOndersteuning: boolean;
  /** vo: the only extra support is leerwegondersteuning (lwoo). */
  alleenLwoo?: boolean;
}

/** Whether an OPP is required (rule of legal-rules §2.1–2.2), with the reason in plain Dutch. */
export function oppVerplicht(v: OppVraag): { verplicht: boolean; reden: string } {
  switch (v.soort) {
    case 'sbo':
      return { verplicht: true, reden: 'Elke leerling in het speciaal basisonderwijs heeft een ontwikkelingsperspectief.' };
    case 'pro':
      return { verplicht: true, reden: 'Elke leerling in het praktijkonderwijs heeft een ontwikkelingsperspectief.' };
    case 'so':
    case 'vso':
      return { verplicht: true, reden: 'Elke leerling in het (voortgezet) speciaal onderwijs heeft een ontwikkelingsperspectief.' };
    case 'vo':
      if (v.alleenLwoo) return { verplicht: false, reden: 'Alleen leerwegondersteuning: daarvoor is geen ontwikkelingsperspectief nodig.' };
      break;
    case 'bao':
      break;
  }
  return v.extraOndersteuning
    ? { verplicht: true, reden: 'De leerling krijgt extra ondersteuning, meer dan de basisondersteuning: er moet een ontwikkelingsperspectief zijn.' }
    : { verplicht: false, reden: 'De leerling krijgt alleen basisondersteuning: een ontwikkelingsperspectief is niet nodig.' };
}

/**
 * The last day to adopt the OPP: 6 weeks after enrolment, or — after a provisional placement by law — 6 weeks after
 * the placement became definitive. Examples (legal-rules §10): enrolled 2025-09-01 → 2025-10-13 (rule 11); made
 * definitive 2025-06-02 → 2025-07-14 (rule 12).
 */
export function oppUiterlijk(i: { ingeschrevenOp: CivilDate; definitiefOp?: CivilDate | null }): CivilDate {
  return addDays(i.definitiefOp ?? i.ingeschrevenOp, 7 * OPP_TERMIJN_WEKEN);
}

/** Why the OPP is drawn up: a new pupil (the law's deadline) or a need that arose later at the school. */
export type Aanleiding = 'inschrijving' | 'later';

/**
 * The last day to adopt the first version. A new pupil: 6 weeks after enrolment or after the provisional placement
 * became definitive (oppUiterlijk; WPO 40a lid 2 c.s.). When the need for extra support arises later, the law says
 * only "zo spoedig mogelijk": we then set 6 weeks from the day the school starts the OPP, so the same signal works
 * (our choice, marked on the page as a target, not a legal deadline).
 */
export function oppDeadline(i: { aanleiding: Aanleiding; ingeschrevenOp: CivilDate; definitiefOp?: CivilDate | null; gestartOp: CivilDate }): CivilDate {
  return i.aanleiding === 'inschrijving' ? oppUiterlijk(i) : addDays(i.gestartOp, 7 * OPP_TERMIJN_WEKEN);
}

/** Days before the deadline from which the OPP list and the pupil's file warn (our choice: two weeks). */
export const OPP_WAARSCHUWING_DAGEN = 14;

export type TermijnStand = 'vastgesteld' | 'op-tijd' | 'binnenkort' | 'te-laat';

/** How the first adoption stands on `vandaag`: adopted, in time, due within two weeks, or overdue. */
export function termijnStand(uiterlijk: CivilDate, vandaag: CivilDate, eersteVaststelling: CivilDate | null): { stand: TermijnStand; dagen: number } {
  if (eersteVaststelling) return { stand: 'vastgesteld', dagen: daysBetween(eersteVaststelling, uiterlijk) };
  const dagen = daysBetween(vandaag, uiterlijk);
  if (dagen < 0) return { stand: 'te-laat', dagen };
  return { stand: dagen <= OPP_WAARSCHUWING_DAGEN ? 'binnenkort' : 'op-tijd', dagen };
}

/**
 * The kinds of education an OPP at a school of this DUO kind can be for (register/rules/soort.ts): a (v)so school's
 * OPP is (v)so (every pupil has one, and the commissie voor de begeleiding advises), an sbo's is sbo, a vo school's is
 * vo or praktijkonderwijs, a basisschool's is bao. An unknown kind allows every choice.
 */
export function soortenVoorSchool(schoolsoort: string): Onderwijssoort[] {
  return poOnderwijssoorten(schoolsoort) ?? (schoolsoort === 'vo' ? ['vo', 'pro'] : ['bao', 'sbo', 'vo', 'pro', 'so', 'vso']);
}

/**
 * The reason that counts for the deadline: while the 6 weeks after enrolment (or the definitive placement) still run,
 * the law's deadline applies whatever the school chose — "later" may not move it (WPO 40a lid 2).
 */
export function aanleidingVoor(gekozen: Aanleiding, i: { ingeschrevenOp: CivilDate; definitiefOp?: CivilDate | null }, vandaag: CivilDate): Aanleiding {
  return gekozen === 'later' && oppUiterlijk(i) >= vandaag ? 'inschrijving' : gekozen;
}
