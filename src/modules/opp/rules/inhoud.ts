/**
 * The content of one OPP version and how two versions differ. Pure.
 *
 * What the law asks (Besluit bekostiging WPO art. 34.7, Inrichtingsbesluit WVO art. 15c, Onderwijskundig besluit WEC
 * art. 4–5; legal-rules §2.4): the expected uitstroombestemming, the onderbouwing with at least the hindering and
 * supporting factors, and the handelingsdeel (the support and guidance) with deviations from the regular programme
 * where applicable. Nothing more is required (issue 6: "short — no field is required that the law does not need"):
 * who gives the support and how often are asked because a handelingsdeel without them cannot be carried out or
 * evaluated, but a draft can be saved without them.
 *
 * The factors and goals use the support domains of the ondersteuningsaanbod (aanbod/rules/domeinen.ts), so a pupil's
 * OPP and a school's offer speak the same words.
 */
import { DOMEINEN, isDomeinCode, type DomeinCode } from '../../aanbod/rules/domeinen.js';

export type FactorSoort = 'belemmerend' | 'bevorderend';

/** A hindering or supporting factor in one support domain. */
export interface Factor {
  domein: DomeinCode;
  soort: FactorSoort;
  tekst: string;
}

/** One goal of the handelingsdeel with the support that belongs to it. */
export interface Handeling {
  domein: DomeinCode | null;
  doel: string;
  ondersteuning: string;
  /** Who gives the support (teacher, IB, remedial teacher, external party …). */
  wie: string;
  /** How often or how long (e.g. "2 × 30 minuten per week"). */
  hoeVaak: string;
}

/** One question of a view form with the answer in the words of the pupil or parent. */
export interface Antwoord {
  vraag: string;
  antwoord: string;
}

export type ResultaatUitkomst = 'behaald' | 'deels' | 'niet-behaald';

/** The result of one goal at an evaluation. */
export interface Resultaat {
  doel: string;
  uitkomst: ResultaatUitkomst;
  toelichting: string;
}

export const RESULTAAT_LABEL: Record<ResultaatUitkomst, string> = {
  behaald: 'Behaald',
  deels: 'Deels behaald',
  'niet-behaald': 'Niet behaald',
};

/** The content of a version, as stored in `opp_versie`. */
export interface VersieInhoud {
  uitstroom: string;
  uitstroomToelichting: string;
  factoren: readonly Factor[];
  handelingsdeel: readonly Handeling[];
  afwijkingen: string;
}

export const LEGE_INHOUD: VersieInhoud = { uitstroom: '', uitstroomToelichting: '', factoren: [], handelingsdeel: [], afwijkingen: '' };

/** The parts of an OPP, in the order the page shows them. */
export type Onderdeel = 'uitstroom' | 'factoren' | 'handelingsdeel' | 'afwijkingen';

export const ONDERDEEL_LABEL: Record<Onderdeel, string> = {
  uitstroom: 'Verwachte uitstroombestemming',
  factoren: 'Belemmerende en bevorderende factoren',
  handelingsdeel: 'Handelingsdeel: doelen en ondersteuning',
  afwijkingen: 'Afwijkingen van het gewone programma',
};

const schoon = (s: string) => s.trim();
const gevuld = (s: string) => s.trim().length > 0;

/** Drops empty rows and trims text, so "nothing typed" is never stored as a factor or a goal. */
export function normaliseer(i: VersieInhoud): VersieInhoud {
  return {
    uitstroom: schoon(i.uitstroom),
    uitstroomToelichting: schoon(i.uitstroomToelichting),
    factoren: i.factoren.filter((f) => gevuld(f.tekst)).map((f) => ({ domein: f.domein, soort: f.soort, tekst: schoon(f.tekst) })),
    handelingsdeel: i.handelingsdeel
      .filter((h) => gevuld(h.doel) || gevuld(h.ondersteuning) || gevuld(h.wie) || gevuld(h.hoeVaak))
      .map((h) => ({ domein: h.domein, doel: schoon(h.doel), ondersteuning: schoon(h.ondersteuning), wie: schoon(h.wie), hoeVaak: schoon(h.hoeVaak) })),
    afwijkingen: schoon(i.afwijkingen),
  };
}

/**
 * Messages for a draft that cannot be saved as it is: a goal needs its support and the other way round (half a row
 * is a typing slip, not a draft), and domains must be known. Keyed by form field. Empty: it may be saved.
 */
export function controleerConcept(i: VersieInhoud): Record<string, string> {
  const fouten: Record<string, string> = {};
  i.factoren.forEach((f, n) => {
    if (!isDomeinCode(f.domein)) fouten[`factor.${n}.domein`] = 'Kies een onderwerp uit de lijst.';
  });
  i.handelingsdeel.forEach((h, n) => {
    if (h.domein !== null && !isDomeinCode(h.domein)) fouten[`doel.${n}.domein`] = 'Kies een onderwerp uit de lijst.';
    if (gevuld(h.doel) && !gevuld(h.ondersteuning)) fouten[`doel.${n}.ondersteuning`] = `Beschrijf de ondersteuning bij doel ${n + 1}.`;
    if (!gevuld(h.doel) && (gevuld(h.ondersteuning) || gevuld(h.wie) || gevuld(h.hoeVaak))) fouten[`doel.${n}.doel`] = `Schrijf doel ${n + 1} op, of maak de rij leeg.`;
  });
  return fouten;
}

/** True when nothing has been written yet. */
export function isLeeg(i: VersieInhoud): boolean {
  const n = normaliseer(i);
  return !n.uitstroom && !n.uitstroomToelichting && n.factoren.length === 0 && n.handelingsdeel.length === 0 && !n.afwijkingen;
}

function gelijk(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The parts in which `nieuw` differs from `vorig` (after normalising both). */
export function gewijzigdeOnderdelen(vorig: VersieInhoud, nieuw: VersieInhoud): Onderdeel[] {
  const a = normaliseer(vorig);
  const b = normaliseer(nieuw);
  const uit: Onderdeel[] = [];
  if (a.uitstroom !== b.uitstroom || a.uitstroomToelichting !== b.uitstroomToelichting) uit.push('uitstroom');
  if (!gelijk(a.factoren, b.factoren)) uit.push('factoren');
  if (!gelijk(a.handelingsdeel, b.handelingsdeel)) uit.push('handelingsdeel');
  if (a.afwijkingen !== b.afwijkingen) uit.push('afwijkingen');
  return uit;
}

/** The label of a support domain, or "Algemeen" for a goal without one. */
export function domeinLabel(d: DomeinCode | null): string {
  return d ? DOMEINEN[d].label : 'Algemeen';
}

/**
 * A save is stale when it was based on an older version than the newest one: someone else saved in between. The
 * page then shows both (the saved version and what this user typed) instead of silently making a version that
 * drops the other's work (architecture §4 "Concurrency").
 */
export function isVerouderd(basisVolgnummer: number, nieuwsteVolgnummer: number): boolean {
  return basisVolgnummer !== nieuwsteVolgnummer;
}
