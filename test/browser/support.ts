/**
 * Browser test harness: the real app (src/boot.ts `start`) on a PGlite data dir with the real DUO register and the
 * demo SWV, driven by Debian's Chromium through playwright-core, checked with axe-core.
 *
 * Seeding (register import + demo seed) takes tens of seconds on PGlite, so it happens once per test run: the
 * first test file of a run starts the app on an empty dir (the real first start), stops it and keeps that dir
 * in os.tmpdir(); every file then starts the app on its own copy. Files of one run share the seed through the
 * pid of the node:test runner (their parent); a dir left by an earlier run is removed once its runner is gone.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import { start } from '../../src/boot.js';
import { isAlive } from '../../src/platform/db/open.js';
import { DEMO_LOGINS, DEMO_SWV, DEMO_WACHTWOORD, type DemoLogin } from '../../src/demo/logins.js';
import { newTotpSecret, totpCode, totpStep } from '../../src/platform/auth/totp.js';
import { createAccount } from '../../src/platform/auth/service.js';
import { seal } from '../../src/platform/auth/secrets.js';
import type { Rol } from '../../src/platform/auth/roles.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SECRET = 'browser-test-secret-0123456789-abcdefghijklmnop';
const SEED_PREFIX = 'passend-browser-seed-';

/**
 * Why the browser tests cannot run here, or undefined when they can. Under CI=true a missing browser is a
 * failure (thrown), never a silent skip.
 */
export function chromiumSkipReason(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  const missing = `${CHROMIUM_PATH} ontbreekt (installeer het Debian-pakket "chromium")`;
  if (process.env.CI === 'true') throw new Error(`${missing}; met CI=true mogen de browsertests niet overgeslagen worden.`);
  return `${missing}; de browsertests zijn overgeslagen.`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The environment for start(): everything that could point elsewhere (DATABASE_URL, SMTP_URL, …) is blanked. */
function appEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PASSEND_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'true',
    LOG_LEVEL: 'silent',
    PASSEND_SECRET: SECRET,
    JOBS_WORKER: 'true',
    // A CI job may set these for other tests; the browser suite needs embedded PGlite, the demo and its mailbox.
    DATABASE_URL: '',
    SMTP_URL: '',
    PUBLIC_URL: '',
    PASSEND_DEMO: '',
    PASSEND_TODAY: '',
    PASSEND_REGISTER_IMPORT: 'true',
  };
}

/** Removes seed and work dirs left by processes that have ended (a crashed or killed run). */
function removeStaleDirs(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = /^passend-browser-(?:seed|run)-(\d+)(?:\.|$)/.exec(name);
    if (m && !isAlive(Number(m[1]))) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

/** A small detached process that removes `dir` once process `pid` (the test runner) has ended. */
function removeWhenGone(pid: number, dir: string): void {
  const code = `const fs=require('fs');const p=+process.argv[1],d=process.argv[2];setInterval(()=>{try{process.kill(p,0)}catch(e){if(e.code!=='EPERM'){fs.rmSync(d,{recursive:true,force:true});process.exit(0)}}},1000)`;
  spawn(process.execPath, ['-e', code, String(pid), dir], { detached: true, stdio: 'ignore', env: {} }).unref();
}

/** First start on an empty data dir: imports the register and seeds the demo, exactly as a new install does. */
async function buildSeed(dir: string): Promise<void> {
  const lines: string[] = [];
  const app = await start(appEnv(dir, await freePort()), (l) => lines.push(l));
  await app.stop();
  const all = lines.join('\n');
  assert.match(all, /Register geïmporteerd/, `De eerste start importeerde het register niet:\n${all}`);
  assert.match(all, /Demo-samenwerkingsverband PO2603 aangemaakt/, `De eerste start maakte de demo niet aan:\n${all}`);
}

/**
 * A seeded data dir for this run. Inside a node:test run the files share one (keyed by the runner's pid,
 * guarded by an exclusive lock dir); a file run on its own builds a private one.
 */
async function seededDir(): Promise<{ dir: string; cleanup: () => void }> {
  const underRunner = Boolean(process.env.NODE_TEST_CONTEXT);
  removeStaleDirs();
  if (!underRunner) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${SEED_PREFIX}${process.pid}.`));
    await buildSeed(path.join(dir, 'data'));
    return { dir: path.join(dir, 'data'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const root = path.join(os.tmpdir(), `${SEED_PREFIX}${process.ppid}`);
  const ready = path.join(root, 'data');
  const lock = path.join(root, 'lock');
  try {
    fs.mkdirSync(root);
    removeWhenGone(process.ppid, root); // the first file of the run arranges the clean-up
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (;;) {
    if (fs.existsSync(ready)) return { dir: ready, cleanup: () => {} };
    try {
      fs.mkdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = 0;
      try {
        owner = Number.parseInt(fs.readFileSync(path.join(lock, 'pid'), 'utf8'), 10) || 0;
      } catch {
        // the builder has not written its pid yet
      }
      if (owner && !isAlive(owner)) fs.rmSync(lock, { recursive: true, force: true }); // its builder died
      await sleep(250);
      continue;
    }
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    try {
      const building = path.join(root, `building-${process.pid}`);
      fs.rmSync(building, { recursive: true, force: true });
      await buildSeed(building);
      fs.renameSync(building, ready);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface Harness {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  port: number;
  browser: Browser;
  /** The app's database, for the rare test that must arrange data the demo does not have. */
  db: Awaited<ReturnType<typeof start>>['db'];
  /** A new context (own cookies) with the defaults of this suite. */
  newContext(opts?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Starts the app on a copy of the seeded data dir and launches Chromium. Call once per test file. */
export async function startHarness(): Promise<Harness> {
  const seed = await seededDir();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `passend-browser-run-${process.pid}.`));
  const dataDir = path.join(work, 'data');
  fs.cpSync(seed.dir, dataDir, { recursive: true, filter: (src) => !src.endsWith('.lock') });
  seed.cleanup();
  const port = await freePort();
  const app = await start(appEnv(dataDir, port), () => {});
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  } catch (err) {
    await app.stop();
    throw err;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    port,
    browser,
    db: app.db,
    newContext: (opts = {}) =>
      browser.newContext({ baseURL: baseUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', reducedMotion: 'reduce', viewport: { width: 1280, height: 800 }, ...opts }),
    async close() {
      await browser.close();
      await app.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Navigation and logins
// ---------------------------------------------------------------------------------------------------------------

/** Opens a path and asserts the HTTP status of the document. */
export async function visit(page: Page, url: string, status = 200): Promise<void> {
  const res = await page.goto(url);
  assert.ok(res, `geen antwoord op ${url}`);
  assert.equal(res.status(), status, `${url}: status ${res.status()}, verwacht ${status}`);
}

/** Runs an action that loads a new document (form submit, link) and asserts that document's status. */
export async function expectNavigation(page: Page, action: () => Promise<unknown>, status = 200): Promise<void> {
  const [res] = await Promise.all([page.waitForNavigation(), action()]);
  assert.ok(res, 'geen nieuwe pagina geladen');
  assert.equal(res.status(), status, `${res.url()}: status ${res.status()}, verwacht ${status}`);
}

/** Accounts made by {@link createStaffAccount} in this process, found by demoLogin like the demo's own. */
const extraLogins: DemoLogin[] = [];

export function demoLogin(email: string) {
  const d = DEMO_LOGINS.find((l) => l.email === email) ?? extraLogins.find((l) => l.email === email);
  assert.ok(d, `geen demo-account ${email}`);
  return d;
}

/**
 * A staff account the demo does not have (e.g. the IB of another school of the region), made the way the demo
 * seed makes its own: createAccount in the demo SWV, the demo password and a confirmed app key (sealed with this
 * harness's secret). loginStaff and freshTotp then work for it as for a demo account. Only in this file's copy
 * of the data dir.
 */
export async function createStaffAccount(h: Harness, a: { email: string; naam: string; rol: Rol; vestigingCode?: string }): Promise<DemoLogin> {
  const id = await createAccount({ db: h.db }, { email: a.email, naam: a.naam, wachtwoord: DEMO_WACHTWOORD, rol: a.rol, swvId: DEMO_SWV, vestigingCode: a.vestigingCode ?? null });
  const totpSecret = newTotpSecret();
  await h.db.withSystem((tx) => tx.execute(sql`update gebruiker set totp_secret = ${seal(SECRET, 'totp', totpSecret)}, totp_bevestigd_op = now() where id = ${id}`));
  const login: DemoLogin = { rol: a.rol, email: a.email, naam: a.naam, wachtwoord: DEMO_WACHTWOORD, totpSecret, swv: true, vestiging: Boolean(a.vestigingCode) };
  extraLogins.push(login);
  return login;
}

const usedSteps = new Map<string, number>();

/** A TOTP code for a demo account that this process has not used yet (each step works once per account). */
export async function freshTotp(email: string): Promise<string> {
  const secret = demoLogin(email).totpSecret;
  assert.ok(secret, `${email} heeft geen app-sleutel`);
  while (totpStep(new Date()) <= (usedSteps.get(email) ?? -1)) await sleep(500);
  const step = totpStep(new Date());
  usedSteps.set(email, step);
  return totpCode(secret, step);
}

/**
 * Staff login through the real forms: e-mail + password, then the TOTP code. Works with and without JavaScript.
 * `onMfaPage` runs while the page asks for the code (to check that page too).
 */
export async function loginStaff(page: Page, email: string, opts: { onMfaPage?: () => Promise<void>; landsOn?: string } = {}): Promise<void> {
  await visit(page, '/inloggen');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
  await expectNavigation(page, () => page.getByRole('button', { name: 'Inloggen', exact: true }).click());
  assert.equal(new URL(page.url()).pathname, '/mfa', `na het wachtwoord van ${email} verwacht: /mfa, kreeg ${page.url()}`);
  await opts.onMfaPage?.();
  await page.getByLabel('Code', { exact: true }).fill(await freshTotp(email));
  await expectNavigation(page, () => page.getByRole('button', { name: 'Bevestigen' }).click());
  const landsOn = opts.landsOn ?? '/';
  assert.equal(new URL(page.url()).pathname, landsOn, `na de code van ${email} verwacht: ${landsOn}, kreeg ${page.url()}`);
  await assertLoggedInAs(page, demoLogin(email).naam);
}

export async function assertLoggedInAs(page: Page, naam: string): Promise<void> {
  const user = (await page.locator('.passend-account__user').textContent()) ?? '';
  assert.ok(user.includes(naam), `verwacht ingelogd als ${naam}, de kop toont "${user.trim()}"`);
}

/** The newest login code mailed to `email`, read from the demo mailbox; there must be more than `skip`. */
export async function readLoginCode(page: Page, email: string, skip: number): Promise<string> {
  const rows = await loginCodeRows(page, email);
  const count = await rows.count();
  assert.ok(count > skip, `geen nieuwe inlogcode voor ${email} in de demo-mailbox (${count} oude)`);
  const link = rows.first().getByRole('link');
  const subject = (await link.textContent()) ?? '';
  const code = /(\d{6})/.exec(subject)?.[1];
  assert.ok(code, `geen code in onderwerp "${subject}"`);
  return code;
}

async function loginCodeRows(page: Page, email: string) {
  await visit(page, '/demo/mailbox');
  return page.locator('table tbody tr').filter({ hasText: email }).filter({ hasText: 'Uw inlogcode voor Passend' });
}

/**
 * Parent login: request a code, read it from the demo mailbox in a second tab, type it in. `onCodePage` runs
 * while the form asks for the code.
 */
export async function loginParent(page: Page, email: string, opts: { onCodePage?: () => Promise<void>; naam?: string } = {}): Promise<void> {
  const mailbox = await page.context().newPage();
  try {
    const before = await (await loginCodeRows(mailbox, email)).count();
    await visit(page, '/inloggen/code');
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await expectNavigation(page, () => page.getByRole('button', { name: 'Stuur mij een code' }).click());
    await page.getByRole('heading', { level: 1, name: 'Code invullen' }).waitFor();
    assert.equal(await page.getByLabel('E-mailadres', { exact: true }).inputValue(), email, 'het e-mailadres staat niet al ingevuld');
    await opts.onCodePage?.();
    const code = await readLoginCode(mailbox, email, before);
    await page.getByLabel('Code', { exact: true }).fill(code);
    await expectNavigation(page, () => page.getByRole('button', { name: 'Inloggen', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, '/');
    await assertLoggedInAs(page, opts.naam ?? demoLogin(email).naam);
  } finally {
    await mailbox.close();
  }
}

/** Logs out with the header button and checks the result. */
export async function logout(page: Page): Promise<void> {
  await expectNavigation(page, () => page.getByRole('button', { name: 'Uitloggen' }).click());
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('status').filter({ hasText: 'U bent uitgelogd.' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0, 'na uitloggen staat de knop Uitloggen er nog');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the page: locators only, so these work with JavaScript off too (nojs.test.ts, journey2 part 1)
// ---------------------------------------------------------------------------------------------------------------

/** The text of the page's first h1, trimmed. */
export async function h1(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').trim();
}

/** The path of the page's address, without query or fragment. */
export function pathname(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Asserts that the page shows the flash message `text` (role status) exactly once. */
export async function flash(page: Page, text: string): Promise<void> {
  assert.equal(await page.getByRole('status').filter({ hasText: text }).count(), 1, `de melding "${text}" ontbreekt`);
}

/** The header menu. */
export function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

/** Follows a link of the header menu by its exact text, as a user does (no typed addresses). */
export async function viaMenu(page: Page, label: string): Promise<void> {
  await expectNavigation(page, () => menu(page).getByRole('link', { name: label, exact: true }).click());
}

/** The links in the error summary (text and target), in page order. */
export async function summaryLinks(page: Page): Promise<{ text: string; href: string }[]> {
  const links = page.locator('.passend-error-summary a');
  const out: { text: string; href: string }[] = [];
  for (let i = 0; i < (await links.count()); i++) {
    out.push({ text: ((await links.nth(i).textContent()) ?? '').trim(), href: (await links.nth(i).getAttribute('href')) ?? '' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------------

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails with a readable list of every violation and node. */
export async function assertNoAxeViolations(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe.run() in the page itself. The default mode opens a blank page for every analysis to
  // combine the results of cross-origin frames; Passend has no frames, and that page doubles the time per check.
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  const lines = result.violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? '?'}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  ]);
  assert.equal(result.violations.length, 0, `${label}: ${result.violations.length} axe-overtreding(en)\n${lines.join('\n')}`);
}

/** WCAG 1.4.10: at 320 CSS px wide the page must not scroll sideways. Restores the viewport afterwards. */
export async function assertNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    const r = await page.evaluate(() => {
      const doc = document.documentElement;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5 || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'))
        .filter((el) => !el.closest('.passend-visually-hidden, .utrecht-skip-link'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')} (rechts ${Math.round(el.getBoundingClientRect().right)}px)`);
      return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
    });
    assert.ok(
      r.scrollWidth <= r.clientWidth,
      `${label}: bij 320px scrolt de pagina horizontaal (scrollWidth ${r.scrollWidth} > clientWidth ${r.clientWidth}); te breed: ${r.wide.join(', ')}`,
    );
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** All checks every page gets: axe and reflow at 320 px. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await assertNoAxeViolations(page, label);
  await assertNoHorizontalScroll(page, label);
}

/** The page now open: its h1 (exactly `heading`, or matching it), then {@link checkPage}. */
export async function checkOpenPage(page: Page, label: string, heading: string | RegExp): Promise<void> {
  const title = await h1(page);
  if (typeof heading === 'string') assert.equal(title, heading, `${label}: kop`);
  else assert.match(title, heading, `${label}: kop`);
  await checkPage(page, label);
}

/**
 * Opens a page and checks its status and address (path and query: a redirect to another page cannot pass), then
 * {@link checkOpenPage}.
 */
export async function checkPageAt(page: Page, url: string, heading: string | RegExp, status = 200): Promise<void> {
  await visit(page, url, status);
  const want = new URL(url, 'http://x');
  const got = new URL(page.url());
  assert.equal(got.pathname + got.search, want.pathname + want.search, `${url} werd doorgestuurd naar ${page.url()}`);
  await checkOpenPage(page, url, heading);
}

/** {@link checkPageAt} as a subtest of its own, so one failing page does not hide the others. */
export function checkUrl(t: TestContext, page: Page, url: string, heading: string | RegExp, status = 200): Promise<void> {
  return t.test(`${url} (${status})`, () => checkPageAt(page, url, heading, status));
}

/**
 * The page after a failed form (its status is checked by the caller): the title starts with "Fout: ", the error
 * summary has the focus and holds `expected` (how many messages, or their texts in any order); every link points
 * at one field that carries the message (aria-describedby on the field, or on its fieldset for a radio group), and
 * every field but a radio button is marked aria-invalid. Then {@link checkPage}.
 */
export async function checkErrorPage(page: Page, label: string, expected: number | readonly string[]): Promise<void> {
  const title = await page.title();
  assert.ok(title.startsWith('Fout: '), `${label}: titel "${title}" begint niet met "Fout: "`);
  const summary = page.locator('.passend-error-summary');
  assert.equal(await summary.count(), 1, `${label}: geen foutsamenvatting`);
  assert.ok(await summary.evaluate((el) => el === document.activeElement), `${label}: de foutsamenvatting krijgt geen focus`);
  const links = await summaryLinks(page);
  if (typeof expected === 'number') assert.equal(links.length, expected, `${label}: ${links.length} fouten in de samenvatting, verwacht ${expected}`);
  else assert.deepEqual(links.map((l) => l.text).sort(), [...expected].sort(), `${label}: de meldingen`);
  for (const { href, text } of links) {
    const field = page.locator(href);
    assert.equal(await field.count(), 1, `${label}: de link ${href} in de foutsamenvatting wijst naar niets`);
    const state = await field.evaluate((el, message) => {
      const holders: Element[] = [el];
      const fieldset = el.closest('fieldset');
      if (fieldset) holders.push(fieldset);
      const described = holders
        .flatMap((x) => (x.getAttribute('aria-describedby') ?? '').split(/\s+/))
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '');
      // A radio group's state belongs to its fieldset; a single checkbox is a field of its own (CheckboxField).
      const needsInvalid = el.matches('input:not([type=radio]), select, textarea');
      return { tied: described.some((t) => t.includes(message)), invalidOk: !needsInvalid || el.getAttribute('aria-invalid') === 'true' };
    }, text);
    assert.ok(state.tied, `${label}: de melding "${text}" hoort niet (aria-describedby) bij ${href}`);
    assert.ok(state.invalidOk, `${label}: ${href} heeft geen aria-invalid="true"`);
  }
  await checkPage(page, label);
}

/**
 * Ids are unique (axe 4.13 no longer checks this, but a duplicate id gives a second field the first one's label
 * and breaks the error summary's links) and every label points at an element.
 */
export async function assertUniqueIds(page: Page, label: string): Promise<void> {
  const r = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    const dubbel = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n}×)`);
    const los = [...document.querySelectorAll('label[for]')].filter((l) => !document.getElementById(l.getAttribute('for')!)).map((l) => l.getAttribute('for'));
    return { dubbel, los };
  });
  assert.deepEqual(r.dubbel, [], `${label}: dubbele id's (het tweede veld krijgt het label van het eerste)`);
  assert.deepEqual(r.los, [], `${label}: labels die naar niets wijzen`);
}

/** The page now open: {@link checkOpenPage}, and unique ids with unique ids. */
export async function checkHere(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await checkOpenPage(page, label, heading);
  await assertUniqueIds(page, label);
}

/** The page after a failed form: {@link checkErrorPage} with the expected messages, then unique ids. */
export async function checkErrorHere(page: Page, label: string, expected: string[]): Promise<void> {
  await checkErrorPage(page, label, expected);
  await assertUniqueIds(page, label);
}

/**
 * Keyboard: from the h1 on, Tab reaches every form control in main exactly in document order (a radio
 * group is one Tab stop), each with a visible focus indicator; no positive tabindex anywhere. Every control has
 * a name as the browser itself associates it (its `labels`, aria-label(ledby) or a button's text): axe can be
 * fooled by a label whose `for` names an id that occurs twice.
 */
export async function checkTabOrder(page: Page, label: string, minimum = 6): Promise<void> {
  const verwacht = await page.evaluate(() => {
    // Fields in a closed <details> are not reachable until it is opened (the user sees its summary, a Tab stop).
    const controls = [...document.querySelectorAll<HTMLElement>('main input:not([type=hidden]), main select, main textarea, main button')]
      .filter((el) => el.getClientRects().length > 0 && !(el as HTMLInputElement).disabled && !el.closest('details:not([open])'));
    const keys: string[] = [];
    controls.forEach((el, i) => {
      const r = el as HTMLInputElement;
      const key = r.type === 'radio' ? `radio:${r.form?.getAttribute('action')}:${r.name}` : `${el.tagName.toLowerCase()}#${i}:${r.name || el.textContent?.trim()}`;
      el.dataset.tabKey = key;
      if (keys.at(-1) !== key) keys.push(key);
    });
    const naamloos = controls.filter((el) => {
      if (el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby')) return false;
      if (el instanceof HTMLButtonElement) return !el.textContent?.trim();
      const labels = (el as HTMLInputElement).labels;
      return !labels || ![...labels].some((l) => l.textContent?.trim());
    }).map((el) => `${el.tagName.toLowerCase()}[name=${(el as HTMLInputElement).name}]#${el.id}`);
    return { keys, naamloos, positief: document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length };
  });
  assert.equal(verwacht.positief, 0, `${label}: een positieve tabindex verstoort de volgorde`);
  assert.ok(verwacht.keys.length >= minimum, `${label}: te weinig formuliervelden (${verwacht.keys.length})`);
  const bereikt: string[] = [];
  const zonderFocusrand: string[] = [];
  const omhoog: string[] = [];
  let vorigeTop = -Infinity;
  await page.locator('h1').first().click(); // start below the header, at the heading
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const { key, top } = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { key: el?.dataset.tabKey ?? (el?.closest('main') ? '' : 'buiten'), top: el ? el.getBoundingClientRect().top + scrollY : 0 };
    });
    if (key === 'buiten') break; // past main: the footer
    if (!key || bereikt.at(-1) === key) continue; // a link, or the same date input (its parts and calendar button)
    bereikt.push(key);
    // One column: each next field is at or below the previous one, so the order is also the visual order.
    if (top < vorigeTop - 1) omhoog.push(key);
    vorigeTop = top;
    const f = await focusInfo(page);
    if (!f.visible || !f.indicator) zonderFocusrand.push(key);
  }
  assert.deepEqual(bereikt, verwacht.keys, `${label}: Tab-volgorde van de formuliervelden`);
  assert.deepEqual(zonderFocusrand, [], `${label}: velden zonder zichtbare focus`);
  assert.deepEqual(omhoog, [], `${label}: Tab springt terug naar boven`);
  assert.deepEqual(verwacht.naamloos, [], `${label}: velden zonder label (volgens de browser)`);
}

/** Describes the focused element and whether its focus indicator is visible (outline or box-shadow). */
export async function focusInfo(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', text: '', id: '', href: '', visible: false, indicator: false, inMain: false };
    const cs = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outline = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      id: el.id,
      href: el.getAttribute('href') ?? '',
      visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.left < innerWidth && cs.visibility !== 'hidden',
      // A date input's calendar button is a Tab stop of its own inside the input's shadow tree: the input then
      // does not match :focus-visible and Chromium draws its own focus ring around the button (checked by eye).
      indicator: el.matches(':focus-visible')
        ? outline || shadow
        : el instanceof HTMLInputElement && ['date', 'time', 'datetime-local', 'month', 'week'].includes(el.type),
      inMain: Boolean(el.closest('main#inhoud')),
    };
  });
}

/**
 * Saves a full-page screenshot when PASSEND_SCREENSHOTS is set: to that directory, or with "1" to
 * os.tmpdir()/passend-screenshots. Never into the repository; off by default.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const setting = process.env.PASSEND_SCREENSHOTS;
  if (!setting) return;
  const dir = setting === '1' ? path.join(os.tmpdir(), 'passend-screenshots') : path.resolve(setting);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
