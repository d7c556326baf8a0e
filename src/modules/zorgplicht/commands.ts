/**
 * Use cases of the aanmelding (issue 5, first slice): register an application (a new child in the SWV plus its
 * application), see the applications and their legal clock, extend the term once. Each: relationship → validate →
 * rules → store → audit, in one tenant transaction. An application the user may not see answers 404 and is logged
 * as 'geweigerd'.
 */
import { tenantOf, type Actor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, weigerBijFouten } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { insertLeerling } from '../leerlingen/store.js';
import { aanmeldingRelatie, grondslag, magAdviseren, magTermijnVerlengen, plaatsingSchool, type AanmeldingRelatie } from './rules/toegang.js';
import {
  controleerOpschorting, controleerVerlenging, geldendeTermijn, klokstand, uitersteTermijn, type Klokstand, type Opschorting,
} from './rules/termijnen.js';
import { uitschrijvingNaWeigering, vroegsteAanmelddatum } from './rules/toelating.js';
import { addDays, isCivilDate } from '../../platform/civil-date.js';
import { controleerBesluit, controleerUitzondering, zorgplichtGeldt, type Uitzondering } from './rules/zorgplicht.js';
import * as store from './store.js';
import type { TNieuweAanmelding } from './schemas.js';

export type { Actor } from '../../platform/auth/actor.js';

export interface ZorgplichtDeps {
  db: Database;
  clock: Clock;
}

/** An application with its clock computed for today. */
export interface AanmeldingMetKlok extends store.AanmeldingRij {
  termijn: string;
  uiterste: string;
  klok: Klokstand;
}

/** Field names shown (for the audit log: names, never values). */
const VELDEN = ['naam', 'geboortedatum', 'school', 'ontvangenOp', 'termijn', 'status'];

function auditBase(actor: Actor, relatie: AanmeldingRelatie) {
  return {
    swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId, requestId: actor.requestId, grondslag: grondslag(relatie),
  };
}

/** The suspension of the term recorded on an application (vo), as the clock rules take it. */
export function opschortingenVan(a: { opgeschortVan: string | null; opgeschortTot: string | null }): Opschorting[] {
  return a.opgeschortVan && a.opgeschortTot ? [{ van: a.opgeschortVan, tot: a.opgeschortTot }] : [];
}

/** Still waiting for a decision: not decided, not withdrawn. */
export function isOpen(a: { besluit: string | null; ingetrokkenOp: string | null }): boolean {
  return a.besluit === null && a.ingetrokkenOp === null;
}

/** The deadline, the outer limit and the clock of an application on a day (rules/termijnen.ts). */
function klokVan(a: Omit<store.KlokRij, 'id' | 'besluitOp'>, vandaag: string) {
  const ops = opschortingenVan(a);
  const termijn = geldendeTermijn(a.ontvangenOp, a.verlengdTot, ops);
  return { termijn, uiterste: uitersteTermijn(a.ontvangenOp, ops), klok: klokstand(termijn, vandaag) };
}

/**
 * Every application with its deadline; the clock status only means something while it is open. The row gets the
 * three fields in place (no copy of its 40 fields: the overview does this for thousands of rows, bench/zorgplicht).
 */
export function metKlok(a: store.AanmeldingRij, vandaag: string): AanmeldingMetKlok {
  return Object.assign(a, klokVan(a, vandaag));
}

/** The applications the actor may see, with their clocks (the CSV export); the read is logged with every pupil on it. */
export async function toonAanmeldingen(deps: ZorgplichtDeps, actor: Actor, filter: store.Filter = {}): Promise<AanmeldingMetKlok[]> {
  const swvId = tenantOf(actor);
  const relatie = aanmeldingRelatie(actor.grant);
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const rijen = await store.listAanmeldingen(tx, relatie, filter);
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'lijst', objectType: 'aanmeldingen', leerlingIds: rijen.map((r) => r.leerlingId),
      velden: VELDEN, resultaat: 'ok',
    });
    const vandaag = deps.clock.today();
    return rijen.map((r) => metKlok(r, vandaag));
  });
}

export const PAGINA_GROOTTE = 50;
export const STANDEN = ['alle', 'lopend', 'bijna', 'te-laat', 'afgerond'] as const;
export type Stand = (typeof STANDEN)[number];

/** Whether an application belongs to the overview's choice (open or not, and how its clock stands). */
export function inStand(stand: Stand, open: boolean, klok: Klokstand): boolean {
  switch (stand) {
    case 'lopend': return open;
    case 'bijna': return open && klok.status === 'bijna';
    case 'te-laat': return open && klok.status === 'verlopen';
    case 'afgerond': return !open;
    default: return true;
  }
}

/**
 * One page of the overview: running clocks first (nearest deadline first), then the decided and withdrawn ones
 * (newest first). The counts cover every application the filter selects; only the pupils on the page are read
 * (and logged), so a region with thousands of applications stays one small page.
 */
export async function overzicht(deps: ZorgplichtDeps, actor: Actor, opts: store.Filter & { stand: Stand; pagina: number }) {
  const swvId = tenantOf(actor);
  const relatie = aanmeldingRelatie(actor.grant);
  const vandaag = deps.clock.today();
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    // Fields added in place, not by spreading: for thousands of rows a spread copy was most of the page's time.
    const klokken = (await store.listKlokken(tx, relatie, opts)).map((k) => {
      const termijn = geldendeTermijn(k.ontvangenOp, k.verlengdTot, opschortingenVan(k));
      return Object.assign(k, { open: isOpen(k), termijn, klok: klokstand(termijn, vandaag) });
    });
    const lopend = klokken.filter((k) => k.open);
    const tellingen = {
      alle: klokken.length, lopend: lopend.length, afgerond: klokken.length - lopend.length,
      bijna: lopend.filter((k) => k.klok.status === 'bijna').length, laat: lopend.filter((k) => k.klok.status === 'verlopen').length,
    };
    const gekozen = klokken.filter((k) => inStand(opts.stand, k.open, k.klok));
    // ISO dates and lowercase uuids order correctly as plain strings (no locale needed).
    const vergelijk = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    gekozen.sort((x, y) => (x.open === y.open
      ? (x.open ? vergelijk(x.termijn, y.termijn) : vergelijk(y.besluitOp ?? y.ingetrokkenOp ?? '', x.besluitOp ?? x.ingetrokkenOp ?? '')) || vergelijk(x.id, y.id)
      : x.open ? -1 : 1));
    const paginas = Math.max(1, Math.ceil(gekozen.length / PAGINA_GROOTTE));
    const pagina = Math.min(Math.max(1, opts.pagina), paginas);
    const ids = gekozen.slice((pagina - 1) * PAGINA_GROOTTE, pagina * PAGINA_GROOTTE).map((k) => k.id);
    const volgorde = new Map(ids.map((id, i) => [id, i]));
    const rijen = (await store.listAanmeldingenOpId(tx, relatie, ids)).sort((a, b) => volgorde.get(a.id)! - volgorde.get(b.id)!);
    // The SWV's own to-do: advice requests of schools that wait for an answer (names shown, so read and logged).
    const adviesvragen = magAdviseren(relatie) ? await store.listOpenAdviesvragen(tx) : [];
    // The SWV's filter choices (public register data) in the same transaction: one round trip less per page view.
    const keuzes = relatie.soort === 'swv'
      ? { scholen: await store.scholenVanSwv(tx, swvId), besturen: await store.besturenVanSwv(tx, swvId) }
      : { scholen: [], besturen: [] };
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'lijst', objectType: 'aanmeldingen',
      leerlingIds: [...new Set([...rijen.map((r) => r.leerlingId), ...adviesvragen.map((v) => v.leerlingId)])], velden: VELDEN, resultaat: 'ok',
    });
    return { rijen: rijen.map((r) => metKlok(r, vandaag)), adviesvragen, keuzes, tellingen, gekozen: gekozen.length, pagina, paginas };
  });
}

async function weigerEnGooi(deps: ZorgplichtDeps, actor: Actor, id: string, actie: 'lezen' | 'wijzigen' | 'afdrukken'): Promise<never> {
  const relatie = aanmeldingRelatie(actor.grant);
  await deps.db.withTenant({ swvId: actor.grant.swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerlingId = await store.leerlingVanAanmelding(tx, id);
    await recordAudit(tx, { ...auditBase(actor, relatie), actie, objectType: 'aanmelding', objectId: id, leerlingId, resultaat: 'geweigerd' });
  });
  throw new AppError('not_found');
}

/** One application with its clock (read is audited; 'afdrukken' for the letter). */
export async function openAanmelding(deps: ZorgplichtDeps, actor: Actor, id: string, actie: 'lezen' | 'afdrukken' = 'lezen') {
  const swvId = tenantOf(actor);
  const relatie = aanmeldingRelatie(actor.grant);
  const a = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const rij = await store.findAanmelding(tx, id, relatie);
    if (rij) {
      await recordAudit(tx, {
        ...auditBase(actor, relatie), actie, objectType: 'aanmelding', objectId: id, leerlingId: rij.leerlingId, velden: VELDEN, resultaat: 'ok',
      });
    }
    return rij;
  });
  if (!a) return weigerEnGooi(deps, actor, id, actie);
  const [verzoeken, adviezen] = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, (tx) =>
    Promise.all([store.listVerzoeken(tx, id), store.listAdviezen(tx, id)]));
  const open = isOpen(a);
  const zorgplicht = zorgplichtVan(a);
  const isSchool = magTermijnVerlengen(relatie);
  return {
    aanmelding: metKlok(a, deps.clock.today()), zorgplicht, verzoeken, adviezen, relatie,
    magVerlengen: isSchool && open && a.verlengdTot === null, magBeoordelen: isSchool && open, magBesluiten: isSchool && open,
    magOpschorten: isSchool && open && a.sector === 'vo' && a.opgeschortVan === null && a.verlengdTot === null,
    magVerzoeken: isSchool && open, magIntrekken: isSchool && open,
    magAdviesVragen: isSchool && open, magAdviseren: magAdviseren(relatie),
  };
}

/** Whether the zorgplicht applies, once the support need was assessed (rules/zorgplicht.ts). */
function zorgplichtVan(a: store.AanmeldingRij) {
  return a.extraOndersteuningNodig === null ? null
    : zorgplichtGeldt({ sector: a.sector, extraOndersteuningNodig: a.extraOndersteuningNodig, uitzondering: a.uitzondering as Uitzondering | null });
}

/**
 * One change of an application: the store update (optimistic lock) and its audit event in one transaction; a
 * stale version or an application decided meanwhile is a 409.
 */
async function wijzigAanmelding(deps: ZorgplichtDeps, actor: Actor, a: store.AanmeldingRij, velden: string[], update: (tx: Tx) => Promise<boolean>) {
  const relatie = aanmeldingRelatie(actor.grant);
  const ok = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const gelukt = await update(tx);
    if (gelukt) {
      await recordAudit(tx, {
        ...auditBase(actor, relatie), actie: 'wijzigen', objectType: 'aanmelding', objectId: a.id, leerlingId: a.leerlingId, velden, resultaat: 'ok',
      });
    }
    return gelukt;
  });
  if (!ok) throw new AppError('conflict', { detail: 'Iemand anders heeft deze aanmelding intussen gewijzigd. Laad de pagina opnieuw.' });
}

/** The school's own application that is still open (no decision yet), or a clear refusal. */
async function eigenOpenAanmelding(deps: ZorgplichtDeps, actor: Actor, id: string) {
  const r = await openAanmelding(deps, actor, id);
  if (!magTermijnVerlengen(aanmeldingRelatie(actor.grant))) throw new AppError('forbidden', { detail: 'Alleen de school zelf beoordeelt en beslist over haar aanmeldingen.' });
  if (r.aanmelding.besluit !== null) throw new AppError('conflict', { detail: 'Over deze aanmelding is al besloten.' });
  if (r.aanmelding.ingetrokkenOp !== null) throw new AppError('conflict', { detail: 'Deze aanmelding is ingetrokken.' });
  return r;
}

/**
 * Records the assessment of the support need (WPO 40 lid 3 c.s.) and whether an exception to the zorgplicht applies
 * (WPO 40 lid 5 c.s.; rules/zorgplicht.ts), with written reasons for an exception.
 */
export async function beoordeelAanmelding(
  deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { nodig: boolean; uitzondering: Uitzondering | null; toelichting: string },
) {
  const { aanmelding: a } = await eigenOpenAanmelding(deps, actor, id);
  if (input.uitzondering) weigerBijFouten(controleerUitzondering(a.sector, input.uitzondering, input.toelichting));
  await wijzigAanmelding(deps, actor, a, ['extraOndersteuningNodig', 'uitzondering', 'uitzonderingToelichting'], (tx) =>
    store.beoordeel(tx, id, versie, {
      nodig: input.nodig, uitzondering: input.uitzondering, toelichting: input.uitzondering ? input.toelichting.trim() : null, op: deps.clock.today(),
    }));
}

/**
 * Records the decision on admission. A refusal needs reasons, an assessment first, and — with the zorgplicht — a
 * school that confirmed in Passend it is willing to admit (rules/zorgplicht.ts, legal-rules §10 rule 7): the
 * answers of the placement requests decide, read in the same transaction as the write.
 * For a provisionally placed pupil (WPO 40 lid 7 c.s.) an admission makes the placement definitive (the enrolment
 * stays), a refusal de-registers the pupil from the day after the decision (rules/toelating.ts).
 */
export async function neemBesluit(deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { besluit: string; besluitOp: string; toelichting: string }) {
  const { aanmelding: a, verzoeken } = await eigenOpenAanmelding(deps, actor, id);
  const zorgplicht = zorgplichtVan(a)?.geldt ?? null;
  weigerBijFouten(controleerBesluit({ ...input, ontvangen: a.ontvangenOp, vandaag: deps.clock.today(), zorgplicht, antwoorden: verzoeken.map((v) => v.status) }));
  await wijzigAanmelding(deps, actor, a, ['besluit', 'besluitOp', 'besluitToelichting', 'status'], async (tx) => {
    // Re-read the answers inside the write: a willing school that withdrew meanwhile must not count.
    if (input.besluit === 'geweigerd' && zorgplicht) {
      const nu = await store.listVerzoeken(tx, id);
      if (!nu.some((v) => v.status === 'bereid')) return false;
    }
    const ok = await store.besluit(tx, id, versie, { besluit: input.besluit, op: input.besluitOp, toelichting: input.toelichting.trim() });
    const inschrijvingId = ok && input.besluit === 'geweigerd' ? await store.inschrijvingVanAanmelding(tx, id) : null;
    if (inschrijvingId) await store.beeindigInschrijving(tx, inschrijvingId, addDays(uitschrijvingNaWeigering(input.besluitOp), -1));
    return ok;
  });
}

/**
 * Asks another school of the SWV whether it is willing to admit the pupil. The question is written for that
 * school: it sees the child's name, birth date and kind of education, and this text — not the application.
 */
export async function vraagPlaatsing(deps: ZorgplichtDeps, actor: Actor, id: string, input: { vestigingCode: string; vraag: string }) {
  const { aanmelding: a } = await eigenOpenAanmelding(deps, actor, id);
  const fouten: Record<string, string> = {};
  if (input.vestigingCode === a.vestigingCode) fouten.vestigingCode = 'Kies een andere school dan uw eigen school.';
  if (input.vraag.trim().length < 10) fouten.vraag = 'Schrijf op welke ondersteuning het kind nodig heeft. De andere school leest alleen deze tekst.';
  weigerBijFouten(fouten);
  const swvId = tenantOf(actor);
  await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const school = await store.schoolInSwv(tx, input.vestigingCode, swvId);
    if (!school) throw new AppError('validation_failed', { fields: { vestigingCode: 'Kies een school van dit samenwerkingsverband.' } });
    const verzoekId = await store.insertVerzoek(tx, { swvId, aanmeldingId: id, vestigingCode: school, op: deps.clock.today(), vraag: input.vraag.trim(), door: actor.gebruikerId });
    if (!verzoekId) throw new AppError('validation_failed', { fields: { vestigingCode: 'Deze school heeft u al gevraagd.' } });
    await recordAudit(tx, {
      ...auditBase(actor, aanmeldingRelatie(actor.grant)), actie: 'aanmaken', objectType: 'plaatsingsverzoek', objectId: verzoekId,
      leerlingId: a.leerlingId, velden: ['naam', 'geboortedatum', 'sector', 'vraag'], resultaat: 'ok',
    });
  });
}

const PLAATSING_GRONDSLAG = 'verzoek om plaatsing aan deze school (Wpo 40 lid 4 / Wvo 27 lid 2c / Wec 40 lid 5)';
const VERZOEK_VELDEN = ['naam', 'geboortedatum', 'sector', 'gewensteStartdatum', 'vraag'];

function plaatsingAudit(actor: Actor) {
  return {
    swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId, requestId: actor.requestId, grondslag: PLAATSING_GRONDSLAG,
  };
}

/** The requests addressed to the user's school location (the asked school's inbox); the list read is audited. */
export async function toonInkomendeVerzoeken(deps: ZorgplichtDeps, actor: Actor): Promise<store.InkomendVerzoekRij[]> {
  const school = plaatsingSchool(actor.grant);
  if (!school) return [];
  return deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const rijen = await store.listInkomend(tx, school);
    await recordAudit(tx, {
      ...plaatsingAudit(actor), actie: 'lijst', objectType: 'plaatsingsverzoeken', leerlingIds: rijen.map((r) => r.leerlingId), velden: VERZOEK_VELDEN, resultaat: 'ok',
    });
    return rijen;
  });
}

/** One request addressed to the user's school location; anything else is a 404 logged as 'geweigerd'. */
export async function openInkomendVerzoek(deps: ZorgplichtDeps, actor: Actor, id: string): Promise<store.InkomendVerzoekRij> {
  const school = plaatsingSchool(actor.grant);
  const swvId = tenantOf(actor);
  const v = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const rij = school ? await store.findInkomend(tx, id, school) : undefined;
    await recordAudit(tx, {
      ...plaatsingAudit(actor), actie: 'lezen', objectType: 'plaatsingsverzoek', objectId: id,
      leerlingId: rij ? rij.leerlingId : await store.leerlingVanVerzoek(tx, id), velden: rij ? VERZOEK_VELDEN : undefined, resultaat: rij ? 'ok' : 'geweigerd',
    });
    return rij;
  });
  if (!v) throw new AppError('not_found');
  return v;
}

/**
 * The asked school answers: it considers it ('overweegt' — that does not lift the block, WPO 40 lid 4: "bereid"),
 * confirms it will admit ('bereid'), or declines ('afgewezen', with reasons). A final answer is not changed here.
 */
export async function beantwoordVerzoek(deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { antwoord: string; toelichting: string }) {
  const v = await openInkomendVerzoek(deps, actor, id);
  if (v.status !== 'gevraagd' && v.status !== 'overweegt') throw new AppError('conflict', { detail: 'Dit verzoek is al beantwoord.' });
  const fouten: Record<string, string> = {};
  if (!['overweegt', 'bereid', 'afgewezen'].includes(input.antwoord)) fouten.antwoord = 'Kies uw antwoord.';
  if (input.antwoord === 'afgewezen' && input.toelichting.trim().length < 10) fouten.toelichting = 'Schrijf op waarom uw school het kind niet kan toelaten.';
  weigerBijFouten(fouten);
  const ok = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const gelukt = await store.beantwoordVerzoek(tx, id, versie, {
      status: input.antwoord as store.AntwoordStatus, op: deps.clock.today(), toelichting: input.toelichting.trim() || null, door: actor.gebruikerId,
    });
    if (gelukt) {
      await recordAudit(tx, {
        ...plaatsingAudit(actor), actie: 'wijzigen', objectType: 'plaatsingsverzoek', objectId: id, leerlingId: v.leerlingId,
        velden: ['status', 'antwoordToelichting'], resultaat: 'ok',
      });
    }
    return gelukt;
  });
  if (!ok) throw new AppError('conflict', { detail: 'Iemand anders heeft dit verzoek intussen beantwoord. Laad de pagina opnieuw.' });
}

/** The school asks the SWV for advice on the application (at any step). */
export async function vraagAdvies(deps: ZorgplichtDeps, actor: Actor, id: string, input: { vraag: string }) {
  const { aanmelding: a } = await eigenOpenAanmelding(deps, actor, id);
  weigerBijFouten(input.vraag.trim().length < 10 ? { vraag: 'Schrijf uw vraag aan het samenwerkingsverband op.' } : {});
  await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const adviesId = await store.insertAdviesvraag(tx, { swvId: tenantOf(actor), aanmeldingId: id, vraag: input.vraag.trim(), op: deps.clock.today(), door: actor.gebruikerId });
    await recordAudit(tx, {
      ...auditBase(actor, aanmeldingRelatie(actor.grant)), actie: 'aanmaken', objectType: 'aanmelding-advies', objectId: adviesId, leerlingId: a.leerlingId,
      velden: ['vraag'], resultaat: 'ok',
    });
  });
}

/** The SWV answers an advice request. */
export async function geefAdvies(deps: ZorgplichtDeps, actor: Actor, id: string, adviesId: string, input: { advies: string }) {
  const { aanmelding: a, relatie } = await openAanmelding(deps, actor, id);
  if (!magAdviseren(relatie)) throw new AppError('forbidden', { detail: 'Alleen het samenwerkingsverband geeft advies.' });
  weigerBijFouten(input.advies.trim().length < 10 ? { advies: 'Schrijf het advies op.' } : {});
  const ok = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const gelukt = await store.geefAdvies(tx, adviesId, id, { advies: input.advies.trim(), op: deps.clock.today(), door: actor.gebruikerId });
    if (gelukt) {
      await recordAudit(tx, {
        ...auditBase(actor, relatie), actie: 'wijzigen', objectType: 'aanmelding-advies', objectId: adviesId, leerlingId: a.leerlingId, velden: ['advies'], resultaat: 'ok',
      });
    }
    return gelukt;
  });
  if (!ok) throw new AppError('conflict', { detail: 'Deze adviesvraag is al beantwoord.' });
}

/**
 * vo: the term stands still from the invitation to complete an incomplete application until it is complete or
 * the deadline for completing it expires (WVO 27 lid 2g; rules/termijnen.ts). Recorded once, before an extension
 * (an extension names a date that the suspension would move).
 */
export async function schortTermijnOp(deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { van: string; tot: string; reden: string }) {
  const { aanmelding: a } = await eigenOpenAanmelding(deps, actor, id);
  const fouten = controleerOpschorting(a.sector, a.ontvangenOp, input);
  if (a.opgeschortVan) fouten.van = 'De termijn heeft al een keer stilgestaan.';
  if (a.verlengdTot) fouten.van = 'De termijn is al verlengd. Leg een opschorting vast voordat u verlengt.';
  if (input.reden.trim().length < 10) fouten.reden = 'Schrijf op wat er ontbreekt aan de aanmelding.';
  weigerBijFouten(fouten);
  await wijzigAanmelding(deps, actor, a, ['opgeschortVan', 'opgeschortTot', 'opschortingReden'], (tx) =>
    store.schortOp(tx, id, versie, { van: input.van, tot: input.tot, reden: input.reden.trim() }));
}

/** The parents withdrew the application (recorded by the school): the clock stops, nothing is decided. */
export async function trekAanmeldingIn(deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { op: string; reden: string }) {
  const { aanmelding: a } = await eigenOpenAanmelding(deps, actor, id);
  const fouten: Record<string, string> = {};
  const vandaag = deps.clock.today();
  if (!isCivilDate(input.op)) fouten.op = 'Vul de datum in waarop de ouders de aanmelding introkken.';
  else if (input.op < a.ontvangenOp) fouten.op = 'Intrekken kan niet voor de ontvangst van de aanmelding.';
  else if (input.op > vandaag) fouten.op = 'De datum ligt in de toekomst.';
  if (input.reden.trim().length < 3) fouten.reden = 'Schrijf kort op waarom (bijvoorbeeld: kind gaat naar een andere school).';
  weigerBijFouten(fouten);
  await wijzigAanmelding(deps, actor, a, ['ingetrokkenOp', 'intrekkingReden', 'status'], (tx) =>
    store.trekIn(tx, id, versie, { op: input.op, reden: input.reden.trim() }));
}

/**
 * Registers an application: the child (a new pupil of the SWV, not enrolled yet) and the application, in one
 * transaction. A school registers for its own location; the SWV for any location in its region.
 */
export async function registreerAanmelding(deps: ZorgplichtDeps, actor: Actor, input: TNieuweAanmelding): Promise<string> {
  const swvId = tenantOf(actor);
  const relatie = aanmeldingRelatie(actor.grant);
  const vestigingCode = relatie.soort === 'school' ? relatie.vestigingCode : input.vestigingCode;
  if (relatie.soort !== 'school' && relatie.soort !== 'swv') throw new AppError('forbidden');
  const fouten: Record<string, string> = {};
  const vandaag = deps.clock.today();
  if (input.ontvangenOp > vandaag) fouten.ontvangenOp = 'De datum van ontvangst ligt in de toekomst.';
  if (input.geboortedatum > vandaag) fouten.geboortedatum = 'De geboortedatum ligt in de toekomst.';
  // WPO 40 lid 2 / WEC 40 lid 3 (legal-rules §1.2): in po and so a child can be applied from 3 (deaf or hard of
  // hearing, WEC: from 2). An earlier application is not yet an aanmelding in the sense of the law.
  const vanaf = vroegsteAanmelddatum(input.geboortedatum, input.sector, input.doofOfSlechthorend);
  if (vanaf && input.ontvangenOp < vanaf && !fouten.geboortedatum) {
    fouten.ontvangenOp = `Een kind kan pas worden aangemeld vanaf ${vanaf} (de dag dat het ${input.sector === 'wec' && input.doofOfSlechthorend ? 2 : 3} jaar wordt).`;
  }
  if (input.gewensteStartdatum && input.gewensteStartdatum < input.ontvangenOp) {
    fouten.gewensteStartdatum = 'De gewenste startdatum ligt voor de datum van ontvangst.';
  }
  weigerBijFouten(fouten);
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx: Tx) => {
    const school = await store.schoolInSwv(tx, vestigingCode ?? '', swvId);
    if (!school) throw new AppError('validation_failed', { fields: { vestigingCode: 'Kies een school van dit samenwerkingsverband.' } });
    const leerlingId = await insertLeerling(tx, {
      swvId, voornaam: input.voornaam, tussenvoegsel: input.tussenvoegsel, achternaam: input.achternaam,
      geboortedatum: input.geboortedatum, woonPc4: input.woonPc4,
    });
    const id = await store.insertAanmelding(tx, {
      swvId, leerlingId, vestigingCode: school, sector: input.sector, ontvangenOp: input.ontvangenOp,
      gewensteStartdatum: input.gewensteStartdatum ?? null, andereScholen: input.andereScholen ?? '',
      isEersteVoorkeur: input.isEersteVoorkeur, extraOndersteuningVerwacht: input.extraOndersteuningVerwacht,
      ouderInformatie: input.ouderInformatie ?? null, bron: 'school', door: actor.gebruikerId,
    });
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'aanmaken', objectType: 'aanmelding', objectId: id, leerlingId,
      velden: ['naam', 'geboortedatum', 'woonPc4', 'school', 'ontvangenOp', 'andereScholen', 'extraOndersteuningVerwacht'], resultaat: 'ok',
    });
    return id;
  });
}

/**
 * Extends the decision term once (rules/termijnen.ts: after the normal term, at most 4 weeks, with a reason that
 * goes to the parents in a letter). Nothing is saved when a rule says no.
 */
export async function verlengTermijn(deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { nieuweTermijn: string; reden: string }) {
  const { aanmelding: a } = await eigenOpenAanmelding(deps, actor, id);
  weigerBijFouten(controleerVerlenging({
    ontvangen: a.ontvangenOp, nieuweTermijn: input.nieuweTermijn, reden: input.reden, eerdereVerlengingen: a.verlengdTot ? 1 : 0, opschortingen: opschortingenVan(a),
  }));
  await wijzigAanmelding(deps, actor, a, ['verlengdTot', 'verlengingReden', 'status'], (tx) =>
    store.verleng(tx, id, versie, { verlengdTot: input.nieuweTermijn, reden: input.reden.trim(), op: deps.clock.today() }));
}
