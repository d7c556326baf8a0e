/**
 * The school finder's question, read from a form (GET query) or the JSON API: one parser, so both give the same
 * answers and the same plain Dutch messages. Input comes from anyone on the internet, so this never throws and
 * accepts values of the wrong type (a JSON number where text was expected) as a normal error.
 *
 * Postcodes: the PostNL system (see src/modules/register/rules/postcode.ts). A parent may give only the four
 * digits (PC4) or the full postcode (PC6); the finder measures from the centre of the area either way.
 */
import { isDomeinCode, isNiveau, type DomeinCode, type Niveau } from './domeinen.js';
import { isSchooltypeFilter, type SchooltypeFilter } from './schooltype.js';
import { normaliseerPc4, normaliseerPostcode } from '../../register/rules/postcode.js';

export interface Zoekvraag {
  /** `3701AB` for a full postcode, `3701` when the parent gave four digits. */
  postcode: string;
  pc4: string;
  behoeften: DomeinCode[];
  schooltypen: SchooltypeFilter[];
  denominatie: string | null;
  maxKm: number;
  /** The least level of support that counts ('basis': basisondersteuning counts too). */
  minNiveau: Niveau;
}

/** Distance used when the parent does not choose one. */
export const STANDAARD_MAX_KM = 10;
export const GRENZEN_MAX_KM = { min: 1, max: 100 };
/** Longest denomination text the finder accepts (the longest in DUO's register is shorter). */
export const MAX_DENOMINATIE_TEKENS = 60;

export const FOUT_POSTCODE_LEEG = 'Vul een postcode in, zoals 3701 of 3701 AB.';
export const FOUT_POSTCODE = 'Deze postcode klopt niet. Vul 4 cijfers in (de eerste is geen 0), of 4 cijfers en 2 letters, zoals 3701 of 3701 AB.';
export const FOUT_BEHOEFTE = 'Kies ondersteuning uit de lijst.';
export const FOUT_SOORT = 'Kies een soort school uit de lijst.';
export const FOUT_DENOMINATIE = `Vul bij richting hoogstens ${MAX_DENOMINATIE_TEKENS} tekens in, zoals katholiek of openbaar.`;
export const FOUT_NIVEAU = 'Kies in de lijst hoeveel ondersteuning de school moet bieden.';
export const FOUT_AFSTAND = `Kies een afstand van ${GRENZEN_MAX_KM.min} tot en met ${GRENZEN_MAX_KM.max} kilometer, in hele kilometers (zoals 10).`;

type Invoer = {
  postcode?: string;
  behoefte?: readonly string[];
  soort?: readonly string[];
  denominatie?: string;
  afstand?: string;
  niveau?: string;
};

/** A query parameter can arrive once (a string) or several times (a list); anything else is not a list. */
function alsLijst(waarde: unknown): unknown[] | null {
  if (waarde === undefined || waarde === null) return [];
  if (typeof waarde === 'string') return [waarde];
  return Array.isArray(waarde) ? waarde : null;
}

/** Known, distinct values in the order given; null when any value is unknown (or not text). */
function leesCodes<C extends string>(waarde: unknown, isCode: (s: string) => s is C): C[] | null {
  const lijst = alsLijst(waarde);
  if (lijst === null) return null;
  const uit: C[] = [];
  for (const item of lijst) {
    if (typeof item !== 'string') return null;
    const code = item.trim();
    // An empty value is what a form sends for "no choice" (an empty <select> option): skip it.
    if (code === '') continue;
    if (!isCode(code)) return null;
    if (!uit.includes(code)) uit.push(code);
  }
  return uit;
}

function leesPostcode(waarde: unknown): { postcode: string; pc4: string } | string {
  if (waarde !== undefined && typeof waarde !== 'string') return FOUT_POSTCODE;
  const tekst = (waarde ?? '').replace(/\s+/g, '');
  if (tekst === '') return FOUT_POSTCODE_LEEG;
  if (/^\d{4}$/.test(tekst)) {
    const pc4 = normaliseerPc4(tekst);
    return pc4.ok ? { postcode: pc4.waarde, pc4: pc4.waarde } : FOUT_POSTCODE;
  }
  const pc6 = normaliseerPostcode(tekst);
  return pc6.ok ? pc6.waarde : FOUT_POSTCODE;
}

function leesAfstand(waarde: unknown): number | null {
  if (waarde === undefined || waarde === null) return STANDAARD_MAX_KM;
  if (typeof waarde !== 'string') return null;
  const tekst = waarde.trim();
  if (tekst === '') return STANDAARD_MAX_KM;
  // Whole kilometres only: "10,5" is easy to mistype and a half kilometre does not change the list much.
  if (!/^\d{1,3}$/.test(tekst)) return null;
  const km = Number(tekst);
  return km >= GRENZEN_MAX_KM.min && km <= GRENZEN_MAX_KM.max ? km : null;
}

function leesDenominatie(waarde: unknown): string | null | undefined {
  if (waarde === undefined || waarde === null) return null;
  if (typeof waarde !== 'string') return undefined;
  const tekst = waarde.replace(/\s+/g, ' ').trim();
  if (tekst === '') return null;
  // Control characters have no place in a search text (they would end up in a log or an SQL parameter).
  if (tekst.length > MAX_DENOMINATIE_TEKENS || /[\u0000-\u001f\u007f]/.test(tekst)) return undefined;
  return tekst;
}

/**
 * Reads the finder's question. On failure every wrong field has a plain Dutch message, keyed by the input name
 * (`postcode`, `behoefte`, `soort`, `denominatie`, `afstand`, `niveau`) so a form can show it next to the field.
 */
export function leesZoekvraag(invoer: Invoer): { ok: true; vraag: Zoekvraag } | { ok: false; fouten: Record<string, string> } {
  const bron: Record<string, unknown> = typeof invoer === 'object' && invoer !== null ? invoer : {};
  const fouten: Record<string, string> = {};
  const postcode = leesPostcode(bron.postcode);
  if (typeof postcode === 'string') fouten.postcode = postcode;
  const behoeften = leesCodes(bron.behoefte, isDomeinCode);
  if (behoeften === null) fouten.behoefte = FOUT_BEHOEFTE;
  const schooltypen = leesCodes(bron.soort, isSchooltypeFilter);
  if (schooltypen === null) fouten.soort = FOUT_SOORT;
  const denominatie = leesDenominatie(bron.denominatie);
  if (denominatie === undefined) fouten.denominatie = FOUT_DENOMINATIE;
  const maxKm = leesAfstand(bron.afstand);
  if (maxKm === null) fouten.afstand = FOUT_AFSTAND;
  // Empty (or absent) means "any level"; anything else must be a known level.
  const niveauTekst = typeof bron.niveau === 'string' ? bron.niveau.trim() : bron.niveau === undefined || bron.niveau === null ? '' : null;
  const minNiveau: Niveau | null = niveauTekst === '' ? 'basis' : niveauTekst !== null && isNiveau(niveauTekst) ? niveauTekst : null;
  if (minNiveau === null) fouten.niveau = FOUT_NIVEAU;
  if (typeof postcode === 'string' || behoeften === null || schooltypen === null || denominatie === undefined || maxKm === null || minNiveau === null) {
    return { ok: false, fouten };
  }
  return { ok: true, vraag: { postcode: postcode.postcode, pc4: postcode.pc4, behoeften, schooltypen, denominatie, maxKm, minNiveau } };
}
