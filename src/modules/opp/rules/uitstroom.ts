/**
 * The expected uitstroombestemming the OPP names, per kind of education (Besluit bekostiging WPO art. 34.7 lid 1a,
 * Onderwijskundig besluit WEC art. 4–5, Inrichtingsbesluit WVO art. 15c; legal-rules §2.4a):
 * - po (bao, sbo): a school type of voortgezet onderwijs, or a vso uitstroomprofiel;
 * - so: a vso uitstroomprofiel or regular vo;
 * - vo, pro and vso: further education, a type of work, or dagbesteding.
 * The three vso profiles (vervolgonderwijs, arbeidsmarkt, dagbesteding) are those of the Wet kwaliteit (v)so (WEC
 * art. 14a). The school explains its choice in its own words beside it (the onderbouwing).
 */
import type { Onderwijssoort } from './termijn.js';

export interface UitstroomKeuze {
  code: string;
  label: string;
}

const VO_SCHOOLSOORTEN: UitstroomKeuze[] = [
  { code: 'pro', label: 'Praktijkonderwijs' },
  { code: 'vmbo-bb', label: 'Vmbo basisberoepsgerichte leerweg' },
  { code: 'vmbo-kb', label: 'Vmbo kaderberoepsgerichte leerweg' },
  { code: 'vmbo-gt', label: 'Vmbo gemengde of theoretische leerweg' },
  { code: 'havo', label: 'Havo' },
  { code: 'vwo', label: 'Vwo' },
];

const VSO_PROFIELEN: UitstroomKeuze[] = [
  { code: 'vso-vervolgonderwijs', label: 'Voortgezet speciaal onderwijs, profiel vervolgonderwijs' },
  { code: 'vso-arbeid', label: 'Voortgezet speciaal onderwijs, profiel arbeidsmarkt' },
  { code: 'vso-dagbesteding', label: 'Voortgezet speciaal onderwijs, profiel dagbesteding' },
];

const NA_VO: UitstroomKeuze[] = [
  { code: 'mbo-1', label: 'Mbo niveau 1 (entree)' },
  { code: 'mbo-2', label: 'Mbo niveau 2' },
  { code: 'mbo-3-4', label: 'Mbo niveau 3 of 4' },
  { code: 'hbo', label: 'Hbo' },
  { code: 'wo', label: 'Universiteit (wo)' },
  { code: 'arbeid', label: 'Werk (betaald of beschut werk)' },
  { code: 'dagbesteding', label: 'Dagbesteding' },
];

/** The destinations that fit this kind of education, in the order a form shows them. */
export function uitstroomKeuzes(soort: Onderwijssoort): readonly UitstroomKeuze[] {
  switch (soort) {
    case 'bao':
    case 'sbo':
      return [...VO_SCHOOLSOORTEN, ...VSO_PROFIELEN];
    case 'so':
      return [...VSO_PROFIELEN, ...VO_SCHOOLSOORTEN];
    case 'vo':
    case 'pro':
    case 'vso':
      return NA_VO;
  }
}

/** The label of a destination code for this kind of education, or null when the code does not fit it. */
export function uitstroomLabel(soort: Onderwijssoort, code: string): string | null {
  return uitstroomKeuzes(soort).find((k) => k.code === code)?.label ?? null;
}
