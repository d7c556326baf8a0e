/**
 * Who sees which aanmelding (issue 5, "Access and audit"): school staff the applications to their own school
 * location, a board those to its schools, SWV staff every application in the region (the SWV watches every
 * running zorgplicht clock, product.md), a parent with gezag the applications of their own child. The other school
 * of a placement request does not see the application: it sees the request (plaatsingRelatie). Pure: the store
 * turns the answer into a WHERE clause.
 */
import type { Rol } from '../../../platform/auth/roles.js';
import { organisatieRelatie, type OrganisatieGrant, type OrganisatieRelatie } from '../../../platform/auth/organisatie.js';

export type AanmeldingRelatie = OrganisatieRelatie | { soort: 'ouder'; gebruikerId: string };

/** The parts of a role grant this rule reads. */
export interface Grant extends OrganisatieGrant {
  gebruikerId: string;
}

/** Staff roles that work with aanmeldingen. */
export const AANMELDING_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider', 'bestuur', 'swv-medewerker', 'swv-directeur'];
/** Everyone who may see an application: the staff roles and the parent (their own child's, with gezag). */
export const AANMELDING_LEZERS: readonly Rol[] = [...AANMELDING_ROLLEN, 'ouder'];
/** Roles that answer a placement request addressed to their school location. */
export const PLAATSING_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider'];
/** Roles that give the SWV's advice on an application. */
export const ADVIES_ROLLEN: readonly Rol[] = ['swv-medewerker', 'swv-directeur'];
/** Roles that register an aanmelding and run its clock: the school (its own location) and the SWV. */
export const REGISTRATIE_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider', 'swv-medewerker', 'swv-directeur'];

/** The relationship through which a grant sees aanmeldingen: its organisation, or a parent their own child's. */
export function aanmeldingRelatie(g: Grant): AanmeldingRelatie {
  return g.rol === 'ouder' ? { soort: 'ouder', gebruikerId: g.gebruikerId } : organisatieRelatie(g);
}

/** The school may extend its own term; the SWV watches and advises but does not decide for the school. */
export function magTermijnVerlengen(r: AanmeldingRelatie): boolean {
  return r.soort === 'school';
}

/** The legal ground written in the audit log. */
export function grondslag(r: AanmeldingRelatie): string {
  switch (r.soort) {
    case 'swv':
      return 'taak samenwerkingsverband: zicht op zorgplicht (Wpo 18a / Wvo 17a)';
    case 'school':
      return 'aanmelding bij eigen school (Wpo 40 / Wvo 27 / Wec 40)';
    case 'bestuur':
      return 'aanmelding bij school van eigen bestuur (Wpo 40 lid 1)';
    case 'ouder':
      return 'ouder met gezag (eigen kind)';
    case 'geen':
      return 'geen relatie met aanmelding';
  }
}

/** The school location whose staff answer placement requests addressed to it, or null. */
export function plaatsingSchool(g: Grant): string | null {
  return PLAATSING_ROLLEN.includes(g.rol) ? g.vestigingCode : null;
}

/** The SWV advises on applications; it does not decide for the school. */
export function magAdviseren(r: AanmeldingRelatie): boolean {
  return r.soort === 'swv';
}
