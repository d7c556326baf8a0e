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
  return { aanmelding: metKlok(a, deps.clock.today()), magVerlengen: magTermijnVerlengen(relatie) && a.verlengdTot === null && a.status !== 'besluit-genomen' };
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
  if (Object.keys(fouten).length) throw new AppError('validation_failed', { fields: fouten, detail: Object.values(fouten).join(' ') });
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
  const { aanmelding: a } = await openAanmelding(deps, actor, id);
  const relatie = aanmeldingRelatie(actor.grant);
  if (!magTermijnVerlengen(relatie)) throw new AppError('forbidden', { detail: 'Alleen de school zelf kan haar termijn verlengen.' });
  const fouten = controleerVerlenging({ ontvangen: a.ontvangenOp, nieuweTermijn: input.nieuweTermijn, reden: input.reden, eerdereVerlengingen: a.verlengdTot ? 1 : 0 });
  if (Object.keys(fouten).length) throw new AppError('validation_failed', { fields: fouten, detail: Object.values(fouten).join(' ') });
  const ok = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const gelukt = await store.verleng(tx, id, versie, { verlengdTot: input.nieuweTermijn, reden: input.reden.trim(), op: deps.clock.today() });
    if (gelukt) {
      await recordAudit(tx, {
        ...auditBase(actor, relatie), actie: 'wijzigen', objectType: 'aanmelding', objectId: id, leerlingId: a.leerlingId,
        velden: ['verlengdTot', 'verlengingReden', 'status'], resultaat: 'ok',
      });
    }
    return gelukt;
  });
  if (!ok) throw new AppError('conflict', { detail: 'Iemand anders heeft deze aanmelding intussen gewijzigd of de termijn al verlengd. Laad de pagina opnieuw.' });
}
