/**
 * Versions of a school's ondersteuningsaanbod: when a version may be adopted (vastgesteld), which version is the
 * current one, and how next year's concept starts.
 *
 * Legal background (legal-rules §4.9):
 * - Until 31 July 2025 the school had a schoolondersteuningsprofiel (SOP), adopted by the competent authority at
 *   least once every four years with the ADVICE of the medezeggenschapsraad (WPO art. 1 and art. 8 lid 5, 2015
 *   text; VO had the same rule in the WVO).
 * - From 1 August 2025 the separate SOP disappears: basisondersteuning and the school's extra support go into the
 *   schoolgids and are therefore set EVERY school year (Wet versterking positie ouders en leerlingen in het passend
 *   onderwijs, Kamerstuk 36 443). That is why a version belongs to one school year.
 * - The exact MR right on this part of the schoolgids is UNCONFIRMED (legal-rules §11). We record the MR's advice
 *   and its date, which fits both an advice right and a consent right that was given.
 * - Interpretatie: when the competent authority does not follow an advice of the MR, it tells the MR its reasons in
 *   writing (WMS art. 11, rules on advice). We apply that to a negative advice: adoption then needs a written
 *   reaction. The school leader adopts on behalf of the board (the usual mandate; the board stays responsible).
 */
import { isCivilDate, type CivilDate } from '../../../platform/civil-date.js';
import { DOMEINEN } from './domeinen.js';
import { isSchooljaar } from './schooljaar.js';
import { MR_ADVIES_LABEL, type AanbodInhoud, type BasisBevestiging, type BasisOnderdeel, type MrAdvies } from './typen.js';

/** Status of a version: a concept can be edited, an adopted version is frozen. */
export type Versiestatus = 'concept' | 'vastgesteld';

/** Every MR advice value, in the order of MR_ADVIES_LABEL. */
export const MR_ADVIES_CODES = Object.keys(MR_ADVIES_LABEL) as MrAdvies[];

/** True for a known MR advice value. */
export function isMrAdvies(s: string): s is MrAdvies {
  return Object.prototype.hasOwnProperty.call(MR_ADVIES_LABEL, s);
}

/** Everything adoption depends on. `rol` is the chosen role of the user who adopts. */
export interface VaststellingInvoer {
  status: Versiestatus;
  rol: string;
  inhoud: AanbodInhoud;
  mrAdvies: string | null;
  mrAdviesDatum: string | null;
  mrAdviesToelichting: string | null;
  reactieOpAdvies: string | null;
  vandaag: CivilDate;
}

/** The role that adopts the offer on behalf of the competent authority (see the top of this file). */
export const VASTSTELLER_ROL = 'schoolleider';

/** Minimum length (non-space characters) of the written reaction to a negative advice. */
export const MIN_REACTIE_TEKENS = 10;

function gevuld(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.trim() !== '';
}

function tekensZonderSpaties(s: string | null | undefined): number {
  return typeof s === 'string' ? s.replace(/\s/g, '').length : 0;
}

/**
 * Checks whether a version may be adopted. Returns plain Dutch messages keyed by field name (the form shows each
 * next to its field); an empty object means it may be adopted.
 */
export function controleerVaststelling(i: VaststellingInvoer): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (i.status !== 'concept') {
    fouten.status = 'Deze versie is al vastgesteld. Maak een nieuwe versie om iets te veranderen.';
  }
  if (i.rol !== VASTSTELLER_ROL) {
    fouten.rol = 'Alleen de schoolleider kan het ondersteuningsaanbod vaststellen.';
  }

  // The MR's advice (WPO art. 8 lid 5 until 2025; MR right on the schoolgids since 1-8-2025 UNCONFIRMED).
  const advies = i.mrAdvies !== null && isMrAdvies(i.mrAdvies) ? i.mrAdvies : null;
  if (advies === null) {
    fouten.mrAdvies = 'Kies wat de medezeggenschapsraad (MR) over dit aanbod heeft geadviseerd.';
  }
  if (i.mrAdviesDatum === null || !isCivilDate(i.mrAdviesDatum)) {
    fouten.mrAdviesDatum = 'Vul de datum van het advies van de MR in, zoals 2026-06-15.';
  } else if (isCivilDate(i.vandaag) && i.mrAdviesDatum > i.vandaag) {
    // Civil dates in YYYY-MM-DD order compare correctly as text.
    fouten.mrAdviesDatum = 'De datum van het advies van de MR ligt in de toekomst. Vul de datum in waarop de MR advies gaf.';
  }
  if ((advies === 'positief-met-opmerkingen' || advies === 'negatief') && !gevuld(i.mrAdviesToelichting)) {
    fouten.mrAdviesToelichting = 'Schrijf op wat de MR heeft opgemerkt.';
  }
  // Interpretatie of WMS art. 11: not following an advice needs written reasons.
  if (advies === 'negatief' && tekensZonderSpaties(i.reactieOpAdvies) < MIN_REACTIE_TEKENS) {
    fouten.reactieOpAdvies = 'De MR gaf een negatief advies. Schrijf op waarom u het aanbod toch vaststelt. De MR krijgt deze reactie.';
  }

  Object.assign(fouten, controleerInhoud(i.inhoud));
  return fouten;
}

/**
 * Whether the content of a version is complete enough to adopt: parents must be able to read what the school
 * offers and whom to ask, and the school must have answered every basisondersteuning item. Messages keyed by field.
 */
export function controleerInhoud(inhoud: AanbodInhoud): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (!gevuld(inhoud.toelichting)) {
    fouten.toelichting = 'Schrijf een korte toelichting op de ondersteuning van uw school.';
  }
  if (inhoud.domeinen.length === 0) {
    fouten.domeinen = 'Beschrijf de ondersteuning voor minstens één onderwerp.';
  }
  const gezien = new Set<string>();
  for (const d of inhoud.domeinen) {
    if (gezien.has(d.domein)) {
      fouten.domeinen = `Het onderwerp '${DOMEINEN[d.domein]?.label ?? d.domein}' staat er twee keer in. Voeg ze samen tot één beschrijving.`;
    }
    gezien.add(d.domein);
    if (!gevuld(d.watWijDoen)) {
      fouten[`domeinen.${d.domein}`] = `Schrijf op wat de school doet bij '${DOMEINEN[d.domein]?.label ?? d.domein}'.`;
    }
  }
  if (!gevuld(inhoud.contactNaam) || !(gevuld(inhoud.contactEmail) || gevuld(inhoud.contactTelefoon))) {
    fouten.contact = 'Vul de naam in van iemand die ouders kunnen bellen of mailen, en een e-mailadres of telefoonnummer.';
  }
  // Basisondersteuning is the SWV-wide floor (WPO art. 18a lid 8 sub a; WVO art. 17a lid 8 sub a): the school
  // states for every item whether it delivers it.
  if (inhoud.basisOnderdelen.some((b) => b.geboden === null)) {
    fouten.basisOnderdelen = 'Geef bij elk onderdeel van de basisondersteuning aan of uw school het biedt.';
  }
  if (inhoud.basisOnderdelen.some((b) => b.geboden === false) && !gevuld(inhoud.basisToelichting)) {
    fouten.basisToelichting =
      'Uw school biedt niet alle basisondersteuning. Leg eerlijk uit welk onderdeel u niet biedt en waarom.';
  }
  return fouten;
}


/** The part of a version that numbering and "current version" depend on. */
export interface VersieSleutel {
  schooljaar: string;
  volgnummer: number;
  status: Versiestatus;
  vastgesteldOp: string | null;
}

/**
 * The volgnummer of a new version for `schooljaar`: one more than the highest of that year, 1 for the first.
 * Refused while any concept exists (in any year), so two people never write two drafts side by side — the
 * database has the same rule as a partial unique index.
 */
export function volgnummerVoorNieuweVersie(
  bestaande: VersieSleutel[],
  schooljaar: string,
): { ok: true; volgnummer: number } | { ok: false; fout: string } {
  if (!isSchooljaar(schooljaar)) return { ok: false, fout: `Onbekend schooljaar '${schooljaar}'. Gebruik de vorm 2026-2027.` };
  if (bestaande.some((v) => v.status === 'concept')) {
    return { ok: false, fout: 'Er is al een conceptversie; werk die eerst af of verwijder hem.' };
  }
  const hoogste = bestaande.filter((v) => v.schooljaar === schooljaar).reduce((max, v) => Math.max(max, v.volgnummer), 0);
  return { ok: true, volgnummer: hoogste + 1 };
}

function startjaar(s: string): number | null {
  return isSchooljaar(s) ? Number(s.slice(0, 4)) : null;
}

/**
 * The version parents see now: the latest ADOPTED version with a school year up to `huidigSchooljaar` (latest
 * school year first, then highest volgnummer). An adopted version for next year is not current yet; a concept
 * never is. Null when there is none.
 */
export function huidigeVersie<T extends VersieSleutel>(versies: T[], huidigSchooljaar: string): T | null {
  const grens = startjaar(huidigSchooljaar);
  if (grens === null) return null;
  let beste: T | null = null;
  let besteJaar = -Infinity;
  for (const v of versies) {
    if (v.status !== 'vastgesteld') continue;
    const jaar = startjaar(v.schooljaar);
    if (jaar === null || jaar > grens) continue;
    if (beste === null || jaar > besteJaar || (jaar === besteJaar && v.volgnummer > beste.volgnummer)) {
      beste = v;
      besteJaar = jaar;
    }
  }
  return beste;
}

function kopieerBevestiging(b: BasisBevestiging): BasisBevestiging {
  return { code: b.code, domein: b.domein, omschrijving: b.omschrijving, geboden: b.geboden };
}

/**
 * The content of next year's concept, copied from the previous version (a deep copy: nothing is shared with the
 * input). With the SWV's current basisondersteuning (`basis`), the basis items are rebuilt from that list: an item
 * keeps the school's previous answer only when its code, omschrijving and domein are unchanged — a changed item is a
 * new promise the school must confirm again; items the SWV dropped disappear. With `basis` null (the SWV has not
 * adopted a list for the year yet) the previous items and answers are kept as they were.
 */
export function kopieerInhoud(vorige: AanbodInhoud, basis: BasisOnderdeel[] | null): AanbodInhoud {
  const basisOnderdelen =
    basis === null
      ? vorige.basisOnderdelen.map(kopieerBevestiging)
      : basis.map((item) => {
          const oud = vorige.basisOnderdelen.find((b) => b.code === item.code);
          const ongewijzigd = oud !== undefined && oud.omschrijving === item.omschrijving && oud.domein === item.domein;
          return { code: item.code, domein: item.domein, omschrijving: item.omschrijving, geboden: ongewijzigd ? oud.geboden : null };
        });
  return {
    toelichting: vorige.toelichting,
    contactNaam: vorige.contactNaam,
    contactEmail: vorige.contactEmail,
    contactTelefoon: vorige.contactTelefoon,
    domeinen: vorige.domeinen.map((d) => ({
      domein: d.domein,
      niveau: d.niveau,
      watWijDoen: d.watWijDoen,
      expertise: d.expertise,
      grenzen: d.grenzen,
    })),
    voorzieningen: [...vorige.voorzieningen],
    voorzieningenToelichting: vorige.voorzieningenToelichting,
    basisOnderdelen,
    basisToelichting: vorige.basisToelichting,
  };
}
