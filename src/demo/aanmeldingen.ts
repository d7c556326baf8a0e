/**
 * The demo's aanmeldingen: applications at the demo school (08LE00) and other PO2603 schools in every state of the
 * legal clock, relative to today, so journey 2 can be clicked through on a fresh install: a new one, one in
 * research with the zorgplicht and a placement request waiting for another school, one close to its deadline, one
 * overdue, one extended (with its letter), one decided, one of the demo parent (applied online), a request from
 * another school to the demo school, an open advice request for the SWV, and one whose 10 weeks have passed (the
 * daily job places that child provisionally, as the law says). Fictitious children; idempotent by its own app_meta
 * mark ('demo-aanmeldingen').
 */
import { sql } from 'drizzle-orm';
import { first, rows, type Database, type Tx } from '../platform/db/client.js';
import type { Clock } from '../platform/clock.js';
import { addDays } from '../platform/civil-date.js';
import { recordAudit } from '../platform/audit/audit.js';
import { insertLeerling, insertOuder } from '../modules/leerlingen/store.js';
import * as store from '../modules/zorgplicht/store.js';
import { DEMO_LOGINS, DEMO_SWV, DEMO_VESTIGING } from './logins.js';
import { isDemoDatabase } from './seed.js';

export const DEMO_AANMELDINGEN_MARK = 'demo-aanmeldingen';

interface Kind {
  voornaam: string;
  tussenvoegsel?: string;
  achternaam: string;
  /** Age in days on the day of receipt. */
  leeftijdDagen: number;
  /** Days ago the application was received. */
  dagenGeleden: number;
  school: 'demo' | 'ander';
  extraVerwacht: boolean;
}

async function maakAanmelding(tx: Tx, vandaag: string, k: Kind, scholen: { demo: string; ander: string }, opts: { bron?: 'school' | 'ouder'; informatie?: string } = {}) {
  const ontvangen = addDays(vandaag, -k.dagenGeleden);
  const leerlingId = await insertLeerling(tx, {
    swvId: DEMO_SWV, voornaam: k.voornaam, tussenvoegsel: k.tussenvoegsel, achternaam: k.achternaam, geboortedatum: addDays(ontvangen, -k.leeftijdDagen),
  });
  const id = await store.insertAanmelding(tx, {
    swvId: DEMO_SWV, leerlingId, vestigingCode: k.school === 'demo' ? scholen.demo : scholen.ander, sector: 'po', ontvangenOp: ontvangen,
    gewensteStartdatum: null, andereScholen: '', isEersteVoorkeur: true, extraOndersteuningVerwacht: k.extraVerwacht,
    ouderInformatie: opts.informatie ?? null, bron: opts.bron ?? 'school', door: null,
  });
  await recordAudit(tx, { swvId: DEMO_SWV, actorGebruikerId: null, actorRol: 'systeem', actie: 'aanmaken', objectType: 'aanmelding', objectId: id, leerlingId, grondslag: 'demo-gegevens', resultaat: 'ok' });
  return { id, leerlingId, ontvangen };
}

/** Seeds the demo applications once. Returns how many, or null when already there (or not a demo install). */
export async function seedDemoAanmeldingen(db: Database, clock: Clock): Promise<{ aanmeldingen: number } | null> {
  if (!(await isDemoDatabase(db))) return null;
  if (await first(db.owner, sql`select 1 from app_meta where sleutel = ${DEMO_AANMELDINGEN_MARK}`)) return null;
  const anderen = await rows<{ code: string }>(db.owner, sql`select code from vestiging where swv_po = ${DEMO_SWV} and soort = 'bao' and code <> ${DEMO_VESTIGING} order by code limit 2`);
  if (anderen.length < 2) return null;
  const scholen = { demo: DEMO_VESTIGING, ander: anderen[0]!.code };
  const derde = anderen[1]!.code;
  const vandaag = clock.today();
  const jaar = 365;
  let n = 0;
  await db.withTenant({ swvId: DEMO_SWV, userId: null }, async (tx) => {
    const nieuw = (k: Omit<Kind, 'school' | 'extraVerwacht'> & Partial<Kind>, o?: Parameters<typeof maakAanmelding>[4]) => {
      n += 1;
      return maakAanmelding(tx, vandaag, { school: 'demo', extraVerwacht: false, ...k }, scholen, o);
    };
    // New: just received.
    await nieuw({ voornaam: 'Mila', achternaam: 'Verhoeven', leeftijdDagen: Math.round(3.6 * jaar), dagenGeleden: 3 });
    // In research, the zorgplicht applies, another school asked (no answer yet): the refusal is blocked.
    const zp = await nieuw({ voornaam: 'Daan', tussenvoegsel: 'van', achternaam: 'Leeuwen', leeftijdDagen: Math.round(5.2 * jaar), dagenGeleden: 24, extraVerwacht: true },
      { informatie: 'Daan raakt snel overprikkeld in een grote groep. Een vaste plek en een voorspelbare dag helpen hem.' });
    await store.beoordeel(tx, zp.id, 1, { nodig: true, uitzondering: null, toelichting: null, op: addDays(vandaag, -18) });
    await store.insertVerzoek(tx, { swvId: DEMO_SWV, aanmeldingId: zp.id, vestigingCode: derde, op: addDays(vandaag, -10), vraag: 'Daan heeft een kleine, rustige groep nodig met een vaste leerkracht en een voorspelbare dag.', door: null });
    await store.insertAdviesvraag(tx, { swvId: DEMO_SWV, aanmeldingId: zp.id, vraag: 'Welke school in de buurt heeft een kleine groep voor kinderen die snel overprikkeld raken?', op: addDays(vandaag, -9), door: null });
    // Close to its deadline (4 days left).
    const bijna = await nieuw({ voornaam: 'Sara', achternaam: 'Öztürk', leeftijdDagen: Math.round(4.1 * jaar), dagenGeleden: 38, extraVerwacht: true });
    await store.beoordeel(tx, bijna.id, 1, { nodig: false, uitzondering: null, toelichting: null, op: addDays(vandaag, -30) });
    // Overdue: the 6 weeks have passed without a decision or an extension.
    await nieuw({ voornaam: 'Finn', achternaam: 'de Graaf', leeftijdDagen: Math.round(6.3 * jaar), dagenGeleden: 45 });
    // Extended once, with its letter.
    const verlengd = await nieuw({ voornaam: 'Yara', achternaam: 'Bos', leeftijdDagen: Math.round(4.5 * jaar), dagenGeleden: 44, extraVerwacht: true });
    await store.beoordeel(tx, verlengd.id, 1, { nodig: true, uitzondering: null, toelichting: null, op: addDays(vandaag, -35) });
    await store.verleng(tx, verlengd.id, 2, { verlengdTot: addDays(verlengd.ontvangen, 7 * 9), reden: 'Wij wachten op het verslag van de logopedist. Dat hebben wij nodig om te weten welke hulp Yara nodig heeft.', op: addDays(vandaag, -3) });
    // Decided: admitted.
    const besloten = await nieuw({ voornaam: 'Levi', achternaam: 'Jansen', leeftijdDagen: Math.round(3.9 * jaar), dagenGeleden: 30 });
    await store.beoordeel(tx, besloten.id, 1, { nodig: false, uitzondering: null, toelichting: null, op: addDays(vandaag, -25) });
    await store.besluit(tx, besloten.id, 2, { besluit: 'toegelaten', op: addDays(vandaag, -20), toelichting: 'Welkom! De juf van groep 1 belt u om een wendag af te spreken.' });
    // The 10 weeks have passed without a decision: the daily job places this child provisionally.
    await nieuw({ voornaam: 'Noah', achternaam: 'Kramer', leeftijdDagen: Math.round(5 * jaar), dagenGeleden: 72 });
    // The demo parent's youngest child, applied online by the parent.
    const ouder = DEMO_LOGINS.find((d) => d.rol === 'ouder')!;
    const eigen = await nieuw({ voornaam: 'Julia', achternaam: 'Vermeulen', leeftijdDagen: Math.round(3.5 * jaar), dagenGeleden: 12, extraVerwacht: true },
      { bron: 'ouder', informatie: 'Julia is slechthorend en heeft een hoortoestel. In een rustige klas gaat het goed.' });
    const gebruiker = await first<{ id: string }>(tx, sql`select id from gebruiker where email = ${ouder.email}`);
    await insertOuder(tx, { swvId: DEMO_SWV, leerlingId: eigen.leerlingId, naam: ouder.naam, email: ouder.email, relatie: 'ouder', heeftGezag: true, gebruikerId: gebruiker?.id });
    // Another school of the region asks the demo school to admit a child (the demo IB's inbox).
    const elders = await nieuw({ voornaam: 'Amir', achternaam: 'Haddou', leeftijdDagen: Math.round(7.2 * jaar), dagenGeleden: 20, school: 'ander', extraVerwacht: true });
    await store.beoordeel(tx, elders.id, 1, { nodig: true, uitzondering: null, toelichting: null, op: addDays(vandaag, -14) });
    await store.insertVerzoek(tx, { swvId: DEMO_SWV, aanmeldingId: elders.id, vestigingCode: scholen.demo, op: addDays(vandaag, -6), vraag: 'Amir heeft extra hulp bij rekenen nodig en een vaste plek in de klas. Hij werkt goed met een dagplanning op papier.', door: null });
  });
  await db.owner.execute(sql`insert into app_meta (sleutel, waarde) values (${DEMO_AANMELDINGEN_MARK}, 'true') on conflict (sleutel) do nothing`);
  return { aanmeldingen: n };
}
