/**
 * SQL of the staff side of the aanbod module: versions of a school's offer, the SWV's basisondersteuning and the
 * SWV profile. Always called inside a tenant transaction (RLS: the tenant's own rows plus everyone's adopted ones;
 * writes only in the own tenant). The public read side is in publiek-store.ts.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { rows, type Executor } from '../../platform/db/client.js';
import { vestiging } from '../register/schema.js';
import { basisondersteuning, ondersteuningsaanbod, swvProfiel } from './schema.js';
import type { AanbodInhoud, BasisOnderdeel, SwvDocument } from './rules/typen.js';

export type VersieRij = typeof ondersteuningsaanbod.$inferSelect;
export type BasisRij = typeof basisondersteuning.$inferSelect;
export type ProfielRij = typeof swvProfiel.$inferSelect;

/** All versions (concepts too) of one school location, newest first. */
export async function listVersies(ex: Executor, vestigingCode: string): Promise<VersieRij[]> {
  return ex
    .select()
    .from(ondersteuningsaanbod)
    .where(eq(ondersteuningsaanbod.vestigingCode, vestigingCode))
    .orderBy(desc(ondersteuningsaanbod.schooljaar), desc(ondersteuningsaanbod.volgnummer));
}

/** One version by id, or undefined (also when RLS hides it). */
export async function findVersie(ex: Executor, id: string): Promise<VersieRij | undefined> {
  const [r] = await ex.select().from(ondersteuningsaanbod).where(eq(ondersteuningsaanbod.id, id));
  return r;
}

/** Inserts a new concept version; returns its id. */
export async function insertVersie(
  ex: Executor,
  v: { swvId: string; vestigingCode: string; schooljaar: string; volgnummer: number; inhoud: AanbodInhoud; gebaseerdOp: string | null; door: string },
): Promise<string> {
  const [r] = await ex
    .insert(ondersteuningsaanbod)
    .values({
      swvId: v.swvId, vestigingCode: v.vestigingCode, schooljaar: v.schooljaar, volgnummer: v.volgnummer,
      ...v.inhoud, gebaseerdOp: v.gebaseerdOp, bijgewerktDoor: v.door,
    })
    .returning({ id: ondersteuningsaanbod.id });
  return r!.id;
}

/**
 * Saves the content of a concept when nobody saved in between (optimistic lock on `versie`). Returns false when
 * the row was changed meanwhile or is no longer a concept.
 */
export async function updateInhoud(ex: Executor, id: string, versie: number, inhoud: AanbodInhoud, door: string): Promise<boolean> {
  const r = await ex
    .update(ondersteuningsaanbod)
    .set({ ...inhoud, versie: sql`${ondersteuningsaanbod.versie} + 1`, bijgewerktDoor: door, updatedAt: sql`now()` })
    .where(and(eq(ondersteuningsaanbod.id, id), eq(ondersteuningsaanbod.versie, versie), eq(ondersteuningsaanbod.status, 'concept')))
    .returning({ id: ondersteuningsaanbod.id });
  return r.length === 1;
}

/** Adopts a concept with the MR's advice; false when it changed meanwhile. */
export async function vaststellen(
  ex: Executor,
  id: string,
  versie: number,
  v: { mrAdvies: string; mrAdviesDatum: string; mrAdviesToelichting: string | null; reactieOpAdvies: string | null; vastgesteldOp: string; door: string },
): Promise<boolean> {
  const r = await ex
    .update(ondersteuningsaanbod)
    .set({
      status: 'vastgesteld', mrAdvies: v.mrAdvies, mrAdviesDatum: v.mrAdviesDatum, mrAdviesToelichting: v.mrAdviesToelichting,
      reactieOpAdvies: v.reactieOpAdvies, vastgesteldOp: v.vastgesteldOp, vastgesteldDoor: v.door, bijgewerktDoor: v.door,
      versie: sql`${ondersteuningsaanbod.versie} + 1`, updatedAt: sql`now()`,
    })
    .where(and(eq(ondersteuningsaanbod.id, id), eq(ondersteuningsaanbod.versie, versie), eq(ondersteuningsaanbod.status, 'concept')))
    .returning({ id: ondersteuningsaanbod.id });
  return r.length === 1;
}

/** Deletes a concept (an adopted version cannot be deleted: the trigger refuses). */
export async function deleteConcept(ex: Executor, id: string): Promise<boolean> {
  const r = await ex
    .delete(ondersteuningsaanbod)
    .where(and(eq(ondersteuningsaanbod.id, id), eq(ondersteuningsaanbod.status, 'concept')))
    .returning({ id: ondersteuningsaanbod.id });
  return r.length === 1;
}

/** A row of the SWV overview: each school location and the state of its offer. */
export interface SchoolStatusRij {
  code: string;
  naam: string;
  plaats: string | null;
  soort: string;
  /** Adopted version for this school year (volgnummer), or null. */
  vastgesteldDitJaar: string | null;
  laatstVastgesteldOp: string | null;
  heeftConcept: boolean;
}

/** Every school location of an SWV (or of one board in it) with the state of its offer in a school year. */
export async function schoolStatussen(ex: Executor, swvCode: string, schooljaar: string, bestuurNummer: string | null): Promise<SchoolStatusRij[]> {
  return rows<SchoolStatusRij>(
    ex,
    sql`select v.code, v.naam, v.plaats, v.soort,
          (select a.vastgesteld_op::text from ondersteuningsaanbod a where a.vestiging_code = v.code and a.status = 'vastgesteld'
             and a.schooljaar = ${schooljaar} order by a.volgnummer desc limit 1) as "vastgesteldDitJaar",
          (select max(a.vastgesteld_op)::text from ondersteuningsaanbod a where a.vestiging_code = v.code and a.status = 'vastgesteld') as "laatstVastgesteldOp",
          exists (select 1 from ondersteuningsaanbod a where a.vestiging_code = v.code and a.status = 'concept') as "heeftConcept"
        from vestiging v where (v.swv_po = ${swvCode} or v.swv_vo = ${swvCode})
          and (${bestuurNummer}::text is null or v.bestuur_nummer = ${bestuurNummer})
        order by v.naam, v.code`,
  );
}

/** Name and SWVs of a school location (register data). */
export async function findVestigingKort(ex: Executor, code: string) {
  const [r] = await ex
    .select({
      code: vestiging.code, naam: vestiging.naam, plaats: vestiging.plaats, soort: vestiging.soort, swvPo: vestiging.swvPo,
      swvVo: vestiging.swvVo, bestuurNummer: vestiging.bestuurNummer,
    })
    .from(vestiging)
    .where(eq(vestiging.code, code));
  return r;
}

// -- basisondersteuning ---------------------------------------------------------------------------------------------

/** All school years of the SWV's basisondersteuning, newest first. */
export async function listBasis(ex: Executor, swvId: string): Promise<BasisRij[]> {
  return ex.select().from(basisondersteuning).where(eq(basisondersteuning.swvId, swvId)).orderBy(desc(basisondersteuning.schooljaar));
}

/** The SWV's basisondersteuning of a school year, or undefined. */
export async function findBasis(ex: Executor, swvId: string, schooljaar: string): Promise<BasisRij | undefined> {
  const [r] = await ex.select().from(basisondersteuning)
    .where(and(eq(basisondersteuning.swvId, swvId), eq(basisondersteuning.schooljaar, schooljaar)));
  return r;
}

/** The newest adopted basisondersteuning up to a school year (what a school confirms against), or undefined. */
export async function findGeldendeBasis(ex: Executor, swvId: string, schooljaar: string): Promise<BasisRij | undefined> {
  const [r] = await ex.select().from(basisondersteuning)
    .where(and(eq(basisondersteuning.swvId, swvId), eq(basisondersteuning.status, 'vastgesteld'), sql`${basisondersteuning.schooljaar} <= ${schooljaar}`))
    .orderBy(desc(basisondersteuning.schooljaar))
    .limit(1);
  return r;
}

/** Creates a concept basisondersteuning for a school year; returns its id. */
export async function insertBasis(ex: Executor, v: { swvId: string; schooljaar: string; onderdelen: BasisOnderdeel[]; toelichting: string }): Promise<string> {
  const [r] = await ex.insert(basisondersteuning).values(v).returning({ id: basisondersteuning.id });
  return r!.id;
}

/** Saves a concept basisondersteuning (optimistic lock); false when stale or adopted. */
export async function updateBasis(ex: Executor, id: string, versie: number, v: { onderdelen: BasisOnderdeel[]; toelichting: string }): Promise<boolean> {
  const r = await ex.update(basisondersteuning)
    .set({ ...v, versie: sql`${basisondersteuning.versie} + 1`, updatedAt: sql`now()` })
    .where(and(eq(basisondersteuning.id, id), eq(basisondersteuning.versie, versie), eq(basisondersteuning.status, 'concept')))
    .returning({ id: basisondersteuning.id });
  return r.length === 1;
}

/** Adopts a concept basisondersteuning; false when stale or adopted. */
export async function vaststellenBasis(ex: Executor, id: string, versie: number, vastgesteldOp: string): Promise<boolean> {
  const r = await ex.update(basisondersteuning)
    .set({ status: 'vastgesteld', vastgesteldOp, versie: sql`${basisondersteuning.versie} + 1`, updatedAt: sql`now()` })
    .where(and(eq(basisondersteuning.id, id), eq(basisondersteuning.versie, versie), eq(basisondersteuning.status, 'concept')))
    .returning({ id: basisondersteuning.id });
  return r.length === 1;
}

// -- SWV profile ----------------------------------------------------------------------------------------------------

/** The SWV's profile, or undefined when never saved. */
export async function findProfiel(ex: Executor, swvId: string): Promise<ProfielRij | undefined> {
  const [r] = await ex.select().from(swvProfiel).where(eq(swvProfiel.swvId, swvId));
  return r;
}

/** The editable fields of the profile. */
export interface ProfielInhoud {
  telefoon: string;
  email: string;
  website: string;
  adres: string;
  steunpuntNaam: string;
  steunpuntTelefoon: string;
  steunpuntEmail: string;
  steunpuntWebsite: string;
  steunpuntToelichting: string;
  documenten: SwvDocument[];
  isGepubliceerd: boolean;
}

/**
 * Creates or saves the profile. `versie` is the version the user saw (0 when there was none yet); false when
 * someone saved in between.
 */
export async function bewaarProfiel(ex: Executor, swvId: string, versie: number, v: ProfielInhoud): Promise<boolean> {
  if (versie === 0) {
    const r = await ex.insert(swvProfiel).values({ swvId, ...v }).onConflictDoNothing().returning({ id: swvProfiel.swvId });
    return r.length === 1;
  }
  const r = await ex.update(swvProfiel)
    .set({ ...v, isDemo: false, versie: sql`${swvProfiel.versie} + 1`, updatedAt: sql`now()` })
    .where(and(eq(swvProfiel.swvId, swvId), eq(swvProfiel.versie, versie)))
    .returning({ id: swvProfiel.swvId });
  return r.length === 1;
}
