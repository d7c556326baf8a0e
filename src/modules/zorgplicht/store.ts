/**
 * All SQL of aanmeldingen. Tenant transaction (RLS) and the relationship from rules/toegang.ts in the WHERE clause,
 * so an application the user may not see is simply not found.
 */
import { sql, type SQL } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import { ouderMetGezag, type LeerlingPersoon } from '../leerlingen/store.js';
import type { AanmeldingRelatie } from './rules/toegang.js';
import type { Sector } from './rules/termijnen.js';

export interface AanmeldingRij extends LeerlingPersoon {
  id: string;
  leerlingId: string;
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
  ouderInformatie: string | null;
  opgeschortVan: string | null;
  opgeschortTot: string | null;
  opschortingReden: string | null;
  ingetrokkenOp: string | null;
  intrekkingReden: string | null;
  tijdelijkGeplaatstVanaf: string | null;
  bron: 'school' | 'ouder';
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
    case 'ouder':
      // Only a parent with gezag sees the application (security-notes §1.2; the file of a child is health data).
      return ouderMetGezag(sql`a.swv_id`, sql`a.leerling_id`, r.gebruikerId);
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
  a.beoordeeld_op::text as "beoordeeldOp", a.besluit, a.besluit_op::text as "besluitOp", a.besluit_toelichting as "besluitToelichting",
  a.ouder_informatie as "ouderInformatie", a.opgeschort_van::text as "opgeschortVan", a.opgeschort_tot::text as "opgeschortTot",
  a.opschorting_reden as "opschortingReden", a.ingetrokken_op::text as "ingetrokkenOp", a.intrekking_reden as "intrekkingReden",
  a.tijdelijk_geplaatst_vanaf::text as "tijdelijkGeplaatstVanaf", a.bron, a.versie`;

const VAN = sql`from aanmelding a join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id join vestiging v on v.code = a.vestiging_code`;

/** The overview's filters (SWV staff: school and board). */
export interface Filter {
  vestigingCode?: string;
  bestuurNummer?: string;
}

function filterSql(f: Filter): SQL {
  return sql`${f.vestigingCode ? sql`and a.vestiging_code = ${f.vestigingCode}` : sql``}
    ${f.bestuurNummer ? sql`and v.bestuur_nummer = ${f.bestuurNummer}` : sql``}`;
}

/** Every application the relationship may see (the CSV export), oldest deadline first. */
export function listAanmeldingen(ex: Executor, r: AanmeldingRelatie, f: Filter = {}): Promise<AanmeldingRij[]> {
  return rows<AanmeldingRij>(ex, sql`select ${KOLOMMEN} ${VAN} where ${zichtbaarVoor(r)} ${filterSql(f)}
    order by coalesce(a.verlengd_tot, a.ontvangen_op + 42 + coalesce(a.opgeschort_tot - a.opgeschort_van + 1, 0)), l.achternaam, a.id`);
}

/** Just what the clock needs, for every application the relationship may see: the overview counts and pages with it. */
export interface KlokRij {
  id: string;
  ontvangenOp: string;
  verlengdTot: string | null;
  opgeschortVan: string | null;
  opgeschortTot: string | null;
  besluit: string | null;
  besluitOp: string | null;
  ingetrokkenOp: string | null;
}

export function listKlokken(ex: Executor, r: AanmeldingRelatie, f: Filter = {}): Promise<KlokRij[]> {
  return rows<KlokRij>(ex, sql`select a.id, a.ontvangen_op::text as "ontvangenOp", a.verlengd_tot::text as "verlengdTot",
      a.opgeschort_van::text as "opgeschortVan", a.opgeschort_tot::text as "opgeschortTot", a.besluit, a.besluit_op::text as "besluitOp",
      a.ingetrokken_op::text as "ingetrokkenOp"
    from aanmelding a join vestiging v on v.code = a.vestiging_code where ${zichtbaarVoor(r)} ${filterSql(f)}`);
}

/** The full rows of some applications (one page of the overview), still only those the relationship may see. */
export function listAanmeldingenOpId(ex: Executor, r: AanmeldingRelatie, ids: readonly string[]): Promise<AanmeldingRij[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<AanmeldingRij>(ex, sql`select ${KOLOMMEN} ${VAN} where ${zichtbaarVoor(r)} and a.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}

/** The boards with a school location in the SWV, for the overview's board filter. */
export function besturenVanSwv(ex: Executor, swvId: string): Promise<{ nummer: string; naam: string | null }[]> {
  return rows(ex, sql`select distinct b.nummer, b.naam from vestiging v join bestuur b on b.nummer = v.bestuur_nummer
    where v.swv_po = ${swvId} or v.swv_vo = ${swvId} order by b.naam, b.nummer`);
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
    andereScholen: string; isEersteVoorkeur: boolean; extraOndersteuningVerwacht: boolean; ouderInformatie: string | null;
    bron: 'school' | 'ouder'; door: string | null },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into aanmelding (swv_id, leerling_id, vestiging_code, sector, ontvangen_op,
      gewenste_startdatum, andere_scholen, is_eerste_voorkeur, extra_ondersteuning_verwacht, ouder_informatie, bron, geregistreerd_door)
    values (${v.swvId}, ${v.leerlingId}, ${v.vestigingCode}, ${v.sector}, ${v.ontvangenOp}, ${v.gewensteStartdatum}, ${v.andereScholen},
      ${v.isEersteVoorkeur}, ${v.extraOndersteuningVerwacht}, ${v.ouderInformatie}, ${v.bron}, ${v.door}) returning id`);
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

/**
 * Records the decision; false when stale or already decided. A provisionally placed pupil keeps the status
 * 'tijdelijk-geplaatst' in the record of the placement; the application itself is decided.
 */
export async function besluit(ex: Executor, id: string, versie: number, v: { besluit: string; op: string; toelichting: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set besluit = ${v.besluit}, besluit_op = ${v.op}, besluit_toelichting = ${v.toelichting},
      status = 'besluit-genomen', versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and besluit is null and ingetrokken_op is null returning id`);
  return r.length === 1;
}

/**
 * After a refusal of a provisionally placed pupil the enrolment ends: de-registered from the day after the
 * decision (WPO 40 lid 7 c.s., rules/toelating.ts uitschrijvingNaWeigering). The enrolment's last day is the
 * decision day itself.
 */
export async function beeindigInschrijving(ex: Executor, inschrijvingId: string, laatsteDag: string): Promise<void> {
  await ex.execute(sql`update inschrijving set einddatum = ${laatsteDag} where id = ${inschrijvingId} and (einddatum is null or einddatum > ${laatsteDag})`);
}

/** The enrolment made by a provisional placement, if any. */
export async function inschrijvingVanAanmelding(ex: Executor, id: string): Promise<string | null> {
  return (await first<{ inschrijvingId: string | null }>(ex, sql`select inschrijving_id as "inschrijvingId" from aanmelding where id = ${id}`))?.inschrijvingId ?? null;
}

/** Records the vo suspension of the term (one period; WVO 27 lid 2g); false when stale or decided. */
export async function schortOp(ex: Executor, id: string, versie: number, v: { van: string; tot: string; reden: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set opgeschort_van = ${v.van}, opgeschort_tot = ${v.tot}, opschorting_reden = ${v.reden},
      versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and besluit is null and ingetrokken_op is null and opgeschort_van is null returning id`);
  return r.length === 1;
}

/** Records that the parents withdrew the application; the clock stops. False when stale or decided. */
export async function trekIn(ex: Executor, id: string, versie: number, v: { op: string; reden: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding set ingetrokken_op = ${v.op}, intrekking_reden = ${v.reden}, status = 'ingetrokken',
      versie = versie + 1, updated_at = now()
    where id = ${id} and versie = ${versie} and besluit is null and ingetrokken_op is null returning id`);
  return r.length === 1;
}

/** What both sides of a placement request see: the question and the answer. */
interface VerzoekKern {
  id: string;
  gevraagdOp: string;
  vraag: string;
  status: AntwoordStatus;
  antwoordOp: string | null;
  antwoordToelichting: string | null;
  versie: number;
}

/** A placement request as the requesting school and the SWV see it. */
export interface VerzoekRij extends VerzoekKern {
  aanmeldingId: string;
  vestigingCode: string;
  vestigingNaam: string;
}

export type AntwoordStatus = 'gevraagd' | 'overweegt' | 'bereid' | 'afgewezen';

/** The placement requests of one application. */
export function listVerzoeken(ex: Executor, aanmeldingId: string): Promise<VerzoekRij[]> {
  return rows<VerzoekRij>(ex, sql`select p.id, p.aanmelding_id as "aanmeldingId", p.vestiging_code as "vestigingCode", v.naam as "vestigingNaam",
      p.gevraagd_op::text as "gevraagdOp", p.vraag, p.status, p.antwoord_op::text as "antwoordOp",
      p.antwoord_toelichting as "antwoordToelichting", p.versie
    from plaatsingsverzoek p join vestiging v on v.code = p.vestiging_code
    where p.aanmelding_id = ${aanmeldingId} order by p.gevraagd_op, p.created_at`);
}

/** A new placement request; undefined when this school was already asked (unique per application and school). */
export async function insertVerzoek(
  ex: Executor, v: { swvId: string; aanmeldingId: string; vestigingCode: string; op: string; vraag: string; door: string | null },
): Promise<string | undefined> {
  return (await first<{ id: string }>(ex, sql`insert into plaatsingsverzoek (swv_id, aanmelding_id, vestiging_code, gevraagd_op, vraag, gevraagd_door)
    values (${v.swvId}, ${v.aanmeldingId}, ${v.vestigingCode}, ${v.op}, ${v.vraag}, ${v.door})
    on conflict (swv_id, aanmelding_id, vestiging_code) do nothing returning id`))?.id;
}

/**
 * A request as the ASKED school sees it: only what it needs to answer (the child's name and birth date, the kind
 * of education, the desired start, the question and who asks) — not the application's other content.
 */
export interface InkomendVerzoekRij extends VerzoekKern, LeerlingPersoon {
  leerlingId: string;
  sector: Sector;
  gewensteStartdatum: string | null;
  vragendeSchool: string;
}

const INKOMEND = sql`select p.id, a.leerling_id as "leerlingId", l.voornaam, l.tussenvoegsel, l.achternaam, l.geboortedatum::text as geboortedatum,
    a.sector, a.gewenste_startdatum::text as "gewensteStartdatum", va.naam as "vragendeSchool", p.gevraagd_op::text as "gevraagdOp", p.vraag,
    p.status, p.antwoord_op::text as "antwoordOp", p.antwoord_toelichting as "antwoordToelichting", p.versie
  from plaatsingsverzoek p join aanmelding a on a.swv_id = p.swv_id and a.id = p.aanmelding_id
    join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id join vestiging va on va.code = a.vestiging_code`;

/** The requests addressed to a school location, open ones first. */
export function listInkomend(ex: Executor, vestigingCode: string): Promise<InkomendVerzoekRij[]> {
  return rows<InkomendVerzoekRij>(ex, sql`${INKOMEND} where p.vestiging_code = ${vestigingCode} and p.status <> 'ingetrokken'
    order by (p.status in ('gevraagd', 'overweegt')) desc, p.gevraagd_op, p.id`);
}

/** One request addressed to the school location, or undefined. */
export function findInkomend(ex: Executor, id: string, vestigingCode: string): Promise<InkomendVerzoekRij | undefined> {
  return first<InkomendVerzoekRij>(ex, sql`${INKOMEND} where p.id = ${id} and p.vestiging_code = ${vestigingCode} and p.status <> 'ingetrokken'`);
}

/** The pupil of a request (to name it in a refused read in the audit log). */
export async function leerlingVanVerzoek(ex: Executor, id: string): Promise<string | null> {
  return (await first<{ leerlingId: string }>(ex, sql`select a.leerling_id as "leerlingId" from plaatsingsverzoek p
    join aanmelding a on a.swv_id = p.swv_id and a.id = p.aanmelding_id where p.id = ${id}`))?.leerlingId ?? null;
}

/**
 * Records the asked school's answer; false when stale. A final answer ('bereid', 'afgewezen') cannot be changed
 * here: the requesting school may already have refused on the strength of it.
 */
export async function beantwoordVerzoek(
  ex: Executor, id: string, versie: number, v: { status: AntwoordStatus; op: string; toelichting: string | null; door: string },
): Promise<boolean> {
  const r = await rows(ex, sql`update plaatsingsverzoek set status = ${v.status}, antwoord_op = ${v.op}, antwoord_toelichting = ${v.toelichting},
      beantwoord_door = ${v.door}, versie = versie + 1
    where id = ${id} and versie = ${versie} and status in ('gevraagd', 'overweegt') returning id`);
  return r.length === 1;
}

/** An advice request to the SWV about an application. */
export interface AdviesRij {
  id: string;
  vraag: string;
  gevraagdOp: string;
  advies: string | null;
  adviesOp: string | null;
}

export function listAdviezen(ex: Executor, aanmeldingId: string): Promise<AdviesRij[]> {
  return rows<AdviesRij>(ex, sql`select id, vraag, gevraagd_op::text as "gevraagdOp", advies, advies_op::text as "adviesOp"
    from aanmelding_advies where aanmelding_id = ${aanmeldingId} order by gevraagd_op, created_at`);
}

export async function insertAdviesvraag(ex: Executor, v: { swvId: string; aanmeldingId: string; vraag: string; op: string; door: string | null }): Promise<string> {
  return (await first<{ id: string }>(ex, sql`insert into aanmelding_advies (swv_id, aanmelding_id, vraag, gevraagd_op, gevraagd_door)
    values (${v.swvId}, ${v.aanmeldingId}, ${v.vraag}, ${v.op}, ${v.door}) returning id`))!.id;
}

/** Records the SWV's advice; false when the request is unknown for this application or already answered. */
export async function geefAdvies(ex: Executor, id: string, aanmeldingId: string, v: { advies: string; op: string; door: string }): Promise<boolean> {
  const r = await rows(ex, sql`update aanmelding_advies set advies = ${v.advies}, advies_op = ${v.op}, geadviseerd_door = ${v.door}
    where id = ${id} and aanmelding_id = ${aanmeldingId} and advies is null returning id`);
  return r.length === 1;
}

/** Open advice requests in the SWV, oldest first (the SWV's to-do list on its overview). */
export function listOpenAdviesvragen(ex: Executor): Promise<{ aanmeldingId: string; leerlingId: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; vestigingNaam: string; gevraagdOp: string }[]> {
  return rows(ex, sql`select a.id as "aanmeldingId", a.leerling_id as "leerlingId", l.voornaam, l.tussenvoegsel, l.achternaam,
      v.naam as "vestigingNaam", d.gevraagd_op::text as "gevraagdOp"
    from aanmelding_advies d join aanmelding a on a.swv_id = d.swv_id and a.id = d.aanmelding_id
      join leerling l on l.swv_id = a.swv_id and l.id = a.leerling_id join vestiging v on v.code = a.vestiging_code
    where d.advies is null order by d.gevraagd_op, d.created_at limit 200`);
}

/** A school location as the public application needs it (register data, public). */
export function vestigingVoorAanmelding(ex: Executor, code: string) {
  return first<{ code: string; naam: string; plaats: string | null; soort: string; swvPo: string | null; swvVo: string | null }>(ex,
    sql`select code, naam, plaats, soort, swv_po as "swvPo", swv_vo as "swvVo" from vestiging where code = ${code}`);
}

/**
 * The day a provisional placement by law at this location became definitive: the admission decision of the
 * application that placed the child (WPO 40 lid 7 c.s.), or null. The OPP's 6 weeks count from then (WPO 40a lid 2).
 */
export async function definitiefNaTijdelijkePlaatsing(ex: Executor, leerlingId: string, vestigingCode: string): Promise<string | null> {
  const r = await first<{ op: string }>(ex, sql`select besluit_op::text as op from aanmelding
    where leerling_id = ${leerlingId} and vestiging_code = ${vestigingCode} and tijdelijk_geplaatst_vanaf is not null
      and besluit = 'toegelaten' and besluit_op is not null order by besluit_op desc limit 1`);
  return r?.op ?? null;
}
