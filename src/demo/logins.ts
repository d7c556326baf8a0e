/**
 * The demo accounts of a fresh install. Fictitious people in a real region: PO2603 (Zeist, De Bilt, Utrechtse
 * Heuvelrug, Bunnik, Wijk bij Duurstede) with its real schools from the DUO register. Only ever seeded into a
 * database marked as demo, and only shown on pages of a demo install.
 */
import crypto from 'node:crypto';
import { base32Encode } from '../platform/auth/totp.js';
import type { Rol } from '../platform/auth/roles.js';

export const DEMO_SWV = 'PO2603';
/** The demo school where the school roles work (a real bao location in PO2603). */
export const DEMO_VESTIGING = '08LE00';
export const DEMO_WACHTWOORD = 'demo-wachtwoord-passend';

export interface DemoLogin {
  rol: Rol;
  email: string;
  naam: string;
  wachtwoord: string | null;
  /** Known TOTP secret so a newcomer can log in (shown only in a demo). */
  totpSecret: string | null;
  swv: boolean;
  vestiging: boolean;
}

/** Deterministic per e-mail, so docs and tests can rely on it; never used outside demo data. */
export function demoTotpSecret(email: string): string {
  return base32Encode(crypto.createHash('sha1').update(`passend-demo:${email}`).digest());
}

function staff(rol: Rol, email: string, naam: string, opts: { swv?: boolean; vestiging?: boolean } = {}): DemoLogin {
  return { rol, email, naam, wachtwoord: DEMO_WACHTWOORD, totpSecret: demoTotpSecret(email), swv: opts.swv ?? true, vestiging: opts.vestiging ?? false };
}

export const DEMO_LOGINS: DemoLogin[] = [
  staff('intern-begeleider', 'ib@school.passend.test', 'Ilse de Boer (demo)', { vestiging: true }),
  staff('schoolleider', 'directie@school.passend.test', 'Sander Visser (demo)', { vestiging: true }),
  staff('bestuur', 'bestuur@school.passend.test', 'Bestuurder Meijer (demo)'),
  staff('swv-medewerker', 'loket@swv.passend.test', 'Fatima el Amrani (demo)'),
  staff('swv-directeur', 'directeur@swv.passend.test', 'Joost van Dijk (demo)'),
  staff('deskundige', 'orthopedagoog@swv.passend.test', 'Marleen Smit (demo)'),
  staff('steunpunt', 'steunpunt@swv.passend.test', 'Steunpunt Heuvelrug (demo)'),
  staff('leerplichtambtenaar', 'leerplicht@gemeente.passend.test', 'Kees Bakker (demo)'),
  staff('opr-lid', 'opr@swv.passend.test', 'Anouk Jansen (demo)'),
  staff('controller', 'controller@swv.passend.test', 'Ruud Mulder (demo)'),
  staff('inspectie', 'inspectie@passend.test', 'Inspecteur Peters (demo)', { swv: false }),
  staff('beheerder', 'beheer@passend.test', 'Beheerder (demo)', { swv: false }),
  { rol: 'ouder', email: 'ouder@gezin.passend.test', naam: 'Sanne Vermeulen (demo)', wachtwoord: null, totpSecret: null, swv: true, vestiging: false },
  // Made by the OPP demo (demo/opp.ts), which knows the pupil the account belongs to.
  { rol: 'leerling', email: 'leerling@gezin.passend.test', naam: 'Leerling (demo)', wachtwoord: null, totpSecret: null, swv: true, vestiging: false },
];
