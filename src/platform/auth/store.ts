/**
 * All SQL of accounts, role grants, sessions, one-time codes and rate limits. Runs inside request transactions
 * as the app role; the auth tables are global (no tenant), role grants are protected by RLS (migration 0001).
 */
import { sql } from 'drizzle-orm';
import { first, rows, type Executor } from '../db/client.js';
import type { Rol } from './roles.js';

export interface GebruikerRow {
  id: string;
  email: string;
  naam: string;
  wachtwoordHash: string | null;
  totpSecret: string | null;
  totpBevestigdOp: Date | null;
  totpLaatsteStap: number | null;
  isActief: boolean;
}

export interface RolToekenningRow {
  id: string;
  gebruikerId: string;
  rol: Rol;
  swvId: string | null;
  vestigingCode: string | null;
  bestuurNummer: string | null;
  leerlingId: string | null;
  swvNaam: string | null;
  vestigingNaam: string | null;
}

const GEBRUIKER_COLS = sql`id, email, naam, wachtwoord_hash as "wachtwoordHash", totp_secret as "totpSecret",
  totp_bevestigd_op as "totpBevestigdOp", totp_laatste_stap::float8 as "totpLaatsteStap", is_actief as "isActief"`;

export function findGebruikerByEmail(ex: Executor, email: string) {
  return first<GebruikerRow>(ex, sql`select ${GEBRUIKER_COLS} from gebruiker where email = ${email.toLowerCase()}`);
}

export function findGebruiker(ex: Executor, id: string) {
  return first<GebruikerRow>(ex, sql`select ${GEBRUIKER_COLS} from gebruiker where id = ${id}`);
}

/** Finds or creates a passwordless account for an e-mail address; safe when two requests race. */
export async function ensureGezinGebruiker(ex: Executor, email: string, naam: string): Promise<string> {
  await ex.execute(sql`insert into gebruiker (email, naam) values (${email.toLowerCase()}, ${naam}) on conflict (email) do nothing`);
  return (await first<{ id: string }>(ex, sql`select id from gebruiker where email = ${email.toLowerCase()}`))!.id;
}

export async function insertGebruiker(
  ex: Executor,
  g: { email: string; naam: string; wachtwoordHash: string | null },
): Promise<string> {
  const row = await first<{ id: string }>(
    ex,
    sql`insert into gebruiker (email, naam, wachtwoord_hash) values (${g.email.toLowerCase()}, ${g.naam}, ${g.wachtwoordHash})
        returning id`,
  );
  return row!.id;
}

/** Stores a new secret as pending; the confirmed secret (if any) stays valid. */
export async function setPendingTotp(ex: Executor, gebruikerId: string, sealedSecret: string) {
  await ex.execute(sql`update gebruiker set totp_nieuw_secret = ${sealedSecret} where id = ${gebruikerId}`);
}

export function findPendingTotp(ex: Executor, gebruikerId: string) {
  return first<{ sealed: string | null }>(ex, sql`select totp_nieuw_secret as sealed from gebruiker where id = ${gebruikerId}`);
}

/** The pending secret becomes the second factor; `step` is recorded as used so the code cannot be replayed. */
export async function confirmPendingTotp(ex: Executor, gebruikerId: string, step: number) {
  await ex.execute(sql`update gebruiker set totp_secret = totp_nieuw_secret, totp_nieuw_secret = null,
      totp_bevestigd_op = now(), totp_laatste_stap = ${step} where id = ${gebruikerId} and totp_nieuw_secret is not null`);
}

/** Stores the used step only if it is newer than the last one: two racing requests cannot both use one code. */
export async function useTotpStep(ex: Executor, gebruikerId: string, step: number): Promise<boolean> {
  const r = await rows(ex, sql`update gebruiker set totp_laatste_stap = ${step}
      where id = ${gebruikerId} and (totp_laatste_stap is null or totp_laatste_stap < ${step}) returning id`);
  return r.length === 1;
}

export async function markLoggedIn(ex: Executor, gebruikerId: string) {
  await ex.execute(sql`update gebruiker set laatst_ingelogd_op = now() where id = ${gebruikerId}`);
}

/** The grants of one user; call with app.user_id set to that user (RLS lets a user read their own grants). */
export function listRolToekenningen(ex: Executor, gebruikerId: string) {
  return rows<RolToekenningRow>(
    ex,
    sql`select r.id, r.gebruiker_id as "gebruikerId", r.rol, r.swv_id as "swvId", r.vestiging_code as "vestigingCode",
          r.bestuur_nummer as "bestuurNummer", r.leerling_id as "leerlingId", s.naam as "swvNaam", v.naam as "vestigingNaam"
        from rol_toekenning r left join swv s on s.code = r.swv_id left join vestiging v on v.code = r.vestiging_code
        where r.gebruiker_id = ${gebruikerId} order by r.created_at, r.id`,
  );
}

export async function insertRolToekenning(
  ex: Executor,
  r: { gebruikerId: string; rol: Rol; swvId: string | null; vestigingCode?: string | null; bestuurNummer?: string | null; leerlingId?: string | null },
): Promise<string> {
  const row = await first<{ id: string }>(
    ex,
    sql`insert into rol_toekenning (gebruiker_id, rol, swv_id, vestiging_code, bestuur_nummer, leerling_id)
        values (${r.gebruikerId}, ${r.rol}, ${r.swvId}, ${r.vestigingCode ?? null}, ${r.bestuurNummer ?? null}, ${r.leerlingId ?? null})
        returning id`,
  );
  return row!.id;
}

export interface SessieRow {
  id: string;
  gebruikerId: string;
  rolToekenningId: string | null;
  isMfaGeldig: boolean;
  factor: 'totp' | 'email' | null;
  csrfToken: string;
  laatstGezienOp: Date;
  verlooptOp: Date;
}

export interface SessieMetGebruiker extends SessieRow {
  email: string;
  naam: string;
  isActief: boolean;
  heeftWachtwoord: boolean;
  heeftTotp: boolean;
}

/**
 * The session with its user in one round trip; also sets app.user_id for the rest of the transaction, so the
 * next query may read the user's own role grants under RLS.
 */
export function findSessieMetGebruiker(ex: Executor, idHash: string) {
  return first<SessieMetGebruiker & { _: string }>(
    ex,
    sql`select s.id, s.gebruiker_id as "gebruikerId", s.rol_toekenning_id as "rolToekenningId", s.is_mfa_geldig as "isMfaGeldig",
          s.factor, s.csrf_token as "csrfToken", s.laatst_gezien_op as "laatstGezienOp", s.verloopt_op as "verlooptOp",
          g.email, g.naam, g.is_actief as "isActief", g.wachtwoord_hash is not null as "heeftWachtwoord",
          g.totp_bevestigd_op is not null as "heeftTotp", set_config('app.user_id', g.id::text, true) as "_"
        from sessie s join gebruiker g on g.id = s.gebruiker_id where s.id = ${idHash}`,
  );
}

export async function insertSessie(
  ex: Executor,
  s: { idHash: string; gebruikerId: string; csrfToken: string; verlooptOp: Date; factor: 'email' | null },
) {
  await ex.execute(sql`insert into sessie (id, gebruiker_id, csrf_token, verloopt_op, is_mfa_geldig, factor)
      values (${s.idHash}, ${s.gebruikerId}, ${s.csrfToken}, ${s.verlooptOp.toISOString()}, ${s.factor !== null}, ${s.factor})`);
}

export function findSessie(ex: Executor, idHash: string) {
  return first<SessieRow>(
    ex,
    sql`select id, gebruiker_id as "gebruikerId", rol_toekenning_id as "rolToekenningId", is_mfa_geldig as "isMfaGeldig",
          csrf_token as "csrfToken", laatst_gezien_op as "laatstGezienOp", verloopt_op as "verlooptOp"
        from sessie where id = ${idHash}`,
  );
}

export async function updateSessie(
  ex: Executor,
  idHash: string,
  patch: { rolToekenningId?: string | null; totpGegeven?: boolean; touch?: boolean },
) {
  await ex.execute(sql`update sessie set
      rol_toekenning_id = ${patch.rolToekenningId === undefined ? sql`rol_toekenning_id` : patch.rolToekenningId},
      is_mfa_geldig = ${patch.totpGegeven ? true : sql`is_mfa_geldig`},
      factor = ${patch.totpGegeven ? 'totp' : sql`factor`},
      laatst_gezien_op = ${patch.touch ? sql`now()` : sql`laatst_gezien_op`}
    where id = ${idHash}`);
}

export async function deleteSessie(ex: Executor, idHash: string) {
  await ex.execute(sql`delete from sessie where id = ${idHash}`);
}

/** Ends every session of a user except `keep` (second factor replaced, account disabled: ASVS 7.4.2). */
export async function deleteSessiesVan(ex: Executor, gebruikerId: string, keep?: string) {
  await ex.execute(sql`delete from sessie where gebruiker_id = ${gebruikerId} ${keep ? sql`and id <> ${keep}` : sql``}`);
}

/** True when the user holds a role that is not a parent or pupil role (staff log in with password + TOTP). */
export async function heeftMedewerkersrol(ex: Executor, gebruikerId: string): Promise<boolean> {
  return (await rows(ex, sql`select 1 from rol_toekenning where gebruiker_id = ${gebruikerId} and rol not in ('ouder', 'leerling') limit 1`)).length > 0;
}

export async function setWachtwoordHash(ex: Executor, gebruikerId: string, hash: string) {
  await ex.execute(sql`update gebruiker set wachtwoord_hash = ${hash} where id = ${gebruikerId}`);
}

export async function insertEenmaligeCode(ex: Executor, gebruikerId: string, codeHash: string, verlooptOp: Date) {
  // A new code replaces older unused ones.
  await ex.execute(sql`update eenmalige_code set gebruikt_op = now() where gebruiker_id = ${gebruikerId} and gebruikt_op is null`);
  await ex.execute(sql`insert into eenmalige_code (gebruiker_id, code_hash, verloopt_op)
      values (${gebruikerId}, ${codeHash}, ${verlooptOp.toISOString()})`);
}

/**
 * Counts one attempt on the open code and returns it, atomically; undefined when there is no usable code (used,
 * expired or out of attempts). A row lock serialises parallel guesses.
 */
export function takeCodeAttempt(ex: Executor, gebruikerId: string, maxPogingen: number, now: Date) {
  return first<{ id: string; codeHash: string }>(
    ex,
    sql`update eenmalige_code set pogingen = pogingen + 1
        where id = (select id from eenmalige_code where gebruiker_id = ${gebruikerId} and gebruikt_op is null
                    order by created_at desc limit 1)
          and gebruikt_op is null and pogingen < ${maxPogingen} and verloopt_op > ${now.toISOString()}
        returning id, code_hash as "codeHash"`,
  );
}

export async function markCodeUsed(ex: Executor, id: string) {
  await ex.execute(sql`update eenmalige_code set gebruikt_op = now() where id = ${id}`);
}

/**
 * Fixed-window counter (Documenso's database rate limiter): atomically increments and returns the count for
 * `sleutel` in the window starting at `vensterStart`.
 */
export async function bumpRateLimit(ex: Executor, sleutel: string, vensterStart: Date): Promise<number> {
  const row = await first<{ aantal: number }>(
    ex,
    sql`insert into rate_limit (sleutel, venster_start, aantal) values (${sleutel}, ${vensterStart.toISOString()}, 1)
        on conflict (sleutel, venster_start) do update set aantal = rate_limit.aantal + 1 returning aantal`,
  );
  return row!.aantal;
}

export function countRateLimit(ex: Executor, sleutel: string, vensterStart: Date) {
  return first<{ aantal: number }>(
    ex,
    sql`select aantal from rate_limit where sleutel = ${sleutel} and venster_start = ${vensterStart.toISOString()}`,
  );
}
