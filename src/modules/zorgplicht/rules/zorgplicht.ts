/**
 * The zorgplicht itself: when it applies, which school carries it, and when a refusal may be made final.
 *
 * Sources (2015 texts; legal-rules §1.3, §1.4, §1.8, §1.9):
 * - WPO art. 40 lid 3, WEC art. 40 lid 4, WVO art. 27 lid 2b: on an application the board assesses whether the
 *   child needs extra support. Support aimed only at a Dutch-language deficit is not extra support.
 * - WPO art. 40 lid 4, WEC art. 40 lid 5, WVO art. 27 lid 2c: a pupil who needs extra support may only be refused
 *   after the board has made sure another school is WILLING TO ADMIT the pupil ("is bereid"; considering is not
 *   enough).
 * - WPO art. 40 lid 5, WEC art. 40 lid 6, WVO art. 27 lid 2d: the zorgplicht does not apply when the school has no
 *   room (applied to all applicants alike), or when the parents refuse to declare that they respect the grondslag;
 *   in vo also when the pupil does not meet the admission conditions (e.g. the level).
 * - onderwijsconsulenten.nl (zorgplicht): with applications at several schools, the school of first preference
 *   carries the zorgplicht.
 */
import { isCivilDate } from '../../../platform/civil-date.js';
import type { Sector } from './termijnen.js';

/** Why the zorgplicht does not apply to an application. */
export type Uitzondering = 'geen-plaatsruimte' | 'grondslag-geweigerd' | 'toelatingseisen-vo';

export const UITZONDERING_TEKST: Record<Uitzondering, string> = {
  'geen-plaatsruimte': 'De school is vol. Dat geldt voor alle kinderen die zich aanmelden, niet alleen voor dit kind.',
  'grondslag-geweigerd': 'De ouders willen niet verklaren dat zij de grondslag van de school respecteren.',
  'toelatingseisen-vo': 'De leerling voldoet niet aan de toelatingseisen van de school (bijvoorbeeld het niveau).',
};

/** The facts that decide whether the zorgplicht workflow starts. */
export interface ZorgplichtFeiten {
  sector: Sector;
  /** Outcome of the assessment of the support need (WPO 40 lid 3 c.s.). */
  extraOndersteuningNodig: boolean;
  /** The only support needed is for a Dutch-language deficit: that is not extra support. */
  alleenTaalachterstand?: boolean;
  uitzondering: Uitzondering | null;
}

/**
 * Checks an exception as the school records it: admission conditions exist only in vo, and every exception needs
 * its reasons written down (the issue: "recorded with reasons"; the GPO and the parents read them).
 */
export function controleerUitzondering(sector: Sector, uitzondering: Uitzondering, toelichting: string): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (uitzondering === 'toelatingseisen-vo' && sector !== 'vo') {
    fouten.uitzondering = 'Toelatingseisen zijn alleen in het voortgezet onderwijs een reden waarom de zorgplicht niet geldt.';
  }
  if (toelichting.trim().length < 10) {
    fouten.toelichting = 'Schrijf op waarom de zorgplicht niet geldt. De ouders krijgen deze uitleg.';
  }
  return fouten;
}

/** Whether the zorgplicht applies: extra support needed (not only for Dutch) and no exception (rule 8). */
export function zorgplichtGeldt(f: ZorgplichtFeiten): { geldt: boolean; reden: string } {
  if (f.uitzondering) return { geldt: false, reden: UITZONDERING_TEKST[f.uitzondering] };
  if (!f.extraOndersteuningNodig || f.alleenTaalachterstand) {
    return { geldt: false, reden: 'Het kind heeft geen extra ondersteuning nodig. Ondersteuning alleen voor de Nederlandse taal telt niet mee.' };
  }
  return { geldt: true, reden: 'Het kind heeft extra ondersteuning nodig: de school zorgt voor een passende plek, hier of op een andere school.' };
}

/** Where a request to another school stands. Only 'bereid' (willing to admit) counts. */
export type AntwoordAndereSchool = 'gevraagd' | 'overweegt' | 'bereid' | 'afgewezen';

/**
 * Whether a refusal may be made final. With the zorgplicht applying, only when another school has confirmed it is
 * willing to admit the pupil (rule 7); otherwise the refusal stays a proposal. Without zorgplicht (an exception, or
 * no extra support needed) a refusal needs no other school.
 */
export function magWeigerenDefinitief(zorgplicht: boolean, antwoorden: readonly AntwoordAndereSchool[]): { mag: boolean; reden: string } {
  if (!zorgplicht) return { mag: true, reden: 'De zorgplicht geldt niet voor deze aanmelding.' };
  if (antwoorden.includes('bereid')) return { mag: true, reden: 'Een andere school heeft bevestigd dat zij de leerling toelaat.' };
  return {
    mag: false,
    reden: 'U kunt deze leerling pas weigeren als een andere school heeft bevestigd dat zij de leerling toelaat. "We overwegen het" is niet genoeg.',
  };
}

/** One school the parents applied to, with their order of preference (1 = first). */
export interface Aanmeldplek {
  vestigingCode: string;
  voorkeur: number;
}

/** The school that carries the zorgplicht: the parents' first preference (lowest number; ties by code). */
export function zorgplichtSchool(plekken: readonly Aanmeldplek[]): string | null {
  const gesorteerd = [...plekken].sort((a, b) => a.voorkeur - b.voorkeur || a.vestigingCode.localeCompare(b.vestigingCode));
  return gesorteerd[0]?.vestigingCode ?? null;
}

/** A decision on an application as the school enters it. */
export interface BesluitInvoer {
  besluit: string;
  besluitOp: string;
  toelichting: string;
  ontvangen: string;
  vandaag: string;
  /** null while the support need has not been assessed. */
  zorgplicht: boolean | null;
  antwoorden: readonly AntwoordAndereSchool[];
}

/**
 * Checks a decision: a known outcome, a valid date between receipt and today (a decision before receipt cannot
 * be), and for a refusal written reasons (the parents get them, with how to object), an assessment of the support
 * need first (WPO 40 lid 3 c.s.) and — when the zorgplicht applies — another school that is willing (rule 7).
 */
export function controleerBesluit(i: BesluitInvoer): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (i.besluit !== 'toegelaten' && i.besluit !== 'geweigerd') fouten.besluit = 'Kies of de school het kind toelaat of weigert.';
  if (!isCivilDate(i.besluitOp)) fouten.besluitOp = 'Vul de datum van het besluit in, zoals 2025-04-01.';
  else if (i.besluitOp < i.ontvangen) fouten.besluitOp = 'Het besluit kan niet eerder zijn dan de ontvangst van de aanmelding.';
  else if (i.besluitOp > i.vandaag) fouten.besluitOp = 'De datum van het besluit ligt in de toekomst.';
  if (i.besluit === 'geweigerd') {
    if (i.toelichting.trim().length < 10) fouten.toelichting = 'Schrijf op waarom de school het kind weigert. De ouders krijgen deze redenen.';
    if (i.zorgplicht === null) {
      fouten.besluit = 'Beoordeel eerst of het kind extra ondersteuning nodig heeft. Daarvan hangt af of de school mag weigeren.';
    } else {
      const mag = magWeigerenDefinitief(i.zorgplicht, i.antwoorden);
      if (!mag.mag) fouten.besluit = mag.reden;
    }
  }
  return fouten;
}
