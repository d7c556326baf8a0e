/**
 * Access over HTTP, driven by the router: every route that carries pupil data has a recipe here (a new one
 * without a recipe fails). For each: a successful call writes complete audit events without field values; a user
 * of SWV A asking for SWV B's pupil gets 404 and a 'geweigerd' event; roles without a relation get nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, buildLeerling, linkOuder, login, type Client, type TestContext, type TestTenant, type TestUser } from '../support/app.js';
import { routePolicies } from '../../src/platform/http/policy.js';
import { rows } from '../../src/platform/db/client.js';

interface Call {
  method: 'GET' | 'POST';
  path: (id: string) => string;
  form?: (t: TestTenant) => Record<string, string>;
  json?: (t: TestTenant) => unknown;
  /** Audit events a successful call writes. */
  events: number;
  /** The events name the single pupil (file routes) or list the pupils (list routes). */
  names: 'leerling' | 'lijst';
  okStatus: number;
  /**
   * Who calls it (default: the SWV employee of tenant A); 'ouder' = a parent with gezag of the pupil; 'school' = an IB of
   * A's school; 'schoolleider' = its school leader; 'leerling' = the pupil's own account.
   */
  als?: 'ouder' | 'school' | 'schoolleider' | 'leerling';
  /** The route's :id is not the pupil's: make the object (e.g. an aanmelding of the pupil) and return its id. */
  maak?: (db: TestContext['db'], t: TestTenant, leerlingId: string) => Promise<string>;
}

/** An aanmelding of the pupil at the tenant's school, received 2025-03-03; with its one extension or a decision. */
function aanmelding(soort: 'open' | 'verlengd' | 'besloten' | 'vo' = 'open', school: 'eigen' | 'andere' = 'eigen') {
  const verlengd = soort === 'verlengd';
  const besloten = soort === 'besloten';
  return (db: TestContext['db'], t: TestTenant, leerlingId: string) =>
    db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => (await rows<{ id: string }>(tx, sql`insert into aanmelding
        (swv_id, leerling_id, vestiging_code, sector, ontvangen_op, verlengd_tot, verlenging_reden, verlengd_op, besluit, besluit_op, status)
      values (${t.swvId}, ${leerlingId}, ${school === 'eigen' ? t.vestigingCode : t.andereVestigingCode}, ${soort === 'vo' ? 'vo' : 'po'}, '2025-03-03', ${verlengd ? '2025-05-01' : null},
        ${verlengd ? 'Onderzoek loopt' : null}, ${verlengd ? '2025-04-10' : null}, ${besloten ? 'toegelaten' : null},
        ${besloten ? '2025-04-01' : null}, ${besloten ? 'besluit-genomen' : 'ontvangen'}) returning id`))[0]!.id);
}

/** A placement request to the tenant's first school, from an application at its other school; returns the request's id. */
function plaatsingsverzoek() {
  return async (db: TestContext['db'], t: TestTenant, leerlingId: string) => {
    const aanmeldingId = await aanmelding('open', 'andere')(db, t, leerlingId);
    return db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => (await rows<{ id: string }>(tx, sql`insert into plaatsingsverzoek
        (swv_id, aanmelding_id, vestiging_code, gevraagd_op, vraag) values (${t.swvId}, ${aanmeldingId}, ${t.vestigingCode}, '2025-03-20',
        'Geheime vraag over de ondersteuning') returning id`))[0]!.id);
  };
}

/** An advice request on an application; returns "<aanmelding>/advies/<advies>" for the answer's path. */
function adviesvraag() {
  return async (db: TestContext['db'], t: TestTenant, leerlingId: string) => {
    const aanmeldingId = await aanmelding()(db, t, leerlingId);
    const adviesId = await db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => (await rows<{ id: string }>(tx, sql`insert into aanmelding_advies
        (swv_id, aanmelding_id, vraag, gevraagd_op) values (${t.swvId}, ${aanmeldingId}, 'Geheime adviesvraag', '2025-03-20') returning id`))[0]!.id);
    return `${aanmeldingId}/advies/${adviesId}`;
  };
}

/** A schorsing of the pupil at the tenant's school: two days in March 2025, so the inspectie task is open. */
function schorsing() {
  return (db: TestContext['db'], t: TestTenant, leerlingId: string) =>
    db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => (await rows<{ id: string }>(tx, sql`insert into schorsing
        (swv_id, leerling_id, vestiging_code, van, tot, reden, besluit_op, ouder_geinformeerd_op, inspectie_melding_nodig)
      values (${t.swvId}, ${leerlingId}, ${t.vestigingCode}, '2025-03-10', '2025-03-11', 'Geheime reden van de schorsing', '2025-03-07',
        '2025-03-07', true) returning id`))[0]!.id);
}

/**
 * A verwijdering of the pupil at the tenant's school, proposed 2025-03-10: po, vo or wec; 'klaar' (po, heard and another
 * school willing: it may become definitive) or 'definitief' (decided 2025-03-17).
 */
function verwijdering(soort: 'po' | 'vo' | 'wec' | 'klaar' | 'definitief' = 'po') {
  const klaar = soort === 'klaar' || soort === 'definitief';
  const definitief = soort === 'definitief';
  return (db: TestContext['db'], t: TestTenant, leerlingId: string) =>
    db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => (await rows<{ id: string }>(tx, sql`insert into verwijdering
        (swv_id, leerling_id, vestiging_code, sector, voornemen_op, reden, leerplichtig, gehoord_op, hoor_verslag, andere_school_code,
         andere_school_bereid_op, status, besluit_op)
      values (${t.swvId}, ${leerlingId}, ${t.vestigingCode}, ${soort === 'vo' || soort === 'wec' ? soort : 'po'}, '2025-03-10',
        'Geheime reden van de verwijdering', true, ${klaar ? '2025-03-12' : null}, ${klaar ? 'Geheim verslag van het horen' : null},
        ${klaar ? t.andereVestigingCode : null}, ${klaar ? '2025-03-14' : null}, ${definitief ? 'definitief' : 'voorgenomen'},
        ${definitief ? '2025-03-17' : null}) returning id`))[0]!.id);
}

/**
 * An OPP of the pupil at the tenant's school (started 2025-03-03), in a state: 'leeg' (no version), 'voorstel' (version 1
 * with a goal, the proposal), 'klaar' (version 1 with OOGO, consent and the pupil's view: it may be adopted),
 * 'vastgesteld' (version 1 adopted on 2025-03-11), 'mening' (a parent's view; returns "<opp>/meningen/<view>").
 * The tenant's pupil portal opens at 8, so the test pupils (born 2016) may use it.
 */
function opp(stand: 'leeg' | 'voorstel' | 'klaar' | 'vastgesteld' | 'mening' = 'voorstel') {
  return (db: TestContext['db'], t: TestTenant, leerlingId: string) =>
    db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
      const one = async (q: ReturnType<typeof sql>) => (await rows<{ id: string }>(tx, q))[0]!.id;
      await tx.execute(sql`insert into opp_instelling (swv_id, leerling_portaal_vanaf) values (${t.swvId}, 8) on conflict do nothing`);
      const id = await one(sql`insert into opp (swv_id, leerling_id, vestiging_code, soort, aanleiding, ingeschreven_op, uiterlijk, gestart_op)
        values (${t.swvId}, ${leerlingId}, ${t.vestigingCode}, 'bao', 'later', '2020-08-20', '2025-04-14', '2025-03-03') returning id`);
      await tx.execute(sql`insert into ouder (swv_id, leerling_id, naam, relatie, heeft_gezag) values (${t.swvId}, ${leerlingId}, 'Geheime Ouder', 'ouder', true)`);
      if (stand === 'leeg') return id;
      const versie = await one(sql`insert into opp_versie (swv_id, opp_id, volgnummer, uitstroom, factoren, handelingsdeel, gemaakt_op)
        values (${t.swvId}, ${id}, 1, 'havo', ${JSON.stringify([{ domein: 'gedrag', soort: 'belemmerend', tekst: 'Geheim belemmerend' }, { domein: 'gedrag', soort: 'bevorderend', tekst: 'Geheim bevorderend' }])}::jsonb,
          ${JSON.stringify([{ domein: 'gedrag', doel: 'Geheim doel', ondersteuning: 'Geheime hulp', wie: 'IB', hoeVaak: 'dagelijks' }])}::jsonb, '2025-03-05T10:00:00Z') returning id`);
      if (stand === 'mening') {
        const m = await one(sql`insert into opp_mening (swv_id, opp_id, volgnummer, van, soort, antwoorden, vorm, gegeven_op, namens, door_rol)
          values (${t.swvId}, ${id}, 1, 'ouder', 'mening', '[{"vraag":"Wat wilt u anders?","antwoord":"Geheime mening"}]'::jsonb, 'online', '2025-03-08', 'Ouder', 'ouder') returning id`);
        return `${id}/meningen/${m}`;
      }
      if (stand === 'voorstel') return id;
      await tx.execute(sql`insert into opp_oogo (swv_id, opp_id, volgnummer, op, deelnemers, uitkomst) values (${t.swvId}, ${id}, 1, '2025-03-06', 'Ouders, IB', 'overeenstemming')`);
      await tx.execute(sql`insert into opp_instemming (swv_id, opp_id, versie_id, volgnummer, uitkomst, op, bron, namens, door_rol)
        values (${t.swvId}, ${id}, ${versie}, 1, 'ingestemd', '2025-03-10', 'school', 'Ouder', 'intern-begeleider')`);
      await tx.execute(sql`insert into opp_mening (swv_id, opp_id, volgnummer, van, soort, antwoorden, vorm, gegeven_op, namens, door_rol)
        values (${t.swvId}, ${id}, 1, 'leerling', 'mening', '[{"vraag":"Wat helpt jou?","antwoord":"Geheime mening"}]'::jsonb, 'gesprek', '2025-03-07', 'Leerling', 'intern-begeleider')`);
      if (stand === 'vastgesteld') await tx.execute(sql`update opp_versie set vastgesteld_op = '2025-03-11', vastgesteld_door = (select id from gebruiker limit 1) where id = ${versie}`);
      return id;
    });
}

/** The version form with one goal, based on version `basis`. */
const VERSIE_FORM = (basis: string) => ({
  basis, uitstroom: 'havo', 'factor.gedrag.belemmerend': 'Geheim: botst vaak.', 'factor.gedrag.bevorderend': 'Geheim: werkt goed met vaste juf.',
  'doel.0.doel': 'Geheim doel: rustig werken.', 'doel.0.ondersteuning': 'Geheime hulp: time-out plek.',
});

const RECIPES: Record<string, Call> = {
  'GET /leerlingen': { method: 'GET', path: () => '/leerlingen', events: 1, names: 'lijst', okStatus: 200 },
  'GET /leerlingen.csv': { method: 'GET', path: () => '/leerlingen.csv', events: 1, names: 'lijst', okStatus: 200 },
  'GET /api/leerlingen': { method: 'GET', path: () => '/api/leerlingen', events: 1, names: 'lijst', okStatus: 200 },
  'POST /leerlingen': {
    method: 'POST', path: () => '/leerlingen', events: 1, names: 'leerling', okStatus: 303,
    form: (t) => ({ voornaam: 'Nieuw', achternaam: 'Geheimnaam', geboortedatum: '2017-02-03', vestigingCode: t.vestigingCode, startdatum: '2022-08-22' }),
  },
  'POST /api/leerlingen': {
    method: 'POST', path: () => '/api/leerlingen', events: 1, names: 'leerling', okStatus: 201,
    json: (t) => ({ voornaam: 'Api', achternaam: 'Geheimnaam', geboortedatum: '2017-02-03', vestigingCode: t.vestigingCode, startdatum: '2022-08-22' }),
  },
  'GET /leerlingen/:id': { method: 'GET', path: (id) => `/leerlingen/${id}`, events: 1, names: 'leerling', okStatus: 200 },
  'GET /api/leerlingen/:id': { method: 'GET', path: (id) => `/api/leerlingen/${id}`, events: 1, names: 'leerling', okStatus: 200 },
  'GET /leerlingen/:id/wijzigen': { method: 'GET', path: (id) => `/leerlingen/${id}/wijzigen`, events: 1, names: 'leerling', okStatus: 200 },
  'POST /leerlingen/:id/wijzigen': {
    method: 'POST', path: (id) => `/leerlingen/${id}/wijzigen`, events: 1, names: 'leerling', okStatus: 303,
    form: () => ({ versie: '1', voornaam: 'Gewijzigd', achternaam: 'Geheimnaam', geboortedatum: '2016-05-04' }),
  },
  'POST /leerlingen/:id/ouders': {
    method: 'POST', path: (id) => `/leerlingen/${id}/ouders`, events: 1, names: 'leerling', okStatus: 303,
    form: () => ({ naam: 'Geheime Ouder', email: 'geheim@test.passend.test', relatie: 'ouder', heeftGezag: 'ja', uitnodigen: 'nee' }),
  },
  'GET /mijn-kinderen': { method: 'GET', path: () => '/mijn-kinderen', events: 1, names: 'lijst', okStatus: 200, als: 'ouder' },
  'GET /mijn-kinderen/:id/gegevens.json': { method: 'GET', path: (id) => `/mijn-kinderen/${id}/gegevens.json`, events: 1, names: 'leerling', okStatus: 200, als: 'ouder' },
  'GET /leerlingen/:id/inzage': { method: 'GET', path: (id) => `/leerlingen/${id}/inzage`, events: 1, names: 'leerling', okStatus: 200 },
  'GET /aanmeldingen': { method: 'GET', path: () => '/aanmeldingen', events: 1, names: 'lijst', okStatus: 200 },
  'GET /aanmeldingen.csv': { method: 'GET', path: () => '/aanmeldingen.csv', events: 1, names: 'lijst', okStatus: 200 },
  'POST /aanmeldingen': {
    method: 'POST', path: () => '/aanmeldingen', events: 1, names: 'leerling', okStatus: 303,
    form: (t) => ({ voornaam: 'Nieuw', achternaam: 'Geheimnaam', geboortedatum: '2020-02-03', vestigingCode: t.vestigingCode, sector: 'po',
      ontvangenOp: '2025-03-03', isEersteVoorkeur: 'ja', extraOndersteuningVerwacht: 'nee', andereScholen: 'Geheime school' }),
  },
  'GET /aanmeldingen/:id': { method: 'GET', path: (id) => `/aanmeldingen/${id}`, events: 1, names: 'leerling', okStatus: 200, maak: aanmelding() },
  'GET /aanmeldingen/:id/brief/verlenging': {
    method: 'GET', path: (id) => `/aanmeldingen/${id}/brief/verlenging`, events: 1, names: 'leerling', okStatus: 200, maak: aanmelding('verlengd'),
  },
  'GET /aanmeldingen/:id/brief/besluit': {
    method: 'GET', path: (id) => `/aanmeldingen/${id}/brief/besluit`, events: 1, names: 'leerling', okStatus: 200, maak: aanmelding('besloten'),
  },
  'POST /aanmeldingen/:id/beoordeling': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/beoordeling`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding(),
    form: () => ({ versie: '1', nodig: 'ja', uitzondering: 'geen-plaatsruimte', uitzonderingToelichting: 'Alle groepen zitten vol, voor iedereen.' }),
  },
  'POST /aanmeldingen/:id/besluit': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/besluit`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding(),
    form: () => ({ versie: '1', besluit: 'toegelaten', besluitOp: '2025-04-01', besluitToelichting: 'Welkom op school.' }),
  },
  'POST /aanmeldingen/:id/verlengen': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/verlengen`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding(),
    form: () => ({ versie: '1', nieuweTermijn: '2025-05-01', reden: 'Het onderzoek van de orthopedagoog loopt nog.' }),
  },
  'GET /aanmeldingen/:id/brief/verlenging.pdf': {
    method: 'GET', path: (id) => `/aanmeldingen/${id}/brief/verlenging.pdf`, events: 1, names: 'leerling', okStatus: 200, maak: aanmelding('verlengd'),
  },
  'GET /aanmeldingen/:id/brief/besluit.pdf': {
    method: 'GET', path: (id) => `/aanmeldingen/${id}/brief/besluit.pdf`, events: 1, names: 'leerling', okStatus: 200, maak: aanmelding('besloten'),
  },
  'POST /aanmeldingen/:id/plaatsingsverzoeken': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/plaatsingsverzoeken`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding(),
    form: (t) => ({ vestigingCode: t.andereVestigingCode, vraag: 'Geheime vraag: het kind heeft een rustige klas nodig.' }),
  },
  'POST /aanmeldingen/:id/advies': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/advies`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding(),
    form: () => ({ vraagAdvies: 'Geheime vraag aan het samenwerkingsverband.' }),
  },
  'POST /aanmeldingen/:id/advies/:adviesId': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}`, events: 2, names: 'leerling', okStatus: 303, maak: adviesvraag(),
    form: () => ({ advies: 'Geheim advies van het samenwerkingsverband.' }),
  },
  'POST /aanmeldingen/:id/opschorten': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/opschorten`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding('vo'),
    form: () => ({ versie: '1', van: '2025-03-10', tot: '2025-03-14', opschortingReden: 'Geheim: het schooladvies ontbreekt.' }),
  },
  'GET /aanmeldingen/:id/intrekken': { method: 'GET', path: (id) => `/aanmeldingen/${id}/intrekken`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: aanmelding() },
  'POST /aanmeldingen/:id/intrekken': {
    method: 'POST', path: (id) => `/aanmeldingen/${id}/intrekken`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: aanmelding(),
    form: () => ({ versie: '1', op: '2025-03-20', reden: 'Geheim: gaat naar een andere school.' }),
  },
  'GET /plaatsingsverzoeken': { method: 'GET', path: () => '/plaatsingsverzoeken', events: 1, names: 'lijst', okStatus: 200, als: 'school' },
  'GET /plaatsingsverzoeken/:id': { method: 'GET', path: (id) => `/plaatsingsverzoeken/${id}`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: plaatsingsverzoek() },
  'POST /plaatsingsverzoeken/:id/antwoord': {
    method: 'POST', path: (id) => `/plaatsingsverzoeken/${id}/antwoord`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: plaatsingsverzoek(),
    form: () => ({ versie: '1', antwoord: 'bereid', toelichting: 'Geheim: welkom.' }),
  },
  'GET /schorsingen': { method: 'GET', path: () => '/schorsingen', events: 1, names: 'lijst', okStatus: 200 },
  'GET /schorsingen.csv': { method: 'GET', path: () => '/schorsingen.csv', events: 1, names: 'lijst', okStatus: 200 },
  'GET /leerlingen/:id/schorsing/nieuw': { method: 'GET', path: (id) => `/leerlingen/${id}/schorsing/nieuw`, events: 1, names: 'leerling', okStatus: 200, als: 'school' },
  'POST /leerlingen/:id/schorsingen': {
    method: 'POST', path: (id) => `/leerlingen/${id}/schorsingen`, events: 1, names: 'leerling', okStatus: 303, als: 'school',
    form: () => ({ van: '2025-03-10', tot: '2025-03-11', reden: 'Geheime reden van de schorsing', besluitOp: '2025-03-07', schriftelijkAanOuders: 'ja' }),
  },
  'GET /schorsingen/:id': { method: 'GET', path: (id) => `/schorsingen/${id}`, events: 1, names: 'leerling', okStatus: 200, maak: schorsing() },
  'POST /schorsingen/:id/inspectie': {
    method: 'POST', path: (id) => `/schorsingen/${id}/inspectie`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: schorsing(),
    form: () => ({ versie: '1', inspectieGemeldOp: '2025-03-10' }),
  },
  'GET /schorsingen/:id/intrekken': { method: 'GET', path: (id) => `/schorsingen/${id}/intrekken`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: schorsing() },
  'POST /schorsingen/:id/intrekken': {
    method: 'POST', path: (id) => `/schorsingen/${id}/intrekken`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: schorsing(), form: () => ({ versie: '1' }),
  },
  'GET /schorsingen/:id/brief': { method: 'GET', path: (id) => `/schorsingen/${id}/brief`, events: 1, names: 'leerling', okStatus: 200, maak: schorsing() },
  'GET /schorsingen/:id/brief.pdf': { method: 'GET', path: (id) => `/schorsingen/${id}/brief.pdf`, events: 1, names: 'leerling', okStatus: 200, maak: schorsing() },
  'GET /leerlingen/:id/verwijdering/nieuw': { method: 'GET', path: (id) => `/leerlingen/${id}/verwijdering/nieuw`, events: 1, names: 'leerling', okStatus: 200, als: 'school' },
  'POST /leerlingen/:id/verwijderingen': {
    method: 'POST', path: (id) => `/leerlingen/${id}/verwijderingen`, events: 1, names: 'leerling', okStatus: 303, als: 'school',
    form: () => ({ sector: 'po', leerplichtig: 'ja', voornemenOp: '2025-03-10', reden: 'Geheime reden van de verwijdering' }),
  },
  'GET /verwijderingen/:id': { method: 'GET', path: (id) => `/verwijderingen/${id}`, events: 1, names: 'leerling', okStatus: 200, maak: verwijdering() },
  'POST /verwijderingen/:id/horen': {
    method: 'POST', path: (id) => `/verwijderingen/${id}/horen`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: verwijdering(),
    form: () => ({ versie: '1', gehoordOp: '2025-03-12', hoorVerslag: 'Geheim verslag van het horen' }),
  },
  'POST /verwijderingen/:id/andere-school': {
    method: 'POST', path: (id) => `/verwijderingen/${id}/andere-school`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: verwijdering(),
    form: (t) => ({ versie: '1', andereSchoolCode: t.andereVestigingCode, andereSchoolBereidOp: '2025-03-14' }),
  },
  'POST /verwijderingen/:id/inspectie': {
    method: 'POST', path: (id) => `/verwijderingen/${id}/inspectie`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: verwijdering('vo'),
    form: () => ({ versie: '1', inspectieGeraadpleegdOp: '2025-03-13' }),
  },
  'POST /verwijderingen/:id/zoektocht': {
    method: 'POST', path: (id) => `/verwijderingen/${id}/zoektocht`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: verwijdering('wec'),
    form: () => ({ versie: '1', cluster12ZoektochtSinds: '2025-01-13' }),
  },
  'POST /verwijderingen/:id/definitief': {
    method: 'POST', path: (id) => `/verwijderingen/${id}/definitief`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: verwijdering('klaar'),
    form: () => ({ versie: '1', besluitOp: '2025-03-17' }),
  },
  'GET /verwijderingen/:id/intrekken': { method: 'GET', path: (id) => `/verwijderingen/${id}/intrekken`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: verwijdering() },
  'POST /verwijderingen/:id/intrekken': {
    method: 'POST', path: (id) => `/verwijderingen/${id}/intrekken`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: verwijdering(), form: () => ({ versie: '1' }),
  },
  'GET /verwijderingen/:id/brief': { method: 'GET', path: (id) => `/verwijderingen/${id}/brief`, events: 1, names: 'leerling', okStatus: 200, maak: verwijdering('definitief') },
  'GET /verwijderingen/:id/brief.pdf': { method: 'GET', path: (id) => `/verwijderingen/${id}/brief.pdf`, events: 1, names: 'leerling', okStatus: 200, maak: verwijdering('definitief') },
  'GET /opp': { method: 'GET', path: () => '/opp', events: 1, names: 'lijst', okStatus: 200, als: 'school' },
  'GET /opp.csv': { method: 'GET', path: () => '/opp.csv', events: 1, names: 'lijst', okStatus: 200, als: 'school' },
  'GET /opp-rod.csv': { method: 'GET', path: () => '/opp-rod.csv', events: 1, names: 'lijst', okStatus: 200, als: 'school' },
  'GET /leerlingen/:id/opp/nieuw': { method: 'GET', path: (id) => `/leerlingen/${id}/opp/nieuw`, events: 1, names: 'leerling', okStatus: 200, als: 'school' },
  'POST /leerlingen/:id/opp': {
    method: 'POST', path: (id) => `/leerlingen/${id}/opp`, events: 1, names: 'leerling', okStatus: 303, als: 'school',
    form: () => ({ soort: 'bao', extraOndersteuning: 'ja', aanleiding: 'later' }),
  },
  'GET /opp/:id': { method: 'GET', path: (id) => `/opp/${id}`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp() },
  'GET /opp/:id/versies/:nr': { method: 'GET', path: (id) => `/opp/${id}/versies/1`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp() },
  'GET /opp/:id/bewerken': { method: 'GET', path: (id) => `/opp/${id}/bewerken`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp() },
  'POST /opp/:id/versies': {
    method: 'POST', path: (id) => `/opp/${id}/versies`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp('leeg'), form: () => VERSIE_FORM('0'),
  },
  'POST /opp/:id/oogo': {
    method: 'POST', path: (id) => `/opp/${id}/oogo`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(),
    form: () => ({ op: '2025-03-06', deelnemers: 'Geheim: moeder en IB', uitkomst: 'deels', verslag: 'Geheim verslag' }),
  },
  'POST /opp/:id/instemming': {
    method: 'POST', path: (id) => `/opp/${id}/instemming`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(),
    form: () => ({ volgnummer: '1', uitkomst: 'geweigerd', op: '2025-03-10', namens: 'Geheime Ouder', reden: 'Geheime reden' }),
  },
  'POST /opp/:id/instemming-door': {
    method: 'POST', path: (id) => `/opp/${id}/instemming-door`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(),
    form: () => ({ versie: '1', door: 'ouders' }),
  },
  'POST /opp/:id/leerling-uitnodigen': {
    method: 'POST', path: (id) => `/opp/${id}/leerling-uitnodigen`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(),
    form: () => ({ email: 'geheim.leerling@test.passend.test' }),
  },
  'POST /opp/:id/instemming-vragen': { method: 'POST', path: (id) => `/opp/${id}/instemming-vragen`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(), form: () => ({}) },
  'POST /opp/:id/meningen/:mid/reactie': {
    method: 'POST', path: (id) => `/opp/${id}/reactie`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp('mening'),
    form: () => ({ versie: '1', reactie: 'Geheime reactie van de school.' }),
  },
  'GET /opp/:id/leerling-mening': { method: 'GET', path: (id) => `/opp/${id}/leerling-mening`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp() },
  'POST /opp/:id/leerling-mening': {
    method: 'POST', path: (id) => `/opp/${id}/leerling-mening`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(),
    form: () => ({ soort: 'mening', vorm: 'gesprek', gegevenOp: '2025-03-07', 'vraag.helpt': 'Geheim: de juf.' }),
  },
  'GET /opp/:id/vaststellen': { method: 'GET', path: (id) => `/opp/${id}/vaststellen`, events: 1, names: 'leerling', okStatus: 200, als: 'schoolleider', maak: opp('klaar') },
  'POST /opp/:id/vaststellen': {
    method: 'POST', path: (id) => `/opp/${id}/vaststellen`, events: 1, names: 'leerling', okStatus: 303, als: 'schoolleider', maak: opp('klaar'),
    form: () => ({ volgnummer: '1', op: '2025-03-11' }),
  },
  'GET /opp/:id/evaluatie': { method: 'GET', path: (id) => `/opp/${id}/evaluatie`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp('vastgesteld') },
  'POST /opp/:id/evaluatie': {
    method: 'POST', path: (id) => `/opp/${id}/evaluatie`, events: 2, names: 'leerling', okStatus: 303, als: 'school', maak: opp('vastgesteld'),
    form: () => ({ op: '2025-06-10', deelnemers: 'Geheim: ouders', metOuders: 'ja', conclusie: 'doorgaan', 'resultaat.0.uitkomst': 'deels', 'resultaat.0.toelichting': 'Geheim' }),
  },
  'GET /opp/:id/afsluiten': { method: 'GET', path: (id) => `/opp/${id}/afsluiten`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp() },
  'POST /opp/:id/afsluiten': {
    method: 'POST', path: (id) => `/opp/${id}/afsluiten`, events: 1, names: 'leerling', okStatus: 303, als: 'school', maak: opp(),
    form: () => ({ versie: '1', op: '2025-06-10', reden: 'Geheim: geen extra ondersteuning meer nodig.' }),
  },
  'GET /opp/:id/afdrukken': { method: 'GET', path: (id) => `/opp/${id}/afdrukken`, events: 1, names: 'leerling', okStatus: 200, als: 'school', maak: opp() },
  'GET /opp/:id/opp.pdf': { method: 'GET', path: (id) => `/opp/${id}/opp.pdf`, events: 1, names: 'leerling', okStatus: 200, als: 'ouder', maak: opp() },
  'GET /api/opp/:id': { method: 'GET', path: (id) => `/api/opp/${id}`, events: 1, names: 'leerling', okStatus: 200, als: 'ouder', maak: opp() },
  'POST /opp/:id/mijn-besluit': {
    method: 'POST', path: (id) => `/opp/${id}/mijn-besluit`, events: 1, names: 'leerling', okStatus: 303, als: 'ouder', maak: opp(),
    form: () => ({ volgnummer: '1', uitkomst: 'geweigerd', reden: 'Geheime reden van de ouder.' }),
  },
  'GET /opp/:id/mijn-mening': { method: 'GET', path: (id) => `/opp/${id}/mijn-mening`, events: 1, names: 'leerling', okStatus: 200, als: 'ouder', maak: opp() },
  'POST /opp/:id/mijn-mening': {
    method: 'POST', path: (id) => `/opp/${id}/mijn-mening`, events: 1, names: 'leerling', okStatus: 303, als: 'leerling', maak: opp(),
    form: () => ({ 'vraag.helpt': 'Geheim: een rustig plekje.' }),
  },
  'GET /mijn-opp': { method: 'GET', path: () => '/mijn-opp', events: 1, names: 'leerling', okStatus: 200, als: 'leerling', maak: opp() },
};

async function call(c: Client, t: TestTenant, r: Call, id: string) {
  if (r.method === 'GET') return c.get(r.path(id));
  if (r.json) return c.request('POST', r.path(id), { json: r.json(t) });
  await c.get('/account'); // fresh CSRF token from a page
  return c.request('POST', r.path(id), { form: r.form!(t) });
}

for (const kind of databaseKinds()) {
  describe(`access over HTTP [${kind}]`, () => {
    let ctx: TestContext;
    let A: TestTenant;
    let B: TestTenant;
    let staffA: TestUser;
    let clientA: Client;
    before(async () => {
      ctx = await makeTestApp(kind);
      A = await buildTenant(ctx.db);
      B = await buildTenant(ctx.db);
      staffA = await buildUser(ctx.db, A, 'swv-medewerker');
      clientA = await login(ctx, staffA);
    });
    after(async () => ctx.db.close());

    /** The user a recipe runs as in tenant `t`; a parent (with gezag) or the pupil belongs to `leerlingId`. */
    async function gebruikerVoor(als: NonNullable<Call['als']>, t: TestTenant, leerlingId: string): Promise<TestUser> {
      if (als === 'ouder') {
        const ouder = await buildUser(ctx.db, t, 'ouder');
        await linkOuder(ctx.db, t, leerlingId, ouder);
        return ouder;
      }
      if (als === 'leerling') return buildUser(ctx.db, t, 'leerling', { leerlingId });
      return buildUser(ctx.db, t, als === 'school' ? 'intern-begeleider' : 'schoolleider');
    }

    it('every route that carries pupil data has a recipe in this test', () => {
      const tagged = [...routePolicies(ctx.app)].filter(([, p]) => p.pupilData).map(([k]) => k);
      const missing = tagged.filter((k) => !RECIPES[k]);
      assert.deepEqual(missing, [], `add a recipe for: ${missing.join(', ')}`);
    });

    it('each pupil-data route writes complete audit events, with field names but never values', async () => {
      for (const [key, r] of Object.entries(RECIPES)) {
        const leerlingId = await buildLeerling(ctx.db, A, { achternaam: 'Geheimnaam' });
        const id = r.maak ? await r.maak(ctx.db, A, leerlingId) : leerlingId;
        let client = clientA;
        let actorId = staffA.id;
        let actorRol = 'swv-medewerker';
        if (r.als) {
          const u = await gebruikerVoor(r.als, A, leerlingId);
          client = await login(ctx, u);
          [actorId, actorRol] = [u.id, u.rol];
        }
        const res = await call(client, A, r, id);
        assert.equal(res.status, r.okStatus, `${key}: status ${res.status} ${res.text.slice(0, 300)}`);
        const reqId = res.headers.get('x-request-id')!;
        const events = await ctx.db.withSystem((tx) =>
          rows<{ swv_id: string; actor_gebruiker_id: string; actor_rol: string; actie: string; resultaat: string; leerling_id: string | null; leerling_ids: string[] | null; grondslag: string; hash: string }>(
            tx, sql`select swv_id, actor_gebruiker_id, actor_rol, actie, resultaat, leerling_id, leerling_ids, grondslag, hash from audit_event where request_id = ${reqId}`,
          ),
        );
        assert.equal(events.length, r.events, `${key}: ${events.length} audit events`);
        for (const e of events) {
          assert.equal(e.swv_id, A.swvId, `${key}: tenant`);
          assert.equal(e.actor_gebruiker_id, actorId, `${key}: actor`);
          assert.equal(e.actor_rol, actorRol, `${key}: role`);
          assert.equal(e.resultaat, 'ok', `${key}: result`);
          assert.ok(e.grondslag, `${key}: legal ground`);
          assert.match(e.hash, /^[0-9a-f]{64}$/, `${key}: chained`);
          if (r.names === 'leerling') assert.ok(e.leerling_id, `${key}: names the pupil`);
          else assert.ok(Array.isArray(e.leerling_ids) || typeof e.leerling_ids === 'string', `${key}: lists the pupils`);
        }
      }
      const leaked = await ctx.db.withSystem((tx) => rows(tx, sql`select seq from audit_event a where a::text ilike '%Geheim%'`));
      assert.equal(leaked.length, 0, 'no audit row contains a field value');
    });

    it('a user of SWV A asking for SWV B pupil ids gets 404 (problem+json on the API) and a logged refusal', async () => {
      const leerlingB = await buildLeerling(ctx.db, B, { achternaam: 'Vananderswv' });
      // Each recipe's own kind of user in A (the parent and the pupil of one of A's pupils) against B's object.
      const eigenA = await buildLeerling(ctx.db, A, { achternaam: 'Eigenvana' });
      const clients = new Map<string, Client>([['swv', clientA]]);
      for (const [key, r] of Object.entries(RECIPES).filter(([k]) => k.includes(':id'))) {
        // A pupil of its own for each object (a pupil has one running OPP per school).
        const idB = r.maak ? await r.maak(ctx.db, B, await buildLeerling(ctx.db, B, { achternaam: 'Vananderswv' })) : leerlingB;
        const als = r.als ?? 'swv';
        if (!clients.has(als)) clients.set(als, await login(ctx, await gebruikerVoor(als as NonNullable<Call['als']>, A, eigenA)));
        const res = await call(clients.get(als)!, A, r, idB);
        assert.equal(res.status, 404, `${key} → ${res.status}`);
        if (key.includes('/api/')) assert.match(res.headers.get('content-type')!, /application\/problem\+json/);
        assert.doesNotMatch(res.text, /Vananderswv/);
        const reqId = res.headers.get('x-request-id')!;
        const denied = await ctx.db.withSystem((tx) => rows<{ resultaat: string; object_id: string }>(tx, sql`select resultaat, object_id from audit_event where request_id = ${reqId}`));
        assert.equal(denied.length, 1, `${key}: one refusal logged`);
        assert.equal(denied[0]!.resultaat, 'geweigerd');
        // A nested path (aanmelding/advies/…) names the application it hangs under.
        assert.equal(denied[0]!.object_id, idB.split('/')[0]);
      }
      const list = await clientA.get('/leerlingen?zoek=Vanandersw');
      assert.doesNotMatch(list.text, /Vananderswv/);
      const csv = await clientA.get('/leerlingen.csv');
      assert.doesNotMatch(csv.text, /Vananderswv/);
    });

    it('relationship: a school sees its own enrolled pupils only; a bestuur its board; roles without a relation none', async () => {
      const eigen = await buildLeerling(ctx.db, A, { achternaam: 'Eigenschool' });
      const ander = await buildLeerling(ctx.db, A, { vestigingCode: A.andereVestigingCode, achternaam: 'Anderschool' });
      const ib = await login(ctx, await buildUser(ctx.db, A, 'intern-begeleider'));
      assert.equal((await ib.get(`/leerlingen/${eigen}`)).status, 200);
      assert.equal((await ib.get(`/leerlingen/${ander}`)).status, 404);
      const lijst = await ib.get('/leerlingen');
      assert.match(lijst.text, /Eigenschool/);
      assert.doesNotMatch(lijst.text, /Anderschool/);
      const bestuur = await login(ctx, await buildUser(ctx.db, A, 'bestuur'));
      assert.equal((await bestuur.get(`/leerlingen/${ander}`)).status, 200, 'both schools belong to the board');
      assert.equal((await bestuur.get(`/leerlingen/${ander}/wijzigen`)).status, 403, 'a board reads but does not edit');
      const deskundige = await login(ctx, await buildUser(ctx.db, A, 'deskundige'));
      assert.equal((await deskundige.get(`/leerlingen/${eigen}`)).status, 404, 'no case assignment yet');
      for (const rol of ['controller', 'opr-lid', 'steunpunt'] as const) {
        const c = await login(ctx, await buildUser(ctx.db, A, rol));
        assert.equal((await c.get('/leerlingen')).status, 403, `${rol} has no pupil list`);
        assert.equal((await c.get(`/api/leerlingen/${eigen}`)).status, 403, `${rol} has no pupil file`);
      }
      // A school cannot enrol a pupil at another school.
      await ib.get('/leerlingen/nieuw');
      const wrong = await ib.post('/leerlingen', { voornaam: 'X', achternaam: 'Y', geboortedatum: '2017-01-01', vestigingCode: A.andereVestigingCode, startdatum: '2023-01-01' });
      assert.equal(wrong.status, 422);
      assert.match(wrong.text, /eigen school/);
    });

    it('a stale save answers 409 with both versions and loses nothing', async () => {
      const id = await buildLeerling(ctx.db, A, { achternaam: 'Versie' });
      await clientA.get(`/leerlingen/${id}/wijzigen`);
      const first = await clientA.post(`/leerlingen/${id}/wijzigen`, { versie: '1', voornaam: 'Eerste', achternaam: 'Versie', geboortedatum: '2016-05-04' });
      assert.equal(first.status, 303);
      await clientA.get(`/leerlingen/${id}/wijzigen`);
      const stale = await clientA.post(`/leerlingen/${id}/wijzigen`, { versie: '1', voornaam: 'Tweede', achternaam: 'Versie', geboortedatum: '2016-05-04' });
      assert.equal(stale.status, 409);
      assert.match(stale.text, /Iemand anders heeft deze gegevens intussen gewijzigd/);
      assert.match(stale.text, /Eerste/, 'shows what is saved');
      assert.match(stale.text, /value="Tweede"/, 'keeps what the user typed');
    });
  });
}
