/**
 * Pupil-count cells in DUO open data.
 *
 * Source: DUO open onderwijsdata, e.g. "06. Historisch overzicht aantal leerlingen per schoolvestiging" (PO) and
 * "01. Leerlingen vo per vestiging naar onderwijstype". DUO suppresses counts of 1–4 pupils to protect privacy and
 * publishes them as the text `<5`. We keep that as a flag (`isKlein`) and never turn it into a number: any number we
 * picked (2? 4?) would end up in sums and reports as if DUO had published it.
 */
import { gelukt, mislukt, type Resultaat } from './resultaat.js';

/** A published count: `aantal` is null exactly when DUO suppressed it (`<5`). */
export interface DuoAantal {
  aantal: number | null;
  isKlein: boolean;
}

/** DUO's largest vestiging has a few thousand pupils; anything above this is a broken cell, not a school. */
const MAX_AANTAL = 100_000;

/**
 * Parses one DUO count cell. Empty (or only spaces) → `null` (no count published); `<5` → `{aantal: null,
 * isKlein: true}`; a whole number (also with a thousands dot, `1.234`) → `{aantal, isKlein: false}`.
 * Anything else is rejected with a Dutch reason.
 */
export function parseDuoAantal(cel: string): Resultaat<DuoAantal | null> {
  const tekst = cel.trim();
  if (tekst === '') return gelukt(null);
  if (/^<\s*5$/.test(tekst)) return gelukt({ aantal: null, isKlein: true });
  // DUO's Excel exports sometimes carry a thousands separator; a decimal part never occurs in a count.
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(tekst)) return mislukt(`'${cel}' is geen aantal leerlingen`);
  const aantal = Number(tekst.replaceAll('.', ''));
  if (aantal > MAX_AANTAL) return mislukt(`'${cel}' is geen geloofwaardig aantal leerlingen`);
  return gelukt({ aantal, isKlein: false });
}

/**
 * Adds DUO counts of parts (e.g. the 12 leerjaar × geslacht columns of the VO file) into one total. A total that
 * contains a suppressed part is unknown: only a single `<5` part with all other parts 0 is itself `<5`.
 * Returns null when no part had a count at all.
 */
export function telDuoAantallenOp(delen: readonly (DuoAantal | null)[]): DuoAantal | null {
  let som = 0;
  let klein = 0;
  let gezien = false;
  for (const deel of delen) {
    if (!deel) continue;
    gezien = true;
    if (deel.isKlein) klein += 1;
    else som += deel.aantal ?? 0;
  }
  if (!gezien) return null;
  if (klein === 0) return { aantal: som, isKlein: false };
  if (klein === 1 && som === 0) return { aantal: null, isKlein: true };
  return { aantal: null, isKlein: false };
}
