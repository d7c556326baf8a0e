/**
 * Bench-only child process (started by bench/run.ts; never part of the product). In ONE process it runs:
 *   - Passend itself, booted exactly like `passend start` (src/boot.ts start(): migrations, register, demo seed),
 *     on PORT;
 *   - a bare Hono app returning a tiny HTML page (framework baseline), on BENCH_BARE_PORT;
 *   - the bench-only pupil list without RLS/audit/session (bench/plain-list.tsx) plus control endpoints
 *     (event-loop delay, DB-only timings), on BENCH_PLAIN_PORT.
 * Before it listens on BENCH_PLAIN_PORT (which run.ts waits for) it gives every bao/sbo/(v)so location of the
 * country an adopted offer for the current school year (bench/aanbod.ts), for the school-finder scenario.
 * All three share this process's event loop and (for PGlite) its single database, like the real server would.
 *
 * BENCH_OWNER_BYPASS=1 (only for the throw-away PostgreSQL database bench/run.ts creates): when the owner is not
 * a superuser, FORCE ROW LEVEL SECURITY also binds the owner, so the "no RLS" list would see nothing. The bench
 * then turns FORCE off for leerling and inschrijving in that database; passend_app (the product) stays under RLS.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { start, clockFor, resolveSecret } from '../src/boot.js';
import { first } from '../src/platform/db/client.js';
import { listLeerlingen } from '../src/modules/leerlingen/store.js';
import { toonLeerlingen, PAGINA_GROOTTE } from '../src/modules/leerlingen/commands.js';
import { loadSession, type AuthDeps } from '../src/platform/auth/service.js';
import { DEMO_LOGINS } from '../src/demo/logins.js';
import { isDemoDatabase } from '../src/demo/seed.js';
import { mountPlainList } from './plain-list.js';
import { timeZoeken, vulAanbodLandelijk } from './aanbod.js';

const barePort = Number(process.env.BENCH_BARE_PORT);
const plainPort = Number(process.env.BENCH_PLAIN_PORT);
const host = '127.0.0.1';

const ELD_RESOLUTION_MS = 10;
const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
eld.enable();

const running = await start(process.env, (line) => process.stdout.write(`${line}\n`));
const { db, config } = running;
const clock = clockFor(config);
const secret = resolveSecret(config);

if (process.env.BENCH_OWNER_BYPASS === '1' && db.kind === 'postgres') {
  const su = await first<{ rolsuper: boolean }>(db.owner, sql`select rolsuper from pg_roles where rolname = current_user`);
  if (!su?.rolsuper) {
    await db.owner.execute(sql`alter table leerling no force row level security`);
    await db.owner.execute(sql`alter table inschrijving no force row level security`);
    process.stdout.write('bench: FORCE RLS uit voor de eigenaar op leerling/inschrijving (alleen in de bench-database)\n');
  }
}

// The finder scenario searches a country where every school has an offer (the demo only fills PO2603).
const gevuld = await vulAanbodLandelijk(db, clock);
process.stdout.write(`bench: aanbod voor ${gevuld.versies} vestigingen toegevoegd (${gevuld.scholen} met aanbod dit schooljaar) in ${Math.round(gevuld.ms)} ms\n`);

const directeur = DEMO_LOGINS.find((d) => d.rol === 'swv-directeur')!;

// Bare framework baseline.
const bare = new Hono();
bare.get('/', (c) => c.html('<!doctype html><html lang="nl"><head><title>Hallo</title></head><body><p>Hallo</p></body></html>'));

// Bench-only list without RLS/audit, and the control endpoints.
const plain = new Hono();
mountPlainList(plain, { db, clock, isDemo: await isDemoDatabase(db), user: { naam: directeur.naam, rol: directeur.rol } });
// The same list inside the real Passend app: full middleware + session lookup, data read as owner, no audit.
mountPlainList(running.app, { db, clock, isDemo: await isDemoDatabase(db), user: { naam: directeur.naam, rol: directeur.rol } }, '/_bench/leerlingen-zonder-rls');
plain.get('/_bench/ready', (c) => c.text('ok'));
plain.post('/_bench/eld/reset', (c) => {
  eld.reset();
  return c.text('ok');
});
/** Event-loop delay in ms beyond the 10-ms sampling timer (the histogram records the whole interval). */
plain.get('/_bench/eld', (c) => {
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - ELD_RESOLUTION_MS) * 100) / 100);
  return c.json({ mean: ms(eld.mean), p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max), count: eld.count });
});
/** Where the memory goes: V8 heap, "external" (PGlite's WebAssembly memory lives here) and the process RSS. */
plain.get('/_bench/mem', (c) => {
  const mb = (b: number) => Math.round(b / 2 ** 20);
  const m = process.memoryUsage();
  return c.json({ rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) });
});

/**
 * DB work only, sequential, no HTTP: mean ms per call for (1) the list SQL as owner, (2) the same SQL in a
 * tenant transaction (role switch + set_config, so under RLS) without audit, (3) the product command
 * toonLeerlingen (2 + the audit insert), (4) the session lookup every logged-in request does (loadSession).
 * Each is time-boxed.
 */
plain.get('/_bench/db', async (c) => {
  const budgetMs = Math.min(5000, Number(c.req.query('ms') ?? '1500'));
  const token = c.req.header('x-bench-session') ?? '';
  const adeps: AuthDeps = {
    db, clock, secret, idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS, publicUrl: 'http://localhost',
  };
  const auth = await loadSession(adeps, token);
  if (!auth?.actief) return c.json({ error: 'geen geldige sessie meegegeven' }, 400);
  const actor = { gebruikerId: auth.gebruiker.id, grant: auth.actief };
  const ldeps = { db, clock, publicUrl: 'http://localhost' };
  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn();
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < budgetMs && n < 5000) {
      await fn();
      n += 1;
    }
    return { n, ms: (performance.now() - t0) / n };
  };
  const lijst = () => ({ relatie: { soort: 'swv' as const }, today: clock.today(), limit: PAGINA_GROOTTE, offset: 0 });
  const owner = await time(() => listLeerlingen(db.owner, lijst()));
  const rls = await time(() => db.withTenant({ swvId: auth.actief!.swvId, userId: auth.gebruiker.id }, (tx) => listLeerlingen(tx, lijst())));
  const product = await time(() => toonLeerlingen(ldeps, actor, { pagina: 1 }));
  const session = await time(() => loadSession(adeps, token));
  return c.json({ owner, rls, product, session });
});

/**
 * The finder's database work alone (bench/aanbod.ts timeZoeken): the PC4 lookup + candidate query raw on the owner
 * connection, the same in the public transaction, and the whole zoekScholen command; mean ms per call.
 */
plain.get('/_bench/zoeken-db', async (c) => {
  const budgetMs = Math.min(5000, Number(c.req.query('ms') ?? '1500'));
  return c.json({ ...(await timeZoeken(db, clock, budgetMs)), gevuld });
});

function listen(app: Hono, port: number) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
}
const servers = [await listen(bare, barePort), await listen(plain, plainPort)];
process.stdout.write(`bench: kale Hono op ${barePort}, lijst zonder RLS op ${plainPort}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return process.exit(1);
  stopping = true;
  for (const s of servers) s.close();
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
