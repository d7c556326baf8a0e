/**
 * Who may do what with a school's ondersteuningsaanbod, the SWV's basisondersteuning and the SWV's profile.
 *
 * - The offer is the school's own: only staff of that school location write it (intern begeleider, schoolleider),
 *   and only the schoolleider adopts it. The board (bevoegd gezag) is the legal author of the schoolgids and the
 *   former schoolondersteuningsprofiel (WPO art. 8 lid 5, 2015 text; legal-rules §4.9); in practice it mandates
 *   the school leader, which is what we model (product.md: "Schoolleider: publish the school's
 *   ondersteuningsaanbod yearly (with MR advice)").
 * - SWV staff and the board read every school's versions in their SWV (to see the dekkend netwerk, WPO 18a lid 2)
 *   but do not write a school's offer.
 * - The basisondersteuning is agreed SWV-wide and laid down in the ondersteuningsplan (WPO 18a lid 8 sub a; WVO 17a
 *   lid 8 sub a): SWV staff prepare it, the SWV director adopts it.
 */
import type { Rol } from '../../../platform/auth/roles.js';

/** The parts of a role grant the rules look at. */
export interface Toekenning {
  rol: Rol;
  swvId: string | null;
  vestigingCode: string | null;
}

const SCHOOL_SCHRIJVERS: readonly Rol[] = ['intern-begeleider', 'schoolleider'];
const SWV_LEZERS: readonly Rol[] = ['swv-medewerker', 'swv-directeur', 'bestuur'];
const BASIS_SCHRIJVERS: readonly Rol[] = ['swv-medewerker', 'swv-directeur'];

/** Roles that work with the aanbod pages at all. */
export const AANBOD_ROLLEN: readonly Rol[] = [...SCHOOL_SCHRIJVERS, ...SWV_LEZERS];
/** Roles that maintain the SWV's basisondersteuning and public profile. */
export const SWV_BEHEER_ROLLEN: readonly Rol[] = BASIS_SCHRIJVERS;

/** May read every version (also concepts) of this school location's offer. */
export function magAanbodLezen(t: Toekenning, vestigingCode: string): boolean {
  if (SCHOOL_SCHRIJVERS.includes(t.rol)) return t.vestigingCode === vestigingCode;
  return SWV_LEZERS.includes(t.rol);
}

/** May edit a concept of this school location's offer (and start or delete one). */
export function magAanbodBewerken(t: Toekenning, vestigingCode: string): boolean {
  return SCHOOL_SCHRIJVERS.includes(t.rol) && t.vestigingCode === vestigingCode;
}

/** May adopt (vaststellen) this school location's offer. */
export function magAanbodVaststellen(t: Toekenning, vestigingCode: string): boolean {
  return t.rol === 'schoolleider' && t.vestigingCode === vestigingCode;
}

/** May edit the SWV's basisondersteuning concept and the SWV's public profile. */
export function magSwvAanbodBeheren(t: Toekenning): boolean {
  return BASIS_SCHRIJVERS.includes(t.rol) && t.swvId !== null;
}

/** May adopt the SWV's basisondersteuning (it is part of the ondersteuningsplan the SWV board adopts). */
export function magBasisVaststellen(t: Toekenning): boolean {
  return t.rol === 'swv-directeur' && t.swvId !== null;
}
