/**
 * Adopting an OPP version: what it must contain, the parents' consent on the handelingsdeel of THIS version, and the
 * pupil's heard view (hoorrecht) from the day that requirement applies.
 *
 * Sources:
 * - Besluit bekostiging WPO art. 34.7, Inrichtingsbesluit WVO art. 15c, Onderwijskundig besluit WEC art. 4–5
 *   (legal-rules §2.4): the expected uitstroombestemming, the onderbouwing with hindering and supporting factors, and
 *   the handelingsdeel (support, guidance, deviations from the regular programme). Rule 13.
 * - WPO art. 40a lid 1 and 4, WVO art. 26, WEC art. 41a (2017 amendment, legal-rules §2.5–2.6): the OPP is adopted
 *   after OOGO with the parents; the handelingsdeel needs their consent (in (v)so the adult, competent pupil's). The
 *   uitstroomperspectief needs only the OOGO. Consent is given on one version: consent to version 2 is not consent to
 *   version 3 (issue 6). Rule 14.
 * - Wet versterking positie ouders en leerlingen (Kamerstuk 36 443; legal-rules §2.9): the pupil's right to be heard,
 *   planned from 1 August 2025; how it must be recorded is UNCONFIRMED, so the requirement is a dated parameter
 *   (parameters.ts), not a constant. Rule 16.
 */
import type { CivilDate } from '../../../platform/civil-date.js';
import { geldigOp, HOORRECHT } from './parameters.js';

/** The decisions of the parents (or the adult pupil) on the handelingsdeel of a version: separate dated records. */
export type Instemming = 'gezien' | 'ingestemd' | 'geweigerd';

export interface InstemmingRecord {
  /** The OPP version the decision is about. */
  versie: number;
  uitkomst: Instemming;
  op: CivilDate;
  /** With a refusal: the reasons (the letter points to the GPO and the onderwijsconsulenten). */
  reden?: string;
  /** Who decided (a parent's or the pupil's name); records without one are one person's. */
  wie?: string;
}

export interface OppVersie {
  versie: number;
  uitstroombestemming: string;
  belemmerend: readonly string[];
  bevorderend: readonly string[];
  /** The goals and support of the handelingsdeel. */
  handelingsdeel: readonly { doel: string; ondersteuning: string }[];
  /** OOGO with the parents recorded (date), for the whole OPP. */
  oogoOp: CivilDate | null;
  /** The pupil's view, in the pupil's words — or the reason it could not be obtained. */
  hoorrecht: { mening: string } | { nietGehoordOmdat: string } | null;
}

const gevuld = (s: string) => s.trim().length > 0;

/**
 * The decision on the handelingsdeel of this exact version. Each person's newest record replaces their earlier ones;
 * with two parents with gezag, a refusal by one stands until that parent changes it — the other's consent does not
 * override it (parents with joint gezag decide together, BW 1:245 and 1:253a; our reading for consent on the OPP).
 * Returns the standing refusal, else the newest consent, else the newest "gezien", or null.
 */
export function instemmingVoor(versie: number, records: readonly InstemmingRecord[]): InstemmingRecord | null {
  const laatste = new Map<string, InstemmingRecord>();
  for (const r of records) {
    if (r.versie !== versie) continue;
    const k = r.wie ?? '';
    const v = laatste.get(k);
    if (!v || r.op >= v.op) laatste.set(k, r);
  }
  const nieuwste = (uitkomst: Instemming) => [...laatste.values()].filter((r) => r.uitkomst === uitkomst)
    .reduce<InstemmingRecord | null>((a, b) => (!a || b.op >= a.op ? b : a), null);
  return nieuwste('geweigerd') ?? nieuwste('ingestemd') ?? nieuwste('gezien');
}

/**
 * Why this version cannot be adopted on `op`, in plain Dutch keyed by field; empty when it can (rules 13, 14, 16).
 */
export function controleerVaststelling(
  v: OppVersie, instemmingen: readonly InstemmingRecord[], op: CivilDate, wec: { cvbAdviesOp: CivilDate | null } | null = null,
): Record<string, string> {
  const fouten: Record<string, string> = {};
  // (v)so: the board adopts after advice of the commissie voor de begeleiding (WEC art. 41a lid 1, 40b; §2.5).
  if (wec && !wec.cvbAdviesOp) fouten.cvbAdviesOp = 'Vul in wanneer de commissie voor de begeleiding advies gaf.';
  if (!gevuld(v.uitstroombestemming)) fouten.uitstroombestemming = 'Vul de verwachte uitstroombestemming in.';
  if (!v.belemmerend.some(gevuld)) fouten.belemmerend = 'Noem ten minste één belemmerende factor.';
  if (!v.bevorderend.some(gevuld)) fouten.bevorderend = 'Noem ten minste één bevorderende factor.';
  if (!v.handelingsdeel.some((h) => gevuld(h.doel) && gevuld(h.ondersteuning))) {
    fouten.handelingsdeel = 'Beschrijf in het handelingsdeel ten minste één doel met de ondersteuning die daarbij hoort.';
  }
  if (!v.oogoOp) fouten.oogoOp = 'Leg vast wanneer u met de ouders over het ontwikkelingsperspectief heeft overlegd.';
  const instemming = instemmingVoor(v.versie, instemmingen);
  if (instemming?.uitkomst !== 'ingestemd') {
    fouten.instemming = instemming?.uitkomst === 'geweigerd'
      ? `De ouders hebben niet ingestemd met het handelingsdeel van versie ${v.versie}. Het handelingsdeel kan niet worden vastgesteld.`
      : `De ouders moeten eerst instemmen met het handelingsdeel van versie ${v.versie}. Instemming met een eerdere versie telt niet.`;
  }
  if (geldigOp(HOORRECHT, op).verplicht && v.hoorrecht === null) {
    fouten.hoorrecht = 'Leg vast wat de leerling zelf vindt van de ondersteuning, of waarom dat niet lukte.';
  } else if (v.hoorrecht && 'mening' in v.hoorrecht && !gevuld(v.hoorrecht.mening)) {
    fouten.hoorrecht = 'Schrijf de mening van de leerling op, in de woorden van de leerling.';
  } else if (v.hoorrecht && 'nietGehoordOmdat' in v.hoorrecht && !gevuld(v.hoorrecht.nietGehoordOmdat)) {
    fouten.hoorrecht = 'Schrijf op waarom de mening van de leerling niet gevraagd kon worden.';
  }
  return fouten;
}

/**
 * Records about a revision count from the previous adoption on: an OOGO or a heard view belongs to the version it was
 * about or a later one up to this version (the law asks OOGO, consent and — from 2025-08-01 — the pupil's view at
 * adoption and at every revision, WPO 40a lid 4). `vorige` is the number of the previous adopted version (0: none).
 */
export function sindsVorigeVaststelling<T extends { volgnummer: number }>(records: readonly T[], vorige: number, versie: number): T[] {
  return records.filter((r) => r.volgnummer > vorige && r.volgnummer <= versie);
}

/**
 * In (v)so the adult, legally competent pupil consents instead of the parents (WEC art. 41a lid 1; legal-rules §2.5).
 * Passend cannot judge competence: the school chooses, and only for a (v)so pupil of 18 or older.
 */
export function magLeerlingZelfInstemmen(soort: string, leeftijd: number): boolean {
  return (soort === 'so' || soort === 'vso') && leeftijd >= 18;
}
