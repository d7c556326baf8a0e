/**
 * Use cases of the staff side of the aanbod module: a school's yearly versions (start from a copy, edit, import,
 * adopt with MR advice, delete a concept), the SWV's basisondersteuning and the SWV's public profile.
 * Each: check access (rules/toegang.ts) → validate → rules → store → audit, in one tenant transaction.
 *
 * The offer is not pupil data, but it is what parents choose a school by: every write is in the audit log, so a
 * school can always see who changed or adopted its offer.
 */
import { tenantOf, type Actor } from '../../platform/auth/actor.js';
import { isUniqueViolation, type Database, type Tx } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, weigerBijFouten } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { schoolYearOf } from '../../platform/civil-date.js';
import { isEmailadres } from '../../platform/email.js';
import * as store from './store.js';
import {
  beheerdDoor, magAanbodBewerken, magAanbodLezen, magAanbodVaststellen, magBasisVaststellen, magSwvAanbodBeheren, OVERZICHT_ROLLEN,
} from './rules/toegang.js';
import { controleerVaststelling, huidigeVersie, kopieerInhoud, volgnummerVoorNieuweVersie } from './rules/versie.js';
import { isSchooljaar, volgendSchooljaar } from './rules/schooljaar.js';
import { inhoudVan, type AanbodInhoud, type BasisBevestiging, type BasisOnderdeel } from './rules/typen.js';

export type { Actor } from '../../platform/auth/actor.js';

export interface AanbodDeps {
  db: Database;
  clock: Clock;
}

/** The outcome of a save that may meet someone else's change. */
export type Opslaan<T> = { soort: 'ok'; waarde: T } | { soort: 'conflict' };

async function audit(tx: Tx, actor: Actor, objectType: string, objectId: string, actie: 'aanmaken' | 'wijzigen' | 'verwijderen' | 'exporteren', velden: string[]) {
  await recordAudit(tx, {
    swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId, objectType, objectId, actie, velden,
    grondslag: 'rol', resultaat: 'ok', requestId: actor.requestId,
  });
}

/** Runs an insert; a unique violation (a double click, two people at once) becomes a field message, not a 500. */
async function alsUniek<T>(fn: () => Promise<T>, fields: Record<string, string>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('validation_failed', { fields, detail: Object.values(fields).join(' ') });
    throw err;
  }
}

function tx<T>(deps: AanbodDeps, actor: Actor, fn: (tx: Tx, swvId: string) => Promise<T>): Promise<T> {
  const swvId = tenantOf(actor);
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, (t) => fn(t, swvId));
}

/** The school location the actor works for, or a 403 for roles without one. */
export function eigenVestiging(actor: Actor): string {
  if (!actor.grant.vestigingCode) throw new AppError('forbidden', { detail: 'Uw rol hoort niet bij één school.' });
  return actor.grant.vestigingCode;
}

/** Basis items as a school confirms them: fresh, unanswered (geboden null). */
function alsBevestiging(onderdelen: BasisOnderdeel[]): BasisBevestiging[] {
  return onderdelen.map((o) => ({ ...o, geboden: null }));
}

/** An empty offer with the SWV's basisondersteuning to confirm. */
function legeInhoud(basis: BasisOnderdeel[]): AanbodInhoud {
  return {
    toelichting: '', contactNaam: '', contactEmail: '', contactTelefoon: '', domeinen: [], voorzieningen: [],
    voorzieningenToelichting: '', basisOnderdelen: alsBevestiging(basis), basisToelichting: '',
  };
}

/** A school's versions and what the actor may do with them. */
export async function toonVersies(deps: AanbodDeps, actor: Actor, vestigingCode: string) {
  return tx(deps, actor, async (t) => {
    const school = await leesbareSchool(t, actor, vestigingCode);
    const versies = await store.listVersies(t, vestigingCode);
    const huidigJaar = schoolYearOf(deps.clock.today());
    return {
      school, versies, huidigJaar,
      huidige: huidigeVersie(versies.map((v) => ({ ...v, status: v.status as 'concept' | 'vastgesteld' })), huidigJaar),
      concept: versies.find((v) => v.status === 'concept') ?? null,
      beheerdDoor: beheerdDoor(school),
      magBewerken: magAanbodBewerken(actor.grant, school),
      magVaststellen: magAanbodVaststellen(actor.grant, school),
    };
  });
}

/** Every school of the actor's SWV (a board: its own schools) with the state of its offer this school year. */
export async function toonSwvOverzicht(deps: AanbodDeps, actor: Actor) {
  if (!OVERZICHT_ROLLEN.includes(actor.grant.rol)) throw new AppError('forbidden');
  const schooljaar = schoolYearOf(deps.clock.today());
  const bestuur = actor.grant.rol === 'bestuur' ? (actor.grant.bestuurNummer ?? '-') : null;
  return tx(deps, actor, async (t, swvId) => ({ schooljaar, scholen: await store.schoolStatussen(t, swvId, schooljaar, bestuur) }));
}

/** The school, when it exists and the actor may read its versions; otherwise 404 (codes cannot be probed). */
async function leesbareSchool(t: Tx, actor: Actor, code: string) {
  const school = await store.findVestigingKort(t, code);
  if (!school || !magAanbodLezen(actor.grant, school)) throw new AppError('not_found');
  return school;
}

/** One version, when the actor may read it (adopted versions of other schools are public pages instead). */
export async function openVersie(deps: AanbodDeps, actor: Actor, id: string) {
  return tx(deps, actor, async (t, swvId) => {
    const v = await store.findVersie(t, id);
    if (!v || v.swvId !== swvId) throw new AppError('not_found');
    const school = await leesbareSchool(t, actor, v.vestigingCode);
    return {
      versie: v, school,
      magBewerken: v.status === 'concept' && magAanbodBewerken(actor.grant, school),
      magVaststellen: v.status === 'concept' && magAanbodVaststellen(actor.grant, school),
    };
  });
}

/**
 * Starts a new concept for a school year: a copy of the newest version (the usual case — "the next year starts
 * from a copy") or empty. The SWV's adopted basisondersteuning for that year is put in to confirm.
 */
export async function startVersie(deps: AanbodDeps, actor: Actor, invoer: { schooljaar: string; bron: 'kopie' | 'leeg' }) {
  const vestigingCode = eigenVestiging(actor);
  if (!isSchooljaar(invoer.schooljaar)) throw new AppError('validation_failed', { fields: { schooljaar: 'Kies een schooljaar, zoals 2026-2027.' } });
  const huidig = schoolYearOf(deps.clock.today());
  // A school prepares at most next year; older years are history and stay as they were adopted.
  if (invoer.schooljaar !== huidig && invoer.schooljaar !== volgendSchooljaar(huidig)) {
    throw new AppError('validation_failed', { fields: { schooljaar: `Kies dit schooljaar (${huidig}) of het volgende.` } });
  }
  return tx(deps, actor, async (t, swvId) => {
    const school = await leesbareSchool(t, actor, vestigingCode);
    if (!magAanbodBewerken(actor.grant, school)) {
      const eigenaar = beheerdDoor(school);
      throw new AppError('forbidden', {
        detail: eigenaar && eigenaar !== swvId
          ? `Het aanbod van deze school wordt bijgehouden in samenwerkingsverband ${eigenaar}. Log daar in om het te bewerken.`
          : 'Alleen medewerkers van deze school kunnen het aanbod bewerken.',
      });
    }
    const versies = await store.listVersies(t, vestigingCode);
    const nummer = volgnummerVoorNieuweVersie(versies.map((v) => ({ ...v, status: v.status as 'concept' | 'vastgesteld' })), invoer.schooljaar);
    if (!nummer.ok) throw new AppError('validation_failed', { fields: { schooljaar: nummer.fout } });
    const basis = (await store.findGeldendeBasis(t, swvId, invoer.schooljaar))?.onderdelen ?? null;
    // The newest version up to that year (a mid-year version 2 copies this year's, not an adopted next year's).
    const vorige = versies.find((v) => v.schooljaar <= invoer.schooljaar);
    const inhoud = invoer.bron === 'kopie' && vorige ? kopieerInhoud(inhoudVan(vorige), basis) : legeInhoud(basis ?? []);
    const id = await alsUniek(
      () => store.insertVersie(t, {
        swvId, vestigingCode, schooljaar: invoer.schooljaar, volgnummer: nummer.volgnummer, inhoud,
        gebaseerdOp: invoer.bron === 'kopie' && vorige ? vorige.id : null, door: actor.gebruikerId,
      }),
      { schooljaar: 'Iemand anders heeft net ook een nieuwe versie gemaakt. Kijk in de lijst hieronder en ga verder met dat concept.' },
    );
    await audit(t, actor, 'ondersteuningsaanbod', id, 'aanmaken', ['schooljaar', invoer.bron === 'kopie' ? 'kopie' : 'leeg']);
    return id;
  });
}

async function bewerkbareVersie(t: Tx, actor: Actor, swvId: string, id: string) {
  const v = await store.findVersie(t, id);
  if (!v || v.swvId !== swvId) throw new AppError('not_found');
  const school = await leesbareSchool(t, actor, v.vestigingCode);
  if (!magAanbodBewerken(actor.grant, school)) throw new AppError('forbidden', { detail: 'Alleen medewerkers van deze school kunnen het aanbod bewerken.' });
  if (v.status !== 'concept') throw new AppError('conflict', { detail: 'Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een nieuwe versie.' });
  return v;
}

/** Saves a concept's content (drafts may be incomplete; completeness is checked on adoption). */
export async function bewaarInhoud(deps: AanbodDeps, actor: Actor, id: string, versie: number, inhoud: AanbodInhoud): Promise<Opslaan<null>> {
  return tx(deps, actor, async (t, swvId) => {
    const v = await bewerkbareVersie(t, actor, swvId, id);
    // The API and imports skip the form, so the e-mail address is checked here too.
    if (inhoud.contactEmail && !isEmailadres(inhoud.contactEmail)) {
      throw new AppError('validation_failed', { fields: { contactEmail: 'Vul een geldig e-mailadres in, zoals naam@school.nl.' } });
    }
    // The basis items are the SWV's: a school answers them, it cannot rewrite or add them. Answers to items that are
    // not (or no longer) in this version's list are left out (e.g. an import of last year's file).
    const basisOnderdelen = v.basisOnderdelen.map((b) => ({ ...b, geboden: inhoud.basisOnderdelen.find((x) => x.code === b.code)?.geboden ?? null }));
    if (!(await store.updateInhoud(t, id, versie, { ...inhoud, basisOnderdelen }, actor.gebruikerId))) return { soort: 'conflict' };
    await audit(t, actor, 'ondersteuningsaanbod', id, 'wijzigen', Object.keys(inhoud));
    return { soort: 'ok', waarde: null };
  });
}

/** The MR's advice and the leader's answer, as entered on the adoption form. */
export interface VaststellingInvoer {
  mrAdvies: string | null;
  mrAdviesDatum: string | null;
  mrAdviesToelichting: string | null;
  reactieOpAdvies: string | null;
}

/**
 * Adopts a concept (rules/versie.ts decides whether it may): from now on it is read-only and public. Field errors
 * come back as a 422 with one Dutch message per field.
 */
export async function stelVast(deps: AanbodDeps, actor: Actor, id: string, versie: number, advies: VaststellingInvoer): Promise<Opslaan<null>> {
  return tx(deps, actor, async (t, swvId) => {
    const v = await store.findVersie(t, id);
    if (!v || v.swvId !== swvId) throw new AppError('not_found');
    const school = await leesbareSchool(t, actor, v.vestigingCode);
    if (v.status !== 'concept') throw new AppError('conflict', { detail: 'Deze versie is al vastgesteld.' });
    if (!magAanbodVaststellen(actor.grant, school)) {
      throw new AppError('forbidden', { detail: 'Alleen de schoolleider van deze school stelt het aanbod vast.' });
    }
    if (v.versie !== versie) return { soort: 'conflict' };
    const vandaag = deps.clock.today();
    const fouten = controleerVaststelling({
      status: v.status as 'concept' | 'vastgesteld', rol: actor.grant.rol, inhoud: inhoudVan(v), ...advies, vandaag,
    });
    weigerBijFouten(fouten);
    const ok = await store.vaststellen(t, id, versie, {
      mrAdvies: advies.mrAdvies!, mrAdviesDatum: advies.mrAdviesDatum!, mrAdviesToelichting: advies.mrAdviesToelichting || null,
      reactieOpAdvies: advies.reactieOpAdvies || null, vastgesteldOp: vandaag, door: actor.gebruikerId,
    });
    if (!ok) return { soort: 'conflict' };
    await audit(t, actor, 'ondersteuningsaanbod', id, 'wijzigen', ['status', 'mrAdvies', 'mrAdviesDatum', 'vastgesteldOp']);
    return { soort: 'ok', waarde: null };
  });
}

/** Deletes a concept (the school's own draft); adopted versions stay forever. */
export async function verwijderConcept(deps: AanbodDeps, actor: Actor, id: string): Promise<string> {
  return tx(deps, actor, async (t, swvId) => {
    const v = await bewerkbareVersie(t, actor, swvId, id);
    await store.deleteConcept(t, id);
    await audit(t, actor, 'ondersteuningsaanbod', id, 'verwijderen', ['concept']);
    return v.vestigingCode;
  });
}

// -- basisondersteuning ---------------------------------------------------------------------------------------------

/** A new basisondersteuning is made for this school year or the next; earlier years are history. */
function controleerNieuwBasisjaar(deps: AanbodDeps, schooljaar: string): void {
  const huidig = schoolYearOf(deps.clock.today());
  if (schooljaar !== huidig && schooljaar !== volgendSchooljaar(huidig)) {
    throw new AppError('validation_failed', { fields: { schooljaar: `Kies dit schooljaar (${huidig}) of het volgende.` } });
  }
}

/** The SWV's basisondersteuning for every school year it has. */
export async function toonBasis(deps: AanbodDeps, actor: Actor) {
  if (!magSwvAanbodBeheren(actor.grant)) throw new AppError('forbidden');
  return tx(deps, actor, async (t, swvId) => ({
    jaren: await store.listBasis(t, swvId),
    huidigJaar: schoolYearOf(deps.clock.today()),
    magVaststellen: magBasisVaststellen(actor.grant),
  }));
}

/**
 * Creates or saves the concept basisondersteuning of a school year. A new year starts from the newest earlier
 * year's items. `versie` 0 means "there was none yet".
 */
export async function bewaarBasis(
  deps: AanbodDeps, actor: Actor, schooljaar: string, versie: number, v: { onderdelen: BasisOnderdeel[]; toelichting: string },
): Promise<Opslaan<null>> {
  if (!magSwvAanbodBeheren(actor.grant)) throw new AppError('forbidden');
  if (!isSchooljaar(schooljaar)) throw new AppError('not_found');
  return tx(deps, actor, async (t, swvId) => {
    const bestaand = await store.findBasis(t, swvId, schooljaar);
    if (!bestaand) {
      if (versie !== 0) return { soort: 'conflict' };
      controleerNieuwBasisjaar(deps, schooljaar);
      const id = await alsUniek(() => store.insertBasis(t, { swvId, schooljaar, ...v }), { schooljaar: `Voor ${schooljaar} is intussen al een basisondersteuning begonnen.` });
      await audit(t, actor, 'basisondersteuning', id, 'aanmaken', ['onderdelen', 'toelichting']);
      return { soort: 'ok', waarde: null };
    }
    if (bestaand.status !== 'concept') throw new AppError('conflict', { detail: 'Deze basisondersteuning is vastgesteld en kan niet meer worden gewijzigd.' });
    if (!(await store.updateBasis(t, bestaand.id, versie, v))) return { soort: 'conflict' };
    await audit(t, actor, 'basisondersteuning', bestaand.id, 'wijzigen', ['onderdelen', 'toelichting']);
    return { soort: 'ok', waarde: null };
  });
}

/** Starts next year's basisondersteuning as a copy of the newest one. */
export async function startBasis(deps: AanbodDeps, actor: Actor, schooljaar: string): Promise<void> {
  if (!magSwvAanbodBeheren(actor.grant)) throw new AppError('forbidden');
  if (!isSchooljaar(schooljaar)) throw new AppError('validation_failed', { fields: { schooljaar: 'Kies een schooljaar, zoals 2026-2027.' } });
  controleerNieuwBasisjaar(deps, schooljaar);
  await tx(deps, actor, async (t, swvId) => {
    if (await store.findBasis(t, swvId, schooljaar)) {
      throw new AppError('validation_failed', { fields: { schooljaar: `Voor ${schooljaar} bestaat al een basisondersteuning.` } });
    }
    const vorige = (await store.listBasis(t, swvId)).find((b) => b.schooljaar < schooljaar);
    const id = await alsUniek(
      () => store.insertBasis(t, { swvId, schooljaar, onderdelen: vorige?.onderdelen ?? [], toelichting: vorige?.toelichting ?? '' }),
      { schooljaar: `Voor ${schooljaar} bestaat al een basisondersteuning.` },
    );
    await audit(t, actor, 'basisondersteuning', id, 'aanmaken', ['schooljaar']);
  });
}

/** Adopts the basisondersteuning of a school year (SWV director; it must have at least one item). */
export async function stelBasisVast(deps: AanbodDeps, actor: Actor, schooljaar: string, versie: number): Promise<Opslaan<null>> {
  if (!magBasisVaststellen(actor.grant)) throw new AppError('forbidden', { detail: 'Alleen de directeur van het samenwerkingsverband stelt de basisondersteuning vast.' });
  return tx(deps, actor, async (t, swvId) => {
    const b = await store.findBasis(t, swvId, schooljaar);
    if (!b) throw new AppError('not_found');
    if (b.status !== 'concept') throw new AppError('conflict', { detail: 'Deze basisondersteuning is al vastgesteld.' });
    if (b.onderdelen.length === 0) throw new AppError('validation_failed', { fields: { onderdelen: 'Voeg eerst minstens één onderdeel toe.' } });
    if (!(await store.vaststellenBasis(t, b.id, versie, deps.clock.today()))) return { soort: 'conflict' };
    await audit(t, actor, 'basisondersteuning', b.id, 'wijzigen', ['status', 'vastgesteldOp']);
    return { soort: 'ok', waarde: null };
  });
}

// -- SWV profile ----------------------------------------------------------------------------------------------------

/** The actor's SWV profile (or undefined when never saved). */
export async function toonProfiel(deps: AanbodDeps, actor: Actor) {
  if (!magSwvAanbodBeheren(actor.grant)) throw new AppError('forbidden');
  return tx(deps, actor, (t, swvId) => store.findProfiel(t, swvId));
}

/** Saves the SWV profile (optimistic lock; 0 = new). */
export async function bewaarProfiel(deps: AanbodDeps, actor: Actor, versie: number, v: store.ProfielInhoud): Promise<Opslaan<null>> {
  if (!magSwvAanbodBeheren(actor.grant)) throw new AppError('forbidden');
  return tx(deps, actor, async (t, swvId) => {
    if (!(await store.bewaarProfiel(t, swvId, versie, v))) return { soort: 'conflict' };
    await audit(t, actor, 'swv-profiel', swvId, versie === 0 ? 'aanmaken' : 'wijzigen', Object.keys(v));
    return { soort: 'ok', waarde: null };
  });
}
