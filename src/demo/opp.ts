/**
 * The demo's ontwikkelingsperspectieven at the demo school (08LE00), relative to today, so journey 3 can be clicked
 * through on a fresh install: the demo parent's child has version 1 (discussed, refused by the parent with a reason)
 * and version 2 waiting for the parent's decision, with the pupil's view and the school's reaction; other pupils have
 * an OPP past its deadline, one due soon, one adopted last school year (evaluation due this year; its pupil has the
 * demo pupil login), one revised after this year's evaluation, one just started, and one closed. The demo SWV lets
 * pupils use the portal from 10 (the setting's default is 12), so the demo pupil can log in. Fictitious content;
 * idempotent by its own app_meta mark ('demo-opp').
 */
import { sql } from 'drizzle-orm';
import { first, rows, type Database, type Tx } from '../platform/db/client.js';
import type { Clock } from '../platform/clock.js';
import { addDays, ageOn } from '../platform/civil-date.js';
import { recordAudit } from '../platform/audit/audit.js';
import { createAccount } from '../platform/auth/service.js';
import * as store from '../modules/opp/store.js';
import type { VersieInhoud } from '../modules/opp/rules/inhoud.js';
import { DEMO_LOGINS, DEMO_SWV, DEMO_VESTIGING } from './logins.js';
import { isDemoDatabase } from './seed.js';

export const DEMO_OPP_MARK = 'demo-opp';
/** The demo SWV's pupil-portal age (a real SWV chooses; Passend's default is 12). */
export const DEMO_PORTAAL_VANAF = 10;

const LEZEN: VersieInhoud = {
  uitstroom: 'vmbo-kb',
  uitstroomToelichting: 'Leert het best door te doen en in kleine stappen. Met hulp bij lezen kan het kader worden.',
  factoren: [
    { domein: 'taal-lezen', soort: 'belemmerend', tekst: 'Leest ongeveer anderhalf jaar achter. Lange teksten lukken nog niet.' },
    { domein: 'taal-lezen', soort: 'bevorderend', tekst: 'Wil graag beter lezen en leest thuis elke dag met moeder.' },
    { domein: 'sociaal-emotioneel', soort: 'belemmerend', tekst: 'Schaamt zich voor het hardop lezen in de klas.' },
    { domein: 'sociaal-emotioneel', soort: 'bevorderend', tekst: 'Heeft twee goede vrienden in de groep en vraagt om hulp als iets niet lukt.' },
  ],
  handelingsdeel: [
    { domein: 'taal-lezen', doel: 'Leest aan het eind van het schooljaar op het niveau van eind groep 5 (AVI E5).', ondersteuning: 'Leesbegeleiding in een groepje van drie, met herhaald lezen.', wie: 'Remedial teacher', hoeVaak: '3 keer per week 20 minuten' },
    { domein: 'sociaal-emotioneel', doel: 'Durft in het groepje hardop te lezen.', ondersteuning: 'Eerst voorlezen aan de leerkracht alleen, daarna in het groepje.', wie: 'Leerkracht', hoeVaak: '1 keer per week' },
  ],
  afwijkingen: '',
};

const REKENEN: VersieInhoud = {
  uitstroom: 'vmbo-gt',
  uitstroomToelichting: 'Sterk in taal en wereldoriëntatie; rekenen gaat langzamer.',
  factoren: [
    { domein: 'rekenen', soort: 'belemmerend', tekst: 'De tafels en het rekenen onder de 100 zijn nog niet geautomatiseerd.' },
    { domein: 'rekenen', soort: 'bevorderend', tekst: 'Werkt goed met concreet materiaal en een stappenplan.' },
    { domein: 'leren', soort: 'bevorderend', tekst: 'Werkt netjes en houdt vol.' },
  ],
  handelingsdeel: [
    { domein: 'rekenen', doel: 'Kent de tafels van 1 tot en met 10.', ondersteuning: 'Dagelijks oefenen met een rekenprogramma en tafelkaarten.', wie: 'Leerkracht en onderwijsassistent', hoeVaak: 'Elke dag 10 minuten' },
    { domein: 'rekenen', doel: 'Rekent op een eigen leerlijn; toetst op het eigen niveau.', ondersteuning: 'Eigen leerlijn rekenen op niveau groep 6.', wie: 'Intern begeleider', hoeVaak: 'Elke rekenles' },
  ],
  afwijkingen: 'Volgt voor rekenen een eigen leerlijn op het niveau van groep 6; de doelen voor groep 8 zijn voor rekenen niet haalbaar.',
};

const GEDRAG: VersieInhoud = {
  uitstroom: 'havo',
  uitstroomToelichting: 'Goede schoolresultaten; de zorg zit in het gedrag in de klas.',
  factoren: [
    { domein: 'gedrag', soort: 'belemmerend', tekst: 'Raakt snel boos bij veranderingen en loopt dan weg.' },
    { domein: 'gedrag', soort: 'bevorderend', tekst: 'Een vaste dagplanning en een vaste volwassene geven rust.' },
  ],
  handelingsdeel: [
    { domein: 'gedrag', doel: 'Gebruikt de afkoelplek in plaats van weglopen.', ondersteuning: 'Afspraken met een kaartje op tafel en een vaste afkoelplek in de klas.', wie: 'Leerkracht', hoeVaak: 'Elke dag' },
  ],
  afwijkingen: '',
};

const JAAR = 365;

interface Plan {
  leerlingId: string;
  /** The pupil's name (for the demo's heard views). */
  naam: string;
  gestartDagen: number;
  /** Versions: content, created days ago, adopted days ago (or null). */
  versies: { inhoud: VersieInhoud; dagen: number; vastgesteld: number | null; wijziging?: string }[];
}

/**
 * What the law needs before an adoption, recorded for a demo version adopted `vastgesteld` days ago: the talk with the
 * parents, their consent and the pupil's view, a few days before (so the demo never shows an adoption the app's own
 * rules would refuse).
 */
async function legVoorwaardenVast(tx: Tx, vandaag: string, oppId: string, versieId: string, volgnummer: number, vastgesteld: number, door: string, leerling: string) {
  await store.insertOogo(tx, { swvId: DEMO_SWV, oppId, volgnummer, op: addDays(vandaag, -vastgesteld - 5), deelnemers: 'Ouders, leerkracht, intern begeleider', uitkomst: 'overeenstemming', verslag: '', door });
  await store.insertMening(tx, { swvId: DEMO_SWV, oppId, volgnummer, van: 'leerling', soort: 'mening', antwoorden: [{ vraag: 'Wat helpt jou?', antwoord: 'Een vaste plek en uitleg als ik vastloop.' }],
    reden: null, vorm: 'gesprek', gegevenOp: addDays(vandaag, -vastgesteld - 4), namens: leerling, door, doorRol: 'intern-begeleider' });
  await store.insertInstemming(tx, { swvId: DEMO_SWV, oppId, versieId, volgnummer, uitkomst: 'ingestemd', op: addDays(vandaag, -vastgesteld - 2), reden: null,
    bron: 'school', namens: 'Ouder (op papier)', beslisser: 'ouders', door, doorRol: 'intern-begeleider' });
}

async function maakOpp(tx: Tx, vandaag: string, p: Plan, door: string): Promise<{ id: string; versies: string[] }> {
  const gestart = addDays(vandaag, -p.gestartDagen);
  const id = await store.insertOpp(tx, {
    swvId: DEMO_SWV, leerlingId: p.leerlingId, vestigingCode: DEMO_VESTIGING, soort: 'bao', aanleiding: 'later', ingeschrevenOp: gestart,
    definitiefOp: null, uiterlijk: addDays(gestart, 42), gestartOp: gestart, door,
  });
  const versies: string[] = [];
  for (const [i, v] of p.versies.entries()) {
    const versieId = await store.insertVersie(tx, {
      swvId: DEMO_SWV, oppId: id, volgnummer: i + 1, inhoud: v.inhoud, wijziging: v.wijziging ?? '', evaluatieId: null, door,
      op: new Date(`${addDays(vandaag, -v.dagen)}T09:00:00Z`),
    });
    if (v.vastgesteld !== null) {
      await legVoorwaardenVast(tx, vandaag, id, versieId, i + 1, v.vastgesteld, door, p.naam);
      await store.stelVast(tx, versieId, { op: addDays(vandaag, -v.vastgesteld), door, cvbAdviesOp: null });
    }
    versies.push(versieId);
  }
  await recordAudit(tx, { swvId: DEMO_SWV, actorGebruikerId: null, actorRol: 'systeem', actie: 'aanmaken', objectType: 'opp', objectId: id, leerlingId: p.leerlingId, grondslag: 'demo-gegevens', resultaat: 'ok' });
  return { id, versies };
}

/** Seeds the demo OPPs once. Returns how many, or null when already there (or not a demo install). */
export async function seedDemoOpp(db: Database, clock: Clock): Promise<{ opps: number } | null> {
  if (!(await isDemoDatabase(db))) return null;
  if (await first(db.owner, sql`select 1 from app_meta where sleutel = ${DEMO_OPP_MARK}`)) return null;
  const vandaag = clock.today();
  const ouder = DEMO_LOGINS.find((d) => d.rol === 'ouder')!;
  const ib = DEMO_LOGINS.find((d) => d.rol === 'intern-begeleider')!;
  const leerlingLogin = DEMO_LOGINS.find((d) => d.rol === 'leerling')!;
  let n = 0;
  let demoLeerling: { id: string; voornaam: string } | null = null;
  await db.withTenant({ swvId: DEMO_SWV, userId: null }, async (tx) => {
    const ibId = (await first<{ id: string }>(tx, sql`select id from gebruiker where email = ${ib.email}`))!.id;
    const ouderGebruiker = (await first<{ id: string; naam: string }>(tx, sql`select id, naam from gebruiker where email = ${ouder.email}`))!;
    // The demo parent's child with gezag who is enrolled at the demo school (seed.ts: the first pupil).
    const kind = await first<{ id: string; naam: string }>(tx, sql`select o.leerling_id as id,
        (select l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam from leerling l where l.id = o.leerling_id) as naam from ouder o join inschrijving i on i.swv_id = o.swv_id and i.leerling_id = o.leerling_id
      where o.gebruiker_id = ${ouderGebruiker.id} and o.heeft_gezag and i.vestiging_code = ${DEMO_VESTIGING} and i.einddatum is null limit 1`);
    // Other pupils of the demo school without parents in Passend, oldest first (the oldest gets the pupil login).
    const anderen = await rows<{ id: string; voornaam: string; naam: string; geboortedatum: string }>(tx, sql`select l.id, l.voornaam,
        l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam as naam, l.geboortedatum::text as geboortedatum
      from leerling l join inschrijving i on i.swv_id = l.swv_id and i.leerling_id = l.id
      where i.vestiging_code = ${DEMO_VESTIGING} and i.einddatum is null and not exists (select 1 from ouder o where o.leerling_id = l.id)
      order by l.geboortedatum, l.id limit 6`);
    if (!kind || anderen.length < 6) return;

    // 1. The demo parent's child: version 1 discussed and refused, version 2 waits for the parent's decision.
    const eigen = await maakOpp(tx, vandaag, { leerlingId: kind.id, naam: kind.naam, gestartDagen: 30, versies: [
      { inhoud: LEZEN, dagen: 26, vastgesteld: null },
      { inhoud: { ...LEZEN, handelingsdeel: [{ ...LEZEN.handelingsdeel[0]!, hoeVaak: '2 keer per week 20 minuten' }, LEZEN.handelingsdeel[1]!] }, dagen: 10, vastgesteld: null, wijziging: 'Na het gesprek: twee keer per week uit de klas in plaats van drie.' },
    ] }, ibId);
    await store.insertOogo(tx, { swvId: DEMO_SWV, oppId: eigen.id, volgnummer: 1, op: addDays(vandaag, -20), deelnemers: 'Moeder, leerkracht, intern begeleider', uitkomst: 'deels', verslag: 'Moeder herkent het beeld. Zij vindt drie keer per week uit de klas te veel.', door: ibId });
    await store.insertInstemming(tx, { swvId: DEMO_SWV, oppId: eigen.id, versieId: eigen.versies[0]!, volgnummer: 1, uitkomst: 'geweigerd', op: addDays(vandaag, -18), reden: 'Drie keer per week uit de klas vinden wij te veel. Dan mist zij te veel van de les.', bron: 'online', namens: ouderGebruiker.naam, beslisser: 'ouders', door: ouderGebruiker.id, doorRol: 'ouder' });
    const mening = await store.insertMening(tx, { swvId: DEMO_SWV, oppId: eigen.id, volgnummer: 2, van: 'leerling', soort: 'mening', antwoorden: [
      { vraag: 'Wat gaat goed op school?', antwoord: 'Spelen met mijn vrienden en tekenen.' },
      { vraag: 'Wat helpt jou?', antwoord: 'Als ik eerst alleen aan de juf mag voorlezen.' },
    ], reden: null, vorm: 'gesprek', gegevenOp: addDays(vandaag, -9), namens: kind.naam, door: ibId, doorRol: 'intern-begeleider' });
    await store.reageerOpMening(tx, mening, eigen.id, 1, { reactie: 'Je leest eerst alleen aan de juf voor. Als dat goed gaat, lees je in je groepje.', op: addDays(vandaag, -8), door: ibId });

    // 2. Past its deadline: started 50 days ago, only a first draft.
    await maakOpp(tx, vandaag, { leerlingId: anderen[1]!.id, naam: anderen[1]!.naam, gestartDagen: 50, versies: [{ inhoud: { ...GEDRAG, handelingsdeel: [] }, dagen: 45, vastgesteld: null }] }, ibId);
    // 3. Due within two weeks: started 33 days ago; version 1 discussed and consented, the pupil's view still missing.
    const bijna = await maakOpp(tx, vandaag, { leerlingId: anderen[2]!.id, naam: anderen[2]!.naam, gestartDagen: 33, versies: [{ inhoud: GEDRAG, dagen: 28, vastgesteld: null }] }, ibId);
    await store.insertOogo(tx, { swvId: DEMO_SWV, oppId: bijna.id, volgnummer: 1, op: addDays(vandaag, -14), deelnemers: 'Vader, leerkracht, intern begeleider', uitkomst: 'overeenstemming', verslag: '', door: ibId });
    await store.insertInstemming(tx, { swvId: DEMO_SWV, oppId: bijna.id, versieId: bijna.versies[0]!, volgnummer: 1, uitkomst: 'ingestemd', op: addDays(vandaag, -14), reden: null, bron: 'school', namens: 'Vader (op papier)', beslisser: 'ouders', door: ibId, doorRol: 'intern-begeleider' });
    // 4. Adopted last school year, evaluated then; this year's evaluation is still to come. Its pupil has the demo pupil login.
    const vorig = await maakOpp(tx, vandaag, { leerlingId: anderen[0]!.id, naam: anderen[0]!.naam, gestartDagen: Math.round(1.3 * JAAR), versies: [{ inhoud: REKENEN, dagen: Math.round(1.25 * JAAR), vastgesteld: Math.round(1.2 * JAAR) }] }, ibId);
    await store.insertEvaluatie(tx, { swvId: DEMO_SWV, oppId: vorig.id, versieId: vorig.versies[0]!, volgnummer: 1, op: addDays(vandaag, -Math.round(0.7 * JAAR)), deelnemers: 'Moeder, leerkracht, intern begeleider', metOuders: true, resultaten: [
      { doel: REKENEN.handelingsdeel[0]!.doel, uitkomst: 'deels', toelichting: 'De tafels tot en met 5 gaan goed.' },
      { doel: REKENEN.handelingsdeel[1]!.doel, uitkomst: 'behaald', toelichting: '' },
    ], conclusie: 'doorgaan', toelichting: 'We gaan door met de tafels.', door: ibId });
    const zelf = await store.insertMening(tx, { swvId: DEMO_SWV, oppId: vorig.id, volgnummer: 2, van: 'leerling', soort: 'mening', antwoorden: [
      { vraag: 'Wat vind je van de hulp die je nu krijgt?', antwoord: 'De tafelkaarten helpen. Het rekenprogramma is soms saai.' },
    ], reden: null, vorm: 'gesprek', gegevenOp: addDays(vandaag, -60), namens: anderen[0]!.naam, door: ibId, doorRol: 'intern-begeleider' });
    await store.reageerOpMening(tx, zelf, vorig.id, 1, { reactie: 'Je mag nu ook met rekenspelletjes oefenen in plaats van het programma.', op: addDays(vandaag, -55), door: ibId });
    demoLeerling = anderen[0]!;
    // 5. Adopted last school year, evaluated this year with "bijstellen": version 2 starts from that evaluation.
    const herzien = await maakOpp(tx, vandaag, { leerlingId: anderen[3]!.id, naam: anderen[3]!.naam, gestartDagen: Math.round(1.1 * JAAR), versies: [{ inhoud: GEDRAG, dagen: Math.round(1.05 * JAAR), vastgesteld: JAAR }] }, ibId);
    const evaluatie = await store.insertEvaluatie(tx, { swvId: DEMO_SWV, oppId: herzien.id, versieId: herzien.versies[0]!, volgnummer: 1, op: addDays(vandaag, -12), deelnemers: 'Ouders, leerkracht, intern begeleider', metOuders: true, resultaten: [
      { doel: GEDRAG.handelingsdeel[0]!.doel, uitkomst: 'behaald', toelichting: 'Gebruikt de afkoelplek zelf.' },
    ], conclusie: 'bijstellen', toelichting: 'Nieuw doel: samenwerken in een groepje.', door: ibId });
    await store.insertVersie(tx, { swvId: DEMO_SWV, oppId: herzien.id, volgnummer: 2, inhoud: { ...GEDRAG, handelingsdeel: [
      ...GEDRAG.handelingsdeel, { domein: 'sociaal-emotioneel', doel: 'Werkt een half uur samen in een groepje.', ondersteuning: 'Vaste rol in het groepje; de leerkracht bespreekt het vooraf.', wie: 'Leerkracht', hoeVaak: '2 keer per week' },
    ] }, wijziging: 'Na de evaluatie: een doel voor samenwerken erbij.', evaluatieId: evaluatie, door: ibId, op: new Date(`${addDays(vandaag, -10)}T09:00:00Z`) });
    // 6. Just started: nothing written yet.
    await maakOpp(tx, vandaag, { leerlingId: anderen[4]!.id, naam: anderen[4]!.naam, gestartDagen: 3, versies: [] }, ibId);
    // 7. Closed: extra support is no longer needed.
    const klaar = await maakOpp(tx, vandaag, { leerlingId: anderen[5]!.id, naam: anderen[5]!.naam, gestartDagen: Math.round(1.5 * JAAR), versies: [{ inhoud: LEZEN, dagen: Math.round(1.45 * JAAR), vastgesteld: Math.round(1.4 * JAAR) }] }, ibId);
    await store.sluitOpp(tx, klaar.id, 1, { op: addDays(vandaag, -20), reden: 'Extra ondersteuning is niet meer nodig: leest op niveau.' });
    n = 7;
    const vanaf = Math.max(8, Math.min(DEMO_PORTAAL_VANAF, ageOn(anderen[0]!.geboortedatum, vandaag)));
    await store.zetPortaalLeeftijd(tx, DEMO_SWV, 0, vanaf);
  });
  if (demoLeerling) {
    const l = demoLeerling as { id: string; voornaam: string };
    await createAccount({ db }, { email: leerlingLogin.email, naam: `${l.voornaam} (demo)`, rol: 'leerling', swvId: DEMO_SWV, leerlingId: l.id });
  }
  await db.owner.execute(sql`insert into app_meta (sleutel, waarde) values (${DEMO_OPP_MARK}, 'true') on conflict (sleutel) do nothing`);
  return { opps: n };
}
