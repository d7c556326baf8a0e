/**
 * The OPP's daily signals (issue 6): every day at 06:00 Europe/Amsterdam (`opp-dagelijks`), for every running OPP,
 * the signals of rules/signalen.ts — the deadline of the first adoption coming or passed, the yearly evaluation due
 * or overdue — each recorded once (opp_herinnering) and mailed to the school's intern begeleiders and school leaders
 * as one mail per school with counts only and a link to the list: no names, no support data (security-notes;
 * platform/mail/outbox.ts). Works per SWV in tenant transactions (the 'systeem' scope may not read pupil tables);
 * each run plans the next; everything is idempotent, so a retry or a missed day catches up without double mails.
 */
import { civilDateAt, formatDutch, type CivilDate } from '../../platform/civil-date.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Executor } from '../../platform/db/client.js';
import type { JobHandler } from '../../platform/jobs/queue.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { amsterdamTijdstip, planEenmalig, swvCodes, volgendeDagrunOm } from '../../platform/jobs/planning.js';
import { schoolOntvangers } from '../zorgplicht/taken-store.js';
import { feitenVan } from './commands.js';
import { oppStand } from './rules/versies.js';
import { signalen, type Signaal } from './rules/signalen.js';
import * as store from './store.js';

export const OPP_DAGELIJKS = 'opp-dagelijks';
export const OPP_UUR = 6;

export interface OppTakenDeps {
  db: Database;
  clock: Clock;
  publicUrl: string;
  logger?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const sleutel = (datum: CivilDate) => `${OPP_DAGELIJKS}:${datum}`;

/** At boot (worker on): today's run (at once when 06:00 has passed and it did not run yet) and tomorrow's. */
export async function planOppTaken(ex: Executor, nu: Date): Promise<void> {
  const vandaag = civilDateAt(nu);
  await planEenmalig(ex, OPP_DAGELIJKS, { datum: vandaag }, sleutel(vandaag), amsterdamTijdstip(vandaag, OPP_UUR));
  const volgende = volgendeDagrunOm(nu, OPP_UUR);
  await planEenmalig(ex, OPP_DAGELIJKS, { datum: volgende.datum }, sleutel(volgende.datum), volgende.op);
}

const REGELS: Record<Signaal, (n: number) => string> = {
  'vaststellen-binnenkort': (n) => `${n === 1 ? '1 ontwikkelingsperspectief moet' : `${n} ontwikkelingsperspectieven moeten`} binnen een week worden vastgesteld.`,
  'vaststellen-verlopen': (n) => `${n === 1 ? '1 ontwikkelingsperspectief is' : `${n} ontwikkelingsperspectieven zijn`} niet op tijd vastgesteld. De wet vraagt: uiterlijk 6 weken na de inschrijving.`,
  'evaluatie-binnenkort': (n) => `${n === 1 ? '1 ontwikkelingsperspectief moet' : `${n} ontwikkelingsperspectieven moeten`} dit schooljaar nog met de ouders worden geëvalueerd (vóór 31 juli).`,
  'evaluatie-achterstallig': (n) => `${n === 1 ? '1 ontwikkelingsperspectief is' : `${n} ontwikkelingsperspectieven zijn`} dit schooljaar niet geëvalueerd. De wet vraagt: minstens één keer per schooljaar, met de ouders.`,
};

/** The mail to one school: counts per kind and the link; never a name. */
export function signaalMail(school: string, tellingen: Partial<Record<Signaal, number>>, vandaag: CivilDate, publicUrl: string) {
  const regels = (Object.keys(REGELS) as Signaal[]).filter((s) => tellingen[s]).map((s) => `- ${REGELS[s](tellingen[s]!)}`);
  return {
    onderwerp: 'Ontwikkelingsperspectieven: er moet iets gebeuren',
    tekst: [
      'Beste collega,',
      '',
      `Voor ${school} ziet Passend op ${formatDutch(vandaag)}:`,
      ...regels,
      '',
      'Bekijk de ontwikkelingsperspectieven in Passend:',
      `${publicUrl}/opp`,
      '',
      'In deze e-mail staan bewust geen namen of gegevens over leerlingen. U vindt ze in Passend, na het inloggen.',
      '',
      'Met vriendelijke groet,',
      'Passend',
    ].join('\n'),
  };
}

export interface OppDagVerslag {
  datum: CivilDate;
  signalen: number;
  mails: number;
  fouten: number;
}

/** The daily run for `clock.today()` (optionally only some SWVs: tests on a shared database). */
export async function voerOppSignalenUit(deps: OppTakenDeps, opts: { swvIds?: readonly string[] } = {}): Promise<OppDagVerslag> {
  const vandaag = deps.clock.today();
  const verslag: OppDagVerslag = { datum: vandaag, signalen: 0, mails: 0, fouten: 0 };
  for (const swvId of await deps.db.withSystem((tx) => swvCodes(tx, opts.swvIds))) {
    try {
      await deps.db.withTenant({ swvId, userId: null }, async (tx) => {
        const opps = await store.lopendeOpps(tx);
        if (opps.length === 0) return;
        const records = await store.laadRecords(tx, opps.map((o) => o.id));
        const perSchool = new Map<string, { naam: string; tellingen: Partial<Record<Signaal, number>> }>();
        const gesignaleerd = new Set<string>();
        for (const o of opps) {
          for (const s of signalen(oppStand(feitenVan(o, records.get(o.id)!), vandaag), o.uiterlijk, vandaag)) {
            if (!(await store.noteerHerinnering(tx, { swvId, oppId: o.id, soort: s.soort, sleutel: s.sleutel }))) continue;
            verslag.signalen += 1;
            gesignaleerd.add(o.leerlingId);
            const school = perSchool.get(o.vestigingCode) ?? { naam: o.vestigingNaam, tellingen: {} };
            school.tellingen[s.soort] = (school.tellingen[s.soort] ?? 0) + 1;
            perSchool.set(o.vestigingCode, school);
          }
        }
        // The pupils whose OPP led to a signal were read for it: one event for the run (the reads that found nothing
        // to signal are not logged, or every parent's access log would list Passend every day).
        if (gesignaleerd.size) {
          await recordAudit(tx, {
            swvId, actorGebruikerId: null, actorRol: 'systeem', actie: 'lijst', objectType: 'opp-lijst', leerlingIds: [...gesignaleerd],
            velden: ['uiterlijk', 'vaststelling', 'evaluaties'], grondslag: 'dagelijkse signalen ontwikkelingsperspectief (Wpo 40a lid 2 en 3)', resultaat: 'ok',
          });
        }
        for (const [code, school] of perSchool) {
          for (const aan of await schoolOntvangers(tx, swvId, code)) {
            await queueMail(tx, { aan, ...signaalMail(school.naam, school.tellingen, vandaag, deps.publicUrl) });
            verslag.mails += 1;
          }
        }
      });
    } catch (err) {
      verslag.fouten += 1;
      deps.logger?.error({ err, swvId }, 'dagelijkse OPP-signalen mislukt voor een samenwerkingsverband');
    }
  }
  return verslag;
}

/** The handler for the worker: plans tomorrow's run first (so a failing run does not break the chain), then works. */
export function oppJobHandlers(deps: OppTakenDeps): Record<string, JobHandler> {
  return {
    [OPP_DAGELIJKS]: async () => {
      const volgende = volgendeDagrunOm(deps.clock.now(), OPP_UUR);
      await deps.db.withSystem((tx) => planEenmalig(tx, OPP_DAGELIJKS, { datum: volgende.datum }, sleutel(volgende.datum), volgende.op));
      const v = await voerOppSignalenUit(deps);
      deps.logger?.info({ ...v }, 'dagelijkse OPP-signalen klaar');
      if (v.fouten > 0) throw new Error(`dagelijkse OPP-signalen: ${v.fouten} fout(en), zie het log`);
    },
  };
}
