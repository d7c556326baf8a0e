/**
 * Dated parameters of the OPP rules: a value applies from its date until the next row's date. Rules read the row
 * for the day in question, so a change in the law is a new row, not a code change in a rule.
 */
import type { CivilDate } from '../../../platform/civil-date.js';

export interface DatedRow<T> {
  vanaf: CivilDate;
  waarde: T;
}

/** The value that applies on `op`; throws when the table has no row that early (a gap is a configuration error). */
export function geldigOp<T>(tabel: readonly DatedRow<T>[], op: CivilDate): T {
  let gevonden: DatedRow<T> | undefined;
  for (const r of tabel) if (r.vanaf <= op && (!gevonden || r.vanaf >= gevonden.vanaf)) gevonden = r;
  if (!gevonden) throw new RangeError(`Geen parameter geldig op ${op}`);
  return gevonden.waarde;
}

/**
 * Hoorrecht (Wet versterking positie ouders en leerlingen, Kamerstuk 36 443; legal-rules §2.9): recording the pupil's
 * view is required for OPPs adopted from 1 August 2025 (the planned entry into force; UNCONFIRMED — change this row
 * when the inwerkingtredingsbesluit says otherwise).
 */
export const HOORRECHT: readonly DatedRow<{ verplicht: boolean }>[] = [
  { vanaf: '2014-08-01', waarde: { verplicht: false } },
  { vanaf: '2025-08-01', waarde: { verplicht: true } },
];
