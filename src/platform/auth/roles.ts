/**
 * The roles of passend onderwijs (shared/guides/product.md). A person can hold several roles; a session acts in
 * one at a time. Whether a role may open pupil files decides the MFA requirement (security-notes §5: MFA is
 * mandatory for every role that can open a pupil file; we ask it of every staff role with a password).
 */

export const ROLES = [
  'ouder',
  'leerling',
  'intern-begeleider',
  'schoolleider',
  'bestuur',
  'swv-medewerker',
  'swv-directeur',
  'deskundige',
  'steunpunt',
  'leerplichtambtenaar',
  'opr-lid',
  'controller',
  'inspectie',
  'beheerder',
] as const;

export type Rol = (typeof ROLES)[number];

export function isRol(s: string): s is Rol {
  return (ROLES as readonly string[]).includes(s);
}

interface RolInfo {
  label: string;
  /** Logs in with an e-mailed one-time code instead of password + TOTP. */
  isGezin: boolean;
  /** May open individual pupil files (subject to the relationship with the pupil). */
  kanLeerlingdossierOpenen: boolean;
  /** The role works for one school location (needs vestiging_code on the grant). */
  isSchoolgebonden: boolean;
  /** The role works within one SWV (needs swv_id on the grant). */
  isSwvGebonden: boolean;
}

export const ROL_INFO: Record<Rol, RolInfo> = {
  ouder: { label: 'Ouder of verzorger', isGezin: true, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  leerling: { label: 'Leerling', isGezin: true, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  'intern-begeleider': { label: 'Intern begeleider / ondersteuningscoördinator', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: true, isSwvGebonden: true },
  schoolleider: { label: 'Schoolleider', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: true, isSwvGebonden: true },
  bestuur: { label: 'Schoolbestuur', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  'swv-medewerker': { label: 'Medewerker samenwerkingsverband', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  'swv-directeur': { label: 'Directeur samenwerkingsverband', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  deskundige: { label: 'Deskundige', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  steunpunt: { label: 'Ouder- en jeugdsteunpunt', isGezin: false, kanLeerlingdossierOpenen: false, isSchoolgebonden: false, isSwvGebonden: true },
  leerplichtambtenaar: { label: 'Leerplichtambtenaar', isGezin: false, kanLeerlingdossierOpenen: true, isSchoolgebonden: false, isSwvGebonden: true },
  'opr-lid': { label: 'Lid ondersteuningsplanraad', isGezin: false, kanLeerlingdossierOpenen: false, isSchoolgebonden: false, isSwvGebonden: true },
  controller: { label: 'Controller', isGezin: false, kanLeerlingdossierOpenen: false, isSchoolgebonden: false, isSwvGebonden: true },
  inspectie: { label: 'Inspectie van het Onderwijs', isGezin: false, kanLeerlingdossierOpenen: false, isSchoolgebonden: false, isSwvGebonden: false },
  beheerder: { label: 'Beheerder', isGezin: false, kanLeerlingdossierOpenen: false, isSchoolgebonden: false, isSwvGebonden: false },
};

/** Staff log in with password + TOTP; the second factor is mandatory for all of them. */
export function vereistTotp(rol: Rol): boolean {
  return !ROL_INFO[rol].isGezin;
}

/** Roles that may open pupil files at SWV level (all pupils of the SWV). */
export const SWV_DOSSIER_ROLLEN: readonly Rol[] = ['swv-medewerker', 'swv-directeur'];
/** Roles that may open the files of pupils enrolled at their own school location. */
export const SCHOOL_DOSSIER_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider'];
