/**
 * The dates a school records say when something happened: a decision, a hearing, a report, a talk with the parents.
 * They cannot lie in the future, and the law sets an order (e.g. the board decides on a removal only after the
 * hearing and after another school said yes — WPO art. 40 lid 11, WVO art. 27 lid 1, WEC art. 40 lid 18,
 * legal-rules §1.14–1.16; an OPP is adopted only after the parents' consent — WPO art. 40a). One check with
 * plain-Dutch messages for all of them (schorsing, verwijdering, OPP).
 */
import { formatDutch, isCivilDate, type CivilDate } from './civil-date.js';

/** Another date this one may not come before (or after); `datum` null means "not recorded", then no check. */
export interface Grens {
  datum: CivilDate | null;
  /** e.g. "het horen" */
  wat: string;
}

export interface DatumRegels {
  /** e.g. "de datum van het besluit" */
  wat: string;
  /** When set, the date may not be later than today. */
  vandaag?: CivilDate;
  nietVoor?: Grens[];
  nietNa?: Grens[];
}

function hoofdletter(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The Dutch message for a recorded date that is not right, or undefined when it is fine. */
export function datumFout(waarde: string, r: DatumRegels): string | undefined {
  if (!waarde.trim()) return `Vul ${r.wat} in.`;
  if (!isCivilDate(waarde)) return `Vul ${r.wat} in als jaar-maand-dag, bijvoorbeeld 2025-03-03.`;
  // A year typed wrongly (0026, 1026): no date Passend records lies before 1900.
  if (waarde < '1900-01-01') return `${hoofdletter(r.wat)} ligt te ver in het verleden. Kijk het jaartal na.`;
  if (r.vandaag && waarde > r.vandaag) return `${hoofdletter(r.wat)} ligt in de toekomst.`;
  for (const g of r.nietVoor ?? []) {
    if (g.datum && waarde < g.datum) return `${hoofdletter(r.wat)} ligt voor ${g.wat} (${formatDutch(g.datum)}).`;
  }
  for (const g of r.nietNa ?? []) {
    if (g.datum && waarde > g.datum) return `${hoofdletter(r.wat)} ligt na ${g.wat} (${formatDutch(g.datum)}).`;
  }
  return undefined;
}

/** Collects the messages of several date checks, keyed by field; empty means all dates are fine. */
export function datumFouten(checks: Record<string, [string, DatumRegels]>): Record<string, string> {
  const fouten: Record<string, string> = {};
  for (const [veld, [waarde, regels]] of Object.entries(checks)) {
    const fout = datumFout(waarde, regels);
    if (fout) fouten[veld] = fout;
  }
  return fouten;
}
