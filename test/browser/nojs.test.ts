/**
 * Passend without JavaScript, on a 320 px wide screen: every step goes through links in the header menu and
 * plain HTML forms (POST → redirect → GET). A member of staff logs in with password and app code, finds and opens
 * a pupil, registers a new pupil (first with a mistake, then corrected), adds a parent with an invitation and logs
 * out; the parent takes the invitation from the demo mailbox, logs in with the e-mailed code and sees the child.
 * A parent without an account looks for a school with the public finder and compares three schools (GET forms
 * only). The school leader adopts the school's ondersteuningsaanbod for the new school year with the MR's advice.
 * No page.evaluate here: with JavaScript off only Playwright's own locators work.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  chromiumSkipReason, demoLogin, expectNavigation, flash, freshTotp, h1, logout, menu, pathname, readLoginCode, screenshot, startHarness,
  viaMenu, visit, type Harness,
} from './support.js';
import { DEMO_WACHTWOORD } from '../../src/demo/logins.js';

const skip = chromiumSkipReason();

const IB = 'ib@school.passend.test';
const SCHOOLLEIDER = 'directie@school.passend.test';
const NIEUWE_OUDER = { naam: 'Robin Bakkerus', email: 'robin.bakkerus@gezin.passend.test' };
const LEERLING = { voornaam: 'Sterre', tussenvoegsel: 'van der', achternaam: 'Zonderscript', geboortedatum: '2017-05-14' };
const LEERLING_NAAM = `${LEERLING.voornaam} ${LEERLING.tussenvoegsel} ${LEERLING.achternaam}`;

describe('zonder JavaScript (320 px breed)', { skip }, () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let dossierPath = '';
  let uitnodiging = '';

  before(async () => {
    h = await startHarness();
    ctx = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    page = await ctx.newPage();
  });

  after(async () => {
    await ctx?.close();
    await h?.close();
  });

  test('medewerker logt in met wachtwoord en code uit de app', async () => {
    await visit(page, '/');
    await expectNavigation(page, () => page.locator('header').getByRole('link', { name: 'Inloggen', exact: true }).click());
    assert.equal(pathname(page), '/inloggen');
    await page.getByLabel('E-mailadres', { exact: true }).fill(IB);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
    await expectNavigation(page, () => page.getByRole('button', { name: 'Inloggen', exact: true }).click());
    assert.equal(pathname(page), '/mfa');
    await page.getByLabel('Code', { exact: true }).fill(await freshTotp(IB));
    await expectNavigation(page, () => page.getByRole('button', { name: 'Bevestigen' }).click());
    assert.equal(pathname(page), '/');
    assert.equal(await h1(page), `Welkom, ${demoLogin(IB).naam}`);
    const cookies = (await ctx.cookies()).map((c) => c.name);
    assert.ok(cookies.includes('__Host-passend'), `geen sessiecookie __Host-passend, wel: ${cookies.join(', ')}`);
  });

  test('ziet de leerlingen en opent een dossier', async () => {
    await viaMenu(page, 'Leerlingen');
    assert.equal(pathname(page), '/leerlingen');
    assert.equal(await menu(page).getByRole('link', { name: 'Leerlingen', exact: true }).getAttribute('aria-current'), 'page');
    const rows = page.locator('main table tbody tr');
    assert.ok((await rows.count()) > 10, 'de lijst met leerlingen is (bijna) leeg');
    await screenshot(page, 'nojs-320-leerlingen');
    const link = rows.nth(2).getByRole('link');
    const naam = ((await link.textContent()) ?? '').trim();
    await expectNavigation(page, () => link.click());
    assert.match(pathname(page), /^\/leerlingen\/[0-9a-f-]{36}$/);
    assert.equal(await h1(page), naam);
    assert.equal(await page.getByRole('table', { name: 'Inschrijvingen' }).count(), 1);
  });

  test('zoekt zonder JavaScript (GET-formulier)', async () => {
    await viaMenu(page, 'Leerlingen');
    await page.getByLabel('Zoek op naam').fill('qqq');
    await expectNavigation(page, () => page.getByRole('button', { name: 'Zoeken' }).click());
    assert.equal(new URL(page.url()).searchParams.get('zoek'), 'qqq');
    assert.equal(await page.getByLabel('Zoek op naam').inputValue(), 'qqq', 'de zoekterm staat niet meer in het veld');
    assert.match((await page.locator('main').textContent()) ?? '', /Geen leerlingen gevonden/);
  });

  test('voegt een leerling toe: eerst met een fout, dan verbeterd', async () => {
    await viaMenu(page, 'Leerlingen');
    await expectNavigation(page, () => page.getByRole('link', { name: 'Leerling toevoegen' }).click());
    assert.equal(pathname(page), '/leerlingen/nieuw');
    await page.getByLabel('Voornaam', { exact: true }).fill(LEERLING.voornaam);
    await page.getByLabel('Tussenvoegsel (als die er is)').fill(LEERLING.tussenvoegsel);
    await page.getByLabel('Achternaam', { exact: true }).fill(LEERLING.achternaam);
    await page.getByLabel('Geboortedatum').fill(LEERLING.geboortedatum);
    await page.getByLabel('Postcode woonadres (alleen de 4 cijfers)').fill('37a1'); // the mistake
    await expectNavigation(page, () => page.getByRole('button', { name: 'Leerling opslaan' }).click(), 422);

    assert.ok((await page.title()).startsWith('Fout: '), `titel: ${await page.title()}`);
    const melding = 'Vul de vier cijfers van de postcode in, bijvoorbeeld 3511.';
    const summary = page.locator('.passend-error-summary');
    assert.equal(await summary.getByRole('link').count(), 1, 'precies één fout verwacht');
    assert.equal(await summary.getByRole('link', { name: melding }).getAttribute('href'), '#woonPc4');
    assert.equal(await page.locator('.passend-error-summary:focus').count(), 1, 'de foutsamenvatting krijgt geen focus (autofocus)');
    const veld = page.getByLabel('Postcode woonadres (alleen de 4 cijfers)');
    assert.equal(await veld.getAttribute('aria-invalid'), 'true');
    const inline = page.locator('main form').getByText(melding);
    assert.equal(await inline.count(), 1, 'geen melding bij het veld zelf');
    // Everything typed is still there.
    assert.equal(await page.getByLabel('Voornaam', { exact: true }).inputValue(), LEERLING.voornaam);
    assert.equal(await page.getByLabel('Tussenvoegsel (als die er is)').inputValue(), LEERLING.tussenvoegsel);
    assert.equal(await page.getByLabel('Achternaam', { exact: true }).inputValue(), LEERLING.achternaam);
    assert.equal(await page.getByLabel('Geboortedatum').inputValue(), LEERLING.geboortedatum);
    assert.equal(await veld.inputValue(), '37a1');
    await screenshot(page, 'nojs-320-leerling-fout');

    // The error summary link leads to the field.
    await summary.getByRole('link', { name: melding }).click();
    assert.equal(new URL(page.url()).hash, '#woonPc4');

    await veld.fill('3701');
    await expectNavigation(page, () => page.getByRole('button', { name: 'Leerling opslaan' }).click());
    assert.match(pathname(page), /^\/leerlingen\/[0-9a-f-]{36}$/);
    dossierPath = pathname(page);
    assert.equal(await h1(page), LEERLING_NAAM);
    assert.ok(!(await page.title()).startsWith('Fout: '));
    await flash(page, 'De leerling is opgeslagen.');
    assert.match((await page.locator('main dl').textContent()) ?? '', /14 mei 2017/);
    assert.match((await page.locator('main dl').textContent()) ?? '', /3701/);
  });

  test('voegt een ouder toe met een uitnodiging', async () => {
    assert.ok(dossierPath, 'geen nieuw dossier (vorige stap mislukt)');
    const form = page.getByRole('form', { name: 'Ouder of verzorger toevoegen' });
    await form.getByLabel('Naam', { exact: true }).fill(NIEUWE_OUDER.naam);
    await form.getByLabel('E-mailadres', { exact: true }).fill(NIEUWE_OUDER.email);
    await form.getByLabel('Relatie tot de leerling').selectOption('ouder');
    await form.getByRole('group', { name: 'Heeft deze ouder gezag?' }).getByLabel('Ja', { exact: true }).check();
    assert.equal(await form.getByLabel('Stuur een uitnodiging om het dossier in Passend te volgen').isChecked(), true);
    await expectNavigation(page, () => form.getByRole('button', { name: 'Toevoegen' }).click());
    assert.equal(pathname(page), dossierPath);
    await flash(page, 'De ouder is toegevoegd en krijgt een uitnodiging per e-mail.');
    const row = page.getByRole('table', { name: 'Ouders en verzorgers' }).locator('tbody tr').filter({ hasText: NIEUWE_OUDER.naam });
    assert.equal(await row.count(), 1, 'de ouder staat niet in de tabel');
    assert.match((await row.textContent()) ?? '', /ouder\s*ja\s*nog niet/);
    await screenshot(page, 'nojs-320-dossier');
  });

  test('logt uit via de knop in de kop', async () => {
    await logout(page);
    await visit(page, dossierPath); // a pupil file now asks for a login
    assert.equal(pathname(page), '/inloggen');
  });

  test('de ouder neemt de uitnodiging aan uit de demo-mailbox', async () => {
    await visit(page, '/');
    await viaMenu(page, 'Demo-mailbox');
    const mail = page.locator('main table tbody tr').filter({ hasText: NIEUWE_OUDER.email }).getByRole('link');
    assert.equal(await mail.count(), 1, 'geen uitnodiging in de demo-mailbox');
    await expectNavigation(page, () => mail.click());
    assert.equal(await h1(page), 'Uitnodiging: volg het dossier van uw kind in Passend');
    const tekst = (await page.locator('main pre').textContent()) ?? '';
    assert.doesNotMatch(tekst, new RegExp(`${LEERLING.voornaam}|${LEERLING.achternaam}`), 'de uitnodiging noemt de naam van het kind');
    const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(tekst)?.[0];
    assert.ok(link, `geen uitnodigingslink in:\n${tekst}`);
    uitnodiging = new URL(link).pathname; // the mail says http://localhost:<port>; stay on this host
    await visit(page, uitnodiging);
    assert.equal(await h1(page), 'Uitnodiging aannemen');
    await expectNavigation(page, () => page.getByRole('button', { name: 'Uitnodiging aannemen' }).click());
    assert.equal(pathname(page), '/inloggen/code');
    await flash(page, 'De uitnodiging is aangenomen. Vraag nu een code aan om in te loggen.');
  });

  test('de ouder logt in met de code uit de mail en ziet het kind', async () => {
    assert.ok(uitnodiging, 'uitnodiging niet aangenomen (vorige stap mislukt)');
    await page.getByLabel('E-mailadres', { exact: true }).fill(NIEUWE_OUDER.email);
    await expectNavigation(page, () => page.getByRole('button', { name: 'Stuur mij een code' }).click());
    assert.equal(await h1(page), 'Code invullen');
    const mailbox = await ctx.newPage();
    let code: string;
    try {
      code = await readLoginCode(mailbox, NIEUWE_OUDER.email, 0);
    } finally {
      await mailbox.close();
    }
    await page.getByLabel('Code', { exact: true }).fill(code);
    await expectNavigation(page, () => page.getByRole('button', { name: 'Inloggen', exact: true }).click());
    assert.equal(pathname(page), '/');
    assert.equal(await h1(page), `Welkom, ${NIEUWE_OUDER.naam}`);

    await viaMenu(page, 'Mijn kinderen');
    const row = page.getByRole('table', { name: 'Mijn kinderen' }).locator('tbody tr').filter({ hasText: LEERLING_NAAM });
    assert.equal(await row.count(), 1, 'het kind staat niet bij Mijn kinderen');
    await expectNavigation(page, () => row.getByRole('link', { name: 'Bekijk het dossier' }).click());
    assert.equal(pathname(page), dossierPath);
    assert.equal(await h1(page), LEERLING_NAAM);
    assert.equal(await page.getByRole('link', { name: 'Gegevens wijzigen' }).count(), 0, 'een ouder mag niet wijzigen');
    await screenshot(page, 'nojs-320-ouder-dossier');
    await logout(page);
  });

  test('een ouder zoekt een school die past en vergelijkt er drie', async () => {
    await visit(page, '/scholen/zoeken');
    assert.equal(await h1(page), 'Zoek een school die past bij uw kind');
    await page.getByLabel('Postcode', { exact: true }).fill('3701');
    await page.getByLabel('Gedrag', { exact: true }).check();
    await page.getByLabel('Taal, lezen en dyslexie', { exact: true }).check();
    await expectNavigation(page, () => page.getByRole('button', { name: 'Zoek scholen' }).click());
    const url = new URL(page.url());
    assert.equal(url.pathname, '/scholen/zoeken');
    assert.equal(url.searchParams.get('postcode'), '3701');
    assert.deepEqual(url.searchParams.getAll('behoefte').sort(), ['gedrag', 'taal-lezen']);
    assert.equal(await page.getByLabel('Postcode', { exact: true }).inputValue(), '3701', 'de postcode staat niet meer in het veld');
    assert.equal(await page.getByLabel('Gedrag', { exact: true }).isChecked(), true);

    const passend = page.getByRole('region', { name: /^Scholen die passen/ });
    const tekst = (await passend.textContent()) ?? '';
    assert.match(tekst, /\d+,\d km hemelsbreed/, 'geen afstand (hemelsbreed) bij de scholen');
    assert.match(tekst, /Demo: verzonnen voorbeeld/, 'het demo-aanbod is niet als demo gemarkeerd');
    assert.match(tekst, /Gedrag/);
    const vinkjes = passend.getByRole('checkbox', { name: /^Vergelijk / });
    assert.ok((await vinkjes.count()) >= 3, `verwacht minstens 3 passende scholen bij 3701, kreeg ${await vinkjes.count()}`);
    await screenshot(page, 'nojs-320-schoolzoeker');
    const namen: string[] = [];
    for (const i of [0, 1, 2]) {
      const naam = ((await passend.getByRole('heading', { level: 4 }).nth(i).textContent()) ?? '').trim();
      namen.push(naam);
      await vinkjes.nth(i).check();
    }
    await expectNavigation(page, () => passend.getByRole('button', { name: 'Vergelijk de aangevinkte scholen' }).click());
    assert.equal(pathname(page), '/scholen/vergelijken');
    assert.equal(await h1(page), 'Scholen vergelijken');
    const tabel = page.getByRole('table');
    assert.equal(await tabel.count(), 1);
    const kolommen = ((await tabel.locator('thead').textContent()) ?? '').trim();
    for (const naam of namen) assert.ok(kolommen.includes(naam), `${naam} staat niet in de vergelijking (${kolommen})`);
    assert.equal(await tabel.getByRole('rowheader', { name: 'Gedrag', exact: true }).count(), 1);
    assert.equal(await tabel.getByRole('rowheader', { name: 'Taal, lezen en dyslexie', exact: true }).count(), 1);
    await screenshot(page, 'nojs-320-vergelijken');

    // Back to the same results, with both schools still ticked.
    await expectNavigation(page, () => page.getByRole('link', { name: 'Terug naar uw zoekresultaten' }).click());
    assert.equal(pathname(page), '/scholen/zoeken');
    assert.equal(await page.getByLabel('Postcode', { exact: true }).inputValue(), '3701');
    const terug = page.getByRole('region', { name: /^Scholen die passen/ }).getByRole('checkbox', { name: /^Vergelijk / });
    assert.equal(await terug.nth(0).isChecked(), true, 'het vinkje bij de eerste school is weg');
    assert.equal(await terug.nth(1).isChecked(), true, 'het vinkje bij de tweede school is weg');
  });

  test('de schoolleider stelt het aanbod van het nieuwe schooljaar vast, met het advies van de MR', async () => {
    const leiderCtx = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    const p = await leiderCtx.newPage();
    try {
      await visit(p, '/inloggen');
      await p.getByLabel('E-mailadres', { exact: true }).fill(SCHOOLLEIDER);
      await p.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_WACHTWOORD);
      await expectNavigation(p, () => p.getByRole('button', { name: 'Inloggen', exact: true }).click());
      await p.getByLabel('Code', { exact: true }).fill(await freshTotp(SCHOOLLEIDER));
      await expectNavigation(p, () => p.getByRole('button', { name: 'Bevestigen' }).click());
      await viaMenu(p, 'Ondersteuningsaanbod');
      assert.equal(pathname(p), '/aanbod');
      // The demo school has last year's offer only: start this year's as a copy.
      assert.equal(await p.getByRole('radio', { name: 'Met een kopie van de laatste versie' }).isChecked(), true);
      await expectNavigation(p, () => p.getByRole('button', { name: 'Nieuwe versie maken' }).click());
      const versiePad = pathname(p);
      assert.match(versiePad, /^\/aanbod\/versie\/[0-9a-f-]{36}$/);
      // A change in a collapsed domain section (native <details>, no script needed) and a save.
      await p.locator('summary', { hasText: 'Gedrag' }).click();
      await p.getByLabel('Onze school biedt ondersteuning bij: gedrag').check();
      const gedrag = p.locator('details', { has: p.locator('summary', { hasText: 'Gedrag' }) });
      await gedrag.getByRole('radio', { name: 'Extra ondersteuning' }).check();
      await gedrag.getByLabel('Wat doet de school?').fill('Een vaste plek om tot rust te komen en een gedragsspecialist in het team.');
      await expectNavigation(p, () => p.getByRole('button', { name: 'Concept opslaan' }).click());
      await flash(p, 'Het concept is opgeslagen');
      await expectNavigation(p, () => p.getByRole('link', { name: 'Vaststellen met het advies van de MR' }).click());
      await p.getByRole('radio', { name: 'Positief advies', exact: true }).check();
      await p.getByLabel('Datum van het advies').fill('2026-06-10');
      await expectNavigation(p, () => p.getByRole('button', { name: 'Vaststellen en publiceren' }).click());
      assert.match(pathname(p), /^\/scholen\/08LE00\/aanbod\/\d{4}-\d{4}\/1$/);
      await flash(p, 'Het aanbod is vastgesteld');
      assert.match((await p.locator('main').textContent()) ?? '', /Een vaste plek om tot rust te komen/);
      await screenshot(p, 'nojs-320-aanbod-vastgesteld');
      // Adopted is read-only: the staff page of the version has no form any more.
      await visit(p, versiePad);
      assert.equal(await p.getByRole('button', { name: 'Concept opslaan' }).count(), 0);
      assert.match((await p.locator('main').textContent()) ?? '', /Status: vastgesteld op/);
    } finally {
      await leiderCtx.close();
    }
  });
});
