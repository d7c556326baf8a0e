/**
 * All SQL of schorsingen and verwijderingen. Tenant transaction (RLS) and the relationship from rules/toegang.ts in
 * the WHERE clause, so a record the user may not see is simply not found. School staff and boards see a record
 * while the pupil is enrolled at its school location, as they see the pupil's file (leerlingen/rules/toegang.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import type { LeerlingPersoon } from '../leerlingen/store.js';
import type { CivilDate } from '../../platform/civil-date.js';
import type { Sector } from '../zorgplicht/rules/termijnen.js';
import type { SchorsingRelatie } from './rules/toegang.js';

/** The pupil and the school location of a decision: what the pages name, the same before and after it is recorded. */
interface LeerlingEnVestiging extends LeerlingPersoon {
  vestigingCode: string;
  vestigingNaam: string;
}

/** The pupil as the school records a decision about it: at the location where it is enrolled now. */
export interface LeerlingOpSchool extends LeerlingEnVestiging {
  /** The pupil's id. */
  id: string;
  soort: string;
}

/** What a schorsing and a verwijdering row share: the record, its pupil and the location it was recorded for. */
interface Leerlinggegevens extends LeerlingEnVestiging {
  /** The record's id (the pupil's is `leerlingId`). */
  id: string;
  leerlingId: string;
  plaats: string | null;
  versie: number;
}

export interface SchorsingRij extends Leerlinggegevens {
  van: string;
  tot: string;
  reden: string;
  besluitOp: string;
  ouderGeinformeerdOp: string | null;
  inspectieMeldingNodig: boolean;
  inspectieGemeldOp: string | null;
  ingetrokkenOp: string | null;
}

export type VerwijderingStatus = 'voorgenomen' | 'definitief' | 'ingetrokken';

export interface VerwijderingRij extends Leerlinggegevens {
  sector: Sector;
  status: VerwijderingStatus;
  voornemenOp: string;
  reden: string;
  leerplichtig: boolean;
  gehoordOp: string | null;
  hoorVerslag: string | null;
  andereSchoolCode: string | null;
  andereSchoolNaam: string | null;
  andereSchoolPlaats: string | null;
  andereSchoolBereidOp: string | null;
  inspectieGeraadpleegdOp: string | null;
  cluster12ZoektochtSinds: string | null;
  besluitOp: string | null;
  ingetrokkenOp: string | null;
}

/** The pupil is enrolled today at location `code` (alias of the pupil column: `leerling`). */
function ingeschrevenOp(leerling: SQL, code: SQL, today: CivilDate): SQL {
  return sql`exists (select 1 from inschrijving i where i.swv_id = ${leerling}.swv_id and i.leerling_id = ${leerling}.id
    and i.vestiging_code = ${code} and i.startdatum <= ${today} and (i.einddatum is null or i.einddatum >= ${today}))`;
}

/** The WHERE fragment for a record `r` (schorsing or verwijdering) joined with its pupil `l` and location `v`. */
function zichtbaarVoor(rel: SchorsingRelatie, today: CivilDate): SQL {
  switch (rel.soort) {
    case 'swv':
      return sql`true`;
    case 'school':
      return sql`r.vestiging_code = ${rel.vestigingCode} and ${ingeschrevenOp(sql`l`, sql`r.vestiging_code`, today)}`;
    case 'bestuur':
      return sql`v.bestuur_nummer = ${rel.bestuurNummer} and ${ingeschrevenOp(sql`l`, sql`r.vestiging_code`, today)}`;
    case 'geen':
      return sql`false`;
  }
}

const LEERLING_KOLOMMEN = sql`r.id, r.leerling_id as "leerlingId", l.voornaam, l.tussenvoegsel, l.achternaam,
  l.geboortedatum::text as geboortedatum, r.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", v.plaats, r.versie`;

const SCHORSING = sql`select ${LEERLING_KOLOMMEN}, r.van::text as van, r.tot::text as tot, r.reden, r.besluit_op::text as "besluitOp",
    r.ouder_geinformeerd_op::text as "ouderGeinformeerdOp", r.inspectie_melding_nodig as "inspectieMeldingNodig",
    r.inspectie_gemeld_op::text as "inspectieGemeldOp", r.ingetrokken_op::text as "ingetrokkenOp"
  from schorsing r join leerling l on l.swv_id = r.swv_id and l.id = r.leerling_id join vestiging v on v.code = r.vestiging_code`;

const VERWIJDERING = sql`select ${LEERLING_KOLOMMEN}, r.sector, r.status, r.voornemen_op::text as "voornemenOp", r.reden, r.leerplichtig,
    r.gehoord_op::text as "gehoordOp", r.hoor_verslag as "hoorVerslag", r.andere_school_code as "andereSchoolCode",
    a.naam as "andereSchoolNaam", a.plaats as "andereSchoolPlaats", r.andere_school_bereid_op::text as "andereSchoolBereidOp",
    r.inspectie_geraadpleegd_op::text as "inspectieGeraadpleegdOp", r.cluster12_zoektocht_sinds::text as "cluster12ZoektochtSinds",
    r.besluit_op::text as "besluitOp", r.ingetrokken_op::text as "ingetrokkenOp"
  from verwijdering r join leerling l on l.swv_id = r.swv_id and l.id = r.leerling_id join vestiging v on v.code = r.vestiging_code
    left join vestiging a on a.code = r.andere_school_code`;

/**
 * The pupil at the school where the actor may record a decision: enrolled today at the actor's own location
 * (school) or at a location of the board (bestuur; the latest enrolment when there are several).
 */
export function findLeerlingOpSchool(ex: Executor, leerlingId: string, rel: SchorsingRelatie, today: CivilDate): Promise<LeerlingOpSchool | undefined> {
  const school = rel.soort === 'school' ? sql`i.vestiging_code = ${rel.vestigingCode}`
    : rel.soort === 'bestuur' ? sql`v.bestuur_nummer = ${rel.bestuurNummer}` : sql`false`;
  return first<LeerlingOpSchool>(ex, sql`select l.id, l.voornaam, l.tussenvoegsel, l.achternaam, l.geboortedatum::text as geboortedatum,
      i.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", v.soort
    from leerling l join inschrijving i on i.swv_id = l.swv_id and i.leerling_id = l.id join vestiging v on v.code = i.vestiging_code
    where l.id = ${leerlingId} and i.startdatum <= ${today} and (i.einddatum is null or i.einddatum >= ${today}) and ${school}
    order by i.startdatum desc, i.vestiging_code limit 1`);
}

/** The pupil exists in this tenant (to name it in a refusal in the audit log). */
export async function leerlingBestaat(ex: Executor, leerlingId: string): Promise<boolean> {
  return (await rows(ex, sql`select 1 from leerling where id = ${leerlingId}`)).length > 0;
}

/** The pupil of a record in this tenant, whoever may see it (to name the pupil in a refusal in the audit log). */
export async function leerlingVan(ex: Executor, tabel: 'schorsing' | 'verwijdering', id: string): Promise<string | null> {
  const q = tabel === 'schorsing' ? sql`select leerling_id as "leerlingId" from schorsing where id = ${id}`
    : sql`select leerling_id as "leerlingId" from verwijdering where id = ${id}`;
  return (await first<{ leerlingId: string }>(ex, q))?.leerlingId ?? null;
}

/** One suspension, when the relationship may see it. */
export function findSchorsing(ex: Executor, id: string, rel: SchorsingRelatie, today: CivilDate): Promise<SchorsingRij | undefined> {
  return first<SchorsingRij>(ex, sql`${SCHORSING} where r.id = ${id} and ${zichtbaarVoor(rel, today)}`);
}

/** One removal, when the relationship may see it. */
export function findVerwijdering(ex: Executor, id: string, rel: SchorsingRelatie, today: CivilDate): Promise<VerwijderingRij | undefined> {
  return first<VerwijderingRij>(ex, sql`${VERWIJDERING} where r.id = ${id} and ${zichtbaarVoor(rel, today)}`);
}

/** Every suspension the relationship may see (optionally of one pupil), newest first. */
export function listSchorsingen(ex: Executor, rel: SchorsingRelatie, today: CivilDate, leerlingId?: string): Promise<SchorsingRij[]> {
  return rows<SchorsingRij>(ex, sql`${SCHORSING} where ${zichtbaarVoor(rel, today)} ${leerlingId ? sql`and r.leerling_id = ${leerlingId}` : sql``}
    order by r.van desc, l.achternaam, r.id`);
}

/** Every removal the relationship may see (optionally of one pupil), newest first. */
export function listVerwijderingen(ex: Executor, rel: SchorsingRelatie, today: CivilDate, leerlingId?: string): Promise<VerwijderingRij[]> {
  return rows<VerwijderingRij>(ex, sql`${VERWIJDERING} where ${zichtbaarVoor(rel, today)} ${leerlingId ? sql`and r.leerling_id = ${leerlingId}` : sql``}
    order by r.voornemen_op desc, l.achternaam, r.id`);
}

/** A new suspension; returns its id. */
export async function insertSchorsing(
  ex: Executor,
  s: { swvId: string; leerlingId: string; vestigingCode: string; van: string; tot: string; reden: string; besluitOp: string;
    ouderGeinformeerdOp: string; inspectieMeldingNodig: boolean; door: string },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into schorsing (swv_id, leerling_id, vestiging_code, van, tot, reden, besluit_op,
      ouder_geinformeerd_op, inspectie_melding_nodig, vastgelegd_door)
    values (${s.swvId}, ${s.leerlingId}, ${s.vestigingCode}, ${s.van}, ${s.tot}, ${s.reden}, ${s.besluitOp}, ${s.ouderGeinformeerdOp},
      ${s.inspectieMeldingNodig}, ${s.door}) returning id`);
  return r!.id;
}

/** Records the written report to the inspectie; false when stale, withdrawn or not needed. */
export async function meldInspectie(ex: Executor, id: string, versie: number, op: string): Promise<boolean> {
  const r = await rows(ex, sql`update schorsing set inspectie_gemeld_op = ${op}, versie = versie + 1
    where id = ${id} and versie = ${versie} and ingetrokken_op is null and inspectie_melding_nodig returning id`);
  return r.length === 1;
}

/** Withdraws a suspension (kept for the record); false when stale or already withdrawn. */
export async function trekSchorsingIn(ex: Executor, id: string, versie: number, op: string): Promise<boolean> {
  const r = await rows(ex, sql`update schorsing set ingetrokken_op = ${op}, versie = versie + 1
    where id = ${id} and versie = ${versie} and ingetrokken_op is null returning id`);
  return r.length === 1;
}

/** A new proposal to remove a pupil; returns its id. */
export async function insertVerwijdering(
  ex: Executor,
  v: { swvId: string; leerlingId: string; vestigingCode: string; sector: Sector; voornemenOp: string; reden: string; leerplichtig: boolean; door: string },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into verwijdering (swv_id, leerling_id, vestiging_code, sector, voornemen_op, reden,
      leerplichtig, vastgelegd_door)
    values (${v.swvId}, ${v.leerlingId}, ${v.vestigingCode}, ${v.sector}, ${v.voornemenOp}, ${v.reden}, ${v.leerplichtig}, ${v.door}) returning id`);
  return r!.id;
}

/** What one step of a proposed removal records (the columns of that step only). */
export type VerwijderingStap =
  | { stap: 'horen'; gehoordOp: string; hoorVerslag: string }
  | { stap: 'andere-school'; andereSchoolCode: string; andereSchoolBereidOp: string }
  | { stap: 'inspectie'; inspectieGeraadpleegdOp: string }
  | { stap: 'zoektocht'; cluster12ZoektochtSinds: string }
  | { stap: 'definitief'; besluitOp: string }
  | { stap: 'intrekken'; ingetrokkenOp: string };

function zet(s: VerwijderingStap): SQL {
  switch (s.stap) {
    case 'horen':
      return sql`gehoord_op = ${s.gehoordOp}, hoor_verslag = ${s.hoorVerslag}`;
    case 'andere-school':
      return sql`andere_school_code = ${s.andereSchoolCode}, andere_school_bereid_op = ${s.andereSchoolBereidOp}`;
    case 'inspectie':
      return sql`inspectie_geraadpleegd_op = ${s.inspectieGeraadpleegdOp}`;
    case 'zoektocht':
      return sql`cluster12_zoektocht_sinds = ${s.cluster12ZoektochtSinds}`;
    case 'definitief':
      return sql`status = 'definitief', besluit_op = ${s.besluitOp}`;
    case 'intrekken':
      return sql`status = 'ingetrokken', ingetrokken_op = ${s.ingetrokkenOp}`;
  }
}

/** Records one step on a removal that is still proposed (optimistic lock); false when stale or no longer proposed. */
export async function wijzigVerwijdering(ex: Executor, id: string, versie: number, stap: VerwijderingStap): Promise<boolean> {
  const r = await rows(ex, sql`update verwijdering set ${zet(stap)}, versie = versie + 1
    where id = ${id} and versie = ${versie} and status = 'voorgenomen' returning id`);
  return r.length === 1;
}

/** A location of the SWV (the school that will admit the pupil is chosen from these), or undefined. */
export async function schoolInSwv(ex: Executor, code: string, swvId: string): Promise<{ code: string; naam: string } | undefined> {
  return first(ex, sql`select code, naam from vestiging where code = ${code} and (swv_po = ${swvId} or swv_vo = ${swvId})`);
}

/** The locations of an SWV, for the choice of the school that will admit the pupil. */
export function scholenVanSwv(ex: Executor, swvId: string): Promise<{ code: string; naam: string; plaats: string | null }[]> {
  return rows(ex, sql`select code, naam, plaats from vestiging where swv_po = ${swvId} or swv_vo = ${swvId} order by naam, code`);
}

/**
 * Every suspension and removal of one pupil, whoever recorded them: for the parents' copy of everything about their
 * child (AVG art. 15). The caller has checked the parent's gezag; RLS still keeps it inside the tenant.
 */
export async function vanLeerling(ex: Executor, leerlingId: string, today: CivilDate): Promise<{ schorsingen: SchorsingRij[]; verwijderingen: VerwijderingRij[] }> {
  const alles: SchorsingRelatie = { soort: 'swv' };
  const [schorsingen, verwijderingen] = await Promise.all([listSchorsingen(ex, alles, today, leerlingId), listVerwijderingen(ex, alles, today, leerlingId)]);
  return { schorsingen, verwijderingen };
}
