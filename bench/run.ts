/**
 * `npm run bench`: performance figures for Passend, as RATIOS measured within one run (absolute numbers on
 * shared, noisy machines mean little). Never asserts timings and is not part of `npm test`.
 *
 * Scenarios (servers run in child processes; autocannon runs in this process):
 *   1. HTTP throughput (autocannon, loopback, time-bounded) at 1 and 20 connections: bare Hono, GET /inloggen,
 *      GET /leerlingen (50 rows, RLS + audit, logged in as the demo swv-directeur) and the same list without
 *      RLS/audit/session (bench/plain-list.tsx). Also the event-loop delay inside the server process, and the
 *      DB work alone (sequential, in-process). PGlite always; PostgreSQL too when DATABASE_URL is set.
 *      The school finder too: every bao/sbo/(v)so location of the country gets an adopted offer first
 *      (bench/aanbod.ts); then the finder page and the finder API (public, no login) at 1 and 20 connections,
 *      against its raw SQL (PC4 lookup + zoekKandidatenSql) run sequentially in the server process.
 *   2. PGlite first start (initdb + migrations + register import + demo seed) vs restart of the same directory.
 *   3. Resident memory (VmRSS) of the server after restart + warm-up.
 *   4. The SWV overview of aanmeldingen with 2,000 open applications in one region (synthetic, bench/zorgplicht.ts):
 *      GET /aanmeldingen (page 1 of 40, 50 rows) against ITS raw queries (store.listKlokken + listAanmeldingenOpId
 *      of the page's 50 ids, in one db.withTenant), and GET /aanmeldingen.csv (the full export, 2,000 rows) against
 *      ITS raw query (store.listAanmeldingen in db.withTenant); medians over the same rounds; Passend runs in this
 *      process for it. PGlite always, PostgreSQL too when DATABASE_URL is set (a throw-away database, dropped at the end).
 *
 *   5. The OPP page with 10 versions and the parents' portal home (bench/opp.ts) at 1 and 20 concurrent clients, each
 *      against its own raw queries in the same process and run. PGlite always, PostgreSQL too when DATABASE_URL is set.
 *
 * Arguments select scenarios (default: all): `start` (2 + 3), `http` (1, 1b; needs `start`'s data dir, so it
 * implies `start`), `zorgplicht` (4), `opp` (5). E.g. `npm run bench -- opp`.
 *
 * Env: BENCH_SECONDS (default 8) per measurement, BENCH_WARMUP (default 2) seconds of warm-up before each;
 * scenario 4: BENCH_ITERATIONS (default 30) timed rounds after BENCH_WARMUP_ITERATIONS (default 5) rounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_LOGINS, type DemoLogin } from '../src/demo/logins.js';
import { totpCode, totpStep } from '../src/platform/auth/totp.js';
import { ZOEK_QUERY } from './aanbod.js';
import {
  AANMELDINGEN, aanmeldingRijen, csvRegels, isEerstePagina, meetOverzicht, PAGINA_GROOTTE, PAGINA_TEKSTEN, PAGINAS, startZorgplichtBench, type OverzichtMeting, type ZorgplichtBench,
} from './zorgplicht.js';
import { ANDERE_OPPS, doorvoer, getter, isOppPagina, isPortaal, KINDEREN, loginCode, rawPage as oppRawPage, rawPortal, startOppBench, VERSIES, type Doorvoer, type OppBench } from './opp.js';

// ---------------------------------------------------------------------------------------------------------------
// Settings

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 8));
const WARMUP = Math.max(0, Number(process.env.BENCH_WARMUP ?? 2));
const HOST = '127.0.0.1';
const CONNECTIONS = [1, 20] as const;
const ITERATIONS = Math.max(1, Number(process.env.BENCH_ITERATIONS ?? 30));
const WARMUP_ITERATIONS = Math.max(0, Number(process.env.BENCH_WARMUP_ITERATIONS ?? 5));
const TARGETS = { listOverhead: 1.5, listVsBare: 0.25, rssMb: 400, zoekApiVsRaw: 3, aanmeldingenVsRaw: 3, oppVsRaw: 3 };

/** Scenario groups that can be selected on the command line (`npm run bench -- zorgplicht`); none = all. */
const SCENARIOS = ['start', 'http', 'zorgplicht', 'opp'] as const;
type Scenario = (typeof SCENARIOS)[number];
function selectedScenarios(args: string[]): Set<Scenario> {
  const unknown = args.filter((a) => !(SCENARIOS as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from: ${SCENARIOS.join(', ')} (none = all)`);
  const chosen = new Set<Scenario>(args.length ? (args as Scenario[]) : SCENARIOS);
  if (chosen.has('http')) chosen.add('start'); // scenario 1 restarts the data dir that scenario 2 made
  return chosen;
}

// ---------------------------------------------------------------------------------------------------------------
// autocannon (CommonJS, no bundled types): the small part of its API we use.

interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  timeout?: number;
  pipelining?: number;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: CannonOptions) => PromiseLike<CannonResult>;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const out = (line = '') => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
const fmtRatio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(1)} %` : 'n/a');

function table(headers: string[], rows: (string | number)[][], alignLeft = 1): string {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [line(headers), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...cells.map(line)].join('\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, url: string, opts: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: opts.headers, timeout: opts.timeoutMs ?? 10_000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Kernel view of a process's memory (MB): VmRSS now and VmHWM (peak RSS). */
function procMemory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes and clean-up

interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  logFile: string;
  exited: Promise<number | null>;
  alive: () => boolean;
}

const children = new Set<Child>();
const cleanups: (() => Promise<void> | void)[] = [];
let tmpRoot = '';

function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const logFile = path.join(tmpRoot, `${name.replace(/\W+/g, '-')}.log`);
  const fd = fs.openSync(logFile, 'a');
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let isAlive = true;
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code, signal) => {
      isAlive = false;
      resolve(code ?? (signal ? -1 : null));
    });
    proc.once('error', () => {
      isAlive = false;
      resolve(null);
    });
  });
  const child: Child = { name, proc, pid: proc.pid!, logFile, exited, alive: () => isAlive };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

function logTail(child: Child, lines = 25): string {
  try {
    return fs.readFileSync(child.logFile, 'utf8').trimEnd().split('\n').slice(-lines).map((l) => `    | ${l}`).join('\n');
  } catch {
    return '    | (no log)';
  }
}

/** SIGTERM, wait (bounded), then SIGKILL. Returns the ms the process took to exit after SIGTERM. */
async function stopChild(child: Child, graceMs = 30_000): Promise<number> {
  if (!child.alive()) return 0;
  const t0 = performance.now();
  child.proc.kill('SIGTERM');
  const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    child.proc.kill('SIGKILL');
    await Promise.race([child.exited, sleep(5000)]);
  }
  return performance.now() - t0;
}

/** Polls `url` until it answers 200; fails when the child exits or the time is up. Returns ms since `t0`. */
async function waitUntilUp(child: Child, url: string, t0: number, timeoutMs: number): Promise<number> {
  while (performance.now() - t0 < timeoutMs) {
    if (!child.alive()) throw new Error(`${child.name} exited while starting:\n${logTail(child)}`);
    try {
      const r = await request('GET', url, { timeoutMs: 1000 });
      if (r.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${logTail(child)}`);
}

async function cleanupAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c, 10_000)));
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      out(`  (clean-up failed: ${(err as Error).message})`);
    }
  }
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
}

process.on('exit', () => {
  // Last resort (e.g. an uncaught error): no child may outlive the bench.
  for (const c of children) c.proc.kill('SIGKILL');
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    out(`\n${sig}: aborting the bench, cleaning up…`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Logging in through the real forms (password + TOTP), like test/support/app.ts does in-process.

class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async go(method: 'GET' | 'POST', p: string, form?: Record<string, string>): Promise<Res> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = this.base;
      body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    }
    const res = await request(method, `${this.base}${p}`, { headers, body });
    const setCookie = res.headers['set-cookie'] ?? [];
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const m = /name="_csrf" value="([^"]*)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }
}

/** Logs a staff account in (a demo login, or any user with a password and a confirmed TOTP secret); returns the cookie header and the session token. */
async function loginDemo(base: string, who: Pick<DemoLogin, 'email' | 'wachtwoord' | 'totpSecret'>): Promise<{ cookie: string; token: string }> {
  const b = new Browser(base);
  await b.go('GET', '/inloggen');
  const r = await b.go('POST', '/inloggen', { email: who.email, wachtwoord: who.wachtwoord! });
  if (r.status !== 303) throw new Error(`login ${who.email}: status ${r.status}`);
  await b.go('GET', '/mfa');
  let next: string | undefined;
  // A TOTP code is accepted once per 30-s step; try this step, the next and the previous, then wait a step.
  for (const wait of [0, 31_000]) {
    if (wait) await sleep(wait);
    for (const offset of [0, 1, -1]) {
      const m = await b.go('POST', '/mfa', { code: totpCode(who.totpSecret!, totpStep(new Date()) + offset) });
      if (m.status === 303) {
        next = String(m.headers.location ?? '/');
        break;
      }
    }
    if (next) break;
  }
  if (!next) throw new Error(`second factor for ${who.email} failed`);
  if (next.startsWith('/rol-kiezen')) {
    const page = await b.go('GET', '/rol-kiezen');
    const rol = /name="rol"[^>]*value="([^"]+)"/.exec(page.body)?.[1];
    if (!rol) throw new Error('no role to choose');
    await b.go('POST', '/rol-kiezen', { rol });
  }
  const token = [...b.cookies].find(([k]) => k === '__Host-passend' || k === 'passend')?.[1];
  if (!token) throw new Error('no session cookie after login');
  return { cookie: b.cookieHeader(), token };
}

function pupilRows(html: string): number {
  return (html.match(/href="\/leerlingen\/[0-9a-f-]{36}"/g) ?? []).length;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP load

interface Measurement {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  eld: { p50: number; p99: number; max: number } | null;
}

async function load(label: string, url: string, connections: number, headers: Record<string, string>, eldBase?: string): Promise<Measurement> {
  if (WARMUP > 0) await autocannon({ url, connections, duration: WARMUP, headers, timeout: 10 });
  if (eldBase) await request('POST', `${eldBase}/_bench/eld/reset`);
  const r = await autocannon({ url, connections, duration: SECONDS, headers, timeout: 10 });
  const eld = eldBase ? (JSON.parse((await request('GET', `${eldBase}/_bench/eld`)).body) as Measurement['eld']) : null;
  return {
    label, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors + r.timeouts, non2xx: r.non2xx, total: r.requests.total, eld,
  };
}

interface ZoekTiming {
  n: number;
  ms: number;
  kandidaten: number;
}

interface HttpRun {
  db: string;
  results: Measurement[];
  dbOnly: Record<'owner' | 'rls' | 'product' | 'session', { n: number; ms: number }> | null;
  /** The finder's DB work alone (bench/aanbod.ts timeZoeken), or null when the finder could not be measured. */
  zoeken: (Record<'raw' | 'publiek' | 'command', ZoekTiming> & { gevuld: { versies: number; scholen: number; ms: number } }) | null;
  /** Why the finder was not measured, when it was not. */
  zoekenOvergeslagen: string | null;
  memory: { rss: number; hwm: number };
  breakdown: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number } | null;
}

const LABELS = {
  bare: '(a) bare Hono, tiny HTML',
  login: '(b) GET /inloggen',
  list: '(c) GET /leerlingen, RLS + audit',
  plain: '(d) same list, no RLS/audit/session',
  stack: '(e) same list, full stack, no RLS/audit',
  zoekPagina: '(f) finder page /scholen/zoeken',
  zoekApi: '(g) finder API /api/scholen/zoeken',
} as const;

/** Scenario 1 against a running bench/server.ts child. */
async function httpScenario(dbLabel: string, child: Child, ports: { app: number; bare: number; plain: number }): Promise<HttpRun> {
  const app = `http://${HOST}:${ports.app}`;
  const bare = `http://${HOST}:${ports.bare}`;
  const plain = `http://${HOST}:${ports.plain}`;
  const directeur = DEMO_LOGINS.find((d) => d.rol === 'swv-directeur')!;
  const { cookie, token } = await loginDemo(app, directeur);
  const auth = { cookie };

  // Sanity: both lists answer 200 with 50 pupils and about the same markup.
  const a = await request('GET', `${app}/leerlingen`, { headers: auth });
  const b = await request('GET', `${plain}/leerlingen`);
  const l = await request('GET', `${app}/inloggen`);
  const z = await request('GET', `${bare}/`);
  if (a.status !== 200 || b.status !== 200 || l.status !== 200 || z.status !== 200) {
    throw new Error(`check failed: (c) ${a.status}, (d) ${b.status}, (b) ${l.status}, (a) ${z.status}\n${logTail(child)}`);
  }
  const totaal = (html: string) => /(\d+) leerlingen/.exec(html)?.[1] ?? '?';
  out(`  Check: (c) shows ${pupilRows(a.body)} of ${totaal(a.body)} pupils (${fmt(a.body.length)} bytes); (d) ${pupilRows(b.body)} of ${totaal(b.body)} (${fmt(b.body.length)} bytes); (b) ${fmt(l.body.length)} bytes; (a) ${z.body.length} bytes.`);
  if (pupilRows(a.body) !== pupilRows(b.body) || totaal(a.body) !== totaal(b.body)) {
    out('  WARNING: (c) and (d) do not show the same pupils; their ratio below is not a fair comparison.');
  }

  // The finder (public): both must answer 200 with schools, else the finder part is skipped with the reason.
  const zoekPagina = `${app}/scholen/zoeken?${ZOEK_QUERY}`;
  const zoekApi = `${app}/api/scholen/zoeken?${ZOEK_QUERY}`;
  let zoekenOvergeslagen: string | null = null;
  const zp = await request('GET', zoekPagina, { timeoutMs: 30_000 });
  const za = await request('GET', zoekApi, { timeoutMs: 30_000 });
  if (zp.status !== 200 || za.status !== 200) {
    zoekenOvergeslagen = `finder not measured: page ${zp.status}, API ${za.status} (${za.body.slice(0, 160).replace(/\s+/g, ' ')})`;
    out(`  ${zoekenOvergeslagen}`);
  } else {
    const j = JSON.parse(za.body) as Record<'passend' | 'deels' | 'onbekend', { totaal: number; scholen: unknown[] }>;
    out(`  Check: finder API lists ${j.passend.totaal} fitting / ${j.deels.totaal} partly / ${j.onbekend.totaal} without offer (${fmt(za.body.length)} bytes); page ${fmt(zp.body.length)} bytes.`);
  }

  const results: Measurement[] = [];
  for (const c of CONNECTIONS) {
    const runs: [keyof typeof LABELS, string, Record<string, string>][] = [
      ['bare', `${bare}/`, {}],
      ['login', `${app}/inloggen`, {}],
      ['plain', `${plain}/leerlingen`, {}],
      ['stack', `${app}/_bench/leerlingen-zonder-rls`, auth],
      ['list', `${app}/leerlingen`, auth],
      ...(zoekenOvergeslagen ? [] : [['zoekPagina', zoekPagina, {}], ['zoekApi', zoekApi, {}]] as [keyof typeof LABELS, string, Record<string, string>][]),
    ];
    for (const [key, url, headers] of runs) {
      process.stderr.write(`  … ${dbLabel}: ${LABELS[key]} at ${c} connection(s)\n`);
      results.push(await load(LABELS[key], url, c, headers, plain));
    }
  }

  process.stderr.write(`  … ${dbLabel}: database work alone\n`);
  let dbOnly: HttpRun['dbOnly'] = null;
  const d = await request('GET', `${plain}/_bench/db?ms=1500`, { headers: { 'x-bench-session': token }, timeoutMs: 60_000 });
  if (d.status === 200) dbOnly = JSON.parse(d.body) as HttpRun['dbOnly'];
  else out(`  (database work alone: status ${d.status} ${d.body.slice(0, 200)})`);
  let zoeken: HttpRun['zoeken'] = null;
  if (!zoekenOvergeslagen) {
    process.stderr.write(`  … ${dbLabel}: finder database work alone\n`);
    const zd = await request('GET', `${plain}/_bench/zoeken-db?ms=1500`, { timeoutMs: 60_000 });
    if (zd.status === 200) zoeken = JSON.parse(zd.body) as HttpRun['zoeken'];
    else out(`  (finder database work alone: status ${zd.status} ${zd.body.slice(0, 200)})`);
  }
  const m = await request('GET', `${plain}/_bench/mem`);
  const breakdown = m.status === 200 ? (JSON.parse(m.body) as HttpRun['breakdown']) : null;
  return { db: dbLabel, results, dbOnly, zoeken, zoekenOvergeslagen, memory: procMemory(child.pid), breakdown };
}

function find(run: HttpRun, label: string, connections: number): Measurement {
  return run.results.find((r) => r.label === label && r.connections === connections)!;
}

/** The finder part of a run: ratios, the DB-alone table and its verdicts. */
function printZoeken(run: HttpRun, verdicts: Verdict[]): void {
  out();
  out('  School finder (public): (f) page and (g) API with the same question, against the raw SQL the API runs.');
  if (run.zoekenOvergeslagen || !run.zoeken) {
    out(`  ${run.zoekenOvergeslagen ?? 'finder database timings missing'}`);
    verdicts.push({ name: `${run.db}: finder`, value: 'not measured', target: '', ok: false });
    return;
  }
  const { raw, publiek, command, gevuld } = run.zoeken;
  out(`  Data: ${fmt(gevuld.scholen)} school locations have an adopted offer for this school year (${fmt(gevuld.versies)} added for the bench in ${fmt(gevuld.ms / 1000, 1)} s);`);
  out(`  the candidate query returns ${raw.kandidaten} bao locations in the box around PC4 3701 (10 km).`);
  out(table(['finder DB work alone (sequential, in the server process)', 'calls', 'ms/call', 'calls/s', '÷ raw'], [
    ['raw: PC4 lookup + zoekKandidatenSql on the owner connection, no transaction', raw.n, fmt(raw.ms, 2), fmt(1000 / raw.ms), '1.00×'],
    ['the same in the public transaction (app role, no tenant, under RLS)', publiek.n, fmt(publiek.ms, 2), fmt(1000 / publiek.ms), fmtRatio(publiek.ms / raw.ms)],
    ['zoekScholen: the above + matching rules (what the API handler calls)', command.n, fmt(command.ms, 2), fmt(1000 / command.ms), fmtRatio(command.ms / raw.ms)],
  ]));
  const rawRps = 1000 / raw.ms;
  const rows: (string | number)[][] = [];
  for (const c of CONNECTIONS) {
    const pagina = find(run, LABELS.zoekPagina, c);
    const api = find(run, LABELS.zoekApi, c);
    rows.push(['raw SQL calls/s ÷ (g) API req/s', c, fmtRatio(rawRps / api.rps), `≤ ${TARGETS.zoekApiVsRaw}×`]);
    rows.push(['(g) API req/s ÷ (f) page req/s', c, fmtRatio(api.rps / pagina.rps), '(info)']);
    rows.push(['(f) page p50 ms / (g) API p50 ms', c, `${fmt(pagina.p50, 1)} / ${fmt(api.p50, 1)}`, '']);
  }
  out(table(['finder ratio (same run)', 'conns', 'value', 'target'], rows));
  const c1 = CONNECTIONS[0];
  const c20 = CONNECTIONS[1];
  const apiVsRaw1 = rawRps / find(run, LABELS.zoekApi, c1).rps;
  const apiVsRaw20 = rawRps / find(run, LABELS.zoekApi, c20).rps;
  verdicts.push({ name: `${run.db}: finder API vs raw SQL (${c1} conn)`, value: fmtRatio(apiVsRaw1), target: `≤ ${TARGETS.zoekApiVsRaw}×`, ok: apiVsRaw1 <= TARGETS.zoekApiVsRaw });
  verdicts.push({ name: `${run.db}: finder API vs raw SQL (${c20} conns)`, value: fmtRatio(apiVsRaw20), target: `≤ ${TARGETS.zoekApiVsRaw}× (info)`, ok: null });
  verdicts.push({ name: `${run.db}: finder page vs API (${c20} conns, req/s)`, value: fmtRatio(find(run, LABELS.zoekApi, c20).rps / find(run, LABELS.zoekPagina, c20).rps), target: '(info)', ok: null });
  const fouten = [find(run, LABELS.zoekPagina, c20), find(run, LABELS.zoekApi, c20)];
  const bad = fouten.filter((m) => m.errors > 0 || m.non2xx > 0);
  verdicts.push({
    name: `${run.db}: finder errors / non-2xx at ${c20} conns`,
    value: fouten.map((m) => `${m.label.slice(0, 3)} ${m.errors} err, ${m.non2xx} non-2xx`).join('; '),
    target: '0', ok: bad.length === 0,
  });
}

interface Verdict {
  name: string;
  value: string;
  target: string;
  ok: boolean | null;
}

function printHttp(run: HttpRun, verdicts: Verdict[]): void {
  out(table(
    ['target', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx', 'loop p50', 'loop p99', 'loop max'],
    run.results.map((m) => [
      m.label, m.connections, fmt(m.rps), fmt(m.p50, 1), fmt(m.p99, 1), fmt(m.total), m.errors, m.non2xx,
      m.eld ? fmt(m.eld.p50, 1) : '-', m.eld ? fmt(m.eld.p99, 1) : '-', m.eld ? fmt(m.eld.max, 1) : '-',
    ]),
  ));
  out('  (loop = event-loop delay in ms inside the server process during that measurement, beyond the 10-ms sampling timer)');
  out();
  const ratioRows: (string | number)[][] = [];
  for (const c of CONNECTIONS) {
    const list = find(run, LABELS.list, c);
    const plain = find(run, LABELS.plain, c);
    const bare = find(run, LABELS.bare, c);
    const login = find(run, LABELS.login, c);
    const stack = find(run, LABELS.stack, c);
    ratioRows.push([`(e) full stack without ÷ (c) with RLS+audit (req/s)`, c, fmtRatio(stack.rps / list.rps), `≤ ${TARGETS.listOverhead}×`]);
    ratioRows.push([`(d) bare list without ÷ (c) with RLS+audit (req/s)`, c, fmtRatio(plain.rps / list.rps), '(upper bound)']);
    ratioRows.push([`list with RLS+audit p50 ÷ without p50`, c, fmtRatio(list.p50 / plain.p50), '']);
    ratioRows.push([`pupil list ÷ bare Hono (req/s)`, c, pct(list.rps / bare.rps), `≥ ${pct(TARGETS.listVsBare)}`]);
    ratioRows.push([`/inloggen ÷ bare Hono (req/s)`, c, pct(login.rps / bare.rps), '']);
  }
  out(table(['ratio (same run)', 'conns', 'value', 'target'], ratioRows));
  const c20 = CONNECTIONS[1];
  // Like for like: (e) differs from (c) only in RLS + transaction + audit (same middleware, session, markup).
  const overhead = find(run, LABELS.stack, c20).rps / find(run, LABELS.list, c20).rps;
  const vsBare = find(run, LABELS.list, c20).rps / find(run, LABELS.bare, c20).rps;
  verdicts.push({ name: `${run.db}: RLS+audit overhead on the list (${c20} conns)`, value: fmtRatio(overhead), target: `≤ ${TARGETS.listOverhead}×`, ok: overhead <= TARGETS.listOverhead });
  verdicts.push({ name: `${run.db}: pupil list vs bare Hono (${c20} conns)`, value: pct(vsBare), target: `≥ ${pct(TARGETS.listVsBare)}`, ok: vsBare >= TARGETS.listVsBare });
  const failures = run.results.filter((m) => m.errors > 0 || m.non2xx > 0);
  verdicts.push({
    name: `${run.db}: no errors / non-2xx under load`,
    value: failures.length ? failures.map((m) => `${m.label} @${m.connections}: ${m.errors} err, ${m.non2xx} non-2xx`).join('; ') : 'none',
    target: '0', ok: failures.length === 0,
  });

  if (run.dbOnly) {
    const { owner, rls, product, session } = run.dbOnly;
    out();
    out('  Database work alone (sequential, in the server process, no HTTP; mean per call):');
    out(table(['call', 'calls', 'ms/call', '÷ owner list'], [
      ['list + count as owner (what (d) runs)', owner.n, fmt(owner.ms, 2), '1.00×'],
      ['same SQL in a tenant tx: role switch + set_config, under RLS, no audit', rls.n, fmt(rls.ms, 2), fmtRatio(rls.ms / owner.ms)],
      ['toonLeerlingen: the above + audit event insert (hash chain) + commit', product.n, fmt(product.ms, 2), fmtRatio(product.ms / owner.ms)],
      ['loadSession: tx + session, user, role grants (every logged-in request)', session.n, fmt(session.ms, 2), fmtRatio(session.ms / owner.ms)],
      ['what (c) runs per request: toonLeerlingen + loadSession', '', fmt(product.ms + session.ms, 2), fmtRatio((product.ms + session.ms) / owner.ms)],
    ]));
    verdicts.push({ name: `${run.db}: DB only, RLS without audit ÷ owner list`, value: fmtRatio(rls.ms / owner.ms), target: '(info)', ok: null });
    verdicts.push({ name: `${run.db}: DB only, RLS + audit (toonLeerlingen) ÷ owner list`, value: fmtRatio(product.ms / owner.ms), target: `(info; cf. ≤ ${TARGETS.listOverhead}×)`, ok: null });
  }
  printZoeken(run, verdicts);
  out();
  out(`  Server process after this load: VmRSS ${fmt(run.memory.rss)} MB, peak (VmHWM) ${fmt(run.memory.hwm)} MB.`);
  if (run.breakdown) {
    const b = run.breakdown;
    out(`  Of the RSS: V8 heap ${b.heapTotal} MB (${b.heapUsed} MB used), "external" ${b.external} MB (${run.db === 'PGlite' ? "mostly PGlite's WebAssembly memory" : 'buffers'}),`);
    out(`  the rest (~${Math.max(0, b.rss - b.heapTotal - b.external)} MB) is code, tsx/esbuild, native allocations and untouched-but-resident pages.`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario 4: the SWV overview of aanmeldingen (bench/zorgplicht.ts)

/** A throw-away database on the PostgreSQL server of `databaseUrl`, dropped by the clean-up; returns its URL. */
async function throwawayDatabase(databaseUrl: string): Promise<string> {
  const dbName = `passend_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${dbName}"`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      await c.query(`drop database if exists "${dbName}" with (force)`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(databaseUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

interface ZorgplichtRun {
  db: string;
  gevuld: ZorgplichtBench['gevuld'] | null;
  meting: OverzichtMeting | null;
  /** What the answers held before timing (status, rows, lines, size). */
  check: string | null;
  /** Why it was not measured, when it was not. */
  overgeslagen: string | null;
  bootMs: number;
}

const ZP_LABELS = {
  page: `(h) GET /aanmeldingen (HTML, page 1 of ${PAGINAS}, ${PAGINA_GROOTTE} rows)`,
  rawPage: `(j) rawPage: listKlokken + listAanmeldingenOpId (${PAGINA_GROOTTE} ids) in db.withTenant`,
  csv: `(i) GET /aanmeldingen.csv (${fmt(AANMELDINGEN + 1)} lines)`,
  rawCsv: '(k) rawCsv: listAanmeldingen in db.withTenant',
} as const;

/**
 * Scenario 4 on one database: Passend in this process (bench/zorgplicht.ts), a fresh synthetic region, a login
 * through the real forms, a check of both answers, then the measurement. Throws nothing: a failure is reported.
 */
async function zorgplichtScenario(dbLabel: string, databaseUrl?: string): Promise<ZorgplichtRun> {
  const t0 = performance.now();
  let b: ZorgplichtBench | null = null;
  try {
    process.stderr.write(`  … ${dbLabel}: migrations, synthetic region with ${fmt(AANMELDINGEN)} aanmeldingen\n`);
    const naam = `zorgplicht-${dbLabel.toLowerCase()}`;
    b = await startZorgplichtBench({
      databaseUrl, dataDir: path.join(tmpRoot, naam), host: HOST, port: await freePort(), logFile: path.join(tmpRoot, `${naam}.log`),
    });
    cleanups.push(() => b?.stop());
    const bootMs = performance.now() - t0;
    const { cookie, token } = await loginDemo(b.base, { email: b.user.email, wachtwoord: b.user.password, totpSecret: b.user.totpSecret });
    const get = (url: string, headers: Record<string, string>) => request('GET', url, { headers, timeoutMs: 60_000 });
    // Both answers must be the real thing before anything is timed (not a login page, an error page or an empty list).
    const p = await get(`${b.base}/aanmeldingen`, { cookie });
    const c = await get(`${b.base}/aanmeldingen.csv`, { cookie });
    const pRijen = aanmeldingRijen(p.body);
    const cRegels = csvRegels(c.body);
    if (!isEerstePagina(p) || c.status !== 200 || cRegels !== AANMELDINGEN + 1) {
      const mist = PAGINA_TEKSTEN.filter((t) => !p.body.includes(t)).map((t) => `"${t}"`);
      throw new Error(`check failed: page ${p.status} with ${pRijen} rows (want ${PAGINA_GROOTTE})${mist.length ? `, without ${mist.join(' and ')}` : ''}; CSV ${c.status} with ${cRegels} lines (want ${AANMELDINGEN + 1})`);
    }
    const check = `page 200 with ${fmt(pRijen)} rows, ${PAGINA_TEKSTEN.map((t) => `"${t}"`).join(' and ')} (${fmt(p.body.length)} characters); CSV 200 with ${fmt(cRegels)} lines (${fmt(c.body.length)} characters)`;
    process.stderr.write(`  … ${dbLabel}: ${WARMUP_ITERATIONS} + ${ITERATIONS} rounds of page, rawPage, CSV, rawCsv and the parts\n`);
    const meting = await meetOverzicht(b, { iterations: ITERATIONS, warmup: WARMUP_ITERATIONS, cookie, token, get });
    return { db: dbLabel, gevuld: b.gevuld, meting, check, overgeslagen: null, bootMs };
  } catch (err) {
    return { db: dbLabel, gevuld: b?.gevuld ?? null, meting: null, check: null, overgeslagen: (err as Error).message, bootMs: performance.now() - t0 };
  } finally {
    await b?.stop();
  }
}

function printZorgplicht(run: ZorgplichtRun, verdicts: Verdict[]): void {
  const g = run.gevuld;
  if (g) {
    out(`  Data: a new SWV with ${g.scholen} schools, ${fmt(g.leerlingen)} pupils and ${fmt(g.aanmeldingen)} open aanmeldingen (status ontvangen, po),`);
    out(`  received ${g.van} … ${g.tot}; seeded in ${fmt(g.ms / 1000, 1)} s (${fmt(run.bootMs / 1000, 1)} s with opening, migrations and self-test).`);
  }
  if (run.check) out(`  Check (before timing; every timed answer is checked the same way): ${run.check}.`);
  const m = run.meting;
  if (!m) {
    out(`  Not measured: ${run.overgeslagen ?? 'no timings'}`);
    verdicts.push({ name: `${run.db}: aanmeldingen overview`, value: 'not measured', target: '', ok: false });
    return;
  }
  const r = (x: number, raw: number) => fmtRatio(x / raw);
  out(table(['measurement (sequential, one at a time)', 'n', 'median ms', 'min ms', 'p90 ms', 'failed checks', 'median ÷ its raw'], [
    [ZP_LABELS.page, m.page.n, fmt(m.page.median, 1), fmt(m.page.min, 1), fmt(m.page.p90, 1), m.page.fouten, r(m.page.median, m.rawPage.median)],
    [ZP_LABELS.rawPage, m.rawPage.n, fmt(m.rawPage.median, 1), fmt(m.rawPage.min, 1), fmt(m.rawPage.p90, 1), m.rawPage.fouten, '1.00×'],
    [ZP_LABELS.csv, m.csv.n, fmt(m.csv.median, 1), fmt(m.csv.min, 1), fmt(m.csv.p90, 1), m.csv.fouten, r(m.csv.median, m.rawCsv.median)],
    [ZP_LABELS.rawCsv, m.rawCsv.n, fmt(m.rawCsv.median, 1), fmt(m.rawCsv.min, 1), fmt(m.rawCsv.p90, 1), m.rawCsv.fouten, '1.00×'],
  ]));
  out();
  out('  Where the difference goes (medians; the parts are in-process calls without HTTP; "≈" rows are medians of the');
  out('  per-round differences, so they need not add up exactly):');
  out(table(['part', 'median ms', '÷ its raw'], [
    ['page (h), against rawPage (j): tx + role switch + set_config + its 4 SELECTs (clocks, page, schools, boards)', fmt(m.rawPage.median, 1), '1.00×'],
    [`  overzicht (page 1): rawPage's queries + clocks of ${fmt(AANMELDINGEN)} light rows + sort + audit (${PAGINA_GROOTTE} pupil ids)`, fmt(m.overzicht.median, 1), r(m.overzicht.median, m.rawPage.median)],
    ['    so clocks + sort + audit insert ≈ overzicht − rawPage', fmt(m.per.overzichtRest.median, 1), r(m.per.overzichtRest.median, m.rawPage.median)],
    ['  loadSession (every logged-in request, 1 tx)', fmt(m.session.median, 1), r(m.session.median, m.rawPage.median)],
    ['  page − overzicht − session: JSX, layout, middleware, HTTP', fmt(m.per.pageRest.median, 1), r(m.per.pageRest.median, m.rawPage.median)],
    ['CSV (i), against rawCsv (k): tx + role switch + set_config + the SELECT, rows to objects', fmt(m.rawCsv.median, 1), '1.00×'],
    [`  toonAanmeldingen: rawCsv + audit event with ${fmt(AANMELDINGEN)} pupil ids (hash chain, GIN) + clocks`, fmt(m.toon.median, 1), r(m.toon.median, m.rawCsv.median)],
    [`    of which the clocks of ${fmt(AANMELDINGEN)} rows (metKlok, JS only)`, fmt(m.klok.median, 2), r(m.klok.median, m.rawCsv.median)],
    ['    so the audit insert ≈ toonAanmeldingen − rawCsv − clocks', fmt(m.per.audit.median, 1), r(m.per.audit.median, m.rawCsv.median)],
    ['  loadSession (as above)', fmt(m.session.median, 1), r(m.session.median, m.rawCsv.median)],
    ['  CSV − toonAanmeldingen − session: CSV text, middleware, HTTP', fmt(m.per.csvRest.median, 1), r(m.per.csvRest.median, m.rawCsv.median)],
  ]));
  const paginaRatio = m.page.median / m.rawPage.median;
  const csvRatio = m.csv.median / m.rawCsv.median;
  verdicts.push({ name: `${run.db}: aanmeldingen page 1 vs rawPage (medians)`, value: fmtRatio(paginaRatio), target: `≤ ${TARGETS.aanmeldingenVsRaw}×`, ok: paginaRatio <= TARGETS.aanmeldingenVsRaw });
  verdicts.push({ name: `${run.db}: aanmeldingen CSV vs rawCsv (medians)`, value: fmtRatio(csvRatio), target: `≤ ${TARGETS.aanmeldingenVsRaw}×`, ok: csvRatio <= TARGETS.aanmeldingenVsRaw });
  const hoofd = m.page.fouten + m.rawPage.fouten + m.csv.fouten + m.rawCsv.fouten;
  const overig = m.overzicht.fouten + m.toon.fouten + m.session.fouten + m.klok.fouten;
  verdicts.push({
    name: `${run.db}: aanmeldingen failed checks`,
    value: `${m.page.fouten} page, ${m.rawPage.fouten} rawPage, ${m.csv.fouten} CSV, ${m.rawCsv.fouten} rawCsv, ${overig} other`, target: '0', ok: hoofd + overig === 0,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario 5: the OPP page with 10 versions and the parents' portal home (bench/opp.ts)

interface OppRun {
  db: string;
  gevuld: OppBench['data']['gevuld'] | null;
  /** Per number of concurrent clients: the four rates. */
  metingen: { verbindingen: number; page: Doorvoer; rawPage: Doorvoer; portal: Doorvoer; rawPortal: Doorvoer }[];
  check: string | null;
  overgeslagen: string | null;
}

/** The parent's login through the real forms (code by mail, read from the outbox in this process). */
async function loginOuder(b: OppBench): Promise<string> {
  const br = new Browser(b.base);
  await br.go('GET', '/inloggen/code');
  await br.go('POST', '/inloggen/code', { email: b.data.ouder.email });
  const r = await br.go('POST', '/inloggen/code/invoeren', { email: b.data.ouder.email, code: await loginCode(b, b.data.ouder.email) });
  if (r.status !== 303) throw new Error(`parent login: status ${r.status}`);
  return br.cookieHeader();
}

async function oppScenario(dbLabel: string, databaseUrl?: string): Promise<OppRun> {
  let b: OppBench | null = null;
  try {
    process.stderr.write(`  … ${dbLabel}: migrations, one OPP with ${VERSIES} versions, ${fmt(ANDERE_OPPS)} other OPPs, a parent with ${KINDEREN} children\n`);
    const naam = `opp-${dbLabel.toLowerCase()}`;
    b = await startOppBench({ databaseUrl, dataDir: path.join(tmpRoot, naam), host: HOST, port: await freePort(), logFile: path.join(tmpRoot, `${naam}.log`) });
    cleanups.push(() => b?.stop());
    const ib = await loginDemo(b.base, { email: b.data.ib.email, wachtwoord: b.data.ib.password, totpSecret: b.data.ib.totpSecret });
    const ouderCookie = await loginOuder(b);
    const pageUrl = `${b.base}/opp/${b.data.oppId}`;
    const portalUrl = `${b.base}/mijn-kinderen`;
    const p = await request('GET', pageUrl, { headers: { cookie: ib.cookie } });
    const q = await request('GET', portalUrl, { headers: { cookie: ouderCookie } });
    if (!isOppPagina(p.status, p.body) || !isPortaal(q.status, q.body)) throw new Error(`check failed: OPP page ${p.status} (${fmt(p.body.length)} chars), portal ${q.status}`);
    const check = `OPP page 200 with ${VERSIES} version links (${fmt(p.body.length)} characters); portal 200 with the ${KINDEREN} children (${fmt(q.body.length)} characters)`;
    const metingen: OppRun['metingen'] = [];
    for (const verbindingen of CONNECTIONS) {
      process.stderr.write(`  … ${dbLabel}: ${verbindingen} connection(s): page, raw, portal, raw (${WARMUP} s + ${SECONDS} s each)\n`);
      const agent = new http.Agent({ keepAlive: true, maxSockets: verbindingen });
      const get = getter(agent);
      const bb = b;
      const page = await doorvoer(async () => { const r = await get(pageUrl, ib.cookie); return isOppPagina(r.status, r.body); }, verbindingen, SECONDS, WARMUP);
      const rawPage = await doorvoer(async () => (await oppRawPage(bb)) === VERSIES, verbindingen, SECONDS, WARMUP);
      const portal = await doorvoer(async () => { const r = await get(portalUrl, ouderCookie); return isPortaal(r.status, r.body); }, verbindingen, SECONDS, WARMUP);
      const rawP = await doorvoer(async () => (await rawPortal(bb)) === KINDEREN, verbindingen, SECONDS, WARMUP);
      agent.destroy();
      metingen.push({ verbindingen, page, rawPage, portal, rawPortal: rawP });
    }
    return { db: dbLabel, gevuld: b.data.gevuld, metingen, check, overgeslagen: null };
  } catch (err) {
    return { db: dbLabel, gevuld: b?.data.gevuld ?? null, metingen: [], check: null, overgeslagen: (err as Error).message };
  } finally {
    await b?.stop();
  }
}

function printOpp(run: OppRun, verdicts: Verdict[]): void {
  if (run.gevuld) out(`  Data: ${fmt(run.gevuld.opps)} OPPs with ${fmt(run.gevuld.versies)} versions at one school; seeded in ${fmt(run.gevuld.ms / 1000, 1)} s.`);
  if (run.check) out(`  Check (before timing; every timed answer is checked the same way): ${run.check}.`);
  if (!run.metingen.length) {
    out(`  Not measured: ${run.overgeslagen ?? 'no timings'}`);
    verdicts.push({ name: `${run.db}: OPP page and portal`, value: 'not measured', target: '', ok: false });
    return;
  }
  const rijen: (string | number)[][] = [];
  for (const m of run.metingen) {
    rijen.push([`(l) GET /opp/:id (${VERSIES} versions, IB)`, m.verbindingen, fmt(m.page.perSeconde, 1), m.page.fouten, fmtRatio(m.rawPage.perSeconde / m.page.perSeconde)]);
    rijen.push(['(m) its raw queries in db.withTenant', m.verbindingen, fmt(m.rawPage.perSeconde, 1), m.rawPage.fouten, '1.00×']);
    rijen.push([`(n) GET /mijn-kinderen (parent, ${KINDEREN} children)`, m.verbindingen, fmt(m.portal.perSeconde, 1), m.portal.fouten, fmtRatio(m.rawPortal.perSeconde / m.portal.perSeconde)]);
    rijen.push(['(o) its raw queries in db.withTenant', m.verbindingen, fmt(m.rawPortal.perSeconde, 1), m.rawPortal.fouten, '1.00×']);
  }
  out(table(['measurement', 'conns', 'per second', 'failed checks', 'raw ÷ page'], rijen));
  for (const m of run.metingen) {
    const a = m.rawPage.perSeconde / m.page.perSeconde;
    const c = m.rawPortal.perSeconde / m.portal.perSeconde;
    verdicts.push({ name: `${run.db}: OPP page vs its raw queries, ${m.verbindingen} conn(s)`, value: fmtRatio(a), target: `≤ ${TARGETS.oppVsRaw}×`, ok: a <= TARGETS.oppVsRaw });
    verdicts.push({ name: `${run.db}: parent portal vs its raw queries, ${m.verbindingen} conn(s)`, value: fmtRatio(c), target: `≤ ${TARGETS.oppVsRaw}×`, ok: c <= TARGETS.oppVsRaw });
    const fouten = m.page.fouten + m.rawPage.fouten + m.portal.fouten + m.rawPortal.fouten;
    verdicts.push({ name: `${run.db}: OPP failed checks, ${m.verbindingen} conn(s)`, value: String(fouten), target: '0', ok: fouten === 0 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main

function header(): void {
  out('Passend bench — ratios measured within this run; absolute numbers depend on the machine and its noise.');
  out(`Machine: ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GB RAM, Node ${process.version}.`);
  out(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min) — other work on this machine skews absolute numbers.`);
  out(`Each HTTP figure: ${WARMUP} s warm-up (discarded), then ${SECONDS} s of autocannon on 127.0.0.1 (BENCH_WARMUP/BENCH_SECONDS).`);
  out('The server runs in a child process, autocannon in this one: they compete for the same CPUs.');
  out('');
  out('What the figures mean:');
  out('  req/s        mean requests per second over the measurement (autocannon per-second samples)');
  out('  p50 / p99    latency in ms (autocannon records whole ms): half / 99 % of the requests were answered faster');
  out('  errors       connection errors + timeouts; non-2xx = answers with another status (e.g. a 303 to the login)');
  out('  loop p99     event-loop delay inside the server process (perf_hooks.monitorEventLoopDelay)');
  out('  (a) bare Hono on its own port: the framework baseline (no middleware, no database)');
  out('  (b) the login page: full middleware stack, no session, no database');
  out('  (c) the pupil list as the demo swv-directeur: session lookup (1 transaction), list + count under RLS');
  out('      with role switch and tenant set_config, an audit event insert (hash-chained), full middleware and JSX');
  out('  (d) bench-only: the same list SQL on the owner connection (no RLS, no transaction, no audit), no session');
  out('      lookup and no middleware, rendered with the same view components. (d)÷(c) is therefore an upper');
  out('      bound for the cost of RLS + audit; the "database work alone" table splits it up.');
  out('  (e) bench-only route inside the real Passend app: same middleware, session lookup and markup as (c), but');
  out('      the data read as owner without transaction, RLS or audit. (e)÷(c) is the RLS + audit overhead (target).');
  out('  (f) the school finder page (public, no login): bao schools within 10 km of 3701AB for gedrag + taal-lezen,');
  out('      after every bao/sbo/(v)so location of the country got an offer; (g) the same question to the JSON API.');
  out('      "raw" = the PC4-centroid lookup + the candidate query (zoekKandidatenSql) on the owner connection,');
  out('      sequential in the server process: raw calls/s ÷ API req/s is the cost of everything around the SQL.');
  out(`  (h) GET /aanmeldingen as an swv-medewerker of a synthetic SWV with ${fmt(AANMELDINGEN)} open aanmeldingen: page 1 of ${PAGINAS}`);
  out(`      (${PAGINA_GROOTTE} rows, counts over all ${fmt(AANMELDINGEN)}); (j) "rawPage" = the page's queries in one db.withTenant: listKlokken`);
  out(`      (light rows of all ${fmt(AANMELDINGEN)}) + listAanmeldingenOpId of the ${PAGINA_GROOTTE} ids with the nearest deadline.`);
  out('      (i) GET /aanmeldingen.csv, the full export; (k) "rawCsv" = its SELECT (listAanmeldingen) inside db.withTenant.');
  out('      Passend runs in the bench process for this (the raw queries must run where the server runs); one request at');
  out(`      a time, in turn: ${WARMUP_ITERATIONS} rounds discarded, then ${ITERATIONS} timed (BENCH_WARMUP_ITERATIONS/BENCH_ITERATIONS); medians.`);
  out(`  (l) GET /opp/:id as the IB: an OPP with ${VERSIES} versions, decisions, talks, views and evaluations; (m) its raw queries`);
  out('      (findOpp, laadRecords: five SELECTs, the portal age, the parents) in one db.withTenant. (n) GET /mijn-kinderen as a');
  out(`      parent with ${KINDEREN} children; (o) its raw queries. At 1 and 20 concurrent clients in this process for ${SECONDS} s after ${WARMUP} s;`);
  out('      the page clients are keep-alive HTTP requests, the raw clients call the store; ratio = raw per second ÷ page per second.');
  out('  Passend logs one line per request at LOG_LEVEL=info (the default) to a file, as in production.');
  out('  PGlite: one embedded PostgreSQL inside the server process — all database work is serialised there, so');
  out('  more connections add queueing, not parallelism; the DB work also shares the one Node event loop.');
  out('');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-bench-'));
  const verdicts: Verdict[] = [];
  const chosen = selectedScenarios(process.argv.slice(2));
  header();
  if (chosen.size < SCENARIOS.length) out(`Selected scenarios: ${[...chosen].join(', ')} (of ${SCENARIOS.join(', ')}).\n`);

  const dataDir = path.join(tmpRoot, 'data');
  // PGlite children: no DATABASE_URL; a generated secret in the data dir like a fresh install.
  const { DATABASE_URL: databaseUrl, ...inherited } = process.env;
  const pgliteEnv = (port: number): NodeJS.ProcessEnv => ({
    ...inherited, PASSEND_DATA_DIR: dataDir, PORT: String(port), HOST, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', DATABASE_URL: '',
  });
  const passendStart = [path.join(ROOT, 'bin/passend.mjs'), 'start'];
  const benchServer = ['--import', 'tsx', path.join(ROOT, 'bench/server.ts')];

  let port: number;
  let start: number;
  let child: Child;
  if (chosen.has('start')) {
    // ---- Scenario 2: first start vs restart (PGlite) ------------------------------------------------------------
    out('== 2. PGlite: first start vs restart (`node bin/passend.mjs start`, until GET /gezondheid answers 200) ==');
    process.stderr.write('  … first start (initdb, migrations, register import, demo seed)\n');
    port = await freePort();
    start = performance.now();
    child = spawnChild('first-start', passendStart, pgliteEnv(port));
    const firstMs = await waitUntilUp(child, `http://${HOST}:${port}/gezondheid`, start, 240_000);
    const firstStopMs = await stopChild(child);

    process.stderr.write('  … restart of the same data dir\n');
    port = await freePort();
    start = performance.now();
    child = spawnChild('restart', passendStart, pgliteEnv(port));
    const restartMs = await waitUntilUp(child, `http://${HOST}:${port}/gezondheid`, start, 120_000);
    const base = `http://${HOST}:${port}`;

    // ---- Scenario 3: RSS after restart + warm-up -------------------------------------------------------------------
    process.stderr.write('  … warm-up before reading the memory\n');
    const rssBefore = procMemory(child.pid);
    const loket = DEMO_LOGINS.find((d) => d.rol === 'swv-medewerker')!;
    const { cookie } = await loginDemo(base, loket);
    const warm1 = await autocannon({ url: `${base}/leerlingen`, connections: 10, duration: 3, headers: { cookie }, timeout: 10 });
    const warm2 = await autocannon({ url: `${base}/inloggen`, connections: 10, duration: 2, timeout: 10 });
    const rssAfter = procMemory(child.pid);
    const restartStopMs = await stopChild(child);

    out(table(['measurement', 'seconds'], [
      ['first start: initdb + migrations + register import + demo seed + listen', fmt(firstMs / 1000, 2)],
      ['restart of the same data dir: open + migrate (no-op) + self-test + listen', fmt(restartMs / 1000, 2)],
      ['stop after first start (SIGTERM → exit, includes CHECKPOINT)', fmt(firstStopMs / 1000, 2)],
      ['stop after restart + warm-up (SIGTERM → exit)', fmt(restartStopMs / 1000, 2)],
    ]));
    out(`  Ratio first start ÷ restart: ${fmtRatio(firstMs / restartMs)}  (both include Node + tsx start-up of the child)`);
    out();

    out('== 3. Resident memory of the server (PGlite, demo data) ==');
    out(table(['moment', 'VmRSS MB', 'VmHWM (peak) MB'], [
      ['just after restart (first /gezondheid 200)', fmt(rssBefore.rss), fmt(rssBefore.hwm)],
      [`after warm-up: ${fmt(warm1.requests.total)} × /leerlingen + ${fmt(warm2.requests.total)} × /inloggen at 10 conns`, fmt(rssAfter.rss), fmt(rssAfter.hwm)],
    ]));
    out(`  Read from /proc/${child.pid}/status of the \`passend start\` child (PGlite runs inside that process).`);
    verdicts.push({ name: 'PGlite: server RSS after restart + warm-up', value: `${fmt(rssAfter.rss)} MB`, target: `≤ ${TARGETS.rssMb} MB`, ok: rssAfter.rss <= TARGETS.rssMb });
    verdicts.push({ name: 'PGlite: first start ÷ restart', value: fmtRatio(firstMs / restartMs), target: '(info)', ok: null });
    out();
  }

  if (chosen.has('http')) {
    // ---- Scenario 1: HTTP throughput, PGlite ------------------------------------------------------------------------
    out('== 1. HTTP throughput — PGlite (embedded; all DB work serialised in the one server process) ==');
    const ports = { app: await freePort(), bare: await freePort(), plain: await freePort() };
    start = performance.now();
    child = spawnChild('bench-server-pglite', benchServer, {
      ...pgliteEnv(ports.app), BENCH_BARE_PORT: String(ports.bare), BENCH_PLAIN_PORT: String(ports.plain),
    });
    const benchBootMs = await waitUntilUp(child, `http://${HOST}:${ports.plain}/_bench/ready`, start, 120_000);
    out(`  Bench server (Passend + bare Hono + list without RLS in one process) up in ${fmt(benchBootMs / 1000, 2)} s (another restart of the same dir).`);
    const pgliteRun = await httpScenario('PGlite', child, ports);
    await stopChild(child);
    printHttp(pgliteRun, verdicts);
    out();

    // ---- Scenario 1 again on PostgreSQL (optional) ------------------------------------------------------------------
    if (databaseUrl) {
      out('== 1b. HTTP throughput — PostgreSQL (DATABASE_URL; a throw-away database for this run) ==');
      const benchUrl = await throwawayDatabase(databaseUrl);
      const pgPorts = { app: await freePort(), bare: await freePort(), plain: await freePort() };
      start = performance.now();
      child = spawnChild('bench-server-postgres', benchServer, {
        ...inherited, DATABASE_URL: benchUrl, PASSEND_SECRET: process.env.PASSEND_SECRET ?? crypto.randomBytes(32).toString('base64url'),
        PASSEND_DEMO: 'true', PASSEND_DATA_DIR: path.join(tmpRoot, 'pg-unused'), PORT: String(pgPorts.app), HOST,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', BENCH_BARE_PORT: String(pgPorts.bare), BENCH_PLAIN_PORT: String(pgPorts.plain),
        BENCH_OWNER_BYPASS: '1',
      });
      const pgBootMs = await waitUntilUp(child, `http://${HOST}:${pgPorts.plain}/_bench/ready`, start, 240_000);
      out(`  First start on an empty PostgreSQL database (migrations + register import + demo seed): ${fmt(pgBootMs / 1000, 2)} s.`);
      out(`  Pool: DATABASE_POOL_MAX=${process.env.DATABASE_POOL_MAX ?? '10 (default)'}. The "no RLS" list runs as the owner; that role is not a`);
      out('  superuser here, so the bench switched FORCE RLS off for the owner on leerling/inschrijving in this database only.');
      const pgRun = await httpScenario('PostgreSQL', child, pgPorts);
      await stopChild(child);
      printHttp(pgRun, verdicts);
      out();
    } else {
      out('== 1b. PostgreSQL: skipped (set DATABASE_URL, and optionally PASSEND_SECRET, to run scenario 1 on PostgreSQL too) ==');
      out();
    }
  }

  // ---- Scenario 4: the SWV overview of aanmeldingen (Passend in this process) ------------------------------------
  if (chosen.has('zorgplicht')) {
    out(`== 4. The SWV overview of aanmeldingen — PGlite (${fmt(AANMELDINGEN)} open aanmeldingen in one region, synthetic; Passend in this process) ==`);
    printZorgplicht(await zorgplichtScenario('PGlite'), verdicts);
    out();
    if (databaseUrl) {
      out(`== 4b. The SWV overview of aanmeldingen — PostgreSQL (a throw-away database on the DATABASE_URL server) ==`);
      let run: ZorgplichtRun;
      try {
        run = await zorgplichtScenario('PostgreSQL', await throwawayDatabase(databaseUrl));
      } catch (err) {
        run = { db: 'PostgreSQL', gevuld: null, meting: null, check: null, overgeslagen: `no throw-away database: ${(err as Error).message}`, bootMs: 0 };
      }
      printZorgplicht(run, verdicts);
      out();
    } else {
      out('== 4b. PostgreSQL: skipped (set DATABASE_URL to run scenario 4 on PostgreSQL too) ==');
      out();
    }
  }

  // ---- Scenario 5: the OPP page and the parents' portal (Passend in this process) --------------------------------
  if (chosen.has('opp')) {
    out(`== 5. The OPP page (${VERSIES} versions) and the parents' portal home — PGlite (Passend in this process) ==`);
    printOpp(await oppScenario('PGlite'), verdicts);
    out();
    if (databaseUrl) {
      out('== 5b. The OPP page and the parents\' portal — PostgreSQL (a throw-away database on the DATABASE_URL server) ==');
      let run: OppRun;
      try {
        run = await oppScenario('PostgreSQL', await throwawayDatabase(databaseUrl));
      } catch (err) {
        run = { db: 'PostgreSQL', gevuld: null, metingen: [], check: null, overgeslagen: `no throw-away database: ${(err as Error).message}` };
      }
      printOpp(run, verdicts);
      out();
    } else {
      out('== 5b. PostgreSQL: skipped (set DATABASE_URL to run scenario 5 on PostgreSQL too) ==');
      out();
    }
  }

  // ---- Summary ----------------------------------------------------------------------------------------------------
  out('== Summary ==');
  out(table(['check', 'value', 'target', 'result'], verdicts.map((v) => [v.name, v.value, v.target, v.ok === null ? 'info' : v.ok ? 'met' : 'MISSED'])));
  out();
  out(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min).`);
  out(`Bench took ${fmt((performance.now() - t0) / 1000)} s. Timings are never asserted; compare ratios, not absolute numbers.`);
}

try {
  await main();
} catch (err) {
  out(`\nBench aborted: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
