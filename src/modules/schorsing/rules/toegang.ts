/**
 * Who records and who sees a schorsing or verwijdering (issue 5). Both are decisions of the school's board
 * (bevoegd gezag) about a pupil enrolled at one of its school locations:
 *
 * - Intern begeleider / schoolleider: pupils currently enrolled at their own location (an open `inschrijving`
 *   there); they prepare and record the decision for the board (WPO art. 40 lid 11 and 40c; WVO art. 27 and
 *   Inrichtingsbesluit WVO art. 13–14; WEC art. 40 lid 18 and 40a — legal-rules §1.13–1.16).
 * - Bestuur: the same for every location of the board; the board is the one that decides (same articles).
 * - SWV staff: read only, for the whole region. The SWV must see pupils at risk of losing their place so it can
 *   help find another one (WPO art. 18a, WVO art. 17a: a continuous offer without thuiszitters).
 * - Everyone else (parents, deskundigen, leerplicht, inspectie …): nothing here; the parents get the letter.
 *
 * Pure: the store turns the relationship into a WHERE clause.
 */
import type { Rol } from '../../../platform/auth/roles.js';
import { organisatieRelatie, type OrganisatieGrant, type OrganisatieRelatie } from '../../../platform/auth/organisatie.js';

export type SchorsingRelatie = OrganisatieRelatie;
export type Grant = OrganisatieGrant;

/** Roles that see suspensions and removals (each through its own relationship). */
export const SCHORSING_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider', 'bestuur', 'swv-medewerker', 'swv-directeur'];
/** Roles that record them: the school and its board. The SWV reads only. */
export const VASTLEG_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider', 'bestuur'];

/** The relationship through which a grant sees suspensions and removals: its organisation (the SWV reads only). */
export function schorsingRelatie(g: Grant): SchorsingRelatie {
  return organisatieRelatie(g);
}

/** The school and its board record and change; the SWV only watches. */
export function magVastleggen(r: SchorsingRelatie): boolean {
  return r.soort === 'school' || r.soort === 'bestuur';
}

/** The legal ground written in the audit log. */
export function grondslag(r: SchorsingRelatie): string {
  switch (r.soort) {
    case 'school':
      return 'schorsing of verwijdering van leerling van eigen school (Wpo 40 lid 11, 40c / Wvo 27 / Wec 40, 40a)';
    case 'bestuur':
      return 'bevoegd gezag: besluit over schorsing of verwijdering (Wpo 40 lid 11, 40c / Wvo 27 / Wec 40, 40a)';
    case 'swv':
      return 'taak samenwerkingsverband: zicht op leerlingen zonder passende plek (Wpo 18a / Wvo 17a)';
    case 'geen':
      return 'geen relatie met leerling';
  }
}
