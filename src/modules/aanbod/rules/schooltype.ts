/**
 * The school-type filter of the school finder: what a parent can tick ("Basisschool", "Vmbo", …) against what
 * the register knows about a vestiging (its soort and, for VO, DUO's onderwijsstructuur).
 *
 * Sources: the register's soort values (src/modules/register/rules/soort.ts); DUO "02. Alle vestigingen vo",
 * column ONDERWIJSSTRUCTUUR, a slash-separated list such as `VBO/MAVO/HAVO/VWO`, `PRO`, `HAVO/VWO`, `BRUGJAAR`.
 * DUO still uses the names from before the vmbo existed: VBO (the vocational paths) and MAVO (the theoretical path)
 * are both vmbo today; LWOO (leerwegondersteuning) is support within vmbo; PRO is praktijkonderwijs.
 */
import { poOnderwijssoorten } from '../../register/rules/soort.js';
import type { Soort } from '../../register/rules/soort.js';

export const SCHOOLTYPE_FILTERS = ['bao', 'sbo', 'so', 'vso', 'pro', 'vmbo', 'havo', 'vwo'] as const;
export type SchooltypeFilter = (typeof SCHOOLTYPE_FILTERS)[number];

/** Labels a parent recognises. */
export const SCHOOLTYPE_LABEL: Record<SchooltypeFilter, string> = {
  bao: 'Basisschool',
  sbo: 'Speciaal basisonderwijs (sbo)',
  so: 'Speciaal onderwijs (so)',
  vso: 'Voortgezet speciaal onderwijs (vso)',
  pro: 'Praktijkonderwijs',
  vmbo: 'Vmbo',
  havo: 'Havo',
  vwo: 'Vwo',
};

/** True for a known filter value. */
export function isSchooltypeFilter(s: string): s is SchooltypeFilter {
  return (SCHOOLTYPE_FILTERS as readonly string[]).includes(s);
}

const VO_NIVEAUS: readonly SchooltypeFilter[] = ['pro', 'vmbo', 'havo', 'vwo'];

/** Parts of ONDERWIJSSTRUCTUUR and the level they stand for; BRUGJAAR, VO and ISK say nothing about a level. */
const STRUCTUUR_NIVEAU: Record<string, SchooltypeFilter> = {
  VBO: 'vmbo',
  MAVO: 'vmbo',
  VMBO: 'vmbo',
  LWOO: 'vmbo',
  PRO: 'pro',
  HAVO: 'havo',
  VWO: 'vwo',
};

/**
 * The finder levels of a VO vestiging. When the structure names no level (empty, `BRUGJAAR` for a location with
 * only the first years, `VO`, `ISK`, or only parts we do not know) we cannot tell which levels follow, so the school counts for every VO level:
 * better a school too many in the list than a suitable one left out.
 */
function voNiveaus(onderwijsstructuur: string | null): readonly SchooltypeFilter[] {
  const niveaus = new Set<SchooltypeFilter>();
  for (const deel of (onderwijsstructuur ?? '').toUpperCase().split('/')) {
    const niveau = STRUCTUUR_NIVEAU[deel.trim()];
    if (niveau) niveaus.add(niveau);
  }
  return niveaus.size === 0 ? VO_NIVEAUS : [...niveaus];
}

/** The finder types a vestiging belongs to. */
function typenVan(v: { soort: string; onderwijsstructuur: string | null }): readonly SchooltypeFilter[] {
  return poOnderwijssoorten(v.soort) ?? (v.soort === 'vo' ? voNiveaus(v.onderwijsstructuur) : []);
}

/** True when no filter is chosen or the vestiging matches at least one chosen filter. */
export function pastBijSchooltype(
  v: { soort: string; onderwijsstructuur: string | null },
  filters: readonly SchooltypeFilter[],
): boolean {
  if (filters.length === 0) return true;
  const typen = typenVan(v);
  return filters.some((f) => typen.includes(f));
}

const ALLE_SOORTEN: readonly Soort[] = ['bao', 'sbo', 'so', 'vso', 'so/vso', 'vo'];

const SOORTEN_PER_FILTER: Record<SchooltypeFilter, readonly Soort[]> = {
  bao: ['bao'],
  sbo: ['sbo'],
  so: ['so', 'so/vso'],
  vso: ['vso', 'so/vso'],
  pro: ['vo'],
  vmbo: ['vo'],
  havo: ['vo'],
  vwo: ['vo'],
};

/**
 * The register soort values that can match the filters, for an SQL prefilter (`soort = any(...)`); the exact
 * check is pastBijSchooltype. No filters → all six soorten. Order follows the register's list.
 */
export function soortenVoorSql(filters: readonly SchooltypeFilter[]): string[] {
  if (filters.length === 0) return [...ALLE_SOORTEN];
  const nodig = new Set<Soort>(filters.flatMap((f) => SOORTEN_PER_FILTER[f] ?? []));
  return ALLE_SOORTEN.filter((s) => nodig.has(s));
}
