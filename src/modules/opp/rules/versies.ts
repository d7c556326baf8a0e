/**
 * Where an OPP stands: which version applies, what each version is, and what is still to be done before the newest
 * version can be adopted. Pure; the pages, the list, the parents' portal and the jobs all read it from here.
 *
 * A version that was adopted applies until a later version is adopted (WPO 40a lid 4: a revision follows the same
 * procedure as the first adoption). A newer version that is not adopted is a concept (the proposal being discussed);
 * an older version that was never adopted stays on record as "not adopted".
 */
import type { CivilDate } from '../../../platform/civil-date.js';
import { evaluatieStand, type EvaluatieStand } from './evaluatie.js';
import { termijnStand, type TermijnStand } from './termijn.js';
import { controleerVaststelling, instemmingVoor, sindsVorigeVaststelling, type InstemmingRecord, type OppVersie } from './vaststelling.js';
import type { Factor, Handeling } from './inhoud.js';

export interface VersieFeit {
  volgnummer: number;
  vastgesteldOp: CivilDate | null;
}

export type VersieStatus = 'geldend' | 'vervangen' | 'concept' | 'niet-vastgesteld';

export const VERSIE_STATUS_LABEL: Record<VersieStatus, string> = {
  geldend: 'Vastgesteld, geldt nu',
  vervangen: 'Vastgesteld, vervangen door een nieuwere versie',
  concept: 'Voorstel, nog niet vastgesteld',
  'niet-vastgesteld': 'Niet vastgesteld',
};

/** The adopted version that applies now: the newest adopted one, or undefined. */
export function geldendeVersie<T extends VersieFeit>(versies: readonly T[]): T | undefined {
  let geldend: T | undefined;
  for (const v of versies) if (v.vastgesteldOp && (!geldend || v.volgnummer > geldend.volgnummer)) geldend = v;
  return geldend;
}

/** The newest version, or undefined when none was saved yet. */
export function nieuwsteVersie<T extends VersieFeit>(versies: readonly T[]): T | undefined {
  let n: T | undefined;
  for (const v of versies) if (!n || v.volgnummer > n.volgnummer) n = v;
  return n;
}

/** The status of one version among all versions of the OPP. */
export function versieStatus(versies: readonly VersieFeit[], volgnummer: number): VersieStatus {
  const v = versies.find((x) => x.volgnummer === volgnummer);
  const geldend = geldendeVersie(versies);
  if (v?.vastgesteldOp) return geldend?.volgnummer === volgnummer ? 'geldend' : 'vervangen';
  return !geldend || volgnummer > geldend.volgnummer ? 'concept' : 'niet-vastgesteld';
}

/** The number of the last adopted version before `volgnummer` (0 when there is none). */
export function vorigeVaststelling(versies: readonly VersieFeit[], volgnummer: number): number {
  let vorige = 0;
  for (const v of versies) if (v.vastgesteldOp && v.volgnummer < volgnummer && v.volgnummer > vorige) vorige = v.volgnummer;
  return vorige;
}

/** The first adoption date (the OPP's start date for the ROD, legal-rules §2.8). */
export function eersteVaststelling(versies: readonly VersieFeit[]): CivilDate | null {
  let eerste: CivilDate | null = null;
  for (const v of versies) if (v.vastgesteldOp && (!eerste || v.vastgesteldOp < eerste)) eerste = v.vastgesteldOp;
  return eerste;
}

/** The facts of an OPP that decide its state. */
export interface OppFeiten {
  uiterlijk: CivilDate;
  afgeslotenOp: CivilDate | null;
  /** (v)so: the commissie voor de begeleiding advises before adoption. */
  isWec: boolean;
  versies: readonly (VersieFeit & { uitstroomLabel: string; factoren: readonly Factor[]; handelingsdeel: readonly Handeling[]; cvbAdviesOp?: CivilDate | null })[];
  oogos: readonly { volgnummer: number; op: CivilDate }[];
  instemmingen: readonly InstemmingRecord[];
  /** The pupil's views (hoorrecht); the parents' own views are not a condition for adoption. */
  leerlingMeningen: readonly { volgnummer: number; soort: 'mening' | 'niet-gehoord'; tekst: string; gegevenOp: CivilDate }[];
  /** The dates of the evaluations held with the parents. */
  evaluaties: readonly CivilDate[];
}

export type Fase = 'leeg' | 'concept' | 'vastgesteld' | 'herziening' | 'afgesloten';

export interface OppStand {
  fase: Fase;
  termijn: { stand: TermijnStand; dagen: number };
  /** Only when a version applies. */
  evaluatie: EvaluatieStand | null;
  /** The newest version that is not adopted yet (the proposal), if any. */
  voorstel: number | null;
  /** Why the proposal cannot be adopted today, keyed by field (empty: it can). */
  ontbreekt: Record<string, string>;
  /** The parents' newest decision on the proposal's handelingsdeel. */
  instemmingVoorstel: InstemmingRecord | null;
}

/** The version as the adoption rules read it, with the OOGO and the pupil's view since the previous adoption. */
export function alsVaststellingsversie(f: OppFeiten, volgnummer: number): OppVersie {
  const v = f.versies.find((x) => x.volgnummer === volgnummer);
  if (!v) throw new RangeError(`Versie ${volgnummer} bestaat niet`);
  const vorige = vorigeVaststelling(f.versies, volgnummer);
  const oogo = sindsVorigeVaststelling(f.oogos, vorige, volgnummer).sort((a, b) => (a.op < b.op ? 1 : -1))[0];
  const mening = sindsVorigeVaststelling(f.leerlingMeningen, vorige, volgnummer).sort((a, b) => (a.gegevenOp < b.gegevenOp ? 1 : -1))[0];
  return {
    versie: volgnummer,
    uitstroombestemming: v.uitstroomLabel,
    belemmerend: v.factoren.filter((x) => x.soort === 'belemmerend').map((x) => x.tekst),
    bevorderend: v.factoren.filter((x) => x.soort === 'bevorderend').map((x) => x.tekst),
    handelingsdeel: v.handelingsdeel.map((h) => ({ doel: h.doel, ondersteuning: h.ondersteuning })),
    oogoOp: oogo?.op ?? null,
    hoorrecht: mening ? (mening.soort === 'mening' ? { mening: mening.tekst } : { nietGehoordOmdat: mening.tekst }) : null,
  };
}

/** Why version `volgnummer` cannot be adopted on `op` (rules 13, 14, 16 and the CvB advice in (v)so). */
export function ontbrekendVoorVaststelling(f: OppFeiten, volgnummer: number, op: CivilDate, cvbAdviesOp: CivilDate | null = null): Record<string, string> {
  return controleerVaststelling(alsVaststellingsversie(f, volgnummer), f.instemmingen, op, f.isWec ? { cvbAdviesOp } : null);
}

/** The state of the OPP on `vandaag`. */
export function oppStand(f: OppFeiten, vandaag: CivilDate): OppStand {
  const geldend = geldendeVersie(f.versies);
  const nieuwste = nieuwsteVersie(f.versies);
  const voorstel = nieuwste && !nieuwste.vastgesteldOp ? nieuwste.volgnummer : null;
  const fase: Fase = f.afgeslotenOp ? 'afgesloten' : !nieuwste ? 'leeg' : !geldend ? 'concept' : voorstel ? 'herziening' : 'vastgesteld';
  return {
    fase,
    termijn: termijnStand(f.uiterlijk, vandaag, eersteVaststelling(f.versies)),
    evaluatie: geldend && !f.afgeslotenOp ? evaluatieStand(f.evaluaties, vandaag, eersteVaststelling(f.versies)) : null,
    voorstel,
    // The CvB advice is given at adoption itself (its date is part of that form), so it is not a missing step here.
    ontbreekt: voorstel && !f.afgeslotenOp ? controleerVaststelling(alsVaststellingsversie(f, voorstel), f.instemmingen, vandaag) : {},
    instemmingVoorstel: voorstel ? instemmingVoor(voorstel, f.instemmingen) : null,
  };
}

/**
 * The version a new view (or talk) belongs to: the proposal being discussed when there is one; after an adoption
 * (or before the first draft) the next version, so it counts for the coming revision (sindsVorigeVaststelling).
 */
export function volgnummerVoorNieuwRecord(versies: readonly VersieFeit[]): number {
  const nieuwste = nieuwsteVersie(versies);
  if (!nieuwste) return 1;
  return nieuwste.vastgesteldOp ? nieuwste.volgnummer + 1 : nieuwste.volgnummer;
}
