/**
 * All SQL of pupils, enrolments and parents. Every query runs in a tenant transaction (RLS) and is scoped by the
 * relationship from rules/toegang.ts in its WHERE clause, so a file the user may not see is simply not found.
 */
import { sql, type SQL } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import type { Relatie } from './rules/toegang.js';

/** A pupil's name and birth date: what every module's rows that name a pupil carry. */
export interface LeerlingPersoon {
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
}

export interface LeerlingRij extends LeerlingPersoon {
  id: string;
  woonPc4: string | null;
  versie: number;
  vestigingCode: string | null;
  vestigingNaam: string | null;
}

/**
 * The user is a parent with gezag of the pupil in `swvId`/`leerlingId` (SQL columns of the caller's row): the one
 * place where "a parent sees a child's records only with gezag" (rules/toegang.ts) is written, for every module.
 */
export function ouderMetGezag(swvId: SQL, leerlingId: SQL, gebruikerId: string): SQL {
  return sql`exists (select 1 from ouder og where og.swv_id = ${swvId} and og.leerling_id = ${leerlingId}
    and og.gebruiker_id = ${gebruikerId} and og.heeft_gezag)`;
}

/** The WHERE fragment that limits `l` (leerling) to what the relationship may see. */
export function zichtbaarVoor(relatie: Relatie, today: string): SQL {
  switch (relatie.soort) {
    case 'swv':
      return sql`true`;
    case 'school':
      return sql`exists (select 1 from inschrijving i where i.swv_id = l.swv_id and i.leerling_id = l.id
        and i.vestiging_code = ${relatie.vestigingCode} and i.startdatum <= ${today}
        and (i.einddatum is null or i.einddatum >= ${today}))`;
    case 'bestuur':
      return sql`exists (select 1 from inschrijving i join vestiging v on v.code = i.vestiging_code
        where i.swv_id = l.swv_id and i.leerling_id = l.id and v.bestuur_nummer = ${relatie.bestuurNummer}
        and (i.einddatum is null or i.einddatum >= ${today}))`;
    case 'ouder-met-gezag':
      return ouderMetGezag(sql`l.swv_id`, sql`l.id`, relatie.gebruikerId);
    case 'eigen':
      return sql`l.id = ${relatie.leerlingId}`;
    case 'geen':
      return sql`false`;
  }
}

const LEERLING_COLS = sql`l.id, l.voornaam, l.tussenvoegsel, l.achternaam, l.geboortedatum::text as geboortedatum,
  l.woon_pc4 as "woonPc4", l.versie, huidig.code as "vestigingCode", huidig.naam as "vestigingNaam"`;

/** The current school of `l`: its latest open enrolment (one lateral lookup per row, on the enrolment index). */
const HUIDIGE_SCHOOL = sql`left join lateral (
    select i.vestiging_code as code, v.naam from inschrijving i left join vestiging v on v.code = i.vestiging_code
    where i.swv_id = l.swv_id and i.leerling_id = l.id and i.einddatum is null order by i.startdatum desc limit 1
  ) huidig on true`;

/** One page of pupils, alphabetical, optionally filtered on (part of) the name; the total comes with the page. */
export async function listLeerlingen(
  ex: Executor,
  opts: { relatie: Relatie; today: string; zoek?: string; limit: number; offset: number },
): Promise<{ rijen: LeerlingRij[]; totaal: number }> {
  const zoek = opts.zoek ? `%${opts.zoek.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const where = sql`${zichtbaarVoor(opts.relatie, opts.today)}
    ${zoek ? sql`and (l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam) ilike ${zoek}` : sql``}`;
  const page = await rows<LeerlingRij & { totaal: number }>(
    ex,
    sql`select ${LEERLING_COLS}, count(*) over ()::int as totaal from leerling l ${HUIDIGE_SCHOOL} where ${where}
        order by l.achternaam, l.voornaam, l.id limit ${opts.limit} offset ${opts.offset}`,
  );
  if (page.length > 0 || opts.offset === 0) {
    return { rijen: page.map(({ totaal: _t, ...r }) => r), totaal: page[0]?.totaal ?? 0 };
  }
  // Past the last page: the window count is not there, so count separately.
  const [count] = await rows<{ n: number }>(ex, sql`select count(*)::int as n from leerling l where ${where}`);
  return { rijen: [], totaal: count?.n ?? 0 };
}

export function findLeerling(ex: Executor, id: string, relatie: Relatie, today: string) {
  return first<LeerlingRij>(ex, sql`select ${LEERLING_COLS} from leerling l ${HUIDIGE_SCHOOL} where l.id = ${id} and ${zichtbaarVoor(relatie, today)}`);
}

/** True when the pupil exists in this tenant at all (to tell "no access" from "does not exist" in the audit log). */
export async function leerlingBestaat(ex: Executor, id: string): Promise<boolean> {
  return (await rows(ex, sql`select 1 from leerling where id = ${id}`)).length > 0;
}

export interface NieuweLeerling {
  swvId: string;
  voornaam: string;
  tussenvoegsel?: string;
  achternaam: string;
  geboortedatum: string;
  woonPc4?: string;
}

export async function insertLeerling(ex: Executor, l: NieuweLeerling): Promise<string> {
  const row = await first<{ id: string }>(
    ex,
    sql`insert into leerling (swv_id, voornaam, tussenvoegsel, achternaam, geboortedatum, woon_pc4)
        values (${l.swvId}, ${l.voornaam}, ${l.tussenvoegsel ?? null}, ${l.achternaam}, ${l.geboortedatum}, ${l.woonPc4 ?? null})
        returning id`,
  );
  return row!.id;
}

/** Updates core data only when `versie` still matches (optimistic concurrency); returns false on a stale save. */
export async function updateLeerling(ex: Executor, id: string, versie: number, l: Omit<NieuweLeerling, 'swvId'>): Promise<boolean> {
  const r = await rows(
    ex,
    sql`update leerling set voornaam = ${l.voornaam}, tussenvoegsel = ${l.tussenvoegsel ?? null}, achternaam = ${l.achternaam},
          geboortedatum = ${l.geboortedatum}, woon_pc4 = ${l.woonPc4 ?? null}, versie = versie + 1, updated_at = now()
        where id = ${id} and versie = ${versie} returning id`,
  );
  return r.length === 1;
}

export async function insertInschrijving(
  ex: Executor,
  i: { swvId: string; leerlingId: string; vestigingCode: string; startdatum: string },
): Promise<void> {
  await ex.execute(sql`insert into inschrijving (swv_id, leerling_id, vestiging_code, startdatum)
      values (${i.swvId}, ${i.leerlingId}, ${i.vestigingCode}, ${i.startdatum})`);
}

export interface InschrijvingRij {
  id: string;
  vestigingCode: string;
  vestigingNaam: string | null;
  startdatum: string;
  einddatum: string | null;
}

export function listInschrijvingen(ex: Executor, leerlingId: string) {
  return rows<InschrijvingRij>(
    ex,
    sql`select i.id, i.vestiging_code as "vestigingCode", v.naam as "vestigingNaam", i.startdatum::text as startdatum,
          i.einddatum::text as einddatum
        from inschrijving i left join vestiging v on v.code = i.vestiging_code
        where i.leerling_id = ${leerlingId} order by i.startdatum desc`,
  );
}

export interface OuderRij {
  id: string;
  naam: string;
  email: string | null;
  relatie: string;
  heeftGezag: boolean;
  gebruikerId: string | null;
}

export function listOuders(ex: Executor, leerlingId: string) {
  return rows<OuderRij>(
    ex,
    sql`select id, naam, email, relatie, heeft_gezag as "heeftGezag", gebruiker_id as "gebruikerId"
        from ouder where leerling_id = ${leerlingId} order by created_at, id`,
  );
}

export async function insertOuder(
  ex: Executor,
  o: { swvId: string; leerlingId: string; naam: string; email?: string; relatie: string; heeftGezag: boolean; gebruikerId?: string | null },
): Promise<string> {
  const row = await first<{ id: string }>(
    ex,
    sql`insert into ouder (swv_id, leerling_id, naam, email, relatie, heeft_gezag, gebruiker_id)
        values (${o.swvId}, ${o.leerlingId}, ${o.naam}, ${o.email ?? null}, ${o.relatie}, ${o.heeftGezag}, ${o.gebruikerId ?? null})
        returning id`,
  );
  return row!.id;
}

/** An invitation: for a parent (`ouderId`, the address is on the ouder row) or for a pupil (`leerlingId` + `email`). */
export async function insertUitnodiging(
  ex: Executor,
  u: { swvId: string; tokenHash: string; verlooptOp: Date } & ({ ouderId: string } | { leerlingId: string; email: string }),
) {
  const ouderId = 'ouderId' in u ? u.ouderId : null;
  const leerlingId = 'leerlingId' in u ? u.leerlingId : null;
  const email = 'email' in u ? u.email : null;
  await ex.execute(sql`insert into uitnodiging (swv_id, ouder_id, leerling_id, email, token_hash, verloopt_op)
      values (${u.swvId}, ${ouderId}, ${leerlingId}, ${email}, ${u.tokenHash}, ${u.verlooptOp.toISOString()})`);
}

/** An invitation as the acceptance page and the acceptance need it: whom it is for, the address, the name. */
export interface UitnodigingRij {
  id: string;
  /** Null for a pupil's invitation. */
  ouderId: string | null;
  leerlingId: string;
  email: string | null;
  naam: string;
}

/** Whom an invitation `u` is for: a parent (ouder row `o`) or a pupil (leerling row `p`). */
const UITNODIGING_VOOR = sql`left join ouder o on o.swv_id = u.swv_id and o.id = u.ouder_id
  left join leerling p on p.swv_id = u.swv_id and p.id = u.leerling_id`;
const UITNODIGING_KOLOMMEN = sql`u.id, u.ouder_id as "ouderId", coalesce(o.leerling_id, u.leerling_id) as "leerlingId",
  coalesce(o.email, u.email) as email, coalesce(o.naam, p.voornaam || ' ' || coalesce(p.tussenvoegsel || ' ', '') || p.achternaam) as naam`;

export function findUitnodiging(ex: Executor, tokenHash: string) {
  return first<UitnodigingRij & { verlooptOp: Date; geaccepteerdOp: Date | null }>(
    ex,
    sql`select ${UITNODIGING_KOLOMMEN}, u.verloopt_op as "verlooptOp", u.geaccepteerd_op as "geaccepteerdOp"
        from uitnodiging u ${UITNODIGING_VOOR} where u.token_hash = ${tokenHash}`,
  );
}

/**
 * Marks an open invitation accepted, atomically: of two simultaneous acceptances only one gets the row back.
 */
export function claimUitnodiging(ex: Executor, tokenHash: string, now: Date) {
  return first<UitnodigingRij>(
    ex,
    sql`with geclaimd as (
          update uitnodiging set geaccepteerd_op = now()
          where token_hash = ${tokenHash} and geaccepteerd_op is null and verloopt_op > ${now.toISOString()}
          returning *)
        select ${UITNODIGING_KOLOMMEN} from geclaimd u ${UITNODIGING_VOOR}`,
  );
}

export async function linkOuderAccount(ex: Executor, ouderId: string, gebruikerId: string) {
  await ex.execute(sql`update ouder set gebruiker_id = ${gebruikerId} where id = ${ouderId}`);
}

/** Children linked to a parent account (with or without gezag), for "Mijn kinderen". */
export function listKinderenVanOuder(ex: Executor, gebruikerId: string) {
  return rows<{ leerlingId: string; voornaam: string; achternaam: string; tussenvoegsel: string | null; heeftGezag: boolean }>(
    ex,
    sql`select l.id as "leerlingId", l.voornaam, l.achternaam, l.tussenvoegsel, o.heeft_gezag as "heeftGezag"
        from ouder o join leerling l on l.swv_id = o.swv_id and l.id = o.leerling_id
        where o.gebruiker_id = ${gebruikerId} order by l.voornaam`,
  );
}

export interface InzageRij {
  at: Date;
  actie: string;
  objectType: string | null;
  actorRol: string | null;
  naam: string | null;
  organisatie: string | null;
  /** The school's or the SWV's name for the organisation code. */
  organisatieNaam: string | null;
  resultaat: string;
}

/** Who opened this pupil's file: the audit events that name the pupil, newest first (NEN 7513 client view). */
export function listInzage(ex: Executor, leerlingId: string, limit = 200) {
  return rows<InzageRij>(
    ex,
    sql`select a.at, a.actie, a.object_type as "objectType", a.actor_rol as "actorRol", g.naam, a.organisatie,
          coalesce(v.naam, s.naam) as "organisatieNaam", a.resultaat
        from audit_event a left join gebruiker g on g.id = a.actor_gebruiker_id
          left join vestiging v on v.code = a.organisatie left join swv s on s.code = a.organisatie
        where a.leerling_id = ${leerlingId} or a.leerling_ids @> array[${leerlingId}::uuid]
        order by a.seq desc limit ${limit}`,
  );
}

/** Whether an address already belongs to an account, or to a parent of this pupil (a pupil's invitation needs their own). */
export async function adresInGebruik(ex: Executor, email: string, leerlingId: string): Promise<boolean> {
  const r = await first<{ ja: boolean }>(ex, sql`select exists (select 1 from gebruiker where email = ${email.toLowerCase()})
    or exists (select 1 from ouder where leerling_id = ${leerlingId} and lower(email) = ${email.toLowerCase()}) as ja`);
  return r?.ja === true;
}

/** Ends the open invitations of a pupil (a new one replaces them: a mistyped address must not keep a valid link). */
export async function beeindigLeerlingUitnodigingen(ex: Executor, leerlingId: string, nu: Date): Promise<void> {
  const voorbij = new Date(nu.getTime() - 1000).toISOString();
  await ex.execute(sql`update uitnodiging set verloopt_op = ${voorbij}
    where leerling_id = ${leerlingId} and geaccepteerd_op is null and verloopt_op > ${voorbij}`);
}
