/**
 * The content of one version of a school's ondersteuningsaanbod and of an SWV's basisondersteuning, as the rules
 * see it (no database types). The store keeps the lists as JSONB in these shapes.
 */
import type { DomeinCode, Niveau, VoorzieningCode } from './domeinen.js';

/** The school's offer in one support domain. */
export interface DomeinAanbod {
  domein: DomeinCode;
  niveau: Niveau;
  /** What the school concretely does, in plain Dutch. */
  watWijDoen: string;
  /** Expertise present in the team (e.g. "twee leerkrachten met een master SEN"). */
  expertise: string;
  /** Limits the school states honestly ("wij kunnen geen één-op-één begeleiding bieden"). */
  grenzen: string;
}

/** One item of the SWV's basisondersteuning (agreed SWV-wide). `code` is stable within the SWV and year. */
export interface BasisOnderdeel {
  code: string;
  domein: DomeinCode;
  omschrijving: string;
}

/** A basisondersteuning item as a school confirmed it, frozen into the school's version. */
export interface BasisBevestiging extends BasisOnderdeel {
  /** null until the school has said whether it delivers this item; adoption needs an answer for every item. */
  geboden: boolean | null;
}

/** A document the SWV publishes (ondersteuningsplan, jaarverslag), as a link. */
export interface SwvDocument {
  titel: string;
  url: string;
  /** Civil date of the document, or null. */
  datum: string | null;
}

export type AanbodStatus = 'concept' | 'vastgesteld';

/** The advice of the medezeggenschapsraad on the offer. */
export type MrAdvies = 'positief' | 'positief-met-opmerkingen' | 'negatief' | 'geen-advies';

export const MR_ADVIES_LABEL: Record<MrAdvies, string> = {
  positief: 'Positief advies',
  'positief-met-opmerkingen': 'Positief advies, met opmerkingen',
  negatief: 'Negatief advies',
  'geen-advies': 'De MR heeft binnen de termijn geen advies gegeven',
};

/** The parts of a version that the school edits while it is a concept. */
export interface AanbodInhoud {
  toelichting: string;
  contactNaam: string;
  contactEmail: string;
  contactTelefoon: string;
  domeinen: DomeinAanbod[];
  voorzieningen: VoorzieningCode[];
  voorzieningenToelichting: string;
  basisOnderdelen: BasisBevestiging[];
  basisToelichting: string;
}

/** The content fields of a stored version (staff or public row). */
export function inhoudVan(v: AanbodInhoud): AanbodInhoud {
  return {
    toelichting: v.toelichting, contactNaam: v.contactNaam, contactEmail: v.contactEmail, contactTelefoon: v.contactTelefoon,
    domeinen: v.domeinen, voorzieningen: v.voorzieningen, voorzieningenToelichting: v.voorzieningenToelichting,
    basisOnderdelen: v.basisOnderdelen, basisToelichting: v.basisToelichting,
  };
}
