/**
 * Use cases of the aanmelding (issue 5, first slice): register an application (a new child in the SWV plus its
 * application), see the applications and their legal clock, extend the term once. Each: relationship → validate →
 * rules → store → audit, in one tenant transaction. An application the user may not see answers 404 and is logged
 * as 'geweigerd'.
 */
import type { Database, Tx } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RolToekenningRow } from '../../platform/auth/store.js';
import { insertLeerling } from '../leerlingen/store.js';
import { aanmeldingRelatie, grondslag, magTermijnVerlengen, type AanmeldingRelatie } from './rules/toegang.js';
import { controleerVerlenging, geldendeTermijn, klokstand, uitersteTermijn, type Klokstand } from './rules/termijnen.js';
import { vroegsteAanmelddatum } from './rules/toelating.js';
import { controleerBesluit, controleerUitzondering, zorgplichtGeldt, type Uitzondering } from './rules/zorgplicht.js';
import * as store from './store.js';
import type { TNieuweAanmelding } from './schemas.js';

export interface Actor {
  gebruikerId: string;
  grant: RolToekenningRow;
  requestId?: string;
}

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

function tenantOf(actor: Actor): string {
  if (!actor.grant.swvId) throw new AppError('forbidden', { detail: 'Uw rol hoort niet bij een samenwerkingsverband.' });
  return actor.grant.swvId;
}

function auditBase(actor: Actor, relatie: AanmeldingRelatie) {
  return {
    swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId, requestId: actor.requestId, grondslag: grondslag(relatie),
  };
}

/** Open applications keep a running clock; decided or withdrawn ones show their term but are not "overdue". */
export function metKlok(a: store.AanmeldingRij, vandaag: string): AanmeldingMetKlok {
  const termijn = geldendeTermijn(a.ontvangenOp, a.verlengdTot);
  return { ...a, termijn, uiterste: uitersteTermijn(a.ontvangenOp), klok: klokstand(termijn, vandaag) };
}

/** The applications the actor may see, with their clocks; the list view is logged with every pupil on it. */
export async function toonAanmeldingen(deps: ZorgplichtDeps, actor: Actor, opts: { vestigingCode?: string } = {}): Promise<AanmeldingMetKlok[]> {
  const swvId = tenantOf(actor);
  const relatie = aanmeldingRelatie(actor.grant);
  return deps.db.withTenant({ swvId, userId: actor.gebruikerId }, async (tx) => {
    const rijen = await store.listAanmeldingen(tx, relatie, opts);
    await recordAudit(tx, {
      ...auditBase(actor, relatie), actie: 'lijst', objectType: 'aanmeldingen', leerlingIds: rijen.map((r) => r.leerlingId),
      velden: VELDEN, resultaat: 'ok',
    });
    const vandaag = deps.clock.today();
    return rijen.map((r) => metKlok(r, vandaag));
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
  const open = a.besluit === null;
  const zorgplicht = a.extraOndersteuningNodig === null ? null
    : zorgplichtGeldt({ sector: a.sector, extraOndersteuningNodig: a.extraOndersteuningNodig, uitzondering: a.uitzondering as Uitzondering | null });
  const isSchool = magTermijnVerlengen(relatie);
  return {
    aanmelding: metKlok(a, deps.clock.today()), zorgplicht,
    magVerlengen: isSchool && open && a.verlengdTot === null, magBeoordelen: isSchool && open, magBesluiten: isSchool && open,
  };
}

/** Rejects with the rule's Dutch messages (422) when there are any; nothing is saved then. */
function weigerBijFouten(fouten: Record<string, string>): void {
  if (Object.keys(fouten).length) throw new AppError('validation_failed', { fields: fouten, detail: Object.values(fouten).join(' ') });
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
  return r.aanmelding;
}

/**
 * Records the assessment of the support need (WPO 40 lid 3 c.s.) and whether an exception to the zorgplicht applies
 * (WPO 40 lid 5 c.s.; rules/zorgplicht.ts), with written reasons for an exception.
 */
export async function beoordeelAanmelding(
  deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { nodig: boolean; uitzondering: Uitzondering | null; toelichting: string },
) {
  const a = await eigenOpenAanmelding(deps, actor, id);
  if (input.uitzondering) weigerBijFouten(controleerUitzondering(a.sector, input.uitzondering, input.toelichting));
  await wijzigAanmelding(deps, actor, a, ['extraOndersteuningNodig', 'uitzondering', 'uitzonderingToelichting'], (tx) =>
    store.beoordeel(tx, id, versie, {
      nodig: input.nodig, uitzondering: input.uitzondering, toelichting: input.uitzondering ? input.toelichting.trim() : null, op: deps.clock.today(),
    }));
}

/**
 * Records the decision on admission. A refusal needs reasons, an assessment first, and — with the zorgplicht — a
 * school that confirmed it is willing to admit (rules/zorgplicht.ts, legal-rules §10 rule 7). Placement requests to
 * other schools are the next slice; until then a refusal under the zorgplicht stays blocked, as the law wants.
 */
export async function neemBesluit(deps: ZorgplichtDeps, actor: Actor, id: string, versie: number, input: { besluit: string; besluitOp: string; toelichting: string }) {
  const a = await eigenOpenAanmelding(deps, actor, id);
  const zorgplicht = a.extraOndersteuningNodig === null ? null
    : zorgplichtGeldt({ sector: a.sector, extraOndersteuningNodig: a.extraOndersteuningNodig, uitzondering: a.uitzondering as Uitzondering | null }).geldt;
  weigerBijFouten(controleerBesluit({ ...input, ontvangen: a.ontvangenOp, vandaag: deps.clock.today(), zorgplicht, antwoorden: [] }));
  await wijzigAanmelding(deps, actor, a, ['besluit', 'besluitOp', 'besluitToelichting', 'status'], (tx) =>
    store.besluit(tx, id, versie, { besluit: input.besluit, op: input.besluitOp, toelichting: input.toelichting.trim() }));
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
      isEersteVoorkeur: input.isEersteVoorkeur, extraOndersteuningVerwacht: input.extraOndersteuningVerwacht, door: actor.gebruikerId,
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
  const a = await eigenOpenAanmelding(deps, actor, id);
  weigerBijFouten(controleerVerlenging({ ontvangen: a.ontvangenOp, nieuweTermijn: input.nieuweTermijn, reden: input.reden, eerdereVerlengingen: a.verlengdTot ? 1 : 0 }));
  await wijzigAanmelding(deps, actor, a, ['verlengdTot', 'verlengingReden', 'status'], (tx) =>
    store.verleng(tx, id, versie, { verlengdTot: input.nieuweTermijn, reden: input.reden.trim(), op: deps.clock.today() }));
}
