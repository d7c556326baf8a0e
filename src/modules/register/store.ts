/**
 * All SQL of the register module. The register is national reference data: written only by the owner (imports),
 * read by everyone (the app role has SELECT on these tables, migrations/0001_tenancy.sql), so the read queries take
 * any Executor: the owner handle or a tenant transaction.
 */
import { asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../platform/db/client.js';
import { pc4, registerImport, swv, vestiging, vestigingLeerlingen } from './schema.js';
import { TABEL_SPECS, type TabelSpec } from './tabellen.js';
import type { Soort } from './rules/soort.js';
import type { SwvSector } from './rules/swv.js';
import type { LeerlingenRij, Pc4Rij, RegisterTabel, SwvRij, Telling, VestigingRij } from './types.js';

/**
 * Rows per INSERT statement. The rows travel as one array per column (`unnest`), so a statement has as many
 * parameters as the table has columns, whatever the batch size; PGlite pays per statement, not per row.
 */
export const BATCH_GROOTTE = 5000;

const ident = (naam: string) => sql.raw(`"${naam.replaceAll('"', '""')}"`);

/** Builds the upsert for one batch: insert, or update only where a column differs, and tell which it was. */
function upsertSql(spec: TabelSpec, rijen: readonly Record<string, unknown>[]): SQL {
  const t = ident(spec.tabel);
  const kolommen = sql.join(spec.kolommen.map((k) => ident(k.kolom)), sql`, `);
  const arrays = sql.join(
    spec.kolommen.map((k) => sql`${sql.param(rijen.map((r) => r[k.veld] ?? null))}::${sql.raw(k.type)}[]`),
    sql`, `,
  );
  const overige = spec.kolommen.filter((k) => !spec.sleutel.includes(k.kolom));
  const nieuw = (k: (typeof overige)[number]) =>
    k.behoudBijNull ? sql`coalesce(excluded.${ident(k.kolom)}, ${t}.${ident(k.kolom)})` : sql`excluded.${ident(k.kolom)}`;
  const zet = sql.join(overige.map((k) => sql`${ident(k.kolom)} = ${nieuw(k)}`), sql`, `);
  const oud = sql.join(overige.map((k) => sql`${t}.${ident(k.kolom)}`), sql`, `);
  const nieuwRij = sql.join(overige.map(nieuw), sql`, `);
  const sleutel = sql.join(spec.sleutel.map(ident), sql`, `);
  // xmax = 0 only for a freshly inserted row version; an updated one carries our transaction id. Unchanged rows
  // are filtered by the WHERE and return nothing, so a re-import writes no row at all.
  return sql`insert into ${t} (${kolommen}) select * from unnest(${arrays})
    on conflict (${sleutel}) do update set ${zet}
    where (${oud}) is distinct from (${nieuwRij})
    returning (xmax = 0) as ingevoegd`;
}

/**
 * Upserts rows of one register table in batches and counts what happened. Idempotent: the same rows again give
 * only `ongewijzigd`. Rows must have unique keys (PostgreSQL refuses to touch a row twice in one statement).
 */
export async function upsertRegisterRijen(
  ex: Executor,
  tabel: RegisterTabel,
  rijen: readonly object[],
  onBatch?: (gedaan: number, totaal: number) => void,
): Promise<Telling> {
  const spec = TABEL_SPECS[tabel];
  const telling: Telling = { ingevoegd: 0, bijgewerkt: 0, ongewijzigd: 0 };
  for (let i = 0; i < rijen.length; i += BATCH_GROOTTE) {
    const batch = rijen.slice(i, i + BATCH_GROOTTE) as Record<string, unknown>[];
    const resultaat = await rows<{ ingevoegd: boolean }>(ex, upsertSql(spec, batch));
    const ingevoegd = resultaat.filter((r) => r.ingevoegd).length;
    telling.ingevoegd += ingevoegd;
    telling.bijgewerkt += resultaat.length - ingevoegd;
    telling.ongewijzigd += batch.length - resultaat.length;
    onBatch?.(Math.min(i + BATCH_GROOTTE, rijen.length), rijen.length);
  }
  return telling;
}

/** Starts a register_import record; returns its id. */
export async function startRegisterImport(ex: Executor, bron: string): Promise<number> {
  const [r] = await ex.insert(registerImport).values({ bron }).returning({ id: registerImport.id });
  return r!.id;
}

/** Finishes a register_import record with its summary (JSON of the report counts, or the error). */
export async function finishRegisterImport(ex: Executor, id: number, samenvatting: string): Promise<void> {
  await ex.update(registerImport).set({ finishedAt: sql`now()`, samenvatting }).where(eq(registerImport.id, id));
}

/** What the database holds now, for a partial DUO import (see RegisterContext in duo.ts). */
export async function leesRegisterContext(ex: Executor) {
  const swvs = await ex.select({ code: swv.code }).from(swv);
  const pc4s = (await ex.select().from(pc4)) as Pc4Rij[];
  const vestigingen = (await ex.select().from(vestiging)) as VestigingRij[];
  return {
    swvCodes: new Set(swvs.map((s) => s.code)),
    pc4s: new Map(pc4s.map((p) => [p.pc4, p])),
    vestigingen: new Map(vestigingen.map((v) => [v.code, v])),
  };
}

/** Number of rows per register table. */
export async function telRegister(ex: Executor): Promise<Record<RegisterTabel, number>> {
  const [r] = await rows<Record<RegisterTabel, number>>(
    ex,
    sql`select (select count(*) from swv)::int as swv, (select count(*) from bestuur)::int as bestuur,
      (select count(*) from pc4)::int as pc4, (select count(*) from vestiging)::int as vestiging,
      (select count(*) from vestiging_leerlingen)::int as vestiging_leerlingen`,
  );
  return r!;
}

/** True when no DUO school is in the register yet (test tenants alone do not count). */
export async function isRegisterLeeg(ex: Executor): Promise<boolean> {
  const [r] = await ex.select({ code: vestiging.code }).from(vestiging).limit(1);
  return !r;
}

// -- read queries for other modules ------------------------------------------------------------------------------

const alsSwv = (r: typeof swv.$inferSelect): SwvRij => ({ ...r, sector: r.sector as SwvSector });
const alsVestiging = (r: typeof vestiging.$inferSelect): VestigingRij => ({ ...r, soort: r.soort as Soort });

/** One SWV by code, or undefined. */
export async function findSwv(ex: Executor, code: string): Promise<SwvRij | undefined> {
  const [r] = await ex.select().from(swv).where(eq(swv.code, code));
  return r && alsSwv(r);
}

/** An SWV with the number of vestigingen that belong to it. */
export interface SwvMetAantal extends SwvRij {
  aantalVestigingen: number;
}

/** All SWVs, by code, with their number of vestigingen (PO-SWV: swv_po, VO-SWV: swv_vo). */
export async function listSwvs(ex: Executor): Promise<SwvMetAantal[]> {
  const r = await ex
    .select({
      code: swv.code,
      sector: swv.sector,
      naam: swv.naam,
      isLandelijk: swv.isLandelijk,
      // Written out: drizzle renders ${swv.code} unqualified, which inside the subquery would mean v.code.
      aantalVestigingen: sql<number>`(select count(*)::int from vestiging v where v.swv_po = swv.code or v.swv_vo = swv.code)`,
    })
    .from(swv)
    .orderBy(asc(swv.code));
  return r.map((s) => ({ ...alsSwv(s), aantalVestigingen: Number(s.aantalVestigingen) }));
}

/** The vestigingen in an SWV (PO or VO, by its code), by name then code. */
export async function listVestigingenVanSwv(ex: Executor, code: string): Promise<VestigingRij[]> {
  const r = await ex
    .select()
    .from(vestiging)
    .where(or(eq(vestiging.swvPo, code), eq(vestiging.swvVo, code)))
    .orderBy(asc(vestiging.naam), asc(vestiging.code));
  return r.map(alsVestiging);
}

/** One vestiging by vestigingscode (`00AO01`), or undefined. */
export async function findVestiging(ex: Executor, code: string): Promise<VestigingRij | undefined> {
  const [r] = await ex.select().from(vestiging).where(eq(vestiging.code, code.trim().toUpperCase()));
  return r && alsVestiging(r);
}

/** Pupil counts of a vestiging per teljaar, oldest first. `aantal` is null where DUO published `<5`. */
export async function leerlingTrend(ex: Executor, vestigingCode: string): Promise<LeerlingenRij[]> {
  return ex
    .select()
    .from(vestigingLeerlingen)
    .where(eq(vestigingLeerlingen.vestigingCode, vestigingCode.trim().toUpperCase()))
    .orderBy(asc(vestigingLeerlingen.teljaar));
}

/** One PC4 area (centroid, gemeente, SWVs), or undefined. */
export async function findPc4(ex: Executor, code: string): Promise<Pc4Rij | undefined> {
  const [r] = await ex.select().from(pc4).where(eq(pc4.pc4, code.trim()));
  return r;
}

