/**
 * Planning recurring jobs: the instant of a whole hour in Europe/Amsterdam, the next daily run, and a once-only job
 * (its key makes a second plan of the same run a no-op, so a restart or a retry never runs it twice). Shared by the
 * modules' daily runs (zorgplicht, opp).
 */
import { sql } from 'drizzle-orm';
import { addDays, civilDateAt, type CivilDate } from '../civil-date.js';
import { rows, type Executor } from '../db/client.js';

function uurInAmsterdam(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(at));
}

/** The instant of a whole hour on a civil date in Europe/Amsterdam (CET +1 or CEST +2; not for 2–3 am). */
export function amsterdamTijdstip(datum: CivilDate, uur: number): Date {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  for (const offset of [1, 2]) {
    const kandidaat = new Date(Date.UTC(y, m - 1, d, uur - offset));
    if (civilDateAt(kandidaat) === datum && uurInAmsterdam(kandidaat) === uur) return kandidaat;
  }
  throw new RangeError(`Geen tijdstip ${uur}:00 op ${datum} in Europe/Amsterdam`);
}

/** The first run at `uur` (Europe/Amsterdam) strictly after `nu`. */
export function volgendeDagrunOm(nu: Date, uur: number): { datum: CivilDate; op: Date } {
  let datum = civilDateAt(nu);
  let op = amsterdamTijdstip(datum, uur);
  if (op <= nu) {
    datum = addDays(datum, 1);
    op = amsterdamTijdstip(datum, uur);
  }
  return { datum, op };
}

/** Queues a job once per key (`op`: when; default now); false when a job with this key already exists. */
export async function planEenmalig(ex: Executor, soort: string, payload: Record<string, unknown>, sleutel: string, op?: Date): Promise<boolean> {
  const when = op ? sql`${op.toISOString()}::timestamptz` : sql`now()`;
  const r = await rows(ex, sql`insert into job (soort, payload, sleutel, uitvoeren_op)
    values (${soort}, ${JSON.stringify(payload)}::jsonb, ${sleutel}, ${when})
    on conflict (sleutel) do nothing returning id`);
  return r.length === 1;
}

/**
 * The SWVs (tenants) a daily run visits ('systeem' scope: the register's SWV list is public). A run cannot ask which
 * SWVs have work: 'systeem' may not read pupil tables, so each SWV answers that in its own tenant transaction.
 */
export async function swvCodes(ex: Executor, filter?: readonly string[]): Promise<string[]> {
  if (filter && filter.length === 0) return [];
  const r = await rows<{ code: string }>(ex, sql`select code from swv
    ${filter ? sql`where code in (${sql.join(filter.map((c) => sql`${c}`), sql`, `)})` : sql``} order by code`);
  return r.map((x) => x.code);
}
