/**
 * Bench-only (never part of the product): the SWV overview of aanmeldingen with 2,000 open applications in one
 * region (synthetic), for scenario 4 of bench/run.ts.
 *
 * Passend runs IN the bench process here (the real app, booted like `passend start` minus register and demo:
 * src/boot.ts openAndCheck → migrations + tenancy self-test, then createApp, served on loopback by
 * @hono/node-server), because the raw queries must run in the same process as the server to be comparable.
 * The data: a fresh SWV tenant with unique codes (test/support/app.ts buildTenant, plus more schools of the same
 * board), an swv-medewerker with a confirmed TOTP secret (buildUser), 2,000 pupils and 2,000 open applications
 * ('ontvangen', po) spread over the schools and over the last 10 weeks — in a few multi-row INSERTs.
 *
 * What is measured, round robin with the same warm-up and number of iterations (medians), each answer against ITS
 * raw queries:
 *   page     GET /aanmeldingen over HTTP, logged in as that swv-medewerker: page 1 of 40 (PAGINA_GROOTTE = 50 rows),
 *            checked each time (status 200, 50 rows, "Pagina 1 van 40", "2.000 aanmeldingen")
 *   rawPage  the queries the page's command runs, inside one db.withTenant: store.listKlokken (the light rows of all
 *            2,000, for the counts and the order), store.listAanmeldingenOpId for the first 50 ids by deadline, and
 *            the SWV's filter choices (scholenVanSwv, besturenVanSwv)
 *   csv      GET /aanmeldingen.csv: the full export (status 200, 2,001 lines, checked each time)
 *   rawCsv   store.listAanmeldingen(tx, { soort: 'swv' }) — the SELECT the export runs — inside db.withTenant
 * and, to see where the difference goes (info): the commands `overzicht` (page 1) and `toonAanmeldingen` called
 * directly, the session lookup and the clocks of 2,000 rows in JS (metKlok).
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { startInProces, type InProcesOpties } from './inproces.js';
import { rows, type Database } from '../src/platform/db/client.js';
import { leerling } from '../src/platform/db/schema.js';
import type { Clock } from '../src/platform/clock.js';
import { addDays } from '../src/platform/civil-date.js';
import { loadSession, type AuthDeps } from '../src/platform/auth/service.js';
import { aanmelding } from '../src/modules/zorgplicht/schema.js';
import { besturenVanSwv, listAanmeldingen, listAanmeldingenOpId, listKlokken, scholenVanSwv, type KlokRij } from '../src/modules/zorgplicht/store.js';
import { isOpen, metKlok, opschortingenVan, overzicht, PAGINA_GROOTTE, toonAanmeldingen } from '../src/modules/zorgplicht/commands.js';
import { geldendeTermijn } from '../src/modules/zorgplicht/rules/termijnen.js';
import { prng } from '../src/demo/seed.js';
import { buildTenant, buildUser, type TestTenant, type TestUser } from '../test/support/app.js';

/** Open applications in the region. */
export const AANMELDINGEN = 2000;
/** School locations of the synthetic SWV (a po SWV has some 30–100). */
export const SCHOLEN = 40;
/** Rows per INSERT: at most 6 parameters a row, so far below PostgreSQL's 65,535 and small messages for PGlite. */
const BATCH = 500;
/** ontvangen_op lies within the last 10 weeks (0..69 days ago): some clocks are fine, some close, some overdue. */
const SPREIDING_DAGEN = 70;

const VOORNAMEN = ['Noah', 'Emma', 'Liam', 'Julia', 'Luuk', 'Mila', 'Daan', 'Tess', 'Sem', 'Sophie', 'Lucas', 'Zoë', 'Finn', 'Nora',
  'Levi', 'Saar', 'Bram', 'Lotte', 'Milan', 'Yara', 'Mohammed', 'Fatima', 'Adam', 'Noor', 'Ravi', 'Ilse'];
const ACHTERNAMEN: [string | null, string][] = [['de', 'Jong'], [null, 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'],
  [null, 'Bakker'], [null, 'Visser'], [null, 'Smit'], ['de', 'Boer'], [null, 'Mulder'], ['de', 'Groot'], [null, 'Bos'], ['van', 'Leeuwen'],
  [null, 'Dekker'], [null, 'Brouwer'], ['de', 'Wit'], [null, 'Dijkstra'], [null, 'Yilmaz'], ['El', 'Amrani'], [null, 'Hoekstra']];

export interface ZorgplichtBench {
  kind: Database['kind'];
  /** http://host:port of the app. */
  base: string;
  db: Database;
  clock: Clock;
  tenant: TestTenant;
  user: TestUser;
  authDeps: AuthDeps;
  gevuld: { scholen: number; leerlingen: number; aanmeldingen: number; van: string; tot: string; ms: number };
  stop(): Promise<void>;
}

/**
 * Boots Passend in this process on a database of its own (PGlite in `dataDir`, or the PostgreSQL database at
 * `databaseUrl`), seeds the synthetic region and listens on host:port. The caller logs in and measures.
 */
export async function startZorgplichtBench(opts: InProcesOpties): Promise<ZorgplichtBench> {
  const b = await startInProces(opts, async (db, clock) => {
    const tenant = await buildTenant(db);
    const user = await buildUser(db, tenant, 'swv-medewerker');
    return { tenant, user, gevuld: await vulRegio(db, clock, tenant) };
  });
  return { ...b, ...b.data };
}

/**
 * More school locations of the tenant's board (buildTenant made two), then 2,000 pupils and 2,000 open applications
 * spread over all of them, in multi-row INSERTs inside one tenant transaction (as passend_app, under RLS: on
 * PostgreSQL the owner is no superuser and FORCE ROW LEVEL SECURITY binds it too).
 */
async function vulRegio(db: Database, clock: Clock, t: TestTenant): Promise<ZorgplichtBench['gevuld']> {
  const t0 = performance.now();
  const rnd = prng(2000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Random codes like buildTenant's ('Z' + 3: DUO's start with two digits); a clash with another run's is skipped.
  const scholen = [t.vestigingCode, t.andereVestigingCode];
  while (scholen.length < SCHOLEN) {
    const nieuw = Array.from({ length: SCHOLEN - scholen.length }, (_, i) => {
      const brin = `Z${crypto.randomInt(36 ** 3).toString(36).toUpperCase().padStart(3, '0')}`;
      return sql`(${`${brin}00`}, ${brin}, ${`Benchschool ${scholen.length + i + 1}`}, 'bao', ${t.bestuurNummer}, 'Teststad', ${t.swvId})`;
    });
    const r = await rows<{ code: string }>(db.owner, sql`insert into vestiging (code, instellingscode, naam, soort, bestuur_nummer, plaats, swv_po)
      values ${sql.join(nieuw, sql`, `)} on conflict (code) do nothing returning code`);
    scholen.push(...r.map((x) => x.code));
  }
  const vandaag = clock.today();
  let leerlingen = 0;
  let aanmeldingen = 0;
  await db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
    for (let i = 0; i < AANMELDINGEN; i += BATCH) {
      const n = Math.min(BATCH, AANMELDINGEN - i);
      const kinderen = Array.from({ length: n }, () => {
        const [tussenvoegsel, achternaam] = pick(ACHTERNAMEN);
        // Mostly four-year-olds (first enrolment), some older children changing schools.
        const jaren = rnd() < 0.7 ? 4 : 5 + Math.floor(rnd() * 7);
        return { swvId: t.swvId, voornaam: pick(VOORNAMEN), tussenvoegsel, achternaam, geboortedatum: addDays(vandaag, -Math.floor((jaren + rnd()) * 365.25)), woonPc4: '3701' };
      });
      const ids = await tx.insert(leerling).values(kinderen).returning({ id: leerling.id });
      leerlingen += ids.length;
      const r = await tx.insert(aanmelding).values(ids.map(({ id }, k) => ({
        swvId: t.swvId, leerlingId: id, vestigingCode: scholen[(i + k) % scholen.length]!, sector: 'po',
        ontvangenOp: addDays(vandaag, -((i + k) % SPREIDING_DAGEN)), status: 'ontvangen',
      }))).returning({ id: aanmelding.id });
      aanmeldingen += r.length;
    }
  });
  // Fresh statistics, as autovacuum would give a real database after a while (PGlite has no autovacuum).
  for (const tabel of ['vestiging', 'leerling', 'aanmelding']) await db.owner.execute(sql.raw(`analyze ${tabel}`));
  return { scholen: scholen.length, leerlingen, aanmeldingen, van: addDays(vandaag, -(SPREIDING_DAGEN - 1)), tot: vandaag, ms: performance.now() - t0 };
}

/** Status and body of one GET, as the caller's HTTP client gives them. */
export interface Antwoord {
  status: number;
  body: string;
}

/** Application rows of the overview table: each application links to its page (the pager's links carry "?"). */
export function aanmeldingRijen(html: string): number {
  return (html.match(/href="\/aanmeldingen\/[0-9a-f-]{36}"/g) ?? []).length;
}

export { PAGINA_GROOTTE };

/** Pages of the overview: every application of the region, PAGINA_GROOTTE to a page. */
export const PAGINAS = Math.ceil(AANMELDINGEN / PAGINA_GROOTTE);

/** The texts page 1 of the unfiltered overview must hold (routes.tsx lijstPage: the counts; Paginering). */
export const PAGINA_TEKSTEN = [`${AANMELDINGEN.toLocaleString('nl-NL')} aanmeldingen:`, `Pagina 1 van ${PAGINAS}.`];

/** Whether an answer of GET /aanmeldingen is page 1 of the full overview (not a login page, an error or another page). */
export function isEerstePagina(r: Antwoord): boolean {
  return r.status === 200 && aanmeldingRijen(r.body) === PAGINA_GROOTTE && PAGINA_TEKSTEN.every((t) => r.body.includes(t));
}

/** Lines of a CSV body (toCsv ends every line, the last one too, with CRLF). */
export function csvRegels(csv: string): number {
  return (csv.match(/\r\n/g) ?? []).length;
}

/**
 * The ids on page 1 of the unfiltered overview, picked from listKlokken's rows like the command does for
 * stand 'alle': the open applications first, nearest deadline first (geldendeTermijn, the rule the command uses),
 * ties by id. The command puts the decided and withdrawn ones after these (newest first); the bench data has none,
 * so they are left out here. Only the deadline is computed, not the clock (the command's clock work is its own).
 */
export function eerstePaginaIds(klokken: readonly KlokRij[]): string[] {
  return klokken.filter(isOpen)
    .map((k) => ({ id: k.id, termijn: geldendeTermijn(k.ontvangenOp, k.verlengdTot, opschortingenVan(k)) }))
    .sort((x, y) => x.termijn.localeCompare(y.termijn) || x.id.localeCompare(y.id))
    .slice(0, PAGINA_GROOTTE)
    .map((k) => k.id);
}

export interface Reeks {
  /** Timed iterations (after the warm-up). */
  n: number;
  median: number;
  min: number;
  p90: number;
  /** Iterations whose answer failed its check (status, rows/lines, texts). */
  fouten: number;
}

function reeks(ms: number[], fouten: number): Reeks {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { n: s.length, median, min: s[0] ?? NaN, p90: at(0.9), fouten };
}

export interface OverzichtMeting {
  page: Reeks;
  rawPage: Reeks;
  csv: Reeks;
  rawCsv: Reeks;
  /**
   * Info: the command `overzicht` (page 1: rawPage's queries + the clocks of 2,000 light rows + sort + audit event with
   * 50 pupil ids), `toonAanmeldingen` (rawCsv's query + audit event with 2,000 pupil ids + clocks), the session
   * lookup, the clocks of 2,000 full rows (metKlok, JS only).
   */
  overzicht: Reeks;
  toon: Reeks;
  session: Reeks;
  klok: Reeks;
  /**
   * Differences taken per round (the parts of one round ran close together, so this is steadier than a difference
   * of medians): what `overzicht` adds to its queries (clocks, sort, audit of 50) ≈ overzicht − rawPage; what the page
   * adds ≈ page − overzicht − session (JSX, layout, middleware, HTTP); the audit insert of the export ≈ toon −
   * rawCsv − clocks; what the CSV adds ≈ csv − toon − session (CSV text, middleware, HTTP).
   */
  per: { overzichtRest: Reeks; pageRest: Reeks; audit: Reeks; csvRest: Reeks };
}

/**
 * The measurement: `warmup` rounds (discarded), then `iterations` rounds; every round runs page, rawPage, csv and
 * rawCsv once (and the info timings), in a rotating order so a burst of other work, a GC or a GIN pending-list flush
 * does not always land on the same one. Every answer is checked (page: status 200, 50 rows, "Pagina 1 van 40" and the
 * count of 2,000; CSV: status 200, 2,001 lines; raw: 50 / 2,000 rows); a failed check counts as an error and is
 * reported, never silently timed.
 */
export async function meetOverzicht(
  b: ZorgplichtBench,
  opts: { iterations: number; warmup: number; cookie: string; token: string; get: (url: string, headers: Record<string, string>) => Promise<Antwoord> },
): Promise<OverzichtMeting> {
  const auth = await loadSession(b.authDeps, opts.token);
  if (!auth?.actief) throw new Error('zorgplicht bench: the session of the swv-medewerker is not valid');
  const actor = { gebruikerId: auth.gebruiker.id, grant: auth.actief };
  const deps = { db: b.db, clock: b.clock };
  const tenantCtx = { swvId: b.tenant.swvId, userId: b.user.id };
  const headers = { cookie: opts.cookie };
  const vandaag = b.clock.today();
  const rawRows = await b.db.withTenant(tenantCtx, (tx) => listAanmeldingen(tx, { soort: 'swv' }));
  // rawPage must read the rows the page shows: the bench's pick of ids against the command's own page 1.
  const ids = await b.db.withTenant(tenantCtx, async (tx) => eerstePaginaIds(await listKlokken(tx, { soort: 'swv' })));
  const o = await overzicht(deps, actor, { stand: 'alle', pagina: 1 });
  if (o.rijen.map((r) => r.id).join() !== ids.join()) throw new Error('zorgplicht bench: the ids rawPage picks are not those on page 1 of the overview');

  type Naam = Exclude<keyof OverzichtMeting, 'per'>;
  const tijden = {} as Record<Naam, number[]>;
  const fouten = {} as Record<Naam, number>;
  /** Each returns whether its answer was right; the timing covers the call only, not the check. */
  const stappen: Record<Naam, () => Promise<[number, boolean]>> = {
    page: async () => {
      const t = performance.now();
      const r = await opts.get(`${b.base}/aanmeldingen`, headers);
      const ms = performance.now() - t;
      return [ms, isEerstePagina(r)];
    },
    rawPage: async () => {
      const t = performance.now();
      const [klokken, rijen, keuzes] = await b.db.withTenant(tenantCtx, async (tx) => {
        const k = await listKlokken(tx, { soort: 'swv' });
        const page = await listAanmeldingenOpId(tx, { soort: 'swv' }, eerstePaginaIds(k));
        const scholen = await scholenVanSwv(tx, b.tenant.swvId);
        const besturen = await besturenVanSwv(tx, b.tenant.swvId);
        return [k, page, scholen.length + besturen.length] as const;
      });
      return [performance.now() - t, klokken.length === AANMELDINGEN && rijen.length === PAGINA_GROOTTE && keuzes > b.gevuld.scholen];
    },
    csv: async () => {
      const t = performance.now();
      const r = await opts.get(`${b.base}/aanmeldingen.csv`, headers);
      const ms = performance.now() - t;
      return [ms, r.status === 200 && csvRegels(r.body) === AANMELDINGEN + 1];
    },
    rawCsv: async () => {
      const t = performance.now();
      const r = await b.db.withTenant(tenantCtx, (tx) => listAanmeldingen(tx, { soort: 'swv' }));
      return [performance.now() - t, r.length === AANMELDINGEN];
    },
    overzicht: async () => {
      const t = performance.now();
      const r = await overzicht(deps, actor, { stand: 'alle', pagina: 1 });
      return [performance.now() - t, r.rijen.length === PAGINA_GROOTTE && r.tellingen.alle === AANMELDINGEN && r.paginas === PAGINAS];
    },
    toon: async () => {
      const t = performance.now();
      const r = await toonAanmeldingen(deps, actor);
      return [performance.now() - t, r.length === AANMELDINGEN];
    },
    session: async () => {
      const t = performance.now();
      const r = await loadSession(b.authDeps, opts.token);
      return [performance.now() - t, !!r?.actief];
    },
    klok: async () => {
      // metKlok sets the three fields on the row itself (no copy), so the same rows can be reused each round.
      const t = performance.now();
      const r = rawRows.map((a) => metKlok(a, vandaag));
      return [performance.now() - t, r.length === AANMELDINGEN];
    },
  };
  const namen = Object.keys(stappen) as Naam[];
  for (const naam of namen) {
    tijden[naam] = [];
    fouten[naam] = 0;
  }
  for (let ronde = 0; ronde < opts.warmup + opts.iterations; ronde++) {
    const volgorde = namen.map((_, k) => namen[(k + ronde) % namen.length]!);
    for (const naam of volgorde) {
      const [ms, ok] = await stappen[naam]();
      if (ronde < opts.warmup) continue;
      tijden[naam].push(ms);
      if (!ok) fouten[naam] += 1;
    }
  }
  const uit = {} as OverzichtMeting;
  for (const naam of namen) uit[naam] = reeks(tijden[naam], fouten[naam]);
  const t = tijden;
  const verschil = (f: (i: number) => number) => reeks(t.page.map((_, i) => f(i)), 0);
  uit.per = {
    overzichtRest: verschil((i) => t.overzicht[i]! - t.rawPage[i]!),
    pageRest: verschil((i) => t.page[i]! - t.overzicht[i]! - t.session[i]!),
    audit: verschil((i) => t.toon[i]! - t.rawCsv[i]! - t.klok[i]!),
    csvRest: verschil((i) => t.csv[i]! - t.toon[i]! - t.session[i]!),
  };
  return uit;
}
