/**
 * Through which organisation a staff role grant works: the SWV (the whole region), one school location (intern
 * begeleider, schoolleider), or a school board (all its locations) — or none. Modules turn this into the WHERE
 * clause of their own records (aanmeldingen, schorsingen …) and add their own relations (e.g. a parent). Pure.
 */
import type { Rol } from './roles.js';

export type OrganisatieRelatie =
  | { soort: 'swv' }
  | { soort: 'school'; vestigingCode: string }
  | { soort: 'bestuur'; bestuurNummer: string }
  | { soort: 'geen' };

/** The parts of a role grant this reads. */
export interface OrganisatieGrant {
  rol: Rol;
  vestigingCode: string | null;
  bestuurNummer: string | null;
}

export function organisatieRelatie(g: OrganisatieGrant): OrganisatieRelatie {
  switch (g.rol) {
    case 'swv-medewerker':
    case 'swv-directeur':
      return { soort: 'swv' };
    case 'intern-begeleider':
    case 'schoolleider':
      return g.vestigingCode ? { soort: 'school', vestigingCode: g.vestigingCode } : { soort: 'geen' };
    case 'bestuur':
      return g.bestuurNummer ? { soort: 'bestuur', bestuurNummer: g.bestuurNummer } : { soort: 'geen' };
    default:
      return { soort: 'geen' };
  }
}
