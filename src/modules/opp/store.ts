/**
 * All SQL of the OPP. Every query runs in a tenant transaction (RLS) and is scoped by the relationship of
 * rules/toegang.ts in its WHERE clause, so an OPP the user may not see is simply not found. School staff and the
 * board see an OPP while the pupil is enrolled at its school location, and a running one also after the pupil left
 * (so the school can close it and its end date reaches the ROD).
 */
import { sql, type SQL } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import type { CivilDate } from '../../platform/civil-date.js';
import { ouderMetGezag, type LeerlingPersoon } from '../leerlingen/store.js';
import type { OppRelatie } from './rules/toegang.js';
import type { Aanleiding, Onderwijssoort } from './rules/termijn.js';
import type { Antwoord, Factor, Handeling, Resultaat, VersieInhoud } from './rules/inhoud.js';
import type { Instemming } from './rules/vaststelling.js';
import type { MeningVan, MeningVorm } from './rules/hoorrecht.js';

export type OogoUitkomst = 'overeenstemming' | 'deels' | 'geen-overeenstemming';
export type Conclusie = 'doorgaan' | 'bijstellen' | 'afsluiten';
export type InstemmingBron = 'online' | 'school';

export interface OppRij extends LeerlingPersoon {
  id: string;
  leerlingId: string;
  vestigingCode: string;
  vestigingNaam: string;
  plaats: string | null;
  soort: Onderwijssoort;
  aanleiding: Aanleiding;
  ingeschrevenOp: CivilDate;
  definitiefOp: CivilDate | null;
  uiterlijk: CivilDate;
  instemmingDoor: 'ouders' | 'leerling';
  gestartOp: CivilDate;
  afgeslotenOp: CivilDate | null;
  afsluitReden: string | null;
  versie: number;
}

export interface VersieRij extends VersieInhoud {
  id: string;
  oppId: string;
  volgnummer: number;
  factoren: Factor[];
  handelingsdeel: Handeling[];
  wijziging: string;
  evaluatieId: string | null;
  gemaaktDoorNaam: string | null;
  gemaaktOp: Date;
  vastgesteldOp: CivilDate | null;
  vastgesteldDoorNaam: string | null;
  cvbAdviesOp: CivilDate | null;
}

export interface OogoRij {
  id: string;
  oppId: string;
  volgnummer: number;
  op: CivilDate;
  deelnemers: string;
  uitkomst: OogoUitkomst;
  verslag: string;
  doorNaam: string | null;
}

export interface InstemmingRij {
  id: string;
  oppId: string;
  versieId: string;
  volgnummer: number;
  uitkomst: Instemming;
  op: CivilDate;
  reden: string | null;
  bron: InstemmingBron;
  namens: string;
  beslisser: 'ouders' | 'leerling';
  doorRol: string;
  createdAt: Date;
}

export interface MeningRij {
  id: string;
  oppId: string;
  volgnummer: number;
  van: MeningVan;
  soort: 'mening' | 'niet-gehoord';
  antwoorden: Antwoord[];
  reden: string | null;
  vorm: MeningVorm;
  gegevenOp: CivilDate;
  namens: string;
  doorRol: string;
  reactie: string | null;
  reactieOp: CivilDate | null;
  reactieDoorNaam: string | null;
  versie: number;
}

export interface EvaluatieRij {
  id: string;
  oppId: string;
  versieId: string;
  volgnummer: number;
  op: CivilDate;
  deelnemers: string;
  metOuders: boolean;
  resultaten: Resultaat[];
  conclusie: Conclusie;
  toelichting: string;
  doorNaam: string | null;
}

/** Everything recorded about a set of OPPs, grouped per OPP. */
export interface OppRecords {
  versies: VersieRij[];
  oogos: OogoRij[];
  instemmingen: InstemmingRij[];
  meningen: MeningRij[];
  evaluaties: EvaluatieRij[];
}

/** The pupil is enrolled today at location `code` (pupil alias `l`). */
function ingeschrevenOp(code: SQL, today: CivilDate): SQL {
  return sql`exists (select 1 from inschrijving i where i.swv_id = l.swv_id and i.leerling_id = l.id
    and i.vestiging_code = ${code} and i.startdatum <= ${today} and (i.einddatum is null or i.einddatum >= ${today}))`;
}

/** The WHERE fragment for an OPP `o` joined with its pupil `l` and location `v`. */
function zichtbaarVoor(rel: OppRelatie, today: CivilDate): SQL {
  switch (rel.soort) {
    // A running OPP stays with its school when the pupil leaves, so the school can close it (its end date goes to
    // the ROD); a closed one only while the pupil is enrolled there.
    case 'school':
      return sql`o.vestiging_code = ${rel.vestigingCode} and (o.afgesloten_op is null or ${ingeschrevenOp(sql`o.vestiging_code`, today)})`;
    case 'bestuur':
      return sql`v.bestuur_nummer = ${rel.bestuurNummer} and (o.afgesloten_op is null or ${ingeschrevenOp(sql`o.vestiging_code`, today)})`;
    case 'ouder':
      return ouderMetGezag(sql`o.swv_id`, sql`o.leerling_id`, rel.gebruikerId);
    case 'leerling':
      return sql`o.leerling_id = ${rel.leerlingId}`;
    case 'geen':
      return sql`false`;
  }
}

const OPP = sql`select o.id, o.leerling_id as "leerlingId", l.voornaam, l.tussenvoegsel, l.achternaam,
    l.geboortedatum::text as geboortedatum, o.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", v.plaats, o.soort,
    o.aanleiding, o.ingeschreven_op::text as "ingeschrevenOp", o.definitief_op::text as "definitiefOp", o.uiterlijk::text as uiterlijk,
    o.instemming_door as "instemmingDoor", o.gestart_op::text as "gestartOp", o.afgesloten_op::text as "afgeslotenOp",
    o.afsluit_reden as "afsluitReden", o.versie
  from opp o join leerling l on l.swv_id = o.swv_id and l.id = o.leerling_id join vestiging v on v.code = o.vestiging_code`;

/** One OPP, when the relationship may see it; `vergrendel` locks its row until the end of the transaction. */
export function findOpp(ex: Executor, id: string, rel: OppRelatie, today: CivilDate, opts: { vergrendel?: boolean } = {}): Promise<OppRij | undefined> {
  return first<OppRij>(ex, sql`${OPP} where o.id = ${id} and ${zichtbaarVoor(rel, today)} ${opts.vergrendel ? sql`for update of o` : sql``}`);
}

/** Every OPP the relationship may see (optionally of one pupil; optionally only running ones), by pupil name. */
export function listOpps(ex: Executor, rel: OppRelatie, today: CivilDate, opts: { leerlingId?: string; lopend?: boolean } = {}): Promise<OppRij[]> {
  return rows<OppRij>(ex, sql`${OPP} where ${zichtbaarVoor(rel, today)}
    ${opts.leerlingId ? sql`and o.leerling_id = ${opts.leerlingId}` : sql``}
    ${opts.lopend ? sql`and o.afgesloten_op is null` : sql``}
    order by o.afgesloten_op is not null, l.achternaam, l.voornaam, o.gestart_op desc, o.id`);
}

/** The pupil of an OPP in this tenant, whoever may see it (to name the pupil in a refusal in the audit log). */
export async function leerlingVanOpp(ex: Executor, id: string): Promise<string | null> {
  return (await first<{ leerlingId: string }>(ex, sql`select leerling_id as "leerlingId" from opp where id = ${id}`))?.leerlingId ?? null;
}

const VERSIE = sql`select x.id, x.opp_id as "oppId", x.volgnummer, x.uitstroom, x.uitstroom_toelichting as "uitstroomToelichting",
    x.factoren, x.handelingsdeel, x.afwijkingen, x.wijziging, x.evaluatie_id as "evaluatieId", g.naam as "gemaaktDoorNaam",
    x.gemaakt_op as "gemaaktOp", x.vastgesteld_op::text as "vastgesteldOp", s.naam as "vastgesteldDoorNaam", x.cvb_advies_op::text as "cvbAdviesOp"
  from opp_versie x left join gebruiker g on g.id = x.gemaakt_door left join gebruiker s on s.id = x.vastgesteld_door`;

/**
 * Every record of these OPPs in five queries (one per kind), grouped per OPP: the page of one OPP and the list of a
 * school's OPPs read the same way.
 */
export async function laadRecords(ex: Executor, oppIds: readonly string[]): Promise<Map<string, OppRecords>> {
  const uit = new Map<string, OppRecords>(oppIds.map((id) => [id, { versies: [], oogos: [], instemmingen: [], meningen: [], evaluaties: [] }]));
  if (oppIds.length === 0) return uit;
  const ids = sql`${`{${oppIds.join(',')}}`}::uuid[]`;
  // One after the other: a transaction is one connection, so queries in it never run in parallel (and pg 9 will
  // refuse a second query while one runs).
  const versies = await rows<VersieRij>(ex, sql`${VERSIE} where x.opp_id = any(${ids}) order by x.opp_id, x.volgnummer`);
  const oogos = await rows<OogoRij>(ex, sql`select r.id, r.opp_id as "oppId", r.volgnummer, r.op::text as op, r.deelnemers, r.uitkomst, r.verslag, g.naam as "doorNaam"
      from opp_oogo r left join gebruiker g on g.id = r.vastgelegd_door where r.opp_id = any(${ids}) order by r.op, r.created_at`);
  const instemmingen = await rows<InstemmingRij>(ex, sql`select r.id, r.opp_id as "oppId", r.versie_id as "versieId", r.volgnummer, r.uitkomst, r.op::text as op, r.reden,
        r.bron, r.namens, r.beslisser, r.door_rol as "doorRol", r.created_at as "createdAt"
      from opp_instemming r where r.opp_id = any(${ids}) order by r.op, r.created_at`);
  const meningen = await rows<MeningRij>(ex, sql`select r.id, r.opp_id as "oppId", r.volgnummer, r.van, r.soort, r.antwoorden, r.reden, r.vorm,
        r.gegeven_op::text as "gegevenOp", r.namens, r.door_rol as "doorRol", r.reactie, r.reactie_op::text as "reactieOp",
        g.naam as "reactieDoorNaam", r.versie
      from opp_mening r left join gebruiker g on g.id = r.reactie_door where r.opp_id = any(${ids}) order by r.gegeven_op, r.created_at`);
  const evaluaties = await rows<EvaluatieRij>(ex, sql`select r.id, r.opp_id as "oppId", r.versie_id as "versieId", r.volgnummer, r.op::text as op, r.deelnemers,
        r.met_ouders as "metOuders", r.resultaten, r.conclusie, r.toelichting, g.naam as "doorNaam"
      from opp_evaluatie r left join gebruiker g on g.id = r.vastgelegd_door where r.opp_id = any(${ids}) order by r.op, r.created_at`);
  for (const v of versies) uit.get(v.oppId)!.versies.push(v);
  for (const r of oogos) uit.get(r.oppId)!.oogos.push(r);
  for (const r of instemmingen) uit.get(r.oppId)!.instemmingen.push(r);
  for (const r of meningen) uit.get(r.oppId)!.meningen.push(r);
  for (const r of evaluaties) uit.get(r.oppId)!.evaluaties.push(r);
  return uit;
}

// ---------------------------------------------------------------------------------------------------------------
// Starting an OPP

/** The pupil as the school starts an OPP: enrolled today at the actor's location, with that enrolment's start. */
export interface LeerlingVoorOpp extends LeerlingPersoon {
  id: string;
  vestigingCode: string;
  vestigingNaam: string;
  schoolsoort: string;
  ingeschrevenOp: CivilDate;
  /** The running OPP at this school, if there is one. */
  lopendeOppId: string | null;
}

export function findLeerlingVoorOpp(ex: Executor, leerlingId: string, vestigingCode: string, today: CivilDate): Promise<LeerlingVoorOpp | undefined> {
  return first<LeerlingVoorOpp>(ex, sql`select l.id, l.voornaam, l.tussenvoegsel, l.achternaam, l.geboortedatum::text as geboortedatum,
      i.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", v.soort as schoolsoort, i.startdatum::text as "ingeschrevenOp",
      (select o.id from opp o where o.swv_id = l.swv_id and o.leerling_id = l.id and o.vestiging_code = i.vestiging_code
         and o.afgesloten_op is null limit 1) as "lopendeOppId"
    from leerling l join inschrijving i on i.swv_id = l.swv_id and i.leerling_id = l.id join vestiging v on v.code = i.vestiging_code
    where l.id = ${leerlingId} and i.vestiging_code = ${vestigingCode} and i.startdatum <= ${today}
      and (i.einddatum is null or i.einddatum >= ${today})
    order by i.startdatum desc limit 1`);
}

export async function insertOpp(
  ex: Executor,
  o: { swvId: string; leerlingId: string; vestigingCode: string; soort: Onderwijssoort; aanleiding: Aanleiding; ingeschrevenOp: CivilDate;
    definitiefOp: CivilDate | null; uiterlijk: CivilDate; gestartOp: CivilDate; door: string },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into opp (swv_id, leerling_id, vestiging_code, soort, aanleiding, ingeschreven_op,
      definitief_op, uiterlijk, gestart_op, gestart_door)
    values (${o.swvId}, ${o.leerlingId}, ${o.vestigingCode}, ${o.soort}, ${o.aanleiding}, ${o.ingeschrevenOp}, ${o.definitiefOp},
      ${o.uiterlijk}, ${o.gestartOp}, ${o.door}) returning id`);
  return r!.id;
}

// ---------------------------------------------------------------------------------------------------------------
// Versions and records

/**
 * A new version with the next number after `basis`. The unique (opp, volgnummer) key makes two saves based on the
 * same version collide: the second gets a unique violation, which the command turns into the conflict page.
 */
export async function insertVersie(
  ex: Executor,
  v: { swvId: string; oppId: string; volgnummer: number; inhoud: VersieInhoud; wijziging: string; evaluatieId: string | null; door: string; op: Date },
): Promise<string> {
  // gemaakt_op from the app's clock, not now(): the dates people record are checked against it (and tests move it).
  const r = await first<{ id: string }>(ex, sql`insert into opp_versie (swv_id, opp_id, volgnummer, uitstroom, uitstroom_toelichting,
      factoren, handelingsdeel, afwijkingen, wijziging, evaluatie_id, gemaakt_door, gemaakt_op)
    values (${v.swvId}, ${v.oppId}, ${v.volgnummer}, ${v.inhoud.uitstroom}, ${v.inhoud.uitstroomToelichting},
      ${JSON.stringify(v.inhoud.factoren)}::jsonb, ${JSON.stringify(v.inhoud.handelingsdeel)}::jsonb, ${v.inhoud.afwijkingen},
      ${v.wijziging}, ${v.evaluatieId}, ${v.door}, ${v.op.toISOString()}) returning id`);
  return r!.id;
}

/** Records the adoption of a version that is not adopted yet; false when it already was. */
export async function stelVast(ex: Executor, versieId: string, v: { op: CivilDate; door: string; cvbAdviesOp: CivilDate | null }): Promise<boolean> {
  const r = await rows(ex, sql`update opp_versie set vastgesteld_op = ${v.op}, vastgesteld_door = ${v.door}, cvb_advies_op = ${v.cvbAdviesOp}
    where id = ${versieId} and vastgesteld_op is null returning id`);
  return r.length === 1;
}

export async function insertOogo(
  ex: Executor,
  o: { swvId: string; oppId: string; volgnummer: number; op: CivilDate; deelnemers: string; uitkomst: OogoUitkomst; verslag: string; door: string },
): Promise<void> {
  await ex.execute(sql`insert into opp_oogo (swv_id, opp_id, volgnummer, op, deelnemers, uitkomst, verslag, vastgelegd_door)
    values (${o.swvId}, ${o.oppId}, ${o.volgnummer}, ${o.op}, ${o.deelnemers}, ${o.uitkomst}, ${o.verslag}, ${o.door})`);
}

export async function insertInstemming(
  ex: Executor,
  i: { swvId: string; oppId: string; versieId: string; volgnummer: number; uitkomst: Instemming; op: CivilDate; reden: string | null;
    bron: InstemmingBron; namens: string; beslisser: 'ouders' | 'leerling'; door: string; doorRol: string },
): Promise<void> {
  await ex.execute(sql`insert into opp_instemming (swv_id, opp_id, versie_id, volgnummer, uitkomst, op, reden, bron, namens, beslisser, door_gebruiker, door_rol)
    values (${i.swvId}, ${i.oppId}, ${i.versieId}, ${i.volgnummer}, ${i.uitkomst}, ${i.op}, ${i.reden}, ${i.bron}, ${i.namens}, ${i.beslisser}, ${i.door}, ${i.doorRol})`);
}

export async function insertMening(
  ex: Executor,
  m: { swvId: string; oppId: string; volgnummer: number; van: MeningVan; soort: 'mening' | 'niet-gehoord'; antwoorden: Antwoord[];
    reden: string | null; vorm: MeningVorm; gegevenOp: CivilDate; namens: string; door: string; doorRol: string },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into opp_mening (swv_id, opp_id, volgnummer, van, soort, antwoorden, reden, vorm,
      gegeven_op, namens, door_gebruiker, door_rol)
    values (${m.swvId}, ${m.oppId}, ${m.volgnummer}, ${m.van}, ${m.soort}, ${JSON.stringify(m.antwoorden)}::jsonb, ${m.reden}, ${m.vorm},
      ${m.gegevenOp}, ${m.namens}, ${m.door}, ${m.doorRol}) returning id`);
  return r!.id;
}

/** Records what the school did with a view, once (optimistic lock on the view's version); false when stale or already there. */
export async function reageerOpMening(ex: Executor, id: string, oppId: string, versie: number, r: { reactie: string; op: CivilDate; door: string }): Promise<boolean> {
  const uit = await rows(ex, sql`update opp_mening set reactie = ${r.reactie}, reactie_op = ${r.op}, reactie_door = ${r.door}, versie = versie + 1
    where id = ${id} and opp_id = ${oppId} and versie = ${versie} and reactie is null returning id`);
  return uit.length === 1;
}

export async function insertEvaluatie(
  ex: Executor,
  e: { swvId: string; oppId: string; versieId: string; volgnummer: number; op: CivilDate; deelnemers: string; metOuders: boolean;
    resultaten: Resultaat[]; conclusie: Conclusie; toelichting: string; door: string },
): Promise<string> {
  const r = await first<{ id: string }>(ex, sql`insert into opp_evaluatie (swv_id, opp_id, versie_id, volgnummer, op, deelnemers, met_ouders,
      resultaten, conclusie, toelichting, vastgelegd_door)
    values (${e.swvId}, ${e.oppId}, ${e.versieId}, ${e.volgnummer}, ${e.op}, ${e.deelnemers}, ${e.metOuders},
      ${JSON.stringify(e.resultaten)}::jsonb, ${e.conclusie}, ${e.toelichting}, ${e.door}) returning id`);
  return r!.id;
}

/** Closes a running OPP (optimistic lock); false when stale or already closed. */
export async function sluitOpp(ex: Executor, id: string, versie: number, v: { op: CivilDate; reden: string }): Promise<boolean> {
  const r = await rows(ex, sql`update opp set afgesloten_op = ${v.op}, afsluit_reden = ${v.reden}, versie = versie + 1
    where id = ${id} and versie = ${versie} and afgesloten_op is null returning id`);
  return r.length === 1;
}

/** Sets who consents on the handelingsdeel (optimistic lock); false when stale or closed. */
export async function zetInstemmingDoor(ex: Executor, id: string, versie: number, door: 'ouders' | 'leerling'): Promise<boolean> {
  const r = await rows(ex, sql`update opp set instemming_door = ${door}, versie = versie + 1
    where id = ${id} and versie = ${versie} and afgesloten_op is null returning id`);
  return r.length === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// The SWV's settings

/** The age from which pupils use the pupil portal (the default when the SWV never chose). */
export async function portaalLeeftijd(ex: Executor, swvId: string, standaard: number): Promise<{ vanaf: number; versie: number }> {
  const r = await first<{ vanaf: number; versie: number }>(ex, sql`select leerling_portaal_vanaf as vanaf, versie from opp_instelling where swv_id = ${swvId}`);
  return r ?? { vanaf: standaard, versie: 0 };
}

/** Saves the portal age; `versie` 0 means "no row yet". False when someone else saved in between. */
export async function zetPortaalLeeftijd(ex: Executor, swvId: string, versie: number, vanaf: number): Promise<boolean> {
  const r = versie === 0
    ? await rows(ex, sql`insert into opp_instelling (swv_id, leerling_portaal_vanaf) values (${swvId}, ${vanaf}) on conflict (swv_id) do nothing returning swv_id`)
    : await rows(ex, sql`update opp_instelling set leerling_portaal_vanaf = ${vanaf}, versie = versie + 1
        where swv_id = ${swvId} and versie = ${versie} returning swv_id`);
  return r.length === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// The daily signals (taken.ts): all running OPPs of the tenant, whoever's they are

/** Every running OPP of the tenant (the job mails each school about its own). */
export function lopendeOpps(ex: Executor): Promise<OppRij[]> {
  return rows<OppRij>(ex, sql`${OPP} where o.afgesloten_op is null order by o.vestiging_code, o.id`);
}

/** Records a signal; false when this (OPP, kind, key) was already sent. */
export async function noteerHerinnering(ex: Executor, h: { swvId: string; oppId: string; soort: string; sleutel: string }): Promise<boolean> {
  const r = await rows(ex, sql`insert into opp_herinnering (swv_id, opp_id, soort, sleutel) values (${h.swvId}, ${h.oppId}, ${h.soort}, ${h.sleutel})
    on conflict (swv_id, opp_id, soort, sleutel) do nothing returning id`);
  return r.length === 1;
}

/** The addresses of the pupil's own accounts (the adult pupil who decides gets the school's requests). */
export async function leerlingAdressen(ex: Executor, leerlingId: string): Promise<string[]> {
  const r = await rows<{ email: string }>(ex, sql`select distinct g.email from rol_toekenning t join gebruiker g on g.id = t.gebruiker_id
    where t.rol = 'leerling' and t.leerling_id = ${leerlingId} and g.is_actief order by g.email`);
  return r.map((x) => x.email);
}
