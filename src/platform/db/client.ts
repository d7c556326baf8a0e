/**
 * The database: PGlite in ./data (embedded default, one process owns it) or PostgreSQL when DATABASE_URL is set.
 * Code above this file is identical for both. Every request's work runs in `withTenant`: one short transaction
 * that switches to the non-superuser role `passend_app` and sets the tenant with set_config(..., true), so
 * row-level security applies (also on PGlite, which otherwise runs as superuser and would skip RLS).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the owner connection or a transaction. */
export type Executor = Db | Tx;

/** Who is asking: the tenant (SWV code) and the user; both end up in set_config for RLS policies. */
export interface TenantContext {
  swvId: string | null;
  userId: string | null;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Owner-level handle: migrations, register import, backups. Never for request work. */
  readonly owner: Db;
  /** Runs `fn` in one transaction as `passend_app` with the tenant set. */
  withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` as `passend_app` in the 'systeem' scope: used by the job worker, audit verification and the CLI
   * for cross-tenant platform work. Request handlers never use it.
   */
  withSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The non-superuser role every request runs as (created by migration 0001). */
export const APP_ROLE = 'passend_app';

/** Runs a raw query and returns its rows. */
export async function rows<T = Record<string, unknown>>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Runs a raw query and returns its first row, or undefined. */
export async function first<T = Record<string, unknown>>(ex: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(ex, query))[0];
}

/**
 * Wraps a drizzle database with the tenant helpers. `beforeTx` lets PGlite serialise with its own lock.
 */
export function tenantHelpers(owner: Db) {
  return {
    withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
      return owner.transaction(async (tx) => {
        // One round trip: role switch and tenant, all transaction-local (is_local = true).
        await tx.execute(sql`select set_config('role', ${APP_ROLE}, true),
          set_config('app.swv_id', ${ctx.swvId ?? ''}, true),
          set_config('app.user_id', ${ctx.userId ?? ''}, true),
          set_config('app.scope', 'verzoek', true)`);
        return fn(tx as unknown as Tx);
      });
    },
    withSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return owner.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', ${APP_ROLE}, true),
          set_config('app.swv_id', '', true), set_config('app.user_id', '', true),
          set_config('app.scope', 'systeem', true)`);
        return fn(tx as unknown as Tx);
      });
    },
  };
}

/**
 * True for a unique-key violation (SQLSTATE 23505), also when wrapped by Drizzle. Two people (or one double click)
 * creating the same thing at the same moment meet this; commands turn it into a clear message instead of a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return (e?.code ?? e?.cause?.code) === '23505';
}

/** The tenant context of public pages: the app role without a tenant, so RLS shows only public rows. */
export const PUBLIEK: TenantContext = { swvId: null, userId: null };
