/**
 * Bench-only (never part of the product): the OPP page with 10 versions and the parents' portal home, for scenario 5
 * of bench/run.ts (issue 6: "OPP page with 10 versions and the parent portal home, at 1 and 20 connections, vs. their
 * raw queries in one run; target ≤ 3×").
 *
 * Data, in one tenant of its own: a school with 300 other running OPPs (3 versions each, so the tables are not
 * empty); the measured pupil's OPP with 10 versions, a decision on every version, 3 OOGO talks, 4 views with the
 * school's reactions and 2 evaluations; its parent (with gezag) has three children, each with an OPP and two
 * applications. Passend runs in this process (bench/inproces.ts).
 *
 * What is measured, each at 1 and at 20 concurrent clients for the same time, after the same warm-up:
 *   page       GET /opp/:id as the school's IB (HTML, every answer checked: 200 and "Versie 10")
 *   rawPage    the queries the page's command runs (findOpp, laadRecords — five SELECTs —, the SWV's portal age, the
 *              parents' names) in one db.withTenant, without audit, rules or HTML
 *   portal     GET /mijn-kinderen as the parent (checked: 200 and the three children's names)
 *   rawPortal  its queries (the children, their applications, their OPPs and laadRecords) in one db.withTenant
 * Ratio = raw operations per second ÷ page requests per second.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { first, type Database } from '../src/platform/db/client.js';
import type { Clock } from '../src/platform/clock.js';
import { addDays } from '../src/platform/civil-date.js';
import { insertOuder, listKinderenVanOuder, listOuders } from '../src/modules/leerlingen/store.js';
import { insertAanmelding, listAanmeldingen } from '../src/modules/zorgplicht/store.js';
import * as opp from '../src/modules/opp/store.js';
import { buildLeerling, buildTenant, buildUser, type TestTenant, type TestUser } from '../test/support/app.js';
import { startInProces, type InProces, type InProcesOpties } from './inproces.js';

export const VERSIES = 10;
export const ANDERE_OPPS = 300;
export const KINDEREN = 3;

export interface OppData {
  tenant: TestTenant;
  ib: TestUser;
  ouder: TestUser;
  oppId: string;
  kinderen: string[];
  gevuld: { opps: number; versies: number; ms: number };
}

const INHOUD = (n: number) => ({
  uitstroom: 'havo', uitstroomToelichting: `Toelichting bij versie ${n}.`,
  factoren: [{ domein: 'gedrag' as const, soort: 'belemmerend' as const, tekst: `Belemmerend ${n}` }, { domein: 'gedrag' as const, soort: 'bevorderend' as const, tekst: `Bevorderend ${n}` }],
  handelingsdeel: [1, 2, 3].map((d) => ({ domein: 'gedrag' as const, doel: `Doel ${d} van versie ${n}`, ondersteuning: 'Dagelijks kort gesprek', wie: 'Leerkracht', hoeVaak: 'Elke dag' })),
  afwijkingen: '',
});

async function vul(db: Database, clock: Clock): Promise<OppData> {
  const t0 = performance.now();
  const tenant = await buildTenant(db);
  const ib = await buildUser(db, tenant, 'intern-begeleider');
  const ouder = await buildUser(db, tenant, 'ouder');
  const vandaag = clock.today();
  const kinderen: string[] = [];
  for (let i = 0; i < KINDEREN; i++) kinderen.push(await buildLeerling(db, tenant, { achternaam: `Benchkind${i + 1}` }));
  const anderen: string[] = [];
  for (let i = 0; i < ANDERE_OPPS; i++) anderen.push(await buildLeerling(db, tenant, { achternaam: `Benchopp${i}` }));
  let oppId = '';
  let versies = 0;
  await db.withTenant({ swvId: tenant.swvId, userId: null }, async (tx) => {
    const start = addDays(vandaag, -400);
    const nieuw = async (leerlingId: string, n: number) => {
      const id = await opp.insertOpp(tx, { swvId: tenant.swvId, leerlingId, vestigingCode: tenant.vestigingCode, soort: 'bao', aanleiding: 'later',
        ingeschrevenOp: '2020-08-20', definitiefOp: null, uiterlijk: addDays(start, 42), gestartOp: start, door: ib.id });
      const ids: string[] = [];
      for (let v = 1; v <= n; v++) {
        ids.push(await opp.insertVersie(tx, { swvId: tenant.swvId, oppId: id, volgnummer: v, inhoud: INHOUD(v), wijziging: v > 1 ? `Wijziging ${v}` : '', evaluatieId: null, door: ib.id, op: new Date(`${addDays(start, v * 30)}T09:00:00Z`) }));
        versies += 1;
      }
      return { id, ids };
    };
    const hoofd = await nieuw(kinderen[0]!, VERSIES);
    oppId = hoofd.id;
    for (const [i, versieId] of hoofd.ids.entries()) {
      const op = addDays(start, (i + 1) * 30 + 3);
      await opp.insertInstemming(tx, { swvId: tenant.swvId, oppId, versieId, volgnummer: i + 1, uitkomst: i % 3 === 2 ? 'geweigerd' : 'ingestemd', op, reden: i % 3 === 2 ? 'Te veel uit de klas.' : null, bron: 'online', namens: 'Bench Ouder', beslisser: 'ouders', door: ouder.id, doorRol: 'ouder' });
      if (i % 3 === 0 && i < 9) await opp.stelVast(tx, versieId, { op: addDays(op, 1), door: ib.id, cvbAdviesOp: null });
    }
    for (let k = 1; k <= 3; k++) await opp.insertOogo(tx, { swvId: tenant.swvId, oppId, volgnummer: k * 3, op: addDays(start, k * 90), deelnemers: 'Ouders, IB', uitkomst: 'deels', verslag: 'Verslag.', door: ib.id });
    for (let k = 1; k <= 4; k++) {
      const m = await opp.insertMening(tx, { swvId: tenant.swvId, oppId, volgnummer: k * 2, van: k % 2 ? 'leerling' : 'ouder', soort: 'mening', antwoorden: [{ vraag: 'Wat helpt jou?', antwoord: `Antwoord ${k}` }], reden: null, vorm: 'gesprek', gegevenOp: addDays(start, k * 60), namens: 'Bench', door: ib.id, doorRol: 'intern-begeleider' });
      await opp.reageerOpMening(tx, m, oppId, 1, { reactie: `Reactie ${k}`, op: addDays(start, k * 60 + 1), door: ib.id });
    }
    const vastgesteld = (await opp.laadRecords(tx, [oppId])).get(oppId)!.versies.filter((v) => v.vastgesteldOp);
    for (const v of vastgesteld.slice(0, 2)) {
      await opp.insertEvaluatie(tx, { swvId: tenant.swvId, oppId, versieId: v.id, volgnummer: v.volgnummer, op: addDays(v.vastgesteldOp!, 20), deelnemers: 'Ouders, IB', metOuders: true, resultaten: v.handelingsdeel.map((h) => ({ doel: h.doel, uitkomst: 'deels', toelichting: '' })), conclusie: 'bijstellen', toelichting: '', door: ib.id });
    }
    for (const k of kinderen) {
      if (k !== kinderen[0]) await nieuw(k, 2);
      await insertOuder(tx, { swvId: tenant.swvId, leerlingId: k, naam: 'Bench Ouder', email: ouder.email, relatie: 'ouder', heeftGezag: true, gebruikerId: ouder.id });
      for (let a = 0; a < 2; a++) {
        await insertAanmelding(tx, { swvId: tenant.swvId, leerlingId: k, vestigingCode: a ? tenant.andereVestigingCode : tenant.vestigingCode, sector: 'po',
          ontvangenOp: addDays(vandaag, -10 - a * 20), gewensteStartdatum: null, andereScholen: '', isEersteVoorkeur: true, extraOndersteuningVerwacht: true,
          ouderInformatie: null, bron: 'school', door: null });
      }
    }
    for (const l of anderen) await nieuw(l, 3);
  });
  for (const tabel of ['opp', 'opp_versie', 'opp_instemming', 'opp_mening', 'leerling', 'inschrijving', 'ouder', 'aanmelding']) await db.owner.execute(sql.raw(`analyze ${tabel}`));
  return { tenant, ib, ouder, oppId, kinderen, gevuld: { opps: ANDERE_OPPS + KINDEREN, versies, ms: performance.now() - t0 } };
}

export type OppBench = InProces<OppData>;

export function startOppBench(opts: InProcesOpties): Promise<OppBench> {
  return startInProces(opts, vul);
}

/** The parent's login code from the outbox (the bench runs in the app's process, with its database). */
export async function loginCode(b: OppBench, email: string): Promise<string> {
  const r = await b.db.withSystem((tx) => first<{ onderwerp: string }>(tx, sql`select onderwerp from mail_bericht where aan = ${email} order by created_at desc limit 1`));
  const code = /(\d{6})/.exec(r?.onderwerp ?? '')?.[1];
  if (!code) throw new Error(`opp bench: no login code for ${email}`);
  return code;
}

/** The raw queries of the OPP page (the command's reads, without audit, rules or HTML). */
export async function rawPage(b: OppBench): Promise<number> {
  const { tenant, ib, oppId } = b.data;
  return b.db.withTenant({ swvId: tenant.swvId, userId: ib.id }, async (tx) => {
    const o = await opp.findOpp(tx, oppId, { soort: 'school', vestigingCode: tenant.vestigingCode }, b.clock.today());
    const r = (await opp.laadRecords(tx, [oppId])).get(oppId)!;
    await opp.portaalLeeftijd(tx, tenant.swvId, 12);
    await listOuders(tx, o!.leerlingId);
    return r.versies.length;
  });
}

/** The raw queries of the parents' portal home. */
export async function rawPortal(b: OppBench): Promise<number> {
  const { tenant, ouder } = b.data;
  return b.db.withTenant({ swvId: tenant.swvId, userId: ouder.id }, async (tx) => {
    const kinderen = await listKinderenVanOuder(tx, ouder.id);
    await listAanmeldingen(tx, { soort: 'ouder', gebruikerId: ouder.id });
    const opps = await opp.listOpps(tx, { soort: 'ouder', gebruikerId: ouder.id }, b.clock.today());
    await opp.laadRecords(tx, opps.map((o) => o.id));
    return kinderen.length;
  });
}

export function isOppPagina(status: number, body: string): boolean {
  const nummers = new Set([...body.matchAll(/href="\/opp\/[0-9a-f-]{36}\/versies\/(\d+)"/g)].map((m) => m[1]));
  return status === 200 && body.includes(`Versie ${VERSIES}`) && nummers.size === VERSIES;
}

export function isPortaal(status: number, body: string): boolean {
  return status === 200 && [1, 2, 3].every((i) => body.includes(`Benchkind${i}`));
}

export interface Doorvoer {
  /** Completed operations per second. */
  perSeconde: number;
  n: number;
  fouten: number;
}

/**
 * `verbindingen` loops, each doing `stap` one after the other for `seconden` (after `warmup` seconds that are not
 * counted); the rate is what all of them completed per second. A step that throws or whose check fails is an error.
 */
export async function doorvoer(stap: () => Promise<boolean>, verbindingen: number, seconden: number, warmup: number): Promise<Doorvoer> {
  const draai = async (ms: number) => {
    let n = 0;
    let fouten = 0;
    const eind = performance.now() + ms;
    await Promise.all(Array.from({ length: verbindingen }, async () => {
      while (performance.now() < eind) {
        try {
          if (await stap()) n++;
          else fouten++;
        } catch {
          fouten++;
        }
      }
    }));
    return { n, fouten };
  };
  if (warmup > 0) await draai(warmup * 1000);
  const t0 = performance.now();
  const r = await draai(seconden * 1000);
  return { perSeconde: r.n / ((performance.now() - t0) / 1000), n: r.n, fouten: r.fouten };
}

/** A keep-alive GET for the loops (one agent per measurement, like autocannon's connections). */
export function getter(agent: http.Agent) {
  return (url: string, cookie: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: 'GET', agent, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

