/**
 * Use cases of schorsing (suspension) and verwijdering (removal) of an enrolled pupil (issue 5; legal-rules
 * §1.13–1.17). Each: relationship → validate → rules → store → audit, in one tenant transaction. A record or pupil
 * the user may not see answers 404 and is logged as 'geweigerd'; a rule that says no answers 422 and saves
 * nothing; a stale version (someone else saved first) answers 409.
 */
import { tenantOf, type Actor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, weigerBijFouten } from '../../platform/errors.js';
import { recordAudit, type AuditActie } from '../../platform/audit/audit.js';
import { grondslag, magVastleggen, schorsingRelatie, type SchorsingRelatie } from './rules/toegang.js';
import { controleerSchorsing, inspectieMeldingNodig } from './rules/schorsing.js';
import { ontbrekendVoorDefinitieveVerwijdering, type VerwijderingFeiten } from './rules/verwijdering.js';
import { datumFout, datumFouten } from '../../platform/datum.js';
import * as store from './store.js';
import type { TNieuweSchorsing, TNieuweVerwijdering } from './schemas.js';

export type { Actor } from '../../platform/auth/actor.js';

export interface SchorsingDeps {
  db: Database;
  clock: Clock;
}

/** Field names shown or written (for the audit log: names, never values). */
const SCHORSING_VELDEN = ['naam', 'school', 'van', 'tot', 'reden', 'besluitOp', 'ouderGeinformeerdOp', 'inspectieGemeldOp', 'ingetrokkenOp'];
const VERWIJDERING_VELDEN = ['naam', 'school', 'sector', 'status', 'voornemenOp', 'reden', 'leerplichtig', 'gehoordOp', 'hoorVerslag',
  'andereSchool', 'inspectieGeraadpleegdOp', 'cluster12ZoektochtSinds', 'besluitOp'];
const LIJST_VELDEN = ['naam', 'school', 'van', 'tot', 'status', 'inspectieGemeldOp', 'voornemenOp', 'besluitOp'];

function relatieVan(actor: Actor): SchorsingRelatie {
  return schorsingRelatie(actor.grant);
}

function auditBase(actor: Actor, relatie: SchorsingRelatie) {
  return {
    swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId, requestId: actor.requestId, grondslag: grondslag(relatie),
  };
}

/**
 * Logs a refusal in its own transaction (the request's own work is not committed) and answers 404, so ids cannot be
 * probed. The event names the pupil when it exists in this SWV, so it shows in the parents' view of who tried.
 */
async function weigerEnGooi(
  deps: SchorsingDeps, actor: Actor, object: { type: 'leerling' | 'schorsing' | 'verwijdering'; id: string }, actie: AuditActie,
): Promise<never> {
  const relatie = relatieVan(actor);
  await deps.db.withTenant({ swvId: actor.grant.swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerlingId = object.type === 'leerling'
      ? ((await store.leerlingBestaat(tx, object.id)) ? object.id : null)
      : await store.leerlingVan(tx, object.type, object.id);
    await recordAudit(tx, { ...auditBase(actor, relatie), actie, objectType: object.type, objectId: object.id, leerlingId, resultaat: 'geweigerd' });
  });
  throw new AppError('not_found');
}

// ---------------------------------------------------------------------------------------------------------------
// The pupil, before a decision is recorded
// ---------------------------------------------------------------------------------------------------------------

/**
 * The pupil at the school where the actor records (the form's page), with its earlier suspensions and removals so
 * nobody records the same decision twice. Audited as a read of the pupil's file.
 */
export async function openLeerlingOpSchool(deps: SchorsingDeps, actor: Actor, leerlingId: string) {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const today = deps.clock.today();
  const r = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerling = await store.findLeerlingOpSchool(tx, leerlingId, relatie, today);
    if (!leerling) return null;
    const [schorsingen, verwijderingen] = await Promise.all([
      store.listSchorsingen(tx, relatie, today, leerlingId), store.listVerwijderingen(tx, relatie, today, leerlingId),
    ]);
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'lezen', objectType: 'leerling', objectId: leerlingId, leerlingId,
      velden: ['naam', 'geboortedatum', 'school', 'schorsingen', 'verwijderingen'], resultaat: 'ok',
    });
    return { leerling, schorsingen, verwijderingen };
  });
  return r ?? weigerEnGooi(deps, actor, { type: 'leerling', id: leerlingId }, 'lezen');
}

// ---------------------------------------------------------------------------------------------------------------
// Schorsing
// ---------------------------------------------------------------------------------------------------------------

/**
 * Records a suspension (rule 9, rules/schorsing.ts): at most one week, with reasons, the letter to the parents
 * confirmed; the inspectie task follows from the length. The decision comes before the suspension starts (it is
 * what allows the school to keep the pupil out: interpretation of WPO 40c "kan ... schorsen") and not in the future.
 */
export async function legSchorsingVast(deps: SchorsingDeps, actor: Actor, leerlingId: string, input: TNieuweSchorsing): Promise<string> {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  if (!magVastleggen(relatie)) throw new AppError('forbidden');
  const today = deps.clock.today();
  const fouten = controleerSchorsing({ van: input.van, tot: input.tot, reden: input.reden, schriftelijkAanOuders: input.schriftelijkAanOuders });
  const besluit = datumFout(input.besluitOp, {
    wat: 'de datum van het besluit', vandaag: today, nietNa: [{ datum: fouten.van ? null : input.van, wat: 'de eerste dag van de schorsing' }],
  });
  if (besluit) fouten.besluitOp = besluit;
  const id = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerling = await store.findLeerlingOpSchool(tx, leerlingId, relatie, today);
    if (!leerling) return null;
    weigerBijFouten(fouten);
    const id = await store.insertSchorsing(tx, {
      swvId, leerlingId, vestigingCode: leerling.vestigingCode, van: input.van, tot: input.tot, reden: input.reden.trim(),
      besluitOp: input.besluitOp, ouderGeinformeerdOp: today, inspectieMeldingNodig: inspectieMeldingNodig(input.van, input.tot),
      door: actor.gebruikerId,
    });
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'aanmaken', objectType: 'schorsing', objectId: id, leerlingId,
      velden: ['van', 'tot', 'reden', 'besluitOp', 'ouderGeinformeerdOp', 'inspectieMeldingNodig'], resultaat: 'ok',
    });
    return id;
  });
  return id ?? weigerEnGooi(deps, actor, { type: 'leerling', id: leerlingId }, 'aanmaken');
}

/** A suspension with what the page needs: the open inspectie task and whether the actor may change it. */
export interface SchorsingMetTaak {
  schorsing: store.SchorsingRij;
  /** More than one day, not yet reported and not withdrawn (WPO 40c: the inspectie is told in writing). */
  inspectieTaakOpen: boolean;
  magVastleggen: boolean;
}

export function metTaak(s: store.SchorsingRij, relatie: SchorsingRelatie): SchorsingMetTaak {
  return {
    schorsing: s,
    inspectieTaakOpen: s.inspectieMeldingNodig && s.inspectieGemeldOp === null && s.ingetrokkenOp === null,
    magVastleggen: magVastleggen(relatie),
  };
}

/** One suspension (read is audited; 'afdrukken' for the letter). */
export async function openSchorsing(deps: SchorsingDeps, actor: Actor, id: string, actie: 'lezen' | 'afdrukken' = 'lezen'): Promise<SchorsingMetTaak> {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const s = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const rij = await store.findSchorsing(tx, id, relatie, deps.clock.today());
    if (rij) {
      await recordAudit(tx, {
        ...auditBase(actor, relatie), actie, objectType: 'schorsing', objectId: id, leerlingId: rij.leerlingId, velden: SCHORSING_VELDEN, resultaat: 'ok',
      });
    }
    return rij;
  });
  return s ? metTaak(s, relatie) : weigerEnGooi(deps, actor, { type: 'schorsing', id }, actie);
}

/**
 * One change of a suspension: find (relationship), check, update with the version, audit — one transaction. The
 * check sees the record as it is now; `update` false means someone else saved first (409).
 */
async function wijzigSchorsing(
  deps: SchorsingDeps, actor: Actor, id: string, velden: string[],
  check: (s: store.SchorsingRij) => Record<string, string>, update: (tx: Tx, s: store.SchorsingRij) => Promise<boolean>,
): Promise<void> {
  const relatie = relatieVan(actor);
  if (!magVastleggen(relatie)) throw new AppError('forbidden');
  const uitkomst = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const s = await store.findSchorsing(tx, id, relatie, deps.clock.today());
    if (!s) return 'weg' as const;
    if (s.ingetrokkenOp) throw new AppError('conflict', { detail: 'Deze schorsing is ingetrokken.' });
    weigerBijFouten(check(s));
    if (!(await update(tx, s))) return 'conflict' as const;
    await recordAudit(tx, { ...auditBase(actor, relatie), actie: 'wijzigen', objectType: 'schorsing', objectId: id, leerlingId: s.leerlingId, velden, resultaat: 'ok' });
    return 'ok' as const;
  });
  if (uitkomst === 'weg') return weigerEnGooi(deps, actor, { type: 'schorsing', id }, 'wijzigen');
  if (uitkomst === 'conflict') throw new AppError('conflict', { detail: 'Iemand anders heeft deze schorsing intussen gewijzigd.' });
}

/** Records the day the suspension was reported to the inspectie in writing (WPO 40c; only when > 1 day). */
export async function legInspectieMeldingVast(deps: SchorsingDeps, actor: Actor, id: string, versie: number, gemeldOp: string): Promise<void> {
  const today = deps.clock.today();
  await wijzigSchorsing(deps, actor, id, ['inspectieGemeldOp'], (s) => {
    if (!s.inspectieMeldingNodig) return { inspectieGemeldOp: 'Een schorsing van één dag hoeft u niet aan de inspectie te melden.' };
    return datumFouten({ inspectieGemeldOp: [gemeldOp, { wat: 'de datum van de melding', vandaag: today, nietVoor: [{ datum: s.besluitOp, wat: 'het besluit' }] }] });
  }, (tx) => store.meldInspectie(tx, id, versie, gemeldOp));
}

/** Withdraws a suspension (e.g. after an objection or a mistake); the record stays, marked withdrawn. */
export async function trekSchorsingIn(deps: SchorsingDeps, actor: Actor, id: string, versie: number): Promise<void> {
  await wijzigSchorsing(deps, actor, id, ['ingetrokkenOp'], () => ({}), (tx) => store.trekSchorsingIn(tx, id, versie, deps.clock.today()));
}

// ---------------------------------------------------------------------------------------------------------------
// Verwijdering
// ---------------------------------------------------------------------------------------------------------------

/** A removal with what the page needs: what is still missing for a definitive decision, and who may act. */
export interface VerwijderingMetStand {
  verwijdering: store.VerwijderingRij;
  /** Plain-Dutch list of what the law still requires (empty: it may become definitive). */
  ontbrekend: string[];
  magVastleggen: boolean;
}

function feitenVan(v: store.VerwijderingRij, vandaag: string): VerwijderingFeiten {
  return {
    sector: v.sector, gehoordOp: v.gehoordOp, leerplichtig: v.leerplichtig, andereSchoolBereid: v.andereSchoolBereidOp !== null,
    inspectieGeraadpleegdOp: v.inspectieGeraadpleegdOp, cluster12ZoektochtSinds: v.cluster12ZoektochtSinds, vandaag,
  };
}

export function metStand(v: store.VerwijderingRij, relatie: SchorsingRelatie, vandaag: string): VerwijderingMetStand {
  return {
    verwijdering: v,
    ontbrekend: v.status === 'voorgenomen' ? ontbrekendVoorDefinitieveVerwijdering(feitenVan(v, vandaag)) : [],
    magVastleggen: magVastleggen(relatie),
  };
}

/** Records a proposal to remove a pupil ("voornemen"); it stays "voorgenomen" until the law's steps are on record. */
export async function legVoornemenVast(deps: SchorsingDeps, actor: Actor, leerlingId: string, input: TNieuweVerwijdering): Promise<string> {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  if (!magVastleggen(relatie)) throw new AppError('forbidden');
  const today = deps.clock.today();
  const fouten = datumFouten({ voornemenOp: [input.voornemenOp, { wat: 'de datum van het voornemen', vandaag: today }] });
  const id = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const leerling = await store.findLeerlingOpSchool(tx, leerlingId, relatie, today);
    if (!leerling) return null;
    weigerBijFouten(fouten);
    const id = await store.insertVerwijdering(tx, {
      swvId, leerlingId, vestigingCode: leerling.vestigingCode, sector: input.sector, voornemenOp: input.voornemenOp,
      reden: input.reden, leerplichtig: input.leerplichtig, door: actor.gebruikerId,
    });
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'aanmaken', objectType: 'verwijdering', objectId: id, leerlingId,
      velden: ['sector', 'leerplichtig', 'voornemenOp', 'reden'], resultaat: 'ok',
    });
    return id;
  });
  return id ?? weigerEnGooi(deps, actor, { type: 'leerling', id: leerlingId }, 'aanmaken');
}

/** One removal (read is audited; 'afdrukken' for the letter). */
export async function openVerwijdering(deps: SchorsingDeps, actor: Actor, id: string, actie: 'lezen' | 'afdrukken' = 'lezen'): Promise<VerwijderingMetStand> {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const today = deps.clock.today();
  const v = await deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const rij = await store.findVerwijdering(tx, id, relatie, today);
    if (rij) {
      await recordAudit(tx, {
        ...auditBase(actor, relatie), actie, objectType: 'verwijdering', objectId: id, leerlingId: rij.leerlingId, velden: VERWIJDERING_VELDEN, resultaat: 'ok',
      });
    }
    return rij;
  });
  return v ? metStand(v, relatie, today) : weigerEnGooi(deps, actor, { type: 'verwijdering', id }, actie);
}

/**
 * One step on a removal that is still proposed, like {@link wijzigSchorsing}: a definitive or withdrawn removal
 * cannot change any more (a definitive decision is undone only through bezwaar), so that is a 409 with a reason.
 */
async function zetStap(
  deps: SchorsingDeps, actor: Actor, id: string, versie: number, velden: string[],
  check: (v: store.VerwijderingRij, tx: Tx) => Promise<Record<string, string>> | Record<string, string>, stap: store.VerwijderingStap,
): Promise<void> {
  const relatie = relatieVan(actor);
  if (!magVastleggen(relatie)) throw new AppError('forbidden');
  const uitkomst = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const v = await store.findVerwijdering(tx, id, relatie, deps.clock.today());
    if (!v) return 'weg' as const;
    if (v.status !== 'voorgenomen') {
      throw new AppError('conflict', { detail: v.status === 'definitief' ? 'Deze verwijdering is al definitief.' : 'Deze verwijdering is ingetrokken.' });
    }
    weigerBijFouten(await check(v, tx));
    if (!(await store.wijzigVerwijdering(tx, id, versie, stap))) return 'conflict' as const;
    await recordAudit(tx, { ...auditBase(actor, relatie), actie: 'wijzigen', objectType: 'verwijdering', objectId: id, leerlingId: v.leerlingId, velden, resultaat: 'ok' });
    return 'ok' as const;
  });
  if (uitkomst === 'weg') return weigerEnGooi(deps, actor, { type: 'verwijdering', id }, 'wijzigen');
  if (uitkomst === 'conflict') throw new AppError('conflict', { detail: 'Iemand anders heeft deze verwijdering intussen gewijzigd.' });
}

/**
 * Records the hearing: the group teacher (po, WPO 40 lid 11), the teacher(s) ((v)so, WEC 40 lid 18), or the pupil
 * and, under 18, the parents (vo, WVO 27 lid 1).
 */
export async function legHorenVast(deps: SchorsingDeps, actor: Actor, id: string, versie: number, input: { gehoordOp: string; hoorVerslag: string }) {
  const today = deps.clock.today();
  await zetStap(deps, actor, id, versie, ['gehoordOp', 'hoorVerslag'],
    () => datumFouten({ gehoordOp: [input.gehoordOp, { wat: 'de datum van het horen', vandaag: today }] }),
    { stap: 'horen', gehoordOp: input.gehoordOp, hoorVerslag: input.hoorVerslag });
}

/**
 * Records the school that confirmed it is willing to admit the pupil (WPO 40 lid 11; WVO 27 lid 1 for a leerplichtig
 * pupil; WEC 40 lid 18): a location of the SWV other than the pupil's own school.
 */
export async function legAndereSchoolVast(deps: SchorsingDeps, actor: Actor, id: string, versie: number, input: { andereSchoolCode: string; andereSchoolBereidOp: string }) {
  const swvId = tenantOf(actor);
  const today = deps.clock.today();
  await zetStap(deps, actor, id, versie, ['andereSchool', 'andereSchoolBereidOp'], async (v, tx) => {
    const fouten = datumFouten({ andereSchoolBereidOp: [input.andereSchoolBereidOp, { wat: 'de datum van de toezegging', vandaag: today }] });
    if (input.andereSchoolCode === v.vestigingCode) fouten.andereSchoolCode = 'Kies een andere school dan de school die de leerling verwijdert.';
    else if (!(await store.schoolInSwv(tx, input.andereSchoolCode, swvId))) fouten.andereSchoolCode = 'Kies een school van dit samenwerkingsverband.';
    return fouten;
  }, { stap: 'andere-school', andereSchoolCode: input.andereSchoolCode, andereSchoolBereidOp: input.andereSchoolBereidOp });
}

/** vo only: records the consultation of the inspectie (Inrichtingsbesluit WVO art. 14; legal-rules §1.15). */
export async function legInspectieRaadplegingVast(deps: SchorsingDeps, actor: Actor, id: string, versie: number, geraadpleegdOp: string) {
  const today = deps.clock.today();
  await zetStap(deps, actor, id, versie, ['inspectieGeraadpleegdOp'], (v) => v.sector !== 'vo'
    ? { inspectieGeraadpleegdOp: 'Alleen in het voortgezet onderwijs raadpleegt de school de inspectie voor een verwijdering.' }
    : datumFouten({ inspectieGeraadpleegdOp: [geraadpleegdOp, { wat: 'de datum van het overleg met de inspectie', vandaag: today }] }),
  { stap: 'inspectie', inspectieGeraadpleegdOp: geraadpleegdOp });
}

/** (v)so cluster 1 or 2 only: the day the search for another school started (WEC 40 lid 18: after 8 weeks). */
export async function legZoektochtVast(deps: SchorsingDeps, actor: Actor, id: string, versie: number, sinds: string) {
  const today = deps.clock.today();
  await zetStap(deps, actor, id, versie, ['cluster12ZoektochtSinds'], (v) => v.sector !== 'wec'
    ? { cluster12ZoektochtSinds: 'De zoektocht van 8 weken geldt alleen voor een instelling van cluster 1 of 2 (speciaal onderwijs).' }
    : datumFouten({ cluster12ZoektochtSinds: [sinds, { wat: 'de datum waarop het zoeken begon', vandaag: today }] }),
  { stap: 'zoektocht', cluster12ZoektochtSinds: sinds });
}

/**
 * Makes the removal definitive (rule 10, rules/verwijdering.ts): only when nothing the law requires is missing on
 * the day of the decision, and not before the steps it follows. Otherwise 422 and it stays "voorgenomen".
 */
export async function maakDefinitief(deps: SchorsingDeps, actor: Actor, id: string, versie: number, besluitOp: string) {
  const today = deps.clock.today();
  await zetStap(deps, actor, id, versie, ['status', 'besluitOp'], (v) => {
    const datum = datumFout(besluitOp, {
      wat: 'de datum van het besluit', vandaag: today, nietVoor: [
        { datum: v.voornemenOp, wat: 'het voornemen' }, { datum: v.gehoordOp, wat: 'het horen' },
        { datum: v.andereSchoolBereidOp, wat: 'de toezegging van de andere school' }, { datum: v.inspectieGeraadpleegdOp, wat: 'het overleg met de inspectie' },
      ],
    });
    // The 8 weeks of searching (cluster 1/2) count up to the day of the decision, not up to today.
    const ontbrekend = ontbrekendVoorDefinitieveVerwijdering(feitenVan(v, datum ? today : besluitOp));
    if (ontbrekend.length) return { besluitOp: `Definitief maken kan nog niet. ${ontbrekend.join(' ')}` };
    const fouten: Record<string, string> = {};
    if (datum) fouten.besluitOp = datum;
    return fouten;
  }, { stap: 'definitief', besluitOp });
}

/** Withdraws a proposed removal (a definitive one is undone only through bezwaar). */
export async function trekVerwijderingIn(deps: SchorsingDeps, actor: Actor, id: string, versie: number) {
  await zetStap(deps, actor, id, versie, ['status', 'ingetrokkenOp'], () => ({}), { stap: 'intrekken', ingetrokkenOp: deps.clock.today() });
}

/** The schools of the SWV to choose the admitting school from (register data, no pupil data). */
export async function scholenVoorKeuze(deps: SchorsingDeps, actor: Actor) {
  const swvId = tenantOf(actor);
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, (tx) => store.scholenVanSwv(tx, swvId));
}

// ---------------------------------------------------------------------------------------------------------------
// Overview
// ---------------------------------------------------------------------------------------------------------------

/**
 * Every suspension and removal the actor may see with their open tasks; logged once with every pupil on it
 * ('lijst' for the page, 'exporteren' for the CSV).
 */
export async function toonOverzicht(deps: SchorsingDeps, actor: Actor, actie: 'lijst' | 'exporteren' = 'lijst') {
  const swvId = tenantOf(actor);
  const relatie = relatieVan(actor);
  const today = deps.clock.today();
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const [schorsingen, verwijderingen] = await Promise.all([store.listSchorsingen(tx, relatie, today), store.listVerwijderingen(tx, relatie, today)]);
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie, objectType: 'schorsingen', resultaat: 'ok', velden: LIJST_VELDEN,
      leerlingIds: [...new Set([...schorsingen, ...verwijderingen].map((r) => r.leerlingId))],
    });
    return {
      schorsingen: schorsingen.map((s) => metTaak(s, relatie)),
      verwijderingen: verwijderingen.map((v) => metStand(v, relatie, today)),
    };
  });
}
