/**
 * The audit log of pupil data (NEN 7513 model, security-notes §1.5): one event for every read and write of a
 * pupil file, every export, every login and every refused request. Field names only, never values. The table is
 * append-only for the app role and hash-chained by a database trigger (migration 0001).
 */
import { sql } from 'drizzle-orm';
import { rows, type Database, type Executor } from '../db/client.js';

export const AUDIT_ACTIES = [
  'lezen', 'lijst', 'aanmaken', 'wijzigen', 'verwijderen', 'exporteren', 'afdrukken',
  'inloggen', 'inloggen-mislukt', 'uitloggen', 'mfa-ingesteld', 'uitnodigen', 'uitnodiging-geaccepteerd',
] as const;
export type AuditActie = (typeof AUDIT_ACTIES)[number];

export interface AuditEvent {
  swvId: string | null;
  actorGebruikerId: string | null;
  actorRol: string | null;
  /** On whose behalf (e.g. a deskundige working for the SWV). */
  namens?: string | null;
  /** School location or SWV the actor acted for. */
  organisatie?: string | null;
  leerlingId?: string | null;
  /** For list views: the pupils that were shown. */
  leerlingIds?: string[] | null;
  objectType?: string | null;
  objectId?: string | null;
  actie: AuditActie;
  /** Names of the fields read or written — never their values. */
  velden?: string[] | null;
  /** Why access was allowed: role grant, enrolment, parental authority, … */
  grondslag?: string | null;
  resultaat: 'ok' | 'geweigerd' | 'mislukt';
  requestId?: string | null;
}

function uuidArray(ids: string[] | null | undefined) {
  if (!ids) return sql`null`;
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

function textArray(vals: string[] | null | undefined) {
  if (!vals) return sql`null`;
  return sql`${`{${vals.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
}

/** Writes one audit event in the caller's transaction, so it commits (or rolls back) with the work it records. */
export async function recordAudit(ex: Executor, e: AuditEvent): Promise<void> {
  await ex.execute(sql`insert into audit_event (swv_id, actor_gebruiker_id, actor_rol, namens, organisatie,
      leerling_id, leerling_ids, object_type, object_id, actie, velden, grondslag, resultaat, request_id)
    values (${e.swvId}, ${e.actorGebruikerId}, ${e.actorRol}, ${e.namens ?? null}, ${e.organisatie ?? null},
      ${e.leerlingId ?? null}, ${uuidArray(e.leerlingIds)}, ${e.objectType ?? null}, ${e.objectId ?? null},
      ${e.actie}, ${textArray(e.velden)}, ${e.grondslag ?? null}, ${e.resultaat}, ${e.requestId ?? null})`);
}

/**
 * Records a refused or failed request in its own transaction: the request's own transaction is rolled back, but
 * the refusal must stay on record.
 */
export async function recordAuditSeparately(database: Database, e: AuditEvent): Promise<void> {
  await database.withTenant({ swvId: e.swvId, userId: e.actorGebruikerId }, (tx) => recordAudit(tx, e));
}

export interface ChainReport {
  events: number;
  ok: boolean;
  /** First broken position, if any. */
  brokenAt: number | null;
  reason: string | null;
  headHash: string | null;
}

/**
 * Verifies the whole chain: every event's hash is recomputed and linked to its predecessor. Runs in the
 * 'systeem' scope so it sees every tenant's events.
 */
export async function verifyAuditChain(database: Database): Promise<ChainReport> {
  return database.withSystem(async (tx) => {
    const [summary] = await rows<{ n: number; head: string | null }>(
      tx,
      sql`select count(*)::int as n, (select hash from audit_event order by seq desc limit 1) as head from audit_event`,
    );
    const [bad] = await rows<{ seq: number; reason: string }>(
      tx,
      sql`select seq, case when hash is distinct from audit_event_hash(e) then 'hash klopt niet'
                           when prev_hash is distinct from prev then 'schakel met vorige klopt niet'
                           else 'volgnummer ontbreekt' end as reason
          from (select e, e.seq, e.hash, e.prev_hash,
                       coalesce(lag(e.hash) over (order by e.seq), repeat('0', 64)) as prev,
                       coalesce(lag(e.seq) over (order by e.seq), 0) as prev_seq
                from audit_event e) x
          where hash is distinct from audit_event_hash(e) or prev_hash is distinct from prev or seq <> prev_seq + 1
          order by seq limit 1`,
    );
    // The last event must be the one the chain head points at: removing events from the end is detected too.
    const [head] = await rows<{ matches: boolean; seq: number }>(
      tx,
      sql`select h.seq::float8 as seq, (h.hash = coalesce((select hash from audit_event order by seq desc limit 1), repeat('0', 64))
            and h.seq = coalesce((select max(seq) from audit_event), 0)) as matches
          from audit_chain_head_view h`,
    );
    const tailBroken = !bad && head && !head.matches;
    return {
      events: summary?.n ?? 0,
      ok: !bad && !tailBroken,
      brokenAt: bad ? Number(bad.seq) : tailBroken ? Number(head.seq) : null,
      reason: bad?.reason ?? (tailBroken ? 'laatste gebeurtenissen ontbreken (kop van de keten wijst verder)' : null),
      headHash: summary?.head ?? null,
    };
  });
}
