/**
 * The background jobs of the zorgplicht clock (issue 5). They run in the job worker (platform/jobs/queue.ts), get
 * "today" from the injectable clock and know nothing of HTTP.
 *
 * - `zorgplicht-dagelijks` (every day at 06:00 Europe/Amsterdam), for every open application:
 *   a. reminds the school 14 and 7 days before its decision deadline (WPO 40 lid 6, WVO 27 lid 2e, WEC 40 lid 7:
 *      decide within 6 weeks, once extendable by at most 4), once per deadline, so an extension gets new reminders;
 *   b. when the 10 weeks lapsed without a decision, places the child provisionally by law (WPO 40 lid 7, WVO 27
 *      lid 2f, WEC 40 lid 8; rules/toelating.ts): an enrolment from the day after those 10 weeks (not before the 4th
 *      birthday in po/wec), the audit event, and a mail to the school and the parents with gezag.
 * - `zorgplicht-weekoverzicht` (Mondays at 07:00): per SWV with something to report, one job
 *   `zorgplicht-weekoverzicht-swv` that mails the SWV staff the counts of the clocks (counts only, no names).
 *
 * Each run schedules the next one; `planZorgplichtTaken` makes sure at boot that they are scheduled. Everything is
 * idempotent (unique reminder rows, a locked re-check before placing, once-only job keys), so a retry or a run on a
 * missed day catches up without doing anything twice. Mails carry no pupil data: no name, no support need, only a
 * date, the school and a link into Passend (security-notes; platform/mail/outbox.ts).
 */
import { addDays, civilDateAt, daysBetween, formatDutch, type CivilDate } from '../../platform/civil-date.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Executor, Tx } from '../../platform/db/client.js';
import type { JobHandler } from '../../platform/jobs/queue.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { amsterdamTijdstip, planEenmalig, swvCodes, volgendeDagrunOm } from '../../platform/jobs/planning.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { geldendeTermijn, klokstand, uitersteTermijn, type Opschorting, type Sector } from './rules/termijnen.js';
import { tijdelijkePlaatsingVanaf } from './rules/toelating.js';
import * as store from './taken-store.js';

export const DAGELIJKS = 'zorgplicht-dagelijks';
export const WEEKOVERZICHT = 'zorgplicht-weekoverzicht';
export const WEEKOVERZICHT_SWV = 'zorgplicht-weekoverzicht-swv';

/** Hours (Europe/Amsterdam) of the runs: before the school day starts, so the mail is there in the morning. */
export const DAGELIJKS_UUR = 6;
export const WEEKOVERZICHT_UUR = 7;

/** The legal ground in the audit log of a provisional placement. */
export const GRONDSLAG_TIJDELIJKE_PLAATSING = 'tijdelijke plaatsing van rechtswege (Wpo 40 lid 7 / Wvo 27 lid 2f / Wec 40 lid 8)';

/** The part of a logger the jobs use (pino fits). Log lines carry ids, never pupil data. */
export interface TakenLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const STIL: TakenLog = { info: () => {}, warn: () => {}, error: () => {} };

export interface TakenDeps {
  db: Database;
  clock: Clock;
  /** The address of Passend, for the links in the mails. */
  publicUrl: string;
  logger?: TakenLog;
}

/** Limits a run to some SWVs (tests on a shared database; the worker passes nothing and visits every SWV). */
export interface TakenOpties {
  swvIds?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Pure rules of the jobs

export type HerinneringSoort = '14-dagen' | '7-dagen';
export const HERINNERINGEN: readonly { soort: HerinneringSoort; dagen: number }[] = [
  { soort: '14-dagen', dagen: 14 },
  { soort: '7-dagen', dagen: 7 },
];

/** The vo suspension (WVO 27 lid 2g) as the clock rules want it: one period when both columns are set. */
export function opschortingenVan(a: { opgeschortVan: string | null; opgeschortTot: string | null }): Opschorting[] {
  return a.opgeschortVan && a.opgeschortTot ? [{ van: a.opgeschortVan, tot: a.opgeschortTot }] : [];
}

/** The deadline that applies now (the extended one, else 6 weeks plus any suspension). */
export function termijnVan(a: store.OpenAanmelding): CivilDate {
  return geldendeTermijn(a.ontvangenOp, a.verlengdTot, opschortingenVan(a));
}

/**
 * The reminders due on `vandaag`: from N days before the deadline up to the deadline itself. Not only on the exact
 * day, so a day the job did not run is caught up; the unique row per deadline keeps it to once.
 */
export function dueHerinneringen(termijn: CivilDate, vandaag: CivilDate): HerinneringSoort[] {
  if (vandaag > termijn) return [];
  return HERINNERINGEN.filter((h) => vandaag >= addDays(termijn, -h.dagen)).map((h) => h.soort);
}

/** The day of the provisional placement by law, given whether the child is enrolled elsewhere (rules/toelating.ts). */
export function plaatsingsdatum(a: store.OpenAanmelding, eldersIngeschreven: boolean): CivilDate | null {
  return tijdelijkePlaatsingVanaf({
    sector: a.sector, ontvangen: a.ontvangenOp, besluitOp: null, eldersIngeschreven, geboortedatum: a.geboortedatum,
    opschortingen: opschortingenVan(a),
  });
}

/** Whether the daily job has anything to check for this application today (saves a locked transaction). */
export function heeftWerk(a: store.OpenAanmelding, vandaag: CivilDate): boolean {
  if (dueHerinneringen(termijnVan(a), vandaag).length > 0) return true;
  const datum = plaatsingsdatum(a, false);
  return datum !== null && vandaag >= datum;
}

const WET: Record<Sector, string> = {
  po: 'artikel 40 lid 7 van de Wet op het primair onderwijs',
  vo: 'artikel 27 lid 2f van de Wet op het voortgezet onderwijs',
  wec: 'artikel 40 lid 8 van de Wet op de expertisecentra',
};

function dagen(n: number): string {
  return n === 1 ? '1 dag' : `${n} dagen`;
}

const GEEN_GEGEVENS = 'In deze e-mail staan bewust geen gegevens over het kind. U vindt ze in Passend, na het inloggen.';

/**
 * The end of every mail of these jobs: where to look in Passend, why the mail itself says so little, the greeting.
 * One place, so the mails keep saying it the same way.
 */
function slot(bekijk: string, link: string, noot: string): string[] {
  return [bekijk, link, '', noot, '', 'Met vriendelijke groet,', 'Passend'];
}

/** The reminder to the school: no name, only the date of receipt, the deadline and a link. */
export function herinneringMail(a: store.OpenAanmelding, termijn: CivilDate, vandaag: CivilDate, publicUrl: string) {
  const over = daysBetween(vandaag, termijn);
  const uiterste = uitersteTermijn(a.ontvangenOp, opschortingenVan(a));
  const onderwerp = over === 0
    ? 'Herinnering: vandaag beslissen over een aanmelding'
    : `Herinnering: nog ${dagen(over)} om te beslissen over een aanmelding`;
  const verlengen = a.verlengdTot
    ? 'De termijn is al een keer verlengd. Verder verlengen mag niet.'
    : `Lukt dat niet, dan mag de school de termijn één keer verlengen met hoogstens 4 weken, tot uiterlijk ${formatDutch(uiterste)}. De ouders krijgen daarover een brief.`;
  const leeftijd = a.sector === 'vo' ? '' : ' Is het kind dan nog geen 4 jaar, dan gaat de inschrijving in op de dag dat het 4 wordt.';
  const tekst = [
    'Beste collega,',
    '',
    `${a.vestigingNaam} heeft op ${formatDutch(a.ontvangenOp)} een aanmelding ontvangen. Over deze aanmelding is nog geen besluit genomen.`,
    '',
    `De school moet uiterlijk op ${formatDutch(termijn)} beslissen. ${over === 0 ? 'Dat is vandaag.' : `Dat is over ${dagen(over)}.`}`,
    verlengen,
    '',
    'Wat gebeurt er als de school niet op tijd beslist?',
    `Is er op ${formatDutch(uiterste)} nog geen besluit, dan staat het kind volgens de wet vanaf ${formatDutch(addDays(uiterste, 1))} tijdelijk ingeschreven op uw school, tenzij het al op een andere school staat ingeschreven (${WET[a.sector]}).${leeftijd}`,
    '',
    ...slot('Bekijk de aanmelding in Passend:', `${publicUrl}/aanmeldingen/${a.id}`, GEEN_GEGEVENS),
  ].join('\n');
  return { onderwerp, tekst };
}

/** The news of a provisional placement for the school's staff. */
export function plaatsingMailSchool(a: store.OpenAanmelding, vanaf: CivilDate, publicUrl: string) {
  return {
    onderwerp: 'Een kind staat volgens de wet tijdelijk ingeschreven op uw school',
    tekst: [
      'Beste collega,',
      '',
      `${a.vestigingNaam} heeft op ${formatDutch(a.ontvangenOp)} een aanmelding ontvangen. Tien weken na de aanmelding was er nog geen besluit.`,
      `Daarom staat het kind volgens de wet vanaf ${formatDutch(vanaf)} tijdelijk ingeschreven op uw school (${WET[a.sector]}). Passend heeft deze inschrijving vastgelegd.`,
      '',
      'De school moet nog steeds beslissen. Laat de school het kind toe, dan wordt de inschrijving definitief. Weigert de school het kind, dan wordt het kind uitgeschreven vanaf de dag na dat besluit.',
      '',
      ...slot('Bekijk de aanmelding in Passend:', `${publicUrl}/aanmeldingen/${a.id}`, GEEN_GEGEVENS),
    ].join('\n'),
  };
}

/** The news of a provisional placement for the parents with gezag, in plain Dutch. */
export function plaatsingMailOuder(a: store.OpenAanmelding, vanaf: CivilDate, publicUrl: string) {
  return {
    onderwerp: 'Uw kind staat tijdelijk ingeschreven op de school van uw aanmelding',
    tekst: [
      'Beste ouder of verzorger,',
      '',
      `U hebt uw kind op ${formatDutch(a.ontvangenOp)} aangemeld bij ${a.vestigingNaam}. De school moest binnen 10 weken beslissen of uw kind welkom is. Dat heeft de school niet gedaan.`,
      '',
      `Daarom staat uw kind volgens de wet vanaf ${formatDutch(vanaf)} tijdelijk ingeschreven op deze school (${WET[a.sector]}). Uw kind mag vanaf die dag naar deze school.`,
      '',
      'De school moet nog beslissen. Laat de school uw kind toe, dan blijft uw kind op deze school. Weigert de school uw kind, dan krijgt u een brief met de redenen en met hoe u bezwaar kunt maken. De tijdelijke inschrijving stopt dan op de dag na dat besluit.',
      '',
      ...slot('Bekijk de aanmelding in Passend:', `${publicUrl}/aanmeldingen/${a.id}`, 'Hebt u vragen? Neem dan contact op met de school.'),
    ].join('\n'),
  };
}

/** The counts of the weekly overview. */
export interface Weekcijfers {
  lopend: number;
  bijna: number;
  verlopen: number;
  geplaatst: number;
  besluiten: number;
}

/** Running clocks on `vandaag`: at risk from 7 days before the deadline, overdue after it (rules/termijnen.ts). */
export function telKlokken(open: readonly store.OpenAanmelding[], vandaag: CivilDate): Pick<Weekcijfers, 'lopend' | 'bijna' | 'verlopen'> {
  let bijna = 0;
  let verlopen = 0;
  for (const a of open) {
    const s = klokstand(termijnVan(a), vandaag).status;
    if (s === 'bijna') bijna += 1;
    if (s === 'verlopen') verlopen += 1;
  }
  return { lopend: open.length, bijna, verlopen };
}

/** The weekly overview for the SWV's staff: counts only, no names (counts of a region are not pupil data). */
export function weekoverzichtMail(swvNaam: string, c: Weekcijfers, vandaag: CivilDate, publicUrl: string) {
  const van = addDays(vandaag, -7);
  const tot = addDays(vandaag, -1);
  return {
    onderwerp: `Weekoverzicht aanmeldingen ${formatDutch(vandaag)}`,
    tekst: [
      'Beste collega,',
      '',
      `Zo staan de aanmeldingen in ${swvNaam} ervoor op ${formatDutch(vandaag)}:`,
      '',
      `- Lopende termijnen (nog geen besluit): ${c.lopend}`,
      `- Daarvan bijna verlopen (7 dagen of minder): ${c.bijna}`,
      `- Daarvan te laat (termijn voorbij, nog geen besluit): ${c.verlopen}`,
      `- Volgens de wet tijdelijk ingeschreven van ${formatDutch(van)} tot en met ${formatDutch(tot)}: ${c.geplaatst}`,
      `- Besluiten genomen van ${formatDutch(van)} tot en met ${formatDutch(tot)}: ${c.besluiten}`,
      '',
      ...slot('Bekijk alle aanmeldingen in Passend:', `${publicUrl}/aanmeldingen`, 'In deze e-mail staan alleen aantallen, geen gegevens over kinderen.'),
    ].join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduling

export { amsterdamTijdstip };

/** The first daily run strictly after `nu`. */
export function volgendeDagrun(nu: Date): { datum: CivilDate; op: Date } {
  return volgendeDagrunOm(nu, DAGELIJKS_UUR);
}

/** The first Monday run strictly after `nu`. */
export function volgendeWeekrun(nu: Date): { datum: CivilDate; op: Date } {
  const vandaag = civilDateAt(nu);
  const weekdag = new Date(`${vandaag}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 1 = Monday
  let datum = addDays(vandaag, (8 - weekdag) % 7);
  let op = amsterdamTijdstip(datum, WEEKOVERZICHT_UUR);
  if (op <= nu) {
    datum = addDays(datum, 7);
    op = amsterdamTijdstip(datum, WEEKOVERZICHT_UUR);
  }
  return { datum, op };
}

export const dagSleutel = (datum: CivilDate) => `${DAGELIJKS}:${datum}`;
export const weekSleutel = (datum: CivilDate) => `${WEEKOVERZICHT}:${datum}`;

/**
 * At boot (with the worker on): today's daily run (due at once when 06:00 has passed and it has not run yet, so a
 * fresh install or a server that was down at 06:00 catches up), the next one, and the next Monday overview. Once-only
 * keys: a restart never runs a finished run again.
 */
export async function planZorgplichtTaken(ex: Executor, nu: Date): Promise<void> {
  const vandaag = civilDateAt(nu);
  await planEenmalig(ex, DAGELIJKS, { datum: vandaag }, dagSleutel(vandaag), amsterdamTijdstip(vandaag, DAGELIJKS_UUR));
  const dag = volgendeDagrun(nu);
  await planEenmalig(ex, DAGELIJKS, { datum: dag.datum }, dagSleutel(dag.datum), dag.op);
  const week = volgendeWeekrun(nu);
  await planEenmalig(ex, WEEKOVERZICHT, { datum: week.datum }, weekSleutel(week.datum), week.op);
}

// ---------------------------------------------------------------------------------------------------------------
// The daily run

export interface DagVerslag {
  datum: CivilDate;
  /** Applications checked in a locked transaction (the others had nothing due). */
  bekeken: number;
  herinneringen: number;
  mails: number;
  geplaatst: number;
  /** Lapsed, but the child is enrolled at another school: no placement (WPO 40 lid 7 c.s.). */
  eldersIngeschreven: number;
  fouten: number;
}

interface Uitkomst {
  herinneringen: number;
  mails: number;
  geplaatst: boolean;
  elders: boolean;
}

async function stuur(tx: Tx, aan: readonly string[], mail: { onderwerp: string; tekst: string }): Promise<number> {
  for (const adres of aan) await queueMail(tx, { aan: adres, ...mail });
  return aan.length;
}

/** One application, locked: reminders and the provisional placement, with their mails, in one transaction. */
async function verwerkAanmelding(tx: Tx, deps: TakenDeps, swvId: string, id: string, vandaag: CivilDate): Promise<Uitkomst> {
  const log = deps.logger ?? STIL;
  const uit: Uitkomst = { herinneringen: 0, mails: 0, geplaatst: false, elders: false };
  const a = await store.vergrendelOpenAanmelding(tx, id);
  if (!a) return uit; // decided, withdrawn or placed since the list was read

  // a. Reminders. When both are due at once (a missed week), both are recorded but the school gets one mail: the
  //    text names the days left, so two mails would say the same thing twice.
  const termijn = termijnVan(a);
  const nieuw: HerinneringSoort[] = [];
  for (const soort of dueHerinneringen(termijn, vandaag)) {
    if (await store.noteerHerinnering(tx, { swvId, aanmeldingId: a.id, soort, termijn })) nieuw.push(soort);
  }
  if (nieuw.length > 0) {
    uit.herinneringen = nieuw.length;
    const aan = await store.schoolOntvangers(tx, swvId, a.vestigingCode);
    // Nobody to mail (no intern begeleider or school leader with an account yet): the reminder is recorded anyway.
    // Trying again every day would not find anyone either, the clock stays visible on the SWV's overview (the SWV
    // watches every clock) and the weekly overview counts it; the log tells the beheerder which location lacks staff.
    if (aan.length === 0) log.warn({ swvId, aanmeldingId: a.id, vestigingCode: a.vestigingCode, soort: nieuw }, 'herinnering vastgelegd, maar niemand van de school heeft een account');
    uit.mails += await stuur(tx, aan, herinneringMail(a, termijn, vandaag, deps.publicUrl));
  }

  // b. Lapse. The date depends on whether the child is enrolled elsewhere on that date, so the rule is asked twice:
  //    once for the candidate date, then with the enrolment on that date.
  const kandidaat = plaatsingsdatum(a, false);
  if (kandidaat === null || vandaag < kandidaat) return uit;
  // "Enrolled at another school" (WPO 40 lid 7: po/so/sbo; WVO 27 lid 2f: vo/vso): simplified to any other school
  // location, whatever its kind. A pupil record belongs to one SWV, so an enrolment in another SWV is not seen here.
  const elders = await store.eldersIngeschreven(tx, a.leerlingId, a.vestigingCode, kandidaat);
  const vanaf = plaatsingsdatum(a, elders);
  if (vanaf === null) {
    uit.elders = true;
    return uit;
  }
  // The school may have enrolled the child itself already: the law's enrolment is then that one, not a second.
  const inschrijvingId = (await store.inschrijvingHier(tx, a.leerlingId, a.vestigingCode, vanaf))
    ?? (await store.insertInschrijving(tx, { swvId, leerlingId: a.leerlingId, vestigingCode: a.vestigingCode, startdatum: vanaf }));
  if (!(await store.plaatsTijdelijk(tx, a.id, a.versie, { vanaf, inschrijvingId }))) {
    throw new Error(`aanmelding ${a.id} veranderde tijdens de tijdelijke plaatsing`); // rolls back the enrolment
  }
  const audit = { swvId, actorGebruikerId: null, actorRol: 'systeem', organisatie: a.vestigingCode, leerlingId: a.leerlingId,
    grondslag: GRONDSLAG_TIJDELIJKE_PLAATSING, resultaat: 'ok' as const };
  await recordAudit(tx, { ...audit, actie: 'aanmaken', objectType: 'inschrijving', objectId: inschrijvingId, velden: ['vestiging', 'startdatum'] });
  await recordAudit(tx, { ...audit, actie: 'wijzigen', objectType: 'aanmelding', objectId: a.id, velden: ['tijdelijkGeplaatstVanaf', 'inschrijving', 'status'] });
  uit.geplaatst = true;
  const school = await store.schoolOntvangers(tx, swvId, a.vestigingCode);
  if (school.length === 0) log.warn({ swvId, aanmeldingId: a.id, vestigingCode: a.vestigingCode }, 'tijdelijke plaatsing: niemand van de school heeft een account');
  uit.mails += await stuur(tx, school, plaatsingMailSchool(a, vanaf, deps.publicUrl));
  uit.mails += await stuur(tx, await store.ouderOntvangers(tx, a.leerlingId), plaatsingMailOuder(a, vanaf, deps.publicUrl));
  log.info({ swvId, aanmeldingId: a.id, vanaf }, 'tijdelijk geplaatst van rechtswege');
  return uit;
}

/**
 * The daily check for `clock.today()`. Works per SWV in tenant transactions (RLS stays on; the 'systeem' scope may
 * not read or write pupil tables) and per application in its own transaction, so one failure does not hold back
 * the others; the failures are counted and the caller (the job) fails so the queue retries — safely, because
 * everything here is idempotent.
 */
export async function voerDagelijkseControleUit(deps: TakenDeps, opts: TakenOpties = {}): Promise<DagVerslag> {
  const log = deps.logger ?? STIL;
  const vandaag = deps.clock.today();
  const verslag: DagVerslag = { datum: vandaag, bekeken: 0, herinneringen: 0, mails: 0, geplaatst: 0, eldersIngeschreven: 0, fouten: 0 };
  const swvs = await deps.db.withSystem((tx) => swvCodes(tx, opts.swvIds));
  for (const swvId of swvs) {
    let open: store.OpenAanmelding[];
    try {
      open = await deps.db.withTenant({ swvId, userId: null }, (tx) => store.openAanmeldingen(tx));
    } catch (err) {
      verslag.fouten += 1;
      log.error({ err, swvId }, 'dagelijkse zorgplichtcontrole: aanmeldingen niet gelezen');
      continue;
    }
    for (const a of open) {
      if (!heeftWerk(a, vandaag)) continue;
      try {
        const u = await deps.db.withTenant({ swvId, userId: null }, (tx) => verwerkAanmelding(tx, deps, swvId, a.id, vandaag));
        verslag.bekeken += 1;
        verslag.herinneringen += u.herinneringen;
        verslag.mails += u.mails;
        if (u.geplaatst) verslag.geplaatst += 1;
        if (u.elders) verslag.eldersIngeschreven += 1;
      } catch (err) {
        verslag.fouten += 1;
        log.error({ err, swvId, aanmeldingId: a.id }, 'dagelijkse zorgplichtcontrole mislukt voor een aanmelding');
      }
    }
  }
  return verslag;
}

// ---------------------------------------------------------------------------------------------------------------
// The weekly overview

/**
 * Fans the weekly overview out: one job per SWV with something to report, keyed per week and SWV. A retry of this
 * run (or of one SWV's job) never mails an SWV twice in a week. Returns the SWVs that got a new job.
 */
export async function planWeekoverzichten(deps: TakenDeps, opts: TakenOpties = {}): Promise<string[]> {
  const vandaag = deps.clock.today();
  const van = addDays(vandaag, -7);
  const tot = addDays(vandaag, -1);
  const swvs = await deps.db.withSystem((tx) => swvCodes(tx, opts.swvIds));
  const gepland: string[] = [];
  for (const swvId of swvs) {
    await deps.db.withTenant({ swvId, userId: null }, async (tx) => {
      if (!(await store.heeftWeeknieuws(tx, van, tot))) return;
      if (await planEenmalig(tx, WEEKOVERZICHT_SWV, { swvId, datum: vandaag }, `${WEEKOVERZICHT}:${vandaag}:${swvId}`)) gepland.push(swvId);
    });
  }
  return gepland;
}

/** Computes one SWV's counts on `datum` and queues the mail to its staff, in one tenant transaction. */
export async function stuurWeekoverzicht(deps: TakenDeps, swvId: string, datum: CivilDate): Promise<{ cijfers: Weekcijfers; mails: number }> {
  return deps.db.withTenant({ swvId, userId: null }, async (tx) => {
    const klokken = telKlokken(await store.openAanmeldingen(tx), datum);
    const cijfers: Weekcijfers = { ...klokken, ...(await store.weekcijfers(tx, addDays(datum, -7), addDays(datum, -1))) };
    const aan = await store.swvOntvangers(tx, swvId);
    if (aan.length === 0) (deps.logger ?? STIL).warn({ swvId }, 'weekoverzicht: niemand van het samenwerkingsverband heeft een account');
    const mails = await stuur(tx, aan, weekoverzichtMail(await store.swvNaam(tx, swvId), cijfers, datum, deps.publicUrl));
    return { cijfers, mails };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Job handlers

/**
 * The handlers for the worker. Each run first schedules its successor (in its own transaction, so a failing run
 * does not break the chain), then does its work; a run with failures throws so the queue retries it.
 */
export function zorgplichtJobHandlers(deps: TakenDeps, opts: TakenOpties = {}): Record<string, JobHandler> {
  const log = deps.logger ?? STIL;
  return {
    [DAGELIJKS]: async () => {
      const volgende = volgendeDagrun(deps.clock.now());
      await deps.db.withSystem((tx) => planEenmalig(tx, DAGELIJKS, { datum: volgende.datum }, dagSleutel(volgende.datum), volgende.op));
      const v = await voerDagelijkseControleUit(deps, opts);
      log.info({ ...v }, 'dagelijkse zorgplichtcontrole klaar');
      if (v.fouten > 0) throw new Error(`dagelijkse zorgplichtcontrole: ${v.fouten} fout(en), zie het log`);
    },
    [WEEKOVERZICHT]: async () => {
      const volgende = volgendeWeekrun(deps.clock.now());
      await deps.db.withSystem((tx) => planEenmalig(tx, WEEKOVERZICHT, { datum: volgende.datum }, weekSleutel(volgende.datum), volgende.op));
      const swvs = await planWeekoverzichten(deps, opts);
      log.info({ aantal: swvs.length }, 'weekoverzichten ingepland');
    },
    [WEEKOVERZICHT_SWV]: async (payload) => {
      const swvId = String(payload.swvId);
      const datum = typeof payload.datum === 'string' ? payload.datum : deps.clock.today();
      await stuurWeekoverzicht(deps, swvId, datum);
    },
  };
}
