/**
 * The job queue: a table polled by workers that claim work with FOR UPDATE SKIP LOCKED, so several app processes
 * on one PostgreSQL never run the same job twice (on PGlite there is one process anyway). Jobs survive restarts;
 * a job whose worker died is handed out again after a timeout. Payloads carry ids, never pupil data.
 */
import { sql } from 'drizzle-orm';
import { first, rows, type Database, type Executor } from '../db/client.js';

export interface JobRow {
  id: number;
  soort: string;
  payload: Record<string, unknown>;
  pogingen: number;
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/** Maximum attempts before a job is marked 'mislukt' for a beheerder to look at. */
export const MAX_POGINGEN = 5;
/** A job claimed longer ago than this is considered abandoned by a crashed worker. */
const CLAIM_TIMEOUT_MINUTES = 10;

/**
 * Schedules a job. With `sleutel`, scheduling is idempotent: an existing job with that key is moved to the new
 * time (e.g. a deadline reminder after an extension) instead of duplicated.
 */
export async function enqueueJob(
  ex: Executor,
  soort: string,
  payload: Record<string, unknown>,
  opts: { uitvoerenOp?: Date; sleutel?: string } = {},
): Promise<void> {
  const at = (opts.uitvoerenOp ?? new Date(0)).toISOString();
  const when = opts.uitvoerenOp ? sql`${at}::timestamptz` : sql`now()`;
  if (opts.sleutel) {
    await ex.execute(sql`insert into job (soort, payload, sleutel, uitvoeren_op)
        values (${soort}, ${JSON.stringify(payload)}::jsonb, ${opts.sleutel}, ${when})
        on conflict (sleutel) do update set payload = excluded.payload, uitvoeren_op = excluded.uitvoeren_op,
          status = 'wachtend', pogingen = 0, laatste_fout = null`);
    return;
  }
  await ex.execute(sql`insert into job (soort, payload, uitvoeren_op) values (${soort}, ${JSON.stringify(payload)}::jsonb, ${when})`);
}

/** Claims the next due job for `workerId`, or returns undefined. One short transaction. */
export async function claimJob(database: Database, workerId: string, soorten?: string[]): Promise<JobRow | undefined> {
  return database.withSystem((tx) =>
    first<JobRow>(
      tx,
      sql`update job set status = 'bezig', geclaimd_door = ${workerId}, geclaimd_op = now(), pogingen = pogingen + 1
          where id = (
            select id from job
            where ((status = 'wachtend' and uitvoeren_op <= now())
               or (status = 'bezig' and geclaimd_op < now() - make_interval(mins => ${CLAIM_TIMEOUT_MINUTES})))
              ${soorten ? sql`and soort in (${sql.join(soorten.map((s) => sql`${s}`), sql`, `)})` : sql``}
            order by uitvoeren_op, id
            for update skip locked
            limit 1)
          returning id::float8 as id, soort, payload, pogingen`,
    ),
  );
}

/** Marks a claimed job done, or schedules a retry with exponential backoff (after MAX_POGINGEN: 'mislukt'). */
export async function finishJob(database: Database, job: JobRow, error?: unknown): Promise<void> {
  await database.withSystem(async (tx) => {
    if (!error) {
      await tx.execute(sql`update job set status = 'klaar', klaar_op = now(), laatste_fout = null where id = ${job.id}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.pogingen >= MAX_POGINGEN;
    const backoffSeconds = Math.min(3600, 5 * 2 ** job.pogingen);
    await tx.execute(sql`update job set status = ${failed ? 'mislukt' : 'wachtend'}, laatste_fout = ${message.slice(0, 1000)},
        uitvoeren_op = now() + make_interval(secs => ${backoffSeconds}) where id = ${job.id}`);
  });
}

/** Runs due jobs until none is left (or `max` reached). Returns how many ran. Used by the worker and tests. */
export async function runDueJobs(
  database: Database,
  handlers: Record<string, JobHandler>,
  workerId: string,
  max = 100,
): Promise<number> {
  let ran = 0;
  while (ran < max) {
    const job = await claimJob(database, workerId, Object.keys(handlers));
    if (!job) break;
    const handler = handlers[job.soort]!;
    try {
      await handler(job.payload, job);
      await finishJob(database, job);
    } catch (err) {
      await finishJob(database, job, err);
    }
    ran += 1;
  }
  return ran;
}

/**
 * Starts a polling worker. `nudge()` makes it look at once (e.g. right after a login code was queued).
 * `stop()` waits for the job in hand to finish, for a clean shutdown.
 */
export function startWorker(
  database: Database,
  handlers: Record<string, JobHandler>,
  opts: { workerId: string; pollMs?: number; onError?: (err: unknown) => void },
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(database, handlers, opts.workerId)
      .then(() => undefined)
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.pollMs ?? 2000);
      });
  };
  timer = setTimeout(tick, 10);
  return {
    nudge() {
      if (stopped) return;
      clearTimeout(timer);
      void running.then(() => {
        if (!stopped) {
          clearTimeout(timer);
          timer = setTimeout(tick, 0);
        }
      });
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Counts jobs per status, for the beheer page and tests. */
export function jobCounts(database: Database) {
  return database.withSystem((tx) =>
    rows<{ status: string; aantal: number }>(tx, sql`select status, count(*)::int as aantal from job group by status order by status`),
  );
}
