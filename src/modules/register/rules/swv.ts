/**
 * Samenwerkingsverband codes and names.
 *
 * Source: Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324) and DUO's
 * registers: a code is `PO` or `VO` followed by four digits (two for the province, two for the sequence), e.g.
 * PO2707 (Amsterdam-Diemen). PO0001 and VO0001 are the landelijke samenwerkingsverbanden for schools of
 * reformatorische grondslag, which have no region (WPO art. 18a, WVO art. 17a: an SWV for the whole country on grondslag).
 * DUO's open data does not carry SWV names, so we derive a plain-Dutch name from the gemeenten in the area.
 */
import { gelukt, mislukt, type Resultaat } from './resultaat.js';

export type SwvSector = 'po' | 'vo';

export const SWV_CODE_PATROON = /^(PO|VO)\d{4}$/;

/** The parts of a valid SWV code. */
export interface SwvCode {
  code: string;
  sector: SwvSector;
  isLandelijk: boolean;
}

/** True when `code` is a DUO SWV code (exactly, no spaces, upper case). */
export function isSwvCode(code: string): boolean {
  return SWV_CODE_PATROON.test(code);
}

/** Validates an SWV code (trims, upper-cases); rejects with a Dutch reason. */
export function parseSwvCode(invoer: string): Resultaat<SwvCode> {
  const code = invoer.trim().toUpperCase();
  if (code === '') return mislukt('code van het samenwerkingsverband ontbreekt');
  if (!isSwvCode(code)) return mislukt(`'${invoer.trim()}' is geen code van een samenwerkingsverband (verwacht PO of VO met 4 cijfers)`);
  return gelukt({ code, sector: code.startsWith('PO') ? 'po' : 'vo', isLandelijk: isLandelijkeSwv(code) });
}

/** PO0001 and VO0001: the national reformatorische SWVs without a region. */
export function isLandelijkeSwv(code: string): boolean {
  return code === 'PO0001' || code === 'VO0001';
}

/** At most this many gemeenten appear in a derived name; more become "e.o." (en omstreken). */
export const MAX_GEMEENTEN_IN_NAAM = 3;

/**
 * The display name of an SWV. Landelijk: "Landelijk reformatorisch samenwerkingsverband PO". Regional: the gemeenten
 * of its area that cover the most PC4 areas first (ties alphabetical), at most three, then "e.o.":
 * "Samenwerkingsverband PO Amsterdam, Diemen", "Samenwerkingsverband VO Utrecht, Bunnik, De Bilt e.o.".
 * `gemeenten` maps a gemeente name to the number of PC4 areas of the SWV in that gemeente.
 */
export function swvNaam(code: string, gemeenten: ReadonlyMap<string, number>): string {
  const sector = code.startsWith('VO') ? 'VO' : 'PO';
  if (isLandelijkeSwv(code)) return `Landelijk reformatorisch samenwerkingsverband ${sector}`;
  const gesorteerd = [...gemeenten.entries()]
    .filter(([naam, aantal]) => naam.trim() !== '' && aantal > 0)
    .sort(([a, na], [b, nb]) => nb - na || a.localeCompare(b, 'nl'))
    .map(([naam]) => naam.trim());
  if (gesorteerd.length === 0) return `Samenwerkingsverband ${code}`;
  const getoond = gesorteerd.slice(0, MAX_GEMEENTEN_IN_NAAM).join(', ');
  return `Samenwerkingsverband ${sector} ${getoond}${gesorteerd.length > MAX_GEMEENTEN_IN_NAAM ? ' e.o.' : ''}`;
}
