/**
 * Who may do what with a school's ondersteuningsaanbod, the SWV's basisondersteuning and the SWV's profile.
 *
 * - The offer is the school's own: only staff of that school location write it (intern begeleider, schoolleider),
 *   and only the schoolleider adopts it. The board (bevoegd gezag) is the legal author of the schoolgids and the
 *   former schoolondersteuningsprofiel (WPO art. 8 lid 5, 2015 text; legal-rules §4.9); in practice it mandates
 *   the school leader, which is what we model (product.md: "Schoolleider: publish the school's
 *   ondersteuningsaanbod yearly (with MR advice)").
 * - SWV staff read every school's versions in their SWV (to see the dekkend netwerk, WPO 18a lid 2), the board
 *   those of its own schools; neither writes a school's offer.
 * - A special school (so/vso) lies in a PO and a VO samenwerkingsverband. Its offer is one record, kept in one of
 *   them: the PO-SWV when the school has one (our choice, so the record has one owner and one history).
 * - The basisondersteuning is agreed SWV-wide and laid down in the ondersteuningsplan (WPO 18a lid 8 sub a; WVO 17a
 *   lid 8 sub a): SWV staff prepare it, the SWV director adopts it.
 */
import type { Rol } from '../../../platform/auth/roles.js';

/** The parts of a role grant the rules look at. */
export interface Toekenning {
  rol: Rol;
  swvId: string | null;
  vestigingCode: string | null;
  bestuurNummer: string | null;
}

/** The parts of a school location (register) the rules look at. */
export interface School {
  code: string;
  bestuurNummer: string | null;
  swvPo: string | null;
  swvVo: string | null;
}

/** Roles of a school's own staff: they write its offer. */
export const SCHOOL_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider'];
const SCHOOL_SCHRIJVERS = SCHOOL_ROLLEN;
const SWV_LEZERS: readonly Rol[] = ['swv-medewerker', 'swv-directeur', 'bestuur'];
const BASIS_SCHRIJVERS: readonly Rol[] = ['swv-medewerker', 'swv-directeur'];

/** Roles that see the overview of all schools of the SWV (the board: its own schools). */
export const OVERZICHT_ROLLEN: readonly Rol[] = SWV_LEZERS;
/** Roles that work with the aanbod pages at all. */
export const AANBOD_ROLLEN: readonly Rol[] = [...SCHOOL_SCHRIJVERS, ...SWV_LEZERS];
/** Roles that maintain the SWV's basisondersteuning and public profile. */
export const SWV_BEHEER_ROLLEN: readonly Rol[] = BASIS_SCHRIJVERS;

/** The SWV that keeps a school's offer: its PO-SWV, else its VO-SWV (see the top of this file). */
export function beheerdDoor(s: School): string | null {
  return s.swvPo ?? s.swvVo;
}

/** The school lies in the grant's SWV (PO or VO). */
function inEigenSwv(t: Toekenning, s: School): boolean {
  return t.swvId !== null && (s.swvPo === t.swvId || s.swvVo === t.swvId);
}

/** May read every version (also concepts) of this school location's offer. */
export function magAanbodLezen(t: Toekenning, s: School): boolean {
  if (!inEigenSwv(t, s)) return false;
  if (SCHOOL_SCHRIJVERS.includes(t.rol)) return t.vestigingCode === s.code;
  if (t.rol === 'bestuur') return t.bestuurNummer !== null && t.bestuurNummer === s.bestuurNummer;
  return SWV_LEZERS.includes(t.rol);
}

/** May edit a concept of this school location's offer (and start or delete one): own staff, in the owning SWV. */
export function magAanbodBewerken(t: Toekenning, s: School): boolean {
  return SCHOOL_SCHRIJVERS.includes(t.rol) && t.vestigingCode === s.code && beheerdDoor(s) === t.swvId;
}

/** May adopt (vaststellen) this school location's offer. */
export function magAanbodVaststellen(t: Toekenning, s: School): boolean {
  return t.rol === 'schoolleider' && magAanbodBewerken(t, s);
}

/** May edit the SWV's basisondersteuning concept and the SWV's public profile. */
export function magSwvAanbodBeheren(t: Toekenning): boolean {
  return BASIS_SCHRIJVERS.includes(t.rol) && t.swvId !== null;
}

/** May adopt the SWV's basisondersteuning (it is part of the ondersteuningsplan the SWV board adopts). */
export function magBasisVaststellen(t: Toekenning): boolean {
  return t.rol === 'swv-directeur' && t.swvId !== null;
}
