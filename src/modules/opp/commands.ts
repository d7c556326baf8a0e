/**
 * Use cases of the ontwikkelingsperspectief (issue 6; legal-rules §2). Each: relationship → validate → rules → store
 * → audit, in one tenant transaction. An OPP or pupil the user may not see answers 404 and is logged as
 * 'geweigerd'; a rule that says no answers 422 and saves nothing; a stale save (someone else saved first) answers
 * 409 with both versions. Mails carry no support data, only that something waits in Passend and a link.
 */
import { sql } from 'drizzle-orm';
import { tenantOf, type Actor } from '../../platform/auth/actor.js';
import { first, isUniqueViolation, type Database, type Tx } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { ageOn, civilDateAt, formatDutch, type CivilDate } from '../../platform/civil-date.js';
import { AppError, weigerBijFouten } from '../../platform/errors.js';
import { recordAudit, type AuditActie } from '../../platform/audit/audit.js';
import { datumFout, datumFouten } from '../../platform/datum.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { naamVan } from '../leerlingen/naam.js';
import { adresInGebruik, beeindigLeerlingUitnodigingen, listOuders } from '../leerlingen/store.js';
import { nodigUit, nodigOuderUit } from '../leerlingen/commands.js';
import { definitiefNaTijdelijkePlaatsing } from '../zorgplicht/store.js';
import { grondslag, magSchrijven, magVaststellen, oppRelatie, type OppRelatie } from './rules/toegang.js';
import { aanleidingVoor, oppDeadline, oppVerplicht, soortenVoorSchool } from './rules/termijn.js';
import { controleerConcept, gewijzigdeOnderdelen, isVerouderd, normaliseer, type Antwoord } from './rules/inhoud.js';
import { uitstroomLabel } from './rules/uitstroom.js';
import { magLeerlingZelfInstemmen, sindsVorigeVaststelling } from './rules/vaststelling.js';
import {
  antwoordenVan, controleerMening, controleerPortaalLeeftijd, LEERLING_PORTAAL_STANDAARD, magLeerlingPortaal, vragenVoor, type MeningVan,
} from './rules/hoorrecht.js';
import {
  alsVaststellingsversie, eersteVaststelling, geldendeVersie, nieuwsteVersie, ontbrekendVoorVaststelling, oppStand, volgnummerVoorNieuwRecord,
  vorigeVaststelling, type OppFeiten, type OppStand,
} from './rules/versies.js';
import * as store from './store.js';
import { SOORT_LABEL, type TInstemmingOnline, type TInstemmingSchool, type TOogo, type TStart, type VersieFormulier } from './schemas.js';

export type { Actor } from '../../platform/auth/actor.js';

export interface OppDeps {
  db: Database;
  clock: Clock;
  publicUrl: string;
  onMailQueued?: () => void;
}

/** Field names read or written (for the audit log: names, never values). */
const DOSSIER_VELDEN = ['naam', 'geboortedatum', 'school', 'uitstroom', 'factoren', 'handelingsdeel', 'afwijkingen', 'oogo',
  'instemmingen', 'meningen', 'evaluaties'];
const LIJST_VELDEN = ['naam', 'school', 'uiterlijk', 'fase', 'instemming', 'evaluatie'];

function relatieVan(actor: Actor): OppRelatie {
  return oppRelatie(actor.grant, actor.gebruikerId);
}

function auditBase(actor: Actor, relatie: OppRelatie) {
  return {
    swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol,
    organisatie: actor.grant.vestigingCode ?? actor.grant.swvId, requestId: actor.requestId, grondslag: grondslag(relatie),
  };
}

function tx<T>(deps: OppDeps, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, fn);
}

/**
 * Logs a refusal in its own transaction and answers 404, so ids cannot be probed. The event names the pupil when it
 * exists in this SWV, so it shows in the parents' view of who tried.
 */
async function weigerEnGooi(deps: OppDeps, actor: Actor, object: { type: 'leerling' | 'opp'; id: string }, actie: AuditActie): Promise<never> {
  const relatie = relatieVan(actor);
  await deps.db.withTenant({ swvId: actor.grant.swvId, userId: actor.gebruikerId }, async (t) => {
    const leerlingId = object.type === 'leerling'
      ? ((await first(t, sql`select 1 from leerling where id = ${object.id}`)) ? object.id : null)
      : await store.leerlingVanOpp(t, object.id);
    await recordAudit(t, { ...auditBase(actor, relatie), actie, objectType: object.type, objectId: object.id, leerlingId, resultaat: 'geweigerd' });
  });
  throw new AppError('not_found');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** Everything the pages of one OPP need. */
export interface OppDossier {
  opp: store.OppRij;
  records: store.OppRecords;
  feiten: OppFeiten;
  stand: OppStand;
  vandaag: CivilDate;
  /** The pupil's age today. */
  leeftijd: number;
  relatie: OppRelatie;
  magSchrijven: boolean;
  magVaststellen: boolean;
  /** The parent or pupil may decide online on the proposal now (it is theirs to decide, and there is one). */
  magInstemmen: boolean;
  /** The pupil may use the pupil portal (the SWV's age). */
  portaalVanaf: number;
  /** Parents of the pupil (names and gezag only), for the school's record of a decision given on paper. */
  ouders: { naam: string; heeftGezag: boolean }[];
}

/** The facts the rules read, from an OPP and its records. */
export function feitenVan(opp: store.OppRij, r: store.OppRecords): OppFeiten {
  return {
    uiterlijk: opp.uiterlijk,
    afgeslotenOp: opp.afgeslotenOp,
    isWec: opp.soort === 'so' || opp.soort === 'vso',
    versies: r.versies.map((v) => ({ ...v, uitstroomLabel: uitstroomLabel(opp.soort, v.uitstroom) ?? '' })),
    oogos: r.oogos,
    // Only the decisions of whoever decides now (the parents, or the adult pupil the school named): a decision of
    // the parents does not count once the pupil decides, and the other way round (WEC 41a lid 1).
    instemmingen: r.instemmingen.filter((i) => i.beslisser === opp.instemmingDoor)
      .map((i) => ({ versie: i.volgnummer, uitkomst: i.uitkomst, op: i.op, reden: i.reden ?? undefined, wie: i.namens })),
    leerlingMeningen: r.meningen.filter((m) => m.van === 'leerling').map((m) => ({
      volgnummer: m.volgnummer, soort: m.soort, gegevenOp: m.gegevenOp,
      tekst: m.soort === 'mening' ? m.antwoorden.map((a) => a.antwoord).join(' ') : (m.reden ?? ''),
    })),
    // The law asks the evaluation with the parents (WPO 40a lid 3): one without them does not count.
    evaluaties: r.evaluaties.filter((e) => e.metOuders).map((e) => e.op),
  };
}

async function dossierVan(t: Tx, actor: Actor, opp: store.OppRij, vandaag: CivilDate): Promise<OppDossier> {
  const relatie = relatieVan(actor);
  const records = (await store.laadRecords(t, [opp.id])).get(opp.id)!;
  const feiten = feitenVan(opp, records);
  const stand = oppStand(feiten, vandaag);
  const portaal = await store.portaalLeeftijd(t, tenantOf(actor), LEERLING_PORTAAL_STANDAARD);
  const leeftijd = ageOn(opp.geboortedatum, vandaag);
  const isGezin = relatie.soort === 'ouder' || relatie.soort === 'leerling';
  const beslisser = opp.instemmingDoor === 'ouders' ? 'ouder' : 'leerling';
  const ouders = isGezin ? [] : (await listOuders(t, opp.leerlingId)).map((o) => ({ naam: o.naam, heeftGezag: o.heeftGezag }));
  return {
    opp, records, feiten, stand, vandaag, leeftijd, relatie, ouders, portaalVanaf: portaal.vanaf,
    magSchrijven: magSchrijven(relatie, actor.grant.rol) && !opp.afgeslotenOp,
    magVaststellen: magVaststellen(relatie, actor.grant.rol) && !opp.afgeslotenOp,
    magInstemmen: relatie.soort === beslisser && stand.voorstel !== null && !opp.afgeslotenOp,
  };
}

/**
 * One OPP with everything recorded about it (read is audited; 'afdrukken' for print and PDF). The pupil reads the
 * whole OPP only when it is theirs to consent (the adult (v)so pupil); otherwise the pupil portal shows the goals and
 * their own views (`portaal`: the view form), from the age the SWV set.
 */
export async function openOpp(
  deps: OppDeps, actor: Actor, id: string, actie: 'lezen' | 'afdrukken' = 'lezen', opts: { portaal?: boolean } = {},
): Promise<OppDossier> {
  const relatie = relatieVan(actor);
  const vandaag = deps.clock.today();
  const d = await tx(deps, actor, async (t) => {
    const opp = await store.findOpp(t, id, relatie, vandaag);
    if (!opp) return null;
    const dossier = await dossierVan(t, actor, opp, vandaag);
    if (relatie.soort === 'leerling') {
      if (!magLeerlingPortaal(dossier.leeftijd, dossier.portaalVanaf)) return null;
      if (!opts.portaal && opp.instemmingDoor !== 'leerling') return null;
    }
    await recordAudit(t, { ...auditBase(actor, relatie), actie, objectType: 'opp', objectId: id, leerlingId: opp.leerlingId, velden: DOSSIER_VELDEN, resultaat: 'ok' });
    return dossier;
  });
  return d ?? weigerEnGooi(deps, actor, { type: 'opp', id }, actie);
}

/** A school's (or board's) OPPs with their state; logged once with every pupil on it ('lijst', or 'exporteren' for CSV). */
export async function toonOpps(deps: OppDeps, actor: Actor, actie: 'lijst' | 'exporteren' = 'lijst') {
  const relatie = relatieVan(actor);
  const vandaag = deps.clock.today();
  return tx(deps, actor, async (t) => {
    const opps = await store.listOpps(t, relatie, vandaag);
    const records = await store.laadRecords(t, opps.map((o) => o.id));
    await recordAudit(t, {
      ...auditBase(actor, relatie), actie, objectType: 'opp-lijst', leerlingIds: [...new Set(opps.map((o) => o.leerlingId))], velden: LIJST_VELDEN, resultaat: 'ok',
    });
    return opps.map((opp) => {
      const r = records.get(opp.id)!;
      const feiten = feitenVan(opp, r);
      return { opp, records: r, stand: oppStand(feiten, vandaag), eersteVaststelling: feiten.versies.filter((v) => v.vastgesteldOp).map((v) => v.vastgesteldOp!).sort()[0] ?? null };
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Starting

/** The pupil at the actor's school, for the start form: whether an OPP runs already, and the deadline it would get. */
export async function openLeerlingVoorOpp(deps: OppDeps, actor: Actor, leerlingId: string) {
  const relatie = relatieVan(actor);
  if (!magSchrijven(relatie, actor.grant.rol) || relatie.soort !== 'school') return weigerEnGooi(deps, actor, { type: 'leerling', id: leerlingId }, 'lezen');
  const vandaag = deps.clock.today();
  const r = await tx(deps, actor, async (t) => {
    const leerling = await store.findLeerlingVoorOpp(t, leerlingId, relatie.vestigingCode, vandaag);
    if (!leerling) return null;
    const definitiefOp = await definitiefNaTijdelijkePlaatsing(t, leerlingId, leerling.vestigingCode);
    await recordAudit(t, {
      ...auditBase(actor, relatie), actie: 'lezen', objectType: 'leerling', objectId: leerlingId, leerlingId, velden: ['naam', 'geboortedatum', 'school', 'inschrijving'], resultaat: 'ok',
    });
    return { leerling, definitiefOp };
  });
  return r ?? weigerEnGooi(deps, actor, { type: 'leerling', id: leerlingId }, 'lezen');
}

/**
 * Starts an OPP for a pupil of the actor's school (rules/termijn.ts): only when one is required (§2.1–2.2 — no
 * needless paperwork), one running OPP per pupil per school, the deadline from the enrolment (or the definitive
 * placement) or — for a need that arose later — from today.
 */
export async function startOpp(deps: OppDeps, actor: Actor, leerlingId: string, input: TStart): Promise<string> {
  const relatie = relatieVan(actor);
  if (!magSchrijven(relatie, actor.grant.rol) || relatie.soort !== 'school') throw new AppError('forbidden');
  const swvId = tenantOf(actor);
  const vandaag = deps.clock.today();
  const verplicht = oppVerplicht({ soort: input.soort, extraOndersteuning: input.extraOndersteuning, alleenLwoo: input.alleenLwoo });
  const id = await tx(deps, actor, async (t) => {
    const leerling = await store.findLeerlingVoorOpp(t, leerlingId, relatie.vestigingCode, vandaag);
    if (!leerling) return null;
    if (leerling.lopendeOppId) throw new AppError('conflict', { detail: 'Deze leerling heeft op deze school al een ontwikkelingsperspectief.' });
    const soorten = soortenVoorSchool(leerling.schoolsoort);
    weigerBijFouten({
      ...(verplicht.verplicht ? {} : { extraOndersteuning: `${verplicht.reden} Zo voorkomt Passend onnodig papierwerk.` }),
      ...(soorten.includes(input.soort) ? {} : { soort: `Kies het soort onderwijs van deze school: ${soorten.map((x) => SOORT_LABEL[x].toLowerCase()).join(' of ')}.` }),
    });
    const definitief = await definitiefNaTijdelijkePlaatsing(t, leerlingId, leerling.vestigingCode);
    const aanleiding = aanleidingVoor(input.aanleiding, { ingeschrevenOp: leerling.ingeschrevenOp, definitiefOp: definitief }, vandaag);
    const definitiefOp = aanleiding === 'inschrijving' ? definitief : null;
    const uiterlijk = oppDeadline({ aanleiding, ingeschrevenOp: leerling.ingeschrevenOp, definitiefOp, gestartOp: vandaag });
    let nieuw: string;
    try {
      nieuw = await store.insertOpp(t, {
        swvId, leerlingId, vestigingCode: leerling.vestigingCode, soort: input.soort, aanleiding,
        ingeschrevenOp: leerling.ingeschrevenOp, definitiefOp, uiterlijk, gestartOp: vandaag, door: actor.gebruikerId,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', { detail: 'Iemand anders heeft net een ontwikkelingsperspectief voor deze leerling gestart.' });
      throw err;
    }
    await recordAudit(t, {
      ...auditBase(actor, relatie), actie: 'aanmaken', objectType: 'opp', objectId: nieuw, leerlingId, velden: ['soort', 'aanleiding', 'uiterlijk'], resultaat: 'ok',
    });
    return nieuw;
  });
  return id ?? weigerEnGooi(deps, actor, { type: 'leerling', id: leerlingId }, 'aanmaken');
}

// ---------------------------------------------------------------------------------------------------------------
// Writing a version

export type VersieUitkomst = { soort: 'ok'; volgnummer: number } | { soort: 'conflict'; dossier: OppDossier };

/**
 * Runs one change of an OPP: find it (relationship), refuse a closed one, check, write, audit — one transaction.
 * `weg` when the OPP is not there for this user (the caller logs the refusal).
 */
async function wijzigOpp<T>(
  deps: OppDeps, actor: Actor, id: string, mag: (d: OppDossier) => boolean,
  doe: (t: Tx, d: OppDossier) => Promise<T>,
): Promise<T> {
  const relatie = relatieVan(actor);
  const vandaag = deps.clock.today();
  const uit = await tx(deps, actor, async (t) => {
    // Locked until the end of the transaction: an adoption and a decision at the same moment happen one after the other.
    const opp = await store.findOpp(t, id, relatie, vandaag, { vergrendel: true });
    if (!opp) return { weg: true as const };
    const d = await dossierVan(t, actor, opp, vandaag);
    if (relatie.soort === 'leerling' && !magLeerlingPortaal(d.leeftijd, d.portaalVanaf)) return { weg: true as const };
    if (opp.afgeslotenOp) throw new AppError('conflict', { detail: `Dit ontwikkelingsperspectief is afgesloten op ${formatDutch(opp.afgeslotenOp)}.` });
    if (!mag(d)) return { weg: false as const, verboden: true as const };
    return { weg: false as const, verboden: false as const, waarde: await doe(t, d) };
  });
  if (uit.weg) return weigerEnGooi(deps, actor, { type: 'opp', id }, 'wijzigen');
  if (uit.verboden) {
    // Seen, but not this user's to do (e.g. a parent when the adult pupil decides): refused and logged.
    await deps.db.withTenant({ swvId: actor.grant.swvId, userId: actor.gebruikerId }, async (t) => recordAudit(t, {
      ...auditBase(actor, relatie), actie: 'wijzigen', objectType: 'opp', objectId: id, leerlingId: await store.leerlingVanOpp(t, id), resultaat: 'geweigerd',
    }));
    throw new AppError('forbidden', { detail: 'In uw rol kunt u dit niet doen.' });
  }
  return uit.waarde as T;
}

/**
 * Saves the form as a new version (every change is a new version; the old ones stay as they were). Based on an
 * older version than the newest → the conflict page with both; nothing changed → a message, no empty version.
 */
export async function slaVersieOp(deps: OppDeps, actor: Actor, id: string, f: VersieFormulier): Promise<VersieUitkomst> {
  return wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    const nieuwste = nieuwsteVersie(d.records.versies);
    if (isVerouderd(f.basis, nieuwste?.volgnummer ?? 0)) return { soort: 'conflict' as const, dossier: d };
    const inhoud = normaliseer(f.inhoud);
    const fouten = controleerConcept(inhoud);
    if (inhoud.uitstroom && !uitstroomLabel(d.opp.soort, inhoud.uitstroom)) fouten.uitstroom = 'Kies een uitstroombestemming uit de lijst.';
    if (nieuwste && gewijzigdeOnderdelen(nieuwste, inhoud).length === 0) {
      fouten.wijziging = `Er is niets veranderd ten opzichte van versie ${nieuwste.volgnummer}. Pas iets aan, of ga terug zonder op te slaan.`;
    }
    if (f.evaluatieId && !d.records.evaluaties.some((e) => e.id === f.evaluatieId)) fouten.evaluatieId = 'Deze evaluatie hoort niet bij dit ontwikkelingsperspectief.';
    weigerBijFouten(fouten);
    const volgnummer = (nieuwste?.volgnummer ?? 0) + 1;
    try {
      await store.insertVersie(t, { swvId: tenantOf(actor), oppId: id, volgnummer, inhoud, wijziging: f.wijziging, evaluatieId: f.evaluatieId, door: actor.gebruikerId, op: deps.clock.now() });
    } catch (err) {
      // Someone else saved the same next number a moment ago: the unique key caught it.
      if (isUniqueViolation(err)) throw new AppError('conflict', { detail: 'Iemand anders heeft intussen een nieuwe versie opgeslagen.' });
      throw err;
    }
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'aanmaken', objectType: 'opp-versie', objectId: id, leerlingId: d.opp.leerlingId,
      velden: nieuwste ? gewijzigdeOnderdelen(nieuwste, inhoud) : ['uitstroom', 'factoren', 'handelingsdeel', 'afwijkingen'], resultaat: 'ok',
    });
    return { soort: 'ok' as const, volgnummer };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// OOGO, consent, views

/** Records the OOGO with the parents about the proposal (WPO 40a lid 1 and 4). */
export async function legOogoVast(deps: OppDeps, actor: Actor, id: string, input: TOogo): Promise<void> {
  const vandaag = deps.clock.today();
  await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    const voorstel = d.stand.voorstel;
    if (voorstel === null) {
      weigerBijFouten({ op: 'Er is geen nieuwe versie om over te overleggen. Maak eerst een versie.' });
      return;
    }
    const versie = d.records.versies.find((v) => v.volgnummer === voorstel)!;
    weigerBijFouten(datumFouten({ op: [input.op, { wat: 'de datum van het overleg', vandaag, nietVoor: [
      { datum: d.opp.gestartOp, wat: 'de start van het ontwikkelingsperspectief' },
      { datum: vorigeVaststellingsdatum(d, versie.volgnummer), wat: 'de vorige vaststelling (dat overleg hoort bij die versie)' },
    ] }] }));
    await store.insertOogo(t, {
      swvId: tenantOf(actor), oppId: id, volgnummer: versie.volgnummer, op: input.op, deelnemers: input.deelnemers, uitkomst: input.uitkomst,
      verslag: input.verslag, door: actor.gebruikerId,
    });
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'aanmaken', objectType: 'opp-oogo', objectId: id, leerlingId: d.opp.leerlingId,
      velden: ['op', 'deelnemers', 'uitkomst', 'verslag'], resultaat: 'ok',
    });
  });
}

/** The adoption date of the version before `volgnummer` that was adopted, or null: records for a revision come after it. */
function vorigeVaststellingsdatum(d: OppDossier, volgnummer: number): CivilDate | null {
  const vorige = vorigeVaststelling(d.records.versies, volgnummer);
  return d.records.versies.find((v) => v.volgnummer === vorige)?.vastgesteldOp ?? null;
}

/** A decision on the handelingsdeel is always about the proposal the person saw: another number is a 409. */
function controleerVoorstel(d: OppDossier, volgnummer: number): void {
  if (d.stand.voorstel === volgnummer) return;
  throw new AppError('conflict', {
    detail: d.stand.voorstel === null
      ? `Versie ${volgnummer} wacht niet meer op een besluit.`
      : `Er is intussen een nieuwere versie (versie ${d.stand.voorstel}). Een besluit gaat altijd over één versie: lees eerst versie ${d.stand.voorstel}.`,
  });
}

async function bewaarInstemming(
  t: Tx, actor: Actor, d: OppDossier,
  i: { volgnummer: number; uitkomst: store.InstemmingRij['uitkomst']; op: CivilDate; reden: string; namens: string; bron: store.InstemmingBron },
): Promise<void> {
  const versie = d.records.versies.find((v) => v.volgnummer === i.volgnummer)!;
  await store.insertInstemming(t, {
    swvId: tenantOf(actor), oppId: d.opp.id, versieId: versie.id, volgnummer: i.volgnummer, uitkomst: i.uitkomst, op: i.op,
    reden: i.reden.trim() || null, bron: i.bron, namens: i.namens, beslisser: d.opp.instemmingDoor, door: actor.gebruikerId, doorRol: actor.grant.rol,
  });
  await recordAudit(t, {
    ...auditBase(actor, d.relatie), actie: 'aanmaken', objectType: 'opp-instemming', objectId: d.opp.id, leerlingId: d.opp.leerlingId,
    velden: ['uitkomst', 'op', 'reden', 'namens'], resultaat: 'ok',
  });
}

/** Who may decide on the handelingsdeel, by name: the parents with gezag, or the adult pupil the school named. */
export function beslissers(d: Pick<OppDossier, 'opp' | 'ouders'>): string[] {
  return d.opp.instemmingDoor === 'leerling' ? [naamVan(d.opp)] : d.ouders.filter((o) => o.heeftGezag).map((o) => o.naam);
}

function redenFout(uitkomst: string, reden: string, wie: 'u' | 'de ouders'): Record<string, string> {
  return uitkomst === 'geweigerd' && !reden.trim()
    ? { reden: wie === 'u' ? 'Schrijf op waarom u niet instemt. Dan weet de school wat er anders moet.' : 'Schrijf op waarom de ouders niet instemmen.' }
    : {};
}

/**
 * The school records the parents' (or the adult pupil's) decision on the proposal's handelingsdeel, given on paper or
 * in a meeting (bron 'school'). Rule 14: the decision belongs to this version only.
 */
export async function legInstemmingVast(deps: OppDeps, actor: Actor, id: string, input: TInstemmingSchool): Promise<void> {
  const vandaag = deps.clock.today();
  await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    controleerVoorstel(d, input.volgnummer);
    if (!beslissers(d).includes(input.namens)) {
      weigerBijFouten({ namens: d.opp.instemmingDoor === 'leerling' ? 'Kies de leerling: die beslist zelf.'
        : beslissers(d).length ? 'Kies de ouder met gezag die besliste.' : 'Er is geen ouder met gezag vastgelegd. Voeg die eerst toe in het dossier van de leerling.' });
    }
    const versie = d.records.versies.find((v) => v.volgnummer === input.volgnummer)!;
    const gemaakt = civilDateAt(versie.gemaaktOp instanceof Date ? versie.gemaaktOp : new Date(versie.gemaaktOp));
    weigerBijFouten({
      ...datumFouten({ op: [input.op, { wat: 'de datum van het besluit', vandaag, nietVoor: [{ datum: gemaakt, wat: `het maken van versie ${versie.volgnummer}` }] }] }),
      ...redenFout(input.uitkomst, input.reden, 'de ouders'),
    });
    await bewaarInstemming(t, actor, d, { ...input, bron: 'school' });
  });
}

/** The parent with gezag (or the adult (v)so pupil the school named) decides online on the proposal's handelingsdeel. */
export async function geefInstemming(deps: OppDeps, actor: Actor, id: string, input: TInstemmingOnline): Promise<void> {
  await wijzigOpp(deps, actor, id, (d) => d.magInstemmen, async (t, d) => {
    controleerVoorstel(d, input.volgnummer);
    weigerBijFouten(redenFout(input.uitkomst, input.reden, 'u'));
    // The name as the school knows this parent (the ouder row), so a decision on paper and one online are one person's.
    const namens = d.relatie.soort === 'leerling' ? naamVan(d.opp)
      : (await listOuders(t, d.opp.leerlingId)).find((o) => o.gebruikerId === actor.gebruikerId && o.heeftGezag)?.naam ?? 'onbekend';
    await bewaarInstemming(t, actor, d, { ...input, op: deps.clock.today(), namens, bron: 'online' });
  });
}

/**
 * Asks the parents (or the adult pupil) to read the proposal and decide: a mail with a link to each parent with gezag
 * who has an account, an invitation to those who have an e-mail address but no account yet.
 */
export async function vraagInstemming(deps: OppDeps, actor: Actor, id: string): Promise<{ gemaild: number; zonderAdres: number }> {
  const uit = await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    if (d.stand.voorstel === null) {
      weigerBijFouten({ instemming: 'Er is geen nieuwe versie om aan de ouders voor te leggen.' });
    }
    let gemaild = 0;
    let zonderAdres = 0;
    const link = `${deps.publicUrl}/opp/${d.opp.id}`;
    const school = d.opp.vestigingNaam;
    if (d.opp.instemmingDoor === 'leerling') {
      // The adult pupil decides: the request goes to the pupil's own account (invited from the OPP page).
      const adressen = await store.leerlingAdressen(t, d.opp.leerlingId);
      for (const aan of adressen) {
        await queueMail(t, { aan, onderwerp: 'Je ontwikkelingsperspectief ligt voor je klaar', tekst: `Beste ${d.opp.voornaam},\n\n${school} vraagt je je ontwikkelingsperspectief te lezen en te zeggen of je instemt met het handelingsdeel (versie ${d.stand.voorstel}).\n\nJe vindt het hier (na inloggen met een code per e-mail):\n${link}\n` });
      }
      await recordAudit(t, { ...auditBase(actor, d.relatie), actie: 'uitnodigen', objectType: 'opp-instemming-gevraagd', objectId: id, leerlingId: d.opp.leerlingId, resultaat: 'ok' });
      return { gemaild: adressen.length, zonderAdres: adressen.length ? 0 : 1 };
    }
    for (const o of (await listOuders(t, d.opp.leerlingId)).filter((x) => x.heeftGezag)) {
      if (!o.email) {
        zonderAdres += 1;
        continue;
      }
      if (o.gebruikerId) {
        await queueMail(t, {
          aan: o.email,
          onderwerp: 'Het ontwikkelingsperspectief van uw kind ligt voor u klaar',
          tekst: `Beste ${o.naam},\n\n${school} vraagt u het ontwikkelingsperspectief van uw kind te lezen en te zeggen of u instemt met het handelingsdeel (versie ${d.stand.voorstel}).\n\n` +
            `U vindt het hier (na inloggen met een code per e-mail):\n${link}\n\nU kunt ook uw eigen mening geven.\n`,
        });
      } else {
        await nodigOuderUit(t, deps, {
          swvId: tenantOf(actor), ouderId: o.id, naam: o.naam, email: o.email, onderwerp: 'Uitnodiging: het ontwikkelingsperspectief van uw kind',
          inleiding: `${school} vraagt u het ontwikkelingsperspectief van uw kind te lezen en te zeggen of u instemt met het handelingsdeel. Daarvoor nodigen wij u uit in Passend.`,
        });
      }
      gemaild += 1;
    }
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'uitnodigen', objectType: 'opp-instemming-gevraagd', objectId: id, leerlingId: d.opp.leerlingId, resultaat: 'ok',
    });
    return { gemaild, zonderAdres };
  });
  if (uit.gemaild) deps.onMailQueued?.();
  return uit;
}

export interface MeningInvoer {
  soort: 'mening' | 'niet-gehoord';
  vorm: 'gesprek' | 'formulier' | 'online';
  gegevenOp: CivilDate;
  reden: string;
  /** Answers keyed by question code (rules/hoorrecht.ts). */
  antwoorden: Record<string, string>;
}

async function bewaarMening(t: Tx, actor: Actor, d: OppDossier, van: MeningVan, m: MeningInvoer, namens: string, vandaag: CivilDate): Promise<void> {
  const vragen = vragenVoor(van, d.leeftijd);
  const antwoorden: Antwoord[] = m.soort === 'mening' ? antwoordenVan(vragen, m.antwoorden) : [];
  const fouten = {
    ...controleerMening({ soort: m.soort, antwoorden, reden: m.reden }, `vraag.${vragen[0]!.code}`),
    ...(m.vorm === 'online' ? {} : datumFouten({ gegevenOp: [m.gegevenOp, { wat: 'de datum waarop de leerling de mening gaf', vandaag, nietVoor: [
      { datum: d.opp.geboortedatum, wat: 'de geboortedatum van de leerling' },
      { datum: vorigeVaststellingsdatum(d, volgnummerVoorNieuwRecord(d.records.versies)), wat: 'de vorige vaststelling (die mening hoort bij die versie)' },
    ] }] })),
  };
  weigerBijFouten(fouten);
  await store.insertMening(t, {
    swvId: tenantOf(actor), oppId: d.opp.id, volgnummer: volgnummerVoorNieuwRecord(d.records.versies), van, soort: m.soort, antwoorden,
    reden: m.soort === 'niet-gehoord' ? m.reden.trim() : null, vorm: m.vorm, gegevenOp: m.vorm === 'online' ? vandaag : m.gegevenOp, namens,
    door: actor.gebruikerId, doorRol: actor.grant.rol,
  });
  await recordAudit(t, {
    ...auditBase(actor, d.relatie), actie: 'aanmaken', objectType: 'opp-mening', objectId: d.opp.id, leerlingId: d.opp.leerlingId,
    velden: ['van', 'soort', 'antwoorden', 'reden', 'gegevenOp'], resultaat: 'ok',
  });
}

/** The school records the pupil's view (hoorrecht), heard in a talk or on a form — or why it could not be obtained. */
export async function legLeerlingMeningVast(deps: OppDeps, actor: Actor, id: string, m: MeningInvoer): Promise<void> {
  const vandaag = deps.clock.today();
  await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, (t, d) => bewaarMening(t, actor, d, 'leerling', { ...m, vorm: m.vorm === 'online' ? 'gesprek' : m.vorm }, naamVan(d.opp), vandaag));
}

/** The parent adds their own view, or the pupil gives theirs in the pupil portal (online, today). */
export async function geefEigenMening(deps: OppDeps, actor: Actor, id: string, antwoorden: Record<string, string>): Promise<void> {
  const vandaag = deps.clock.today();
  await wijzigOpp(deps, actor, id, (d) => d.relatie.soort === 'ouder' || d.relatie.soort === 'leerling', async (t, d) => {
    const van: MeningVan = d.relatie.soort === 'ouder' ? 'ouder' : 'leerling';
    const namens = van === 'leerling' ? naamVan(d.opp)
      : (await first<{ naam: string }>(t, sql`select naam from gebruiker where id = ${actor.gebruikerId}`))?.naam ?? 'ouder';
    await bewaarMening(t, actor, d, van, { soort: 'mening', vorm: 'online', gegevenOp: vandaag, reden: '', antwoorden }, namens, vandaag);
  });
}

/** Records what the school did with a view; the pupil or parent sees it. */
export async function reageerOpMening(deps: OppDeps, actor: Actor, id: string, meningId: string, versie: number, reactie: string): Promise<void> {
  const vandaag = deps.clock.today();
  const gevonden = await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    if (!d.records.meningen.some((m) => m.id === meningId)) return false;
    // Once: the pupil or parent may have read it already, so it is not rewritten afterwards.
    if (!(await store.reageerOpMening(t, meningId, id, versie, { reactie: reactie.trim(), op: vandaag, door: actor.gebruikerId }))) {
      throw new AppError('conflict', { detail: 'Op deze mening is al gereageerd.' });
    }
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'wijzigen', objectType: 'opp-mening', objectId: id, leerlingId: d.opp.leerlingId, velden: ['reactie'], resultaat: 'ok',
    });
    return true;
  });
  // A view that is not this OPP's: refused like an OPP the user may not see.
  if (!gevonden) await weigerEnGooi(deps, actor, { type: 'opp', id }, 'wijzigen');
}

// ---------------------------------------------------------------------------------------------------------------
// Adoption, evaluation, closing

/**
 * Adopts the proposal for the board (rules 13, 14 and 16; (v)so also the CvB advice): only the version the adopter
 * saw, only when nothing the law needs is missing on the day of adoption, and not before the parents' consent.
 * The parents with gezag get a mail that the OPP is adopted (no content).
 */
export async function stelVersieVast(deps: OppDeps, actor: Actor, id: string, input: { volgnummer: number; op: string; cvbAdviesOp: string }): Promise<void> {
  const vandaag = deps.clock.today();
  let gemaild = false;
  await wijzigOpp(deps, actor, id, (d) => d.magVaststellen, async (t, d) => {
    controleerVoorstel(d, input.volgnummer);
    const instemming = d.stand.instemmingVoorstel;
    const versie = d.records.versies.find((v) => v.volgnummer === input.volgnummer)!;
    const gemaakt = civilDateAt(versie.gemaaktOp instanceof Date ? versie.gemaaktOp : new Date(versie.gemaaktOp));
    const vs = alsVaststellingsversie(d.feiten, input.volgnummer);
    const mening = sindsVorigeVaststelling(d.feiten.leerlingMeningen, vorigeVaststelling(d.feiten.versies, input.volgnummer), input.volgnummer)
      .map((m) => m.gegevenOp).sort().at(-1) ?? null;
    // Adopted after everything it rests on: the version itself, the talk, the pupil's view and the consent.
    const fouten = datumFouten({
      op: [input.op, { wat: 'de datum van vaststelling', vandaag, nietVoor: [
        { datum: gemaakt, wat: `het maken van versie ${versie.volgnummer}` }, { datum: vs.oogoOp, wat: 'het overleg met de ouders' },
        { datum: mening, wat: 'de mening van de leerling' }, { datum: instemming?.uitkomst === 'ingestemd' ? instemming.op : null, wat: 'de instemming' },
      ] }],
    });
    const cvb = d.feiten.isWec ? (input.cvbAdviesOp.trim() || null) : null;
    if (cvb) {
      const f = datumFout(cvb, { wat: 'de datum van het advies', vandaag, nietVoor: [{ datum: d.opp.gestartOp, wat: 'de start van het ontwikkelingsperspectief' }],
        nietNa: [{ datum: fouten.op ? null : input.op, wat: 'de vaststelling' }] });
      if (f) fouten.cvbAdviesOp = f;
    }
    const ontbreekt = ontbrekendVoorVaststelling(d.feiten, input.volgnummer, fouten.op ? vandaag : input.op, cvb);
    weigerBijFouten({ ...ontbreekt, ...fouten });
    if (!(await store.stelVast(t, versie.id, { op: input.op, door: actor.gebruikerId, cvbAdviesOp: cvb }))) {
      throw new AppError('conflict', { detail: 'Deze versie is intussen al vastgesteld.' });
    }
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'wijzigen', objectType: 'opp-versie', objectId: id, leerlingId: d.opp.leerlingId,
      velden: ['vastgesteldOp', ...(cvb ? ['cvbAdviesOp'] : [])], resultaat: 'ok',
    });
    const bericht = `${d.opp.vestigingNaam} heeft het ontwikkelingsperspectief vastgesteld (versie ${input.volgnummer}, op ${formatDutch(input.op)}).`;
    const ontvangers = d.opp.instemmingDoor === 'leerling'
      ? (await store.leerlingAdressen(t, d.opp.leerlingId)).map((aan) => ({ aan, aanhef: `Beste ${d.opp.voornaam}`, onderwerp: 'Je ontwikkelingsperspectief is vastgesteld' }))
      : (await listOuders(t, d.opp.leerlingId)).filter((x) => x.heeftGezag && x.email && x.gebruikerId)
        .map((o) => ({ aan: o.email!, aanhef: `Beste ${o.naam}`, onderwerp: 'Het ontwikkelingsperspectief van uw kind is vastgesteld' }));
    for (const o of ontvangers) {
      await queueMail(t, { aan: o.aan, onderwerp: o.onderwerp, tekst: `${o.aanhef},\n\n${bericht}\n\nLezen, afdrukken en downloaden kan in Passend:\n${deps.publicUrl}/opp/${id}\n` });
      gemaild = true;
    }
  });
  if (gemaild) deps.onMailQueued?.();
}

/** Records the yearly evaluation of the adopted version with results per goal (WPO 40a lid 3; rule 15). */
export async function legEvaluatieVast(
  deps: OppDeps, actor: Actor, id: string,
  input: { op: string; deelnemers: string; metOuders: boolean; conclusie: store.Conclusie; toelichting: string; resultaten: { doel: string; uitkomst: 'behaald' | 'deels' | 'niet-behaald'; toelichting: string }[] },
): Promise<string> {
  const vandaag = deps.clock.today();
  return wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    const geldend = geldendeVersie(d.records.versies);
    if (!geldend) throw new AppError('validation_failed', { fields: { op: 'Er is nog geen vastgestelde versie om te evalueren.' } });
    weigerBijFouten(datumFouten({ op: [input.op, { wat: 'de datum van de evaluatie', vandaag, nietVoor: [{ datum: geldend.vastgesteldOp, wat: `de vaststelling van versie ${geldend.volgnummer}` }] }] }));
    const evaluatieId = await store.insertEvaluatie(t, {
      swvId: tenantOf(actor), oppId: id, versieId: geldend.id, volgnummer: geldend.volgnummer, op: input.op, deelnemers: input.deelnemers,
      metOuders: input.metOuders, resultaten: input.resultaten, conclusie: input.conclusie, toelichting: input.toelichting, door: actor.gebruikerId,
    });
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'aanmaken', objectType: 'opp-evaluatie', objectId: id, leerlingId: d.opp.leerlingId,
      velden: ['op', 'deelnemers', 'metOuders', 'resultaten', 'conclusie', 'toelichting'], resultaat: 'ok',
    });
    return evaluatieId;
  });
}

/** Closes a running OPP (its end date for the ROD), e.g. when the pupil no longer needs extra support. */
export async function sluitOpp(deps: OppDeps, actor: Actor, id: string, input: { versie: number; op: string; reden: string }): Promise<void> {
  const vandaag = deps.clock.today();
  await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    weigerBijFouten(datumFouten({ op: [input.op, { wat: 'de datum van afsluiten', vandaag, nietVoor: [
      { datum: d.opp.gestartOp, wat: 'de start' }, { datum: eersteVaststelling(d.records.versies), wat: 'de eerste vaststelling (de startdatum in het ROD)' },
    ] }] }));
    if (!(await store.sluitOpp(t, id, input.versie, { op: input.op, reden: input.reden }))) {
      throw new AppError('conflict', { detail: 'Iemand anders heeft dit ontwikkelingsperspectief intussen gewijzigd.' });
    }
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'wijzigen', objectType: 'opp', objectId: id, leerlingId: d.opp.leerlingId, velden: ['afgeslotenOp', 'afsluitReden'], resultaat: 'ok',
    });
  });
}

/** Who consents on the handelingsdeel: the parents, or the adult (v)so pupil (WEC 41a lid 1). */
export async function zetInstemmingDoor(deps: OppDeps, actor: Actor, id: string, input: { versie: number; door: 'ouders' | 'leerling' }): Promise<void> {
  await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    if (input.door === 'leerling' && !magLeerlingZelfInstemmen(d.opp.soort, d.leeftijd)) {
      weigerBijFouten({ door: 'Alleen een leerling van 18 jaar of ouder in het (voortgezet) speciaal onderwijs kan zelf instemmen.' });
    }
    if (!(await store.zetInstemmingDoor(t, id, input.versie, input.door))) {
      throw new AppError('conflict', { detail: 'Iemand anders heeft dit ontwikkelingsperspectief intussen gewijzigd.' });
    }
    await recordAudit(t, {
      ...auditBase(actor, d.relatie), actie: 'wijzigen', objectType: 'opp', objectId: id, leerlingId: d.opp.leerlingId, velden: ['instemmingDoor'], resultaat: 'ok',
    });
  });
}

/**
 * Invites the pupil to the pupil portal, from the age the SWV set (rules/hoorrecht.ts). The address must be the
 * pupil's own: not one that already has an account or belongs to a parent of this pupil (a parent without gezag would
 * otherwise get the pupil's view of the OPP). A new invitation ends the open ones; the mail names no one and says
 * nothing about support.
 */
export async function nodigLeerlingUit(deps: OppDeps, actor: Actor, id: string, email: string): Promise<void> {
  await wijzigOpp(deps, actor, id, (d) => d.magSchrijven, async (t, d) => {
    if (!magLeerlingPortaal(d.leeftijd, d.portaalVanaf)) {
      weigerBijFouten({ email: `Leerlingen kunnen Passend gebruiken vanaf ${d.portaalVanaf} jaar. Deze leerling is ${d.leeftijd}.` });
    }
    if (await adresInGebruik(t, email, d.opp.leerlingId)) {
      weigerBijFouten({ email: 'Dit e-mailadres is al in gebruik in Passend, bijvoorbeeld door een ouder. Gebruik het eigen e-mailadres van de leerling.' });
    }
    await beeindigLeerlingUitnodigingen(t, d.opp.leerlingId, deps.clock.now());
    await nodigUit(t, deps, {
      swvId: tenantOf(actor), voor: { leerlingId: d.opp.leerlingId }, naam: '', email,
      onderwerp: 'Uitnodiging voor Passend van je school',
      inleiding: `${d.opp.vestigingNaam} nodigt je uit om Passend te gebruiken. Daar kun je zelf zeggen wat jij belangrijk vindt op school, en lezen wat de school ermee doet.`,
    });
    await recordAudit(t, { ...auditBase(actor, d.relatie), actie: 'uitnodigen', objectType: 'leerling', objectId: d.opp.leerlingId, leerlingId: d.opp.leerlingId, resultaat: 'ok' });
  });
  deps.onMailQueued?.();
}

// ---------------------------------------------------------------------------------------------------------------
// The pupil portal and the SWV's settings

/**
 * The pupil's own OPPs for the pupil portal: only from the age the SWV set. Below it, nothing is read (the page
 * explains when the portal opens).
 */
export async function mijnOpp(deps: OppDeps, actor: Actor): Promise<{ beschikbaar: false; vanaf: number } | { beschikbaar: true; dossiers: OppDossier[] }> {
  const relatie = relatieVan(actor);
  if (relatie.soort !== 'leerling') throw new AppError('forbidden');
  const vandaag = deps.clock.today();
  return tx(deps, actor, async (t) => {
    const l = await first<{ geboortedatum: string }>(t, sql`select geboortedatum::text as geboortedatum from leerling where id = ${relatie.leerlingId}`);
    const portaal = await store.portaalLeeftijd(t, tenantOf(actor), LEERLING_PORTAAL_STANDAARD);
    if (!l || !magLeerlingPortaal(ageOn(l.geboortedatum, vandaag), portaal.vanaf)) return { beschikbaar: false as const, vanaf: portaal.vanaf };
    const opps = await store.listOpps(t, relatie, vandaag);
    const dossiers: OppDossier[] = [];
    for (const o of opps) dossiers.push(await dossierVan(t, actor, o, vandaag));
    await recordAudit(t, {
      ...auditBase(actor, relatie), actie: 'lezen', objectType: 'opp', objectId: opps[0]?.id ?? null, leerlingId: relatie.leerlingId,
      velden: ['handelingsdeel', 'meningen'], resultaat: 'ok',
    });
    return { beschikbaar: true as const, dossiers };
  });
}

/** The SWV's OPP settings (not pupil data). */
export async function instellingen(deps: OppDeps, actor: Actor) {
  return tx(deps, actor, (t) => store.portaalLeeftijd(t, tenantOf(actor), LEERLING_PORTAAL_STANDAARD));
}

export async function zetInstellingen(deps: OppDeps, actor: Actor, input: { versie: number; vanaf: number }): Promise<void> {
  const fout = controleerPortaalLeeftijd(input.vanaf);
  if (fout) weigerBijFouten({ vanaf: fout });
  await tx(deps, actor, async (t) => {
    if (!(await store.zetPortaalLeeftijd(t, tenantOf(actor), input.versie, input.vanaf))) {
      throw new AppError('conflict', { detail: 'Iemand anders heeft deze instelling intussen gewijzigd.' });
    }
    await recordAudit(t, { ...auditBase(actor, relatieVan(actor)), grondslag: 'instelling samenwerkingsverband', actie: 'wijzigen', objectType: 'opp-instelling', objectId: tenantOf(actor), velden: ['leerlingPortaalVanaf'], resultaat: 'ok' });
  });
}
