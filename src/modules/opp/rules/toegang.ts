/**
 * Who sees and who does what with an OPP (issue 6, item 10). Pure: the store turns the relationship into a WHERE
 * clause, so a page, a list and an export see the same OPPs.
 *
 * - Intern begeleider / schoolleider: the OPPs of pupils enrolled now at their own location, and the running OPPs of
 *   pupils who left (to close them). The IB writes versions,
 *   records the OOGO, the pupil's view and the evaluation; the board adopts (WPO 40a lid 1: "het bevoegd gezag
 *   stelt vast"), which the schoolleider does by mandate of the board, as the school leader adopts the
 *   ondersteuningsaanbod (aanbod/rules/toegang.ts).
 * - Bestuur: the OPPs of its schools' enrolled pupils; reads and adopts.
 * - Ouder met gezag: their own child's OPP; consents or refuses online, adds their own view. A parent without gezag
 *   has no right of inzage (security-notes §1.2) and sees nothing.
 * - Leerling: their own OPP, from the age the SWV sets, in the pupil portal (their view and what was done with it).
 * - SWV staff and everyone else: nothing. The OPP is the school's document about its pupil; the SWV sees it when
 *   the school shares it for a TLV or arrangement (legal-rules §9.1–9.2: only as far as necessary for its tasks).
 */
import type { Rol } from '../../../platform/auth/roles.js';
import { organisatieRelatie } from '../../../platform/auth/organisatie.js';

export type OppRelatie =
  | { soort: 'school'; vestigingCode: string }
  | { soort: 'bestuur'; bestuurNummer: string }
  | { soort: 'ouder'; gebruikerId: string }
  | { soort: 'leerling'; leerlingId: string }
  | { soort: 'geen' };

export interface OppGrant {
  rol: Rol;
  vestigingCode: string | null;
  bestuurNummer: string | null;
  leerlingId: string | null;
}

/** Staff roles that work with OPPs. */
export const OPP_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider', 'bestuur'];
/** Roles that write versions and record talks and evaluations: the school. */
export const SCHRIJF_ROLLEN: readonly Rol[] = ['intern-begeleider', 'schoolleider'];
/** Roles that adopt (vaststellen) for the board. */
export const VASTSTEL_ROLLEN: readonly Rol[] = ['schoolleider', 'bestuur'];
/** The parent (with gezag) and the pupil. */
export const GEZIN_ROLLEN: readonly Rol[] = ['ouder', 'leerling'];
/** Every role that may open an OPP page at all (the relationship decides which). */
export const OPP_LEZERS: readonly Rol[] = [...OPP_ROLLEN, ...GEZIN_ROLLEN];
/** The SWV director sets the SWV's OPP choices (the pupil portal's age). */
export const INSTELLING_ROLLEN: readonly Rol[] = ['swv-directeur'];

export function oppRelatie(g: OppGrant, gebruikerId: string): OppRelatie {
  if (g.rol === 'ouder') return { soort: 'ouder', gebruikerId };
  if (g.rol === 'leerling') return g.leerlingId ? { soort: 'leerling', leerlingId: g.leerlingId } : { soort: 'geen' };
  // Staff through their organisation; the SWV's own staff see no OPP (see above).
  const o = organisatieRelatie(g);
  return o.soort === 'school' || o.soort === 'bestuur' ? o : { soort: 'geen' };
}

export function magSchrijven(r: OppRelatie, rol: Rol): boolean {
  return r.soort === 'school' && SCHRIJF_ROLLEN.includes(rol);
}

export function magVaststellen(r: OppRelatie, rol: Rol): boolean {
  return (r.soort === 'school' || r.soort === 'bestuur') && VASTSTEL_ROLLEN.includes(rol);
}

/** The legal ground written in the audit log. */
export function grondslag(r: OppRelatie): string {
  switch (r.soort) {
    case 'school':
      return 'ontwikkelingsperspectief van leerling van eigen school (Wpo 40a / Wvo 26 / Wec 41a)';
    case 'bestuur':
      return 'bevoegd gezag stelt ontwikkelingsperspectief vast (Wpo 40a lid 1 / Wvo 26 / Wec 41a)';
    case 'ouder':
      return 'ouder met gezag: instemming en inzage (Wpo 40a lid 4, AVG art. 15)';
    case 'leerling':
      return 'leerling: eigen mening en inzage (hoorrecht, AVG art. 15)';
    case 'geen':
      return 'geen relatie met leerling';
  }
}
