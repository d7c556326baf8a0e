/**
 * DUO codes of institutions and their locations.
 *
 * Source: DUO, "Registratie Instellingen en Opleidingen" (RIO) and the open-data files: an instellingscode (old name
 * BRIN-nummer) is 2 digits and 2 letters or digits (`00AO`, `32JK`); a vestigingscode is the instellingscode plus a
 * two-digit vestigingsnummer (`00AO01`). A bevoegd-gezagnummer (school board) is a number of up to 5 digits.
 */
import { gelukt, mislukt, type Resultaat } from './resultaat.js';

/** A valid vestigingscode and its instellingscode. */
export interface Vestigingscode {
  code: string;
  instellingscode: string;
}

/**
 * Builds and checks a vestigingscode. Accepts the full code (`00AO01`) or, as some DUO files split it, the
 * instellingscode with a two-digit vestigingsnummer (`00AO` + `01`); when both a full code and an instellingscode
 * are given they must agree.
 */
export function parseVestigingscode(code: string, instellingscode = ''): Resultaat<Vestigingscode> {
  let c = code.trim().toUpperCase();
  const i = instellingscode.trim().toUpperCase();
  if (c === '') return mislukt('vestigingscode ontbreekt');
  if (/^\d{1,2}$/.test(c) && i !== '') c = i + c.padStart(2, '0');
  if (!/^\d{2}[A-Z0-9]{2}\d{2}$/.test(c)) return mislukt(`vestigingscode '${code.trim()}' is ongeldig (verwacht bijvoorbeeld 00AO01)`);
  if (i !== '' && c.slice(0, 4) !== i) return mislukt(`vestigingscode '${c}' hoort niet bij instellingscode '${i}'`);
  return gelukt({ code: c, instellingscode: c.slice(0, 4) });
}

/**
 * Checks a bevoegd-gezagnummer (`40631`). Empty and `0` mean "no board known": DUO's historical pupil file writes 0
 * for vestigingen without a current board. Leading zeros are dropped so that files that pad and files that do not
 * agree.
 */
export function parseBestuurNummer(nummer: string): Resultaat<string | null> {
  const n = nummer.trim();
  if (n === '' || /^0+$/.test(n)) return gelukt(null);
  if (!/^\d{1,6}$/.test(n)) return mislukt(`bevoegd-gezagnummer '${n}' is ongeldig (verwacht cijfers)`);
  return gelukt(String(Number(n)));
}
