/**
 * Use cases for the core pupil record: list, open, register, change, parents and invitations, export, and the
 * access log. Each: check relationship → validate → rules → store → audit (in the same transaction) → mail.
 * A file the user may not see answers 404 (not 403, so ids cannot be probed) and is logged as 'geweigerd'.
 */
import { tenantOf, type Actor } from '../../platform/auth/actor.js';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/client.js';
import { first } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensureGezinGebruiker, insertRolToekenning } from '../../platform/auth/store.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { bepaalRelatie, grondslagVan, magLeerlingRegistreren, magLeerlingWijzigen, type Relatie } from './rules/toegang.js';
import * as store from './store.js';
import type { TLeerlingGegevens, TNieuweLeerling, TNieuweOuder } from './schemas.js';

export type { Actor } from '../../platform/auth/actor.js';

export interface LeerlingDeps {
  db: Database;
  clock: Clock;
  publicUrl: string;
  onMailQueued?: () => void;
}

function relatieVan(actor: Actor): Relatie {
  return bepaalRelatie(actor.grant, actor.gebruikerId);
}

function auditBase(actor: Actor) {
  return {
    swvId: actor.grant.swvId,
    actorGebruikerId: actor.gebruikerId,
    actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId,
    requestId: actor.requestId,
  };
}

/** Fields shown in the list and the file (names only, for the audit log). */
const LIJST_VELDEN = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'school'];
const DOSSIER_VELDEN = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'woonPc4', 'inschrijvingen', 'ouders'];

export const PAGINA_GROOTTE = 50;

/** The pupils this user may see, one page; the list view is logged with every pupil on it. */
export async function toonLeerlingen(deps: LeerlingDeps, actor: Actor, opts: { zoek?: string; pagina?: number }) {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const pagina = Math.max(1, Math.min(opts.pagina ?? 1, 10_000));
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const result = await store.listLeerlingen(tx, {
      relatie, today: deps.clock.today(), zoek: opts.zoek?.slice(0, 100), limit: PAGINA_GROOTTE, offset: (pagina - 1) * PAGINA_GROOTTE,
    });
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'lijst', objectType: 'leerlingenlijst', leerlingIds: result.rijen.map((r) => r.id),
      velden: LIJST_VELDEN, grondslag: grondslagVan(relatie), resultaat: 'ok',
    });
    return { ...result, pagina, relatie };
  });
}

async function weigerEnGooi(deps: LeerlingDeps, actor: Actor, leerlingId: string, actie: 'lezen' | 'wijzigen' | 'exporteren'): Promise<never> {
  // When the pupil exists in this SWV the refusal names it, so it shows in the parents' view of who tried.
  await deps.db.withTenant({ swvId: actor.grant.swvId, userId: actor.gebruikerId }, async (tx) => {
    const bestaat = await store.leerlingBestaat(tx, leerlingId);
    await recordAudit(tx, {
      ...auditBase(actor), actie, objectType: 'leerling', objectId: leerlingId, leerlingId: bestaat ? leerlingId : null,
      resultaat: 'geweigerd', grondslag: bestaat ? 'geen relatie met leerling' : 'leerling bestaat niet in dit samenwerkingsverband',
    });
  });
  throw new AppError('not_found');
}

/** Opens a pupil file. */
export async function openLeerling(deps: LeerlingDeps, actor: Actor, leerlingId: string) {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const result = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerling = await store.findLeerling(tx, leerlingId, relatie, deps.clock.today());
    if (!leerling) return null;
    const [inschrijvingen, ouders] = await Promise.all([store.listInschrijvingen(tx, leerlingId), store.listOuders(tx, leerlingId)]);
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'lezen', objectType: 'leerling', objectId: leerlingId, leerlingId,
      velden: DOSSIER_VELDEN, grondslag: grondslagVan(relatie), resultaat: 'ok',
    });
    return { leerling, inschrijvingen, ouders, magWijzigen: magLeerlingWijzigen(relatie) };
  });
  return result ?? weigerEnGooi(deps, actor, leerlingId, 'lezen');
}

/** Registers a new pupil with an enrolment. Schools register at their own location; the SWV at any in its region. */
export async function registreerLeerling(deps: LeerlingDeps, actor: Actor, input: TNieuweLeerling): Promise<string> {
  const swvId = tenantOf(actor);
  if (!magLeerlingRegistreren(actor.grant.rol)) throw new AppError('forbidden');
  const fields: Record<string, string> = {};
  if (input.geboortedatum > deps.clock.today()) fields.geboortedatum = 'De geboortedatum ligt in de toekomst.';
  if (actor.grant.vestigingCode && input.vestigingCode !== actor.grant.vestigingCode) {
    fields.vestigingCode = 'U kunt alleen leerlingen van uw eigen school inschrijven.';
  }
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const vestiging = await first<{ code: string }>(
      tx,
      sql`select code from vestiging where code = ${input.vestigingCode} and (swv_po = ${swvId} or swv_vo = ${swvId})`,
    );
    if (!vestiging && !fields.vestigingCode) fields.vestigingCode = 'Deze school hoort niet bij uw samenwerkingsverband.';
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    const id = await store.insertLeerling(tx, { swvId, ...input });
    await store.insertInschrijving(tx, { swvId, leerlingId: id, vestigingCode: input.vestigingCode, startdatum: input.startdatum });
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'aanmaken', objectType: 'leerling', objectId: id, leerlingId: id,
      velden: [...Object.keys(input)], grondslag: grondslagVan(relatieVan(actor)), resultaat: 'ok',
    });
    return id;
  });
}

/**
 * Changes core data with optimistic concurrency: a stale `versie` answers 409 with the current record, so the
 * page can show both versions.
 */
export async function wijzigLeerling(deps: LeerlingDeps, actor: Actor, leerlingId: string, versie: number, input: TLeerlingGegevens) {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  if (!magLeerlingWijzigen(relatie)) return weigerEnGooi(deps, actor, leerlingId, 'wijzigen');
  if (input.geboortedatum > deps.clock.today()) {
    throw new AppError('validation_failed', { fields: { geboortedatum: 'De geboortedatum ligt in de toekomst.' } });
  }
  const outcome = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const current = await store.findLeerling(tx, leerlingId, relatie, deps.clock.today());
    if (!current) return { soort: 'weg' as const };
    if (!(await store.updateLeerling(tx, leerlingId, versie, input))) return { soort: 'conflict' as const, current };
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'wijzigen', objectType: 'leerling', objectId: leerlingId, leerlingId,
      velden: Object.keys(input), grondslag: grondslagVan(relatie), resultaat: 'ok',
    });
    return { soort: 'ok' as const };
  });
  if (outcome.soort === 'weg') return weigerEnGooi(deps, actor, leerlingId, 'wijzigen');
  return outcome;
}

/** Adds a parent or guardian; optionally invites them by mail to follow their child's file. */
export async function voegOuderToe(deps: LeerlingDeps, actor: Actor, leerlingId: string, input: TNieuweOuder): Promise<void> {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  if (!magLeerlingWijzigen(relatie)) return weigerEnGooi(deps, actor, leerlingId, 'wijzigen');
  const ok = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    if (!(await store.findLeerling(tx, leerlingId, relatie, deps.clock.today()))) return false;
    const ouderId = await store.insertOuder(tx, { swvId, leerlingId, naam: input.naam, email: input.email, relatie: input.relatie, heeftGezag: input.heeftGezag });
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'wijzigen', objectType: 'ouder', objectId: ouderId, leerlingId,
      velden: ['ouder.naam', 'ouder.email', 'ouder.relatie', 'ouder.heeftGezag'], grondslag: grondslagVan(relatie), resultaat: 'ok',
    });
    if (input.uitnodigen) {
      await nodigOuderUit(tx, deps, {
        swvId, ouderId, naam: input.naam, email: input.email, onderwerp: 'Uitnodiging: volg het dossier van uw kind in Passend',
        inleiding: 'De school of het samenwerkingsverband nodigt u uit om in Passend mee te kijken met de ondersteuning van uw kind.',
      });
      await recordAudit(tx, { ...auditBase(actor), actie: 'uitnodigen', objectType: 'ouder', objectId: ouderId, leerlingId, resultaat: 'ok' });
    }
    return true;
  });
  if (!ok) return weigerEnGooi(deps, actor, leerlingId, 'wijzigen');
  if (input.uitnodigen) deps.onMailQueued?.();
}

/**
 * Creates an invitation (14 days, token stored hashed) and queues the mail with the link, in the caller's
 * transaction: for a parent, or for a pupil to use the pupil portal (issue 6). The mail names no child and no
 * support data: only that there is an invitation (AVG art. 32); `inleiding` says why (e.g. the parent applied
 * online). Pupils are addressed with "je", parents with "u".
 */
export async function nodigUit(
  tx: Executor, deps: Pick<LeerlingDeps, 'clock' | 'publicUrl'>,
  o: { swvId: string; voor: { ouderId: string } | { leerlingId: string }; naam: string; email: string; onderwerp: string; inleiding: string },
): Promise<void> {
  const token = randomToken(32);
  const verlooptOp = new Date(deps.clock.now().getTime() + 14 * 86_400_000);
  await store.insertUitnodiging(tx, { swvId: o.swvId, tokenHash: tokenHash(token), verlooptOp, ...('ouderId' in o.voor ? o.voor : { ...o.voor, email: o.email }) });
  const je = !('ouderId' in o.voor);
  await queueMail(tx, {
    aan: o.email,
    onderwerp: o.onderwerp,
    tekst:
      `${je ? 'Hoi' : 'Beste'}${o.naam ? ` ${o.naam}` : ''},\n\n${o.inleiding}\n\nOpen deze link om de uitnodiging aan te nemen (14 dagen geldig):\n` +
      `${deps.publicUrl}/uitnodiging/${encodeURIComponent(o.swvId)}/${token}\n\n` +
      (je ? 'Daarna log je in met een code die je per e-mail krijgt. Je hebt geen wachtwoord nodig.\n'
        : 'Daarna logt u in met een code die u per e-mail krijgt. U heeft geen wachtwoord nodig.\n'),
  });
}

/** {@link nodigUit} for a parent (the address is on the ouder row). */
export function nodigOuderUit(
  tx: Executor, deps: Pick<LeerlingDeps, 'clock' | 'publicUrl'>,
  o: { swvId: string; ouderId: string; naam: string; email: string; onderwerp: string; inleiding: string },
): Promise<void> {
  return nodigUit(tx, deps, { ...o, voor: { ouderId: o.ouderId } });
}

/** Looks an invitation up (for the acceptance page). Expired, used or unknown → not_found. */
export async function bekijkUitnodiging(deps: LeerlingDeps, swvId: string, token: string) {
  const u = await deps.db.withTenant({ swvId, userId: null }, (tx) => store.findUitnodiging(tx, tokenHash(token)));
  if (!u || u.geaccepteerdOp || new Date(u.verlooptOp) < deps.clock.now() || !u.email) throw new AppError('not_found');
  return u;
}

/**
 * Accepts an invitation: the parent (or the pupil) gets — or reuses — an account without password and the 'ouder'
 * role in this SWV (a pupil: the 'leerling' role for their own file); from then on they log in with an e-mailed code.
 */
export async function accepteerUitnodiging(deps: LeerlingDeps, swvId: string, token: string): Promise<string> {
  const email = await deps.db.withTenant({ swvId, userId: null }, async (tx) => {
    const u = await store.claimUitnodiging(tx, tokenHash(token), deps.clock.now());
    if (!u?.email) return null;
    // A pupil's invitation makes a new account of the pupil's own: an address that meanwhile belongs to someone else
    // (a parent, a member of staff) must not get the pupil's role (the claim is rolled back with this error).
    if (!u.ouderId && (await first(tx, sql`select 1 from gebruiker where email = ${u.email.toLowerCase()}`))) {
      throw new AppError('conflict', { detail: 'Dit e-mailadres hoort al bij een ander account. Vraag je school om een nieuwe uitnodiging voor je eigen e-mailadres.' });
    }
    const gebruikerId = await ensureGezinGebruiker(tx, u.email, u.naam);
    await tx.execute(sql`select set_config('app.user_id', ${gebruikerId}, true)`);
    const rol = u.ouderId ? 'ouder' : 'leerling';
    const heeftRol = u.ouderId
      ? await first(tx, sql`select 1 from rol_toekenning where gebruiker_id = ${gebruikerId} and rol = 'ouder' and swv_id = ${swvId}`)
      : await first(tx, sql`select 1 from rol_toekenning where gebruiker_id = ${gebruikerId} and rol = 'leerling' and swv_id = ${swvId}
          and leerling_id = ${u.leerlingId}`);
    if (!heeftRol) await insertRolToekenning(tx, { gebruikerId, rol, swvId, leerlingId: u.ouderId ? null : u.leerlingId });
    if (u.ouderId) await store.linkOuderAccount(tx, u.ouderId, gebruikerId);
    await recordAudit(tx, {
      swvId, actorGebruikerId: gebruikerId, actorRol: rol, actie: 'uitnodiging-geaccepteerd', objectType: u.ouderId ? 'ouder' : 'leerling',
      objectId: u.ouderId ?? u.leerlingId, leerlingId: u.leerlingId, resultaat: 'ok',
    });
    return u.email;
  });
  if (!email) throw new AppError('not_found');
  return email;
}

/** Who opened this pupil's file. Reading the log is itself a read of the pupil's file, and is logged. */
export async function inzageLog(deps: LeerlingDeps, actor: Actor, leerlingId: string) {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const result = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerling = await store.findLeerling(tx, leerlingId, relatie, deps.clock.today());
    if (!leerling) return null;
    const regels = await store.listInzage(tx, leerlingId);
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'lezen', objectType: 'inzagelog', objectId: leerlingId, leerlingId,
      velden: ['inzagelog'], grondslag: grondslagVan(relatie), resultaat: 'ok',
    });
    return { leerling, regels };
  });
  return result ?? weigerEnGooi(deps, actor, leerlingId, 'lezen');
}

/** All visible pupils for a CSV export (logged as 'exporteren' with every pupil in it). */
export async function exporteerLeerlingen(deps: LeerlingDeps, actor: Actor) {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const { rijen } = await store.listLeerlingen(tx, { relatie, today: deps.clock.today(), limit: 100_000, offset: 0 });
    await recordAudit(tx, {
      ...auditBase(actor), actie: 'exporteren', objectType: 'leerlingenlijst', leerlingIds: rijen.map((r) => r.id),
      velden: LIJST_VELDEN, grondslag: grondslagVan(relatie), resultaat: 'ok',
    });
    return rijen;
  });
}
