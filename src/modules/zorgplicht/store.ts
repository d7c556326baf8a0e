/**
 * All SQL of aanmeldingen. Tenant transaction (RLS) and the relationship from rules/toegang.ts in the WHERE clause,
 * so an application the user may not see is simply not found.
 */
import { sql, type SQL } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import type { AanmeldingRelatie } from './rules/toegang.js';
import type { Sector } from './rules/termijnen.js';

export interface AanmeldingRij {
  id: string;
  leerlingId: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  vestigingCode: string;
  vestigingNaam: string;
  bestuurNummer: string | null;
  sector: Sector;
  ontvangenOp: string;
  gewensteStartdatum: string | null;
  andereScholen: string;
  isEersteVoorkeur: boolean;
  extraOndersteuningVerwacht: boolean;
  status: string;
  verlengdTot: string | null;
  verlengingReden: string | null;
  verlengdOp: string | null;
  extraOndersteuningNodig: boolean | null;
  uitzondering: string | null;
  uitzonderingToelichting: string | null;
  beoordeeldOp: string | null;
  besluit: string | null;
  besluitOp: string | null;
  besluitToelichting: string | null;
  versie: number;
}

function zichtbaarVoor(r: AanmeldingRelatie): SQL {
  switch (r.soort) {
    case 'swv':
      return sql`true`;
    case 'school':
      return sql`a.vestiging_code = ${r.vestigingCode}`;
    case 'bestuur':
      return sql`v.bestuur_nummer = ${r.bestuurNummer}`;
    case 'geen':
      return sql`false`;
  }
}

const KOLOMMEN = sql`a.id, a.leerling_id as "leerlingId", l.voornaam, l.tussenvoegsel, l.achternaam, l.geboortedatum::text as geboortedatum,
  a.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", v.bestuur_nummer as "bestuurNummer", a.sector,
  a.ontvangen_op::text as "ontvangenOp", a.gewenste_startdatum::text as "gewensteStartdatum", a.andere_scholen as "andereScholen",
  a.is_eerste_voorkeur as "isEersteVoorkeur", a.extra_ondersteuning_verwacht as "extraOndersteuningVerwacht", a.status,
  a.verlengd_tot::text as "verlengdTot", a.verlenging_reden as "verlengingReden", a.verlengd_op::text as "verlengdOp",
  a.extra_ondersteuning_nodig as "extraOndersteuningNodig", a.uitzondering, a.uitzondering_toelichting as "uitzonderingToelichting",
  a.beoordeeld_op::text as "beoordeeldOp", a.besluit, a.besluit_op::text as "besluitOp", a.besluit_toelichting as "besluitToelichting", a.versie`;

const VAN = sql`from aanmelding a join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id join vestiging v on v.code = a.vestiging_code`;

/** Every application the relationship may see, oldest deadline first (received date as the stable proxy). */
export function listAanmeldingen(ex: Executor, r: AanmeldingRelatie, opts: { vestigingCode?: string } = {}): Promise<AanmeldingRij[]> {
  return rows<AanmeldingRij>(ex, sql`select ${KOLOMMEN} ${VAN} where ${zichtbaarVoor(r)}
    ${opts.vestigingCode ? sql`and a.vestiging_code = ${opts.vestigingCode}` : sql``}
    order by coalesce(a.verlengd_tot, a.ontvangen_op + 42), l.achternaam, a.id`);
}

/** One application, when the relationship may see it. */
export function findAanmelding(ex: Executor, id: string, r: AanmeldingRelatie): Promise<AanmeldingRij | undefined> {
  return first<AanmeldingRij>(ex, sql`select ${KOLOMMEN} ${VAN} where a.id = ${id} and ${zichtbaarVoor(r)}`);
}

/** The application and its pupil exist in this tenant (to name the pupil in a refusal in the audit log). */
export async function leerlingVanAanmelding(ex: Executor, id: string): Promise<string | null> {
  return (await first<{ leerlingId: string }>(ex, sql`select leerling_id as "leerlingId" from aanmelding where id = ${id}`))?.leerlingId ?? null;
}

/** A new application; returns its id. */
export async function insertAanmelding(
  ex: Executor,
  v: { swvId: string; leerlingId: string; vestigingCode: string; sector: Sector; ontvangenOp: string; gewensteStartdatum: string | null;
    andereScholen: string; isEersteVoorkeur: boolean; extraOndersteuningVerwacht: boolean; door: string },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into aanmelding (swv_id, leerling_id, vestiging_code, sector, ontvangen_op,
      gewenste_startdatum, andere_scholen, is_eerste_voorkeur, extra_ondersteuning_verwacht, geregistreerd_door)
    values (${v.swvId}, ${v.leerlingId}, ${v.vestigingCode}, ${v.sector}, ${v.ontvangenOp}, ${v.gewensteStartdatum}, ${v.andereScholen},
      ${v.isEersteVoorkeur}, ${v.extraOndersteuningVerwacht}, ${v.door}) returning id`);
  return r!.id;
}

/** Records the one extension (optimistic lock); false when the row changed or was already extended. */
export async function verleng(ex: Executor, id: string, versie: number, v: { verlengdTot: string; reden: string; op: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set verlengd_tot = ${v.verlengdTot}, verlenging_reden = ${v.reden}, verlengd_op = ${v.op},
      status = 'verlengd', versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and verlengd_tot is null returning id`);
  return r.length === 1;
}

/** The location's code when it lies in the SWV (PO or VO), else undefined. */
export async function schoolInSwv(ex: Executor, code: string, swvId: string): Promise<string | undefined> {
  return (await first<{ code: string }>(ex, sql`select code from vestiging where code = ${code} and (swv_po = ${swvId} or swv_vo = ${swvId})`))?.code;
}

/** The locations of an SWV, for the school choice of SWV staff. */
export function scholenVanSwv(ex: Executor, swvId: string): Promise<{ code: string; naam: string; plaats: string | null }[]> {
  return rows(ex, sql`select code, naam, plaats from vestiging where swv_po = ${swvId} or swv_vo = ${swvId} order by naam, code`);
}

/** Records the school's assessment of the support need and any exception; false when stale or already decided. */
export async function beoordeel(ex: Executor, id: string, versie: number, v: { nodig: boolean; uitzondering: string | null; toelichting: string | null; op: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set extra_ondersteuning_nodig = ${v.nodig}, uitzondering = ${v.uitzondering},
      uitzondering_toelichting = ${v.toelichting}, beoordeeld_op = ${v.op},
      status = case when status = 'ontvangen' then 'in-onderzoek' else status end, versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and besluit is null returning id`);
  return r.length === 1;
}

/** Records the decision; false when stale or already decided. */
export async function besluit(ex: Executor, id: string, versie: number, v: { besluit: string; op: string; toelichting: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set besluit = ${v.besluit}, besluit_op = ${v.op}, besluit_toelichting = ${v.toelichting},
      status = 'besluit-genomen', versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and besluit is null returning id`);
  return r.length === 1;
}
