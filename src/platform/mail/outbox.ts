/**
 * Mail: every message goes into the outbox table in the transaction of the work that caused it, and a job
 * delivers it. With SMTP_URL set it is sent over SMTP; without, it stays readable in the demo mailbox page
 * (/demo/mailbox), so a newcomer can log in as a parent without a mail server.
 */
import nodemailer from 'nodemailer';
import { sql } from 'drizzle-orm';
import { first, rows, type Database, type Executor } from '../db/client.js';
import { enqueueJob, type JobHandler } from '../jobs/queue.js';

export interface MailInput {
  aan: string;
  onderwerp: string;
  tekst: string;
}

export interface MailRow {
  id: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  status: string;
  createdAt: Date;
  verzondenOp: Date | null;
}

/** Queues a mail in the caller's transaction. Mails never contain pupil support data: link into Passend instead. */
export async function queueMail(ex: Executor, mail: MailInput): Promise<string> {
  const row = await first<{ id: string }>(
    ex,
    sql`insert into mail_bericht (aan, onderwerp, tekst) values (${mail.aan}, ${mail.onderwerp}, ${mail.tekst}) returning id`,
  );
  await enqueueJob(ex, 'mail', { id: row!.id });
  return row!.id;
}

/** The job handler that delivers one queued mail. */
export function mailJobHandler(database: Database, opts: { smtpUrl?: string; from: string }): JobHandler {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return async (payload) => {
    const id = String(payload.id);
    const mail = await database.withSystem((tx) =>
      first<MailRow>(tx, sql`select id, aan, onderwerp, tekst, status from mail_bericht where id = ${id}`),
    );
    if (!mail || mail.status === 'verzonden') return;
    if (!transport) {
      await database.withSystem((tx) => tx.execute(sql`update mail_bericht set status = 'demo' where id = ${id}`));
      return;
    }
    try {
      await transport.sendMail({ from: opts.from, to: mail.aan, subject: mail.onderwerp, text: mail.tekst });
      await database.withSystem((tx) =>
        tx.execute(sql`update mail_bericht set status = 'verzonden', verzonden_op = now(), pogingen = pogingen + 1 where id = ${id}`),
      );
    } catch (err) {
      await database.withSystem((tx) =>
        tx.execute(sql`update mail_bericht set pogingen = pogingen + 1, laatste_fout = ${(err as Error).message.slice(0, 500)} where id = ${id}`),
      );
      throw err; // the job queue retries with backoff
    }
  };
}

/** The newest mails, for the demo mailbox. */
export function listMails(database: Database, limit = 50) {
  return database.withSystem((tx) =>
    rows<MailRow>(
      tx,
      sql`select id, aan, onderwerp, tekst, status, created_at as "createdAt", verzonden_op as "verzondenOp"
          from mail_bericht order by created_at desc, id limit ${limit}`,
    ),
  );
}

export function findMail(database: Database, id: string) {
  return database.withSystem((tx) =>
    first<MailRow>(
      tx,
      sql`select id, aan, onderwerp, tekst, status, created_at as "createdAt", verzonden_op as "verzondenOp"
          from mail_bericht where id = ${id}`,
    ),
  );
}
