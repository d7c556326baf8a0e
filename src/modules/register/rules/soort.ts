/**
 * Kinds of school (soort) and which samenwerkingsverband(en) a kind belongs to.
 *
 * Sources: DUO's type strings — "06. Historisch overzicht aantal leerlingen per schoolvestiging" (SOORT_VESTIGING:
 * BO, SBO, SO, VSO, SO/VSO), "gemiddelde afstand woonadres–school" (SOORT_PO: Bo, Sbo, So, Vso), the EduGIS copy of
 * DUO's address files (type: basisschool, SBAO, SO, VSO, (V)SO and the VO onderwijsstructuur such as VBO/MAVO) and
 * "02. Alle vestigingen vo" (ONDERWIJSSTRUCTUUR). Membership: every school for (speciaal) basisonderwijs and every
 * so-school is part of the PO-samenwerkingsverband of its area (WPO art. 18a, WEC art. 28a); every VO school and
 * every vso-school of the VO-samenwerkingsverband (WVO art. 17a, WEC art. 28a); a combined so/vso school of both.
 */

/** Our kinds of vestiging. */
export type Soort = 'bao' | 'sbo' | 'so' | 'vso' | 'so/vso' | 'vo';

export const SOORTEN: readonly Soort[] = ['bao', 'sbo', 'so', 'vso', 'so/vso', 'vo'];

const PO_TYPES: Record<string, Soort> = {
  BO: 'bao',
  BAO: 'bao',
  BASISSCHOOL: 'bao',
  BASISONDERWIJS: 'bao',
  SBO: 'sbo',
  SBAO: 'sbo',
  'SPECIAAL BASISONDERWIJS': 'sbo',
  SO: 'so',
  VSO: 'vso',
  'SO/VSO': 'so/vso',
  '(V)SO': 'so/vso',
};

/** Building blocks of a VO onderwijsstructuur (`VBO/MAVO/HAVO/VWO`, `PRO`, `BRUGJAAR`, …). */
const VO_DELEN = new Set(['VO', 'VBO', 'MAVO', 'VMBO', 'HAVO', 'VWO', 'PRO', 'BRUGJAAR', 'LWOO', 'ISK']);

/**
 * Maps a DUO type string to our soort, or null when it is not a school type we know. Case and surrounding spaces
 * do not matter; `VBO/MAVO/HAVO` (any combination of VO structures) is `vo`.
 */
export function soortVanDuoType(type: string): Soort | null {
  const t = type.trim().toUpperCase().replace(/\s*\/\s*/g, '/');
  if (t === '') return null;
  const po = PO_TYPES[t];
  if (po) return po;
  const delen = t.split('/');
  return delen.every((d) => VO_DELEN.has(d)) ? 'vo' : null;
}

/** Which SWV sectors a vestiging of this soort belongs to (see the laws cited at the top of this file). */
export function swvSectorenVoorSoort(soort: Soort): { po: boolean; vo: boolean } {
  switch (soort) {
    case 'bao':
    case 'sbo':
    case 'so':
      return { po: true, vo: false };
    case 'vso':
    case 'vo':
      return { po: false, vo: true };
    case 'so/vso':
      return { po: true, vo: true };
  }
}

/** True for the soorten DUO counts in its primary-sector (PO) pupil files, including (v)so. */
export function isPoSectorSoort(soort: Soort): boolean {
  return soort !== 'vo';
}

/**
 * The kinds of education of a location in the primary sector: bao, sbo, so or vso — a combined so/vso school has
 * both; null for a vo school or an unknown kind (the finder and the OPP decide those themselves).
 */
export function poOnderwijssoorten(soort: string): ('bao' | 'sbo' | 'so' | 'vso')[] | null {
  switch (soort) {
    case 'bao':
    case 'sbo':
    case 'so':
    case 'vso':
      return [soort];
    case 'so/vso':
      return ['so', 'vso'];
    default:
      return null;
  }
}
