/**
 * The SQL of the zorgplicht background jobs (taken.ts; planning and the SWV list are in platform/jobs/planning.ts).
 * Every function runs in a tenant transaction (withTenant with the SWV and no user): the tenant tables (aanmelding, leerling, inschrijving,
 * ouder, aanmelding_herinnering) have no policy for the 'systeem' scope (migrations 0001, 0008, 0012), so the job
 * works one SWV at a time and RLS still keeps every SWV's rows inside its own transaction.
 */
import { sql } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import type { Sector } from './rules/termijnen.js';

/** An application whose clock still runs: no decision, not withdrawn, not provisionally placed. */
export interface OpenAanmelding {
  id: string;
  leerlingId: string;
  vestigingCode: string;
  vestigingNaam: string;
  sector: Sector;
  ontvangenOp: string;
  verlengdTot: string | null;
  opgeschortVan: string | null;
  opgeschortTot: string | null;
  geboortedatum: string;
  versie: number;
}

const OPEN = sql`a.besluit is null and a.ingetrokken_op is null and a.tijdelijk_geplaatst_vanaf is null`;

const KOLOMMEN = sql`a.id, a.leerling_id as "leerlingId", a.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", a.sector,
  a.ontvangen_op::text as "ontvangenOp", a.verlengd_tot::text as "verlengdTot", a.opgeschort_van::text as "opgeschortVan",
  a.opgeschort_tot::text as "opgeschortTot", l.geboortedatum::text as geboortedatum, a.versie`;

const VAN = sql`from aanmelding a join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id join vestiging v on v.code = a.vestiging_code`;

/** Every open application of the tenant. */
export function openAanmeldingen(ex: Executor): Promise<OpenAanmelding[]> {
  return rows<OpenAanmelding>(ex, sql`select ${KOLOMMEN} ${VAN} where ${OPEN} order by a.ontvangen_op, a.id`);
}

/**
 * One open application, locked until the end of the transaction: a school deciding at the same moment waits for
 * the job (or the job finds the application decided and leaves it alone).
 */
export function vergrendelOpenAanmelding(ex: Executor, id: string): Promise<OpenAanmelding | undefined> {
  return first<OpenAanmelding>(ex, sql`select ${KOLOMMEN} ${VAN} where a.id = ${id} and ${OPEN} for update of a`);
}

/** Records a reminder; false when this (application, kind, deadline) was already recorded. */
export async function noteerHerinnering(ex: Executor, v: { swvId: string; aanmeldingId: string; soort: string; termijn: string }): Promise<boolean> {
  const r = await rows(ex, sql`insert into aanmelding_herinnering (swv_id, aanmelding_id, soort, termijn)
    values (${v.swvId}, ${v.aanmeldingId}, ${v.soort}, ${v.termijn})
    on conflict (swv_id, aanmelding_id, soort, termijn) do nothing returning id`);
  return r.length === 1;
}

async function adressen(ex: Executor, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await rows<{ email: string }>(ex, query)).map((r) => r.email);
}

/** E-mail addresses of the active intern begeleiders and school leaders of a school location. */
export function schoolOntvangers(ex: Executor, swvId: string, vestigingCode: string): Promise<string[]> {
  return adressen(ex, sql`select distinct g.email from rol_toekenning r join gebruiker g on g.id = r.gebruiker_id
    where r.swv_id = ${swvId} and r.vestiging_code = ${vestigingCode} and r.rol in ('intern-begeleider', 'schoolleider') and g.is_actief
    order by g.email`);
}

/** E-mail addresses of the active SWV staff and directors. */
export function swvOntvangers(ex: Executor, swvId: string): Promise<string[]> {
  return adressen(ex, sql`select distinct g.email from rol_toekenning r join gebruiker g on g.id = r.gebruiker_id
    where r.swv_id = ${swvId} and r.rol in ('swv-medewerker', 'swv-directeur') and g.is_actief order by g.email`);
}

/** E-mail addresses of the parents with gezag (a parent without gezag gets important news from the school, not here). */
export function ouderOntvangers(ex: Executor, leerlingId: string): Promise<string[]> {
  return adressen(ex, sql`select distinct email from ouder
    where leerling_id = ${leerlingId} and heeft_gezag and email is not null and email <> '' order by email`);
}

/** The pupil is enrolled at another school location of this SWV on `op` (an enrolment not ended before it). */
export async function eldersIngeschreven(ex: Executor, leerlingId: string, vestigingCode: string, op: string): Promise<boolean> {
  const r = await first<{ ja: boolean }>(ex, sql`select exists (select 1 from inschrijving
    where leerling_id = ${leerlingId} and vestiging_code <> ${vestigingCode} and (einddatum is null or einddatum >= ${op})) as ja`);
  return r?.ja === true;
}

/** An enrolment at this very location that still runs on `op`, if the school already enrolled the child itself. */
export async function inschrijvingHier(ex: Executor, leerlingId: string, vestigingCode: string, op: string): Promise<string | undefined> {
  return (await first<{ id: string }>(ex, sql`select id from inschrijving
    where leerling_id = ${leerlingId} and vestiging_code = ${vestigingCode} and (einddatum is null or einddatum >= ${op})
    order by startdatum limit 1`))?.id;
}

/** A new enrolment; returns its id. */
export async function insertInschrijving(ex: Executor, v: { swvId: string; leerlingId: string; vestigingCode: string; startdatum: string }): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into inschrijving (swv_id, leerling_id, vestiging_code, startdatum)
    values (${v.swvId}, ${v.leerlingId}, ${v.vestigingCode}, ${v.startdatum}) returning id`);
  return r!.id;
}

/** Marks the application provisionally placed (optimistic lock on top of the row lock); false when it changed. */
export async function plaatsTijdelijk(ex: Executor, id: string, versie: number, v: { vanaf: string; inschrijvingId: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set tijdelijk_geplaatst_vanaf = ${v.vanaf}, inschrijving_id = ${v.inschrijvingId},
      status = 'tijdelijk-geplaatst', versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and ${sql`besluit is null and ingetrokken_op is null and tijdelijk_geplaatst_vanaf is null`}
    returning id`);
  return r.length === 1;
}

/** Provisional placements and decisions with a date in [van, tot] (the past week). */
export async function weekcijfers(ex: Executor, van: string, tot: string): Promise<{ geplaatst: number; besluiten: number }> {
  const r = await first<{ geplaatst: number; besluiten: number }>(ex, sql`select
      count(*) filter (where tijdelijk_geplaatst_vanaf between ${van} and ${tot})::int as geplaatst,
      count(*) filter (where besluit is not null and besluit_op between ${van} and ${tot})::int as besluiten
    from aanmelding`);
  return r ?? { geplaatst: 0, besluiten: 0 };
}

/** Whether the tenant has anything for the weekly overview: an open application or news in [van, tot]. */
export async function heeftWeeknieuws(ex: Executor, van: string, tot: string): Promise<boolean> {
  const r = await first<{ ja: boolean }>(ex, sql`select exists (select 1 from aanmelding a
    where (${OPEN}) or a.tijdelijk_geplaatst_vanaf between ${van} and ${tot}
       or (a.besluit is not null and a.besluit_op between ${van} and ${tot})) as ja`);
  return r?.ja === true;
}

/** The SWV's name from the register, for the weekly overview's greeting. */
export async function swvNaam(ex: Executor, swvId: string): Promise<string> {
  return (await first<{ naam: string }>(ex, sql`select naam from swv where code = ${swvId}`))?.naam ?? swvId;
}

