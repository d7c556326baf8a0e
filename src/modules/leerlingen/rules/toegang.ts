/**
 * Who may open which pupil file: tenant × role × relationship with the pupil (security-notes §1.7 item 1).
 * Pure: the store turns the answer into a WHERE clause, so the rule is the same for lists, files and exports.
 *
 * - SWV staff: every pupil of their SWV — the SWV processes support data for its legal tasks
 *   (Wpo art. 18a lid 13 / Wvo art. 17a; legal-rules §9.1).
 * - Intern begeleider / schoolleider: pupils currently enrolled at their own school location.
 * - Bestuur: pupils enrolled at a location of their board (the board carries the zorgplicht, Wpo art. 40 lid 4).
 * - Ouder: their own child, and only with gezag: a parent without gezag has no right of inzage in the dossier
 *   (AVG art. 15 exercised by the legal representative; security-notes §1.2).
 * - Leerling: their own file.
 * - Others (deskundige, leerplichtambtenaar …): only through a case assignment, which later modules add.
 */
import type { Rol } from '../../../platform/auth/roles.js';

export type Relatie =
  | { soort: 'swv' }
  | { soort: 'school'; vestigingCode: string }
  | { soort: 'bestuur'; bestuurNummer: string }
  | { soort: 'ouder-met-gezag'; gebruikerId: string }
  | { soort: 'eigen'; leerlingId: string }
  | { soort: 'geen' };

export interface RolGrant {
  rol: Rol;
  vestigingCode: string | null;
  bestuurNummer: string | null;
  leerlingId: string | null;
}

/** The relationship through which a role may see pupil files. */
export function bepaalRelatie(grant: RolGrant, gebruikerId: string): Relatie {
  switch (grant.rol) {
    case 'swv-medewerker':
    case 'swv-directeur':
      return { soort: 'swv' };
    case 'intern-begeleider':
    case 'schoolleider':
      return grant.vestigingCode ? { soort: 'school', vestigingCode: grant.vestigingCode } : { soort: 'geen' };
    case 'bestuur':
      return grant.bestuurNummer ? { soort: 'bestuur', bestuurNummer: grant.bestuurNummer } : { soort: 'geen' };
    case 'ouder':
      return { soort: 'ouder-met-gezag', gebruikerId };
    case 'leerling':
      return grant.leerlingId ? { soort: 'eigen', leerlingId: grant.leerlingId } : { soort: 'geen' };
    default:
      return { soort: 'geen' };
  }
}

/** The legal ground recorded in the audit log for access through this relationship. */
export function grondslagVan(relatie: Relatie): string {
  switch (relatie.soort) {
    case 'swv':
      return 'taak samenwerkingsverband (Wpo 18a lid 13 / Wvo 17a)';
    case 'school':
      return 'leerling ingeschreven op eigen school';
    case 'bestuur':
      return 'leerling ingeschreven bij school van eigen bestuur';
    case 'ouder-met-gezag':
      return 'ouder met gezag (AVG art. 15)';
    case 'eigen':
      return 'eigen dossier (AVG art. 15)';
    case 'geen':
      return 'geen relatie met leerling';
  }
}

/** Roles that may register a new pupil (a school for its own location, the SWV for its region). */
export function magLeerlingRegistreren(rol: Rol): boolean {
  return rol === 'intern-begeleider' || rol === 'schoolleider' || rol === 'swv-medewerker' || rol === 'swv-directeur';
}

/** Roles that may change a pupil's core data and parents. Parents see, but change through the school. */
export function magLeerlingWijzigen(relatie: Relatie): boolean {
  return relatie.soort === 'swv' || relatie.soort === 'school';
}
