/**
 * Accessibility of every page, in a real browser: axe (WCAG 2.0/2.1 A and AA) reports nothing, the page does not
 * scroll sideways at 320 px (WCAG 1.4.10), failed forms say "Fout: " in the title and move focus to the error
 * summary, the skip link is the first Tab stop and works, and every Tab stop shows a visible focus indicator.
 * JavaScript stays on here (axe needs it); the no-JavaScript flows are in nojs.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { totpCode, totpStep } from '../../src/platform/auth/totp.js';
import {
  chromiumSkipReason, checkErrorPage, checkPage, checkPageAt, checkUrl, expectNavigation, focusInfo, h1, loginParent, loginStaff,
  screenshot, startHarness, visit, type Harness,
} from './support.js';

const skip = chromiumSkipReason();

const IB = 'ib@school.passend.test';
const SCHOOLLEIDER = 'directie@school.passend.test';
const DIRECTEUR = 'directeur@swv.passend.test';
const BEHEERDER = 'beheer@passend.test';
const CONTROLLER = 'controller@swv.passend.test';
const OUDER = 'ouder@gezin.passend.test';
const OPR = 'opr@swv.passend.test';

/**
 * Keyboard check of one page: Tab from the top reaches the skip link first; the skip link shows focus and
 * moves the focus start to #inhoud (the next Tab lands inside main); every Tab stop (up to `maxStops`) shows a
 * visible focus indicator.
 */
async function checkKeyboard(page: Page, url: string, maxStops = 25): Promise<void> {
  await visit(page, url);
  await page.keyboard.press('Tab');
  const first = await focusInfo(page);
  assert.equal(first.href, '#inhoud', `${url}: de eerste Tab-stop is ${first.tag} "${first.text}", niet de skiplink`);
  assert.ok(first.visible, `${url}: de skiplink is niet zichtbaar als hij focus heeft`);
  assert.ok(first.indicator, `${url}: de skiplink heeft geen zichtbare focusrand`);
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#inhoud', `${url}: de skiplink ging niet naar #inhoud`);
  assert.ok(await page.locator('main#inhoud').evaluate((el) => el.matches(':target')), `${url}: main#inhoud is niet het doel`);
  await page.keyboard.press('Tab');
  const next = await focusInfo(page);
  assert.ok(next.inMain, `${url}: na de skiplink gaat Tab naar ${next.tag} "${next.text}" buiten de inhoud`);
  const firstInMain = await page.evaluate(() => {
    const el = [...document.querySelectorAll<HTMLElement>('main#inhoud a[href], main#inhoud button, main#inhoud input:not([type=hidden]), main#inhoud select, main#inhoud textarea, main#inhoud [tabindex]')]
      .find((e) => e.tabIndex >= 0 && e.getClientRects().length > 0);
    return el === document.activeElement;
  });
  assert.ok(firstInMain, `${url}: na de skiplink krijgt niet het eerste element van de inhoud de focus`);

  await visit(page, url);
  const missing: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const f = await focusInfo(page);
    if (f.tag === 'body') break;
    if (!f.visible || !f.indicator) missing.push(`${f.tag} "${f.text}"${f.visible ? '' : ' (onzichtbaar)'}`);
  }
  assert.deepEqual(missing, [], `${url}: Tab-stops zonder zichtbare focus: ${missing.join(', ')}`);
}

describe('toegankelijkheid in de browser', { skip }, () => {
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });

  after(async () => {
    await h?.close();
  });

  test('sessiecookie: Chromium bewaart __Host-passend (Secure) op http://127.0.0.1 en http://localhost', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const ctx = await h.newContext({ baseURL: `http://${host}:${h.port}` });
      try {
        const page = await ctx.newPage();
        await visit(page, '/inloggen');
        const pre = (await ctx.cookies()).find((c) => c.name === '__Host-passend-pre');
        assert.ok(pre, `${host}: het cookie __Host-passend-pre is niet bewaard`);
        assert.equal(pre.secure, true);
        assert.equal(pre.httpOnly, true);
        if (host === 'localhost') {
          await loginStaff(page, BEHEERDER);
          const session = (await ctx.cookies()).find((c) => c.name === '__Host-passend');
          assert.ok(session, `${host}: het sessiecookie __Host-passend is niet bewaard`);
          assert.equal(session.secure, true);
          assert.equal(session.httpOnly, true);
          assert.equal(session.sameSite, 'Lax');
          await checkPageAt(page, '/beheer/audit', 'Auditlog en wachtrij');
          assert.match((await page.locator('.utrecht-alert').first().textContent()) ?? '', /De auditketen is in orde/);
          await screenshot(page, 'beheer-audit');
        }
      } finally {
        await ctx.close();
      }
    }
  });

  test('anonieme pagina\'s', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await checkUrl(t, page, '/', 'Passend');
      await screenshot(page, 'start-anoniem');
      await checkUrl(t, page, '/inloggen', 'Inloggen');
      await checkUrl(t, page, '/inloggen/code', 'Inloggen met een code');
      await checkUrl(t, page, '/inloggen/code/invoeren', 'Code invullen');
      await checkUrl(t, page, '/samenwerkingsverbanden', 'Samenwerkingsverbanden passend onderwijs');
      await checkUrl(t, page, '/samenwerkingsverbanden/PO2603', /PO2603|Zeist|Heuvelrug/i);
      await t.test('de SWV-pagina toont de regiokaart', async () => {
        assert.equal(await page.locator('svg.passend-kaart[role="img"]').count(), 1, 'geen regiokaart');
      });
      await screenshot(page, 'swv-po2603');

      // The public school finder, a school page and the comparison (demo offers of PO2603's schools).
      await checkUrl(t, page, '/scholen/zoeken', 'Zoek een school die past bij uw kind');
      await checkUrl(t, page, '/scholen/zoeken?postcode=3701&behoefte=gedrag&behoefte=taal-lezen', 'Zoek een school die past bij uw kind');
      await screenshot(page, 'schoolzoeker-resultaten');
      const passend = page.getByRole('region', { name: /^Scholen die passen/ });
      const codes = await passend.getByRole('checkbox').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
      assert.ok(codes.length >= 3, `verwacht minstens 3 passende demo-scholen bij 3701, kreeg ${codes.length}`);
      const eerste = passend.getByRole('heading', { level: 4 }).first();
      const schoolNaam = ((await eerste.textContent()) ?? '').trim();
      await checkUrl(t, page, `/scholen/${codes[0]}`, schoolNaam);
      await screenshot(page, 'school');
      await checkUrl(t, page, `/scholen/vergelijken?school=${codes[0]}&school=${codes[1]}`, 'Scholen vergelijken');
      await screenshot(page, 'scholen-vergelijken');
      await checkUrl(t, page, `/scholen/vergelijken?school=${codes[0]}`, 'Scholen vergelijken', 422);
      await t.test('/scholen/zoeken met een foute postcode (422)', async () => {
        await visit(page, '/scholen/zoeken');
        await page.getByLabel('Postcode', { exact: true }).fill('37a1');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Zoek scholen' }).click(), 422);
        await checkErrorPage(page, '/scholen/zoeken (foute postcode)', 1);
        assert.equal(await page.getByLabel('Postcode', { exact: true }).inputValue(), '37a1', 'de postcode is niet bewaard');
      });
      await checkUrl(t, page, '/stijlgids', 'Stijlgids');
      await screenshot(page, 'stijlgids');
      await checkUrl(t, page, '/toegankelijkheid', 'Toegankelijkheid');
      await checkUrl(t, page, '/privacy', 'Privacy');
      await checkUrl(t, page, '/demo/mailbox', 'Demo-mailbox');
      await checkUrl(t, page, '/deze-pagina-bestaat-niet', 'Pagina niet gevonden', 404);
      await checkUrl(t, page, '/leerlingen/00000000-0000-4000-8000-000000000000/bestaat-niet', 'Pagina niet gevonden', 404);

      await t.test('/inloggen na een mislukte poging (422)', async () => {
        await visit(page, '/inloggen');
        await page.getByLabel('E-mailadres', { exact: true }).fill(IB);
        await page.getByLabel('Wachtwoord', { exact: true }).fill('fout-wachtwoord');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Inloggen', exact: true }).click(), 422);
        await checkErrorPage(page, '/inloggen (fout wachtwoord)', 1);
        assert.equal(await page.getByLabel('E-mailadres', { exact: true }).inputValue(), IB, 'het e-mailadres is niet bewaard');
        assert.equal(await page.getByLabel('Wachtwoord', { exact: true }).inputValue(), '', 'het wachtwoord mag niet terugkomen');
        await screenshot(page, 'inloggen-fout');
        // An empty form: both fields get a message.
        await expectNavigation(page, async () => {
          await page.getByLabel('E-mailadres', { exact: true }).fill('');
          await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
        }, 422);
        await checkErrorPage(page, '/inloggen (leeg)', 2);
      });

      await t.test('/inloggen/code: e-mail, mailbox en één bericht', async () => {
        await visit(page, '/inloggen/code');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Stuur mij een code' }).click(), 422);
        await checkErrorPage(page, '/inloggen/code (leeg)', 1);
        await page.getByLabel('E-mailadres', { exact: true }).fill(OUDER);
        await expectNavigation(page, () => page.getByRole('button', { name: 'Stuur mij een code' }).click());
        assert.equal(await h1(page), 'Code invullen');
        await checkPage(page, '/inloggen/code (code verstuurd)');
        await page.getByLabel('Code', { exact: true }).fill('12');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Inloggen', exact: true }).click(), 422);
        await checkErrorPage(page, '/inloggen/code/invoeren (ongeldige code)', 1);
        await visit(page, '/demo/mailbox');
        const link = page.locator('table tbody tr').filter({ hasText: OUDER }).getByRole('link').first();
        await expectNavigation(page, () => link.click());
        assert.match(await h1(page), /^Uw inlogcode voor Passend: \d{6}$/);
        await checkPage(page, 'een bericht in de demo-mailbox');
        await screenshot(page, 'demo-mail');
      });

      await t.test('/leerlingen zonder inloggen stuurt naar het inlogformulier', async () => {
        await visit(page, '/leerlingen');
        assert.equal(new URL(page.url()).pathname, '/inloggen');
        assert.equal(new URL(page.url()).searchParams.get('terug'), '/leerlingen');
      });
    } finally {
      await ctx.close();
    }
  });

  test('toetsenbord: skiplink eerst en zichtbare focus (anoniem)', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      for (const url of ['/', '/inloggen', '/samenwerkingsverbanden/PO2603', '/scholen/zoeken', '/stijlgids']) {
        await t.test(url, () => checkKeyboard(page, url, url === '/stijlgids' ? 60 : 25));
      }
    } finally {
      await ctx.close();
    }
  });

  test('intern begeleider: leerlingen, dossier, formulieren, account', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await t.test('/mfa (code uit de app) en een ongeldige code', async () => {
        await loginStaff(page, IB, {
          onMfaPage: async () => {
            assert.equal(await h1(page), 'Code uit uw app');
            await checkPage(page, '/mfa');
            await page.getByLabel('Code', { exact: true }).fill('abc');
            await expectNavigation(page, () => page.getByRole('button', { name: 'Bevestigen' }).click(), 422);
            await checkErrorPage(page, '/mfa (ongeldige code)', 1);
          },
        });
      });
      await t.test('het sessiecookie __Host-passend blijft bewaard op http://127.0.0.1', async () => {
        const session = (await ctx.cookies()).find((c) => c.name === '__Host-passend');
        assert.ok(session?.secure, 'geen Secure-sessiecookie __Host-passend');
      });
      await checkUrl(t, page, '/', 'Welkom, Ilse de Boer (demo)');
      await screenshot(page, 'start-ib');
      await checkUrl(t, page, '/leerlingen', 'Leerlingen');
      await screenshot(page, 'leerlingen-ib');
      await checkUrl(t, page, '/leerlingen?zoek=x', 'Leerlingen');
      await t.test('lege zoekresultaten zeggen dat er niets is gevonden', async () => {
        assert.match((await page.locator('main').textContent()) ?? '', /Geen leerlingen gevonden/);
      });
      await t.test('toetsenbord op /leerlingen', () => checkKeyboard(page, '/leerlingen', 15));

      await checkUrl(t, page, '/leerlingen/nieuw', 'Leerling toevoegen');
      await t.test('/leerlingen/nieuw met fouten (422)', async () => {
        await page.getByLabel('Voornaam', { exact: true }).fill('Toets');
        await page.getByLabel('Postcode woonadres (alleen de 4 cijfers)').fill('12a');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Leerling opslaan' }).click(), 422);
        const errors = await page.locator('.passend-error-summary a').count();
        assert.ok(errors >= 2, `verwacht minstens 2 fouten (achternaam, geboortedatum), kreeg ${errors}`);
        await checkErrorPage(page, '/leerlingen/nieuw (fouten)', errors);
        assert.equal(await page.getByLabel('Voornaam', { exact: true }).inputValue(), 'Toets', 'de voornaam is niet bewaard');
        await screenshot(page, 'leerling-nieuw-fout');
      });
      await t.test('toetsenbord op /leerlingen/nieuw', () => checkKeyboard(page, '/leerlingen/nieuw', 20));

      await visit(page, '/leerlingen');
      const first = page.locator('main table tbody a').first();
      const naam = ((await first.textContent()) ?? '').trim();
      const dossier = (await first.getAttribute('href')) ?? '';
      assert.match(dossier, /^\/leerlingen\/[0-9a-f-]{36}$/);
      await checkUrl(t, page, dossier, naam);
      await screenshot(page, 'dossier-ib');
      await t.test(`${dossier}/ouders met fouten (422)`, async () => {
        await visit(page, dossier);
        await expectNavigation(page, () => page.getByRole('button', { name: 'Toevoegen' }).click(), 422);
        const errors = await page.locator('.passend-error-summary a').count();
        assert.ok(errors >= 2, `verwacht minstens 2 fouten (naam, e-mail), kreeg ${errors}`);
        await checkErrorPage(page, 'ouder toevoegen (fouten)', errors);
      });
      await t.test('ouder toevoegen met uitnodiging; uitnodiging bekijken en aannemen', async () => {
        await visit(page, dossier);
        const form = page.getByRole('form', { name: 'Ouder of verzorger toevoegen' });
        await form.getByLabel('Naam', { exact: true }).fill('Kim Toegankelijk');
        await form.getByLabel('E-mailadres', { exact: true }).fill('kim.toegankelijk@gezin.passend.test');
        await form.getByRole('group', { name: 'Heeft deze ouder gezag?' }).getByLabel('Ja', { exact: true }).check();
        await expectNavigation(page, () => form.getByRole('button', { name: 'Toevoegen' }).click());
        await page.getByRole('status').filter({ hasText: 'De ouder is toegevoegd en krijgt een uitnodiging per e-mail.' }).waitFor();
        await checkPage(page, 'dossier met melding');
        const anon = await h.newContext();
        try {
          const p = await anon.newPage();
          await visit(p, '/demo/mailbox');
          await expectNavigation(p, () => p.locator('table tbody tr').filter({ hasText: 'kim.toegankelijk@' }).getByRole('link').click());
          const link = /\/uitnodiging\/\S+/.exec((await p.locator('main pre').textContent()) ?? '')?.[0];
          assert.ok(link, 'geen uitnodigingslink in de mail');
          await visit(p, link);
          assert.equal(await h1(p), 'Uitnodiging aannemen');
          await checkPage(p, '/uitnodiging/…');
          await expectNavigation(p, () => p.getByRole('button', { name: 'Uitnodiging aannemen' }).click());
          assert.equal(new URL(p.url()).pathname, '/inloggen/code');
          await p.getByRole('status').filter({ hasText: 'De uitnodiging is aangenomen.' }).waitFor();
          await checkPage(p, '/inloggen/code met melding');
          await visit(p, link, 404); // used once
          assert.equal(await h1(p), 'Pagina niet gevonden');
        } finally {
          await anon.close();
        }
      });
      await checkUrl(t, page, `${dossier}/wijzigen`, `Gegevens wijzigen van ${naam}`);
      await t.test(`${dossier}/wijzigen met fouten (422)`, async () => {
        await page.getByLabel('Achternaam', { exact: true }).fill('');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Wijzigingen opslaan' }).click(), 422);
        await checkErrorPage(page, 'gegevens wijzigen (fouten)', 1);
      });
      await checkUrl(t, page, `${dossier}/inzage`, `Wie heeft het dossier van ${naam} bekeken?`);
      await checkUrl(t, page, '/account', 'Mijn account');
      await checkUrl(t, page, '/beheer/audit', 'Geen toegang', 403);
    } finally {
      await ctx.close();
    }
  });

  test('intern begeleider: aanmelding registreren, de termijn, één keer verlengen en de brief', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, IB);
      await checkUrl(t, page, '/aanmeldingen', 'Aanmeldingen');
      await checkUrl(t, page, '/aanmeldingen/nieuw', 'Aanmelding registreren');
      await t.test('/aanmeldingen/nieuw met fouten (422), daarna goed', async () => {
        await expectNavigation(page, () => page.getByRole('button', { name: 'Aanmelding opslaan' }).click(), 422);
        const errors = await page.locator('.passend-error-summary a').count();
        assert.ok(errors >= 3, `verwacht minstens 3 fouten, kreeg ${errors}`);
        await checkErrorPage(page, '/aanmeldingen/nieuw (fouten)', errors);
        await page.getByLabel('Voornaam', { exact: true }).fill('Lotte');
        await page.getByLabel('Achternaam', { exact: true }).fill('Termijntest');
        await page.getByLabel('Geboortedatum', { exact: true }).fill('2021-05-14');
        await page.getByRole('group', { name: /extra ondersteuning nodig/ }).getByRole('radio', { name: 'Ja' }).check();
        await expectNavigation(page, () => page.getByRole('button', { name: 'Aanmelding opslaan' }).click());
        assert.match(new URL(page.url()).pathname, /^\/aanmeldingen\/[0-9a-f-]{36}$/);
        assert.match(await h1(page), /^Aanmelding van Lotte Termijntest$/);
        await checkPage(page, '/aanmeldingen/:id');
      });
      await t.test('termijn verlengen en de brief aan de ouders', async () => {
        const uiterste = await page.getByLabel('Nieuwe termijn').getAttribute('max');
        assert.ok(uiterste, 'het datumveld noemt de uiterste datum');
        await page.getByLabel('Nieuwe termijn').fill(uiterste!);
        await page.getByLabel('Waarom heeft de school meer tijd nodig?').fill('Wij wachten op het verslag van de logopedist.');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Termijn verlengen' }).click());
        assert.match(new URL(page.url()).pathname, /\/brief\/verlenging$/);
        await checkPage(page, '/aanmeldingen/:id/brief/verlenging');
        await screenshot(page, 'brief-verlenging');
      });
      await t.test('beoordelen, een weigering die de zorgplicht tegenhoudt (422), toelaten en de besluitbrief', async () => {
        await expectNavigation(page, () => page.getByRole('link', { name: 'Terug naar de aanmelding' }).click());
        await page.getByRole('group', { name: 'Heeft het kind extra ondersteuning nodig?' }).getByRole('radio', { name: 'Ja' }).check();
        await expectNavigation(page, () => page.getByRole('button', { name: 'Beoordeling opslaan' }).click());
        await page.getByRole('radio', { name: 'Het kind weigeren' }).check();
        await page.getByLabel('Toelichting (bij een weigering: de redenen)').fill('Wij denken dat een andere school beter past.');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Besluit opslaan' }).click(), 422);
        await checkErrorPage(page, '/aanmeldingen/:id/besluit (zorgplicht)', 1);
        await page.getByRole('radio', { name: 'Het kind toelaten' }).check();
        await expectNavigation(page, () => page.getByRole('button', { name: 'Besluit opslaan' }).click());
        assert.match(new URL(page.url()).pathname, /\/brief\/besluit$/);
        await checkPage(page, '/aanmeldingen/:id/brief/besluit');
      });
    } finally {
      await ctx.close();
    }
  });

  test('schoolleider: ondersteuningsaanbod van een nieuw schooljaar vaststellen met het advies van de MR', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, SCHOOLLEIDER);
      await checkUrl(t, page, '/aanbod', /^Ondersteuningsaanbod van /);
      await t.test('nieuwe versie als kopie; het concept met een fout (422) en verbeterd', async () => {
        await expectNavigation(page, () => page.getByRole('button', { name: 'Nieuwe versie maken' }).click());
        assert.match(new URL(page.url()).pathname, /^\/aanbod\/versie\/[0-9a-f-]{36}$/);
        assert.match(await h1(page), /^Ondersteuningsaanbod /);
        await checkPage(page, '/aanbod/versie/:id (concept)');
        await screenshot(page, 'aanbod-concept');
        const email = page.getByLabel('E-mailadres', { exact: true });
        const goed = await email.inputValue();
        await email.fill('geen-adres');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Concept opslaan' }).click(), 422);
        await checkErrorPage(page, '/aanbod/versie/:id (fout e-mailadres)', 1);
        await page.getByLabel('E-mailadres', { exact: true }).fill(goed);
        await expectNavigation(page, () => page.getByRole('button', { name: 'Concept opslaan' }).click());
        await page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen' }).waitFor();
      });
      await t.test('bevestigingspagina: concept verwijderen (zonder te verwijderen)', async () => {
        const concept = new URL(page.url()).pathname;
        await expectNavigation(page, () => page.getByRole('link', { name: 'Concept verwijderen' }).click());
        assert.equal(await h1(page), 'Concept verwijderen?');
        await checkPage(page, '/aanbod/versie/:id/verwijderen');
        await expectNavigation(page, () => page.getByRole('link', { name: 'Nee, terug naar het concept' }).click());
        assert.equal(new URL(page.url()).pathname, concept);
      });
      await t.test('vaststellen: zonder advies van de MR (422), daarna met advies; de versie is openbaar', async () => {
        await expectNavigation(page, () => page.getByRole('link', { name: 'Vaststellen met het advies van de MR' }).click());
        assert.equal(await h1(page), 'Ondersteuningsaanbod vaststellen');
        await checkPage(page, '/aanbod/versie/:id/vaststellen');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Vaststellen en publiceren' }).click(), 422);
        await checkErrorPage(page, '/aanbod/versie/:id/vaststellen (geen advies)', 2);
        await page.getByRole('radio', { name: 'Positief advies', exact: true }).check();
        await page.getByLabel('Datum van het advies').fill('2026-06-10');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Vaststellen en publiceren' }).click());
        assert.match(new URL(page.url()).pathname, /^\/scholen\/08LE00\/aanbod\/\d{4}-\d{4}\/\d+$/);
        await page.getByRole('status').filter({ hasText: 'Het aanbod is vastgesteld' }).waitFor();
        await checkPage(page, 'vastgestelde versie (openbaar)');
      });
    } finally {
      await ctx.close();
    }
  });

  test('directeur samenwerkingsverband: aanbod van de scholen, basisondersteuning en gegevens van het SWV', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, DIRECTEUR);
      await checkUrl(t, page, '/aanbod', 'Ondersteuningsaanbod van de scholen');
      await checkUrl(t, page, '/swv/basisondersteuning', 'Basisondersteuning');
      await checkUrl(t, page, '/aanbod/school/08LE00', /^Ondersteuningsaanbod van /);
      await t.test('een vastgestelde basisondersteuning (alleen lezen)', async () => {
        await visit(page, '/swv/basisondersteuning');
        await expectNavigation(page, () => page.getByRole('table').getByRole('link').first().click());
        assert.match(await h1(page), /^Basisondersteuning \d{4}-\d{4}$/);
        assert.match((await page.locator('main').textContent()) ?? '', /vastgesteld op/);
        await checkPage(page, '/swv/basisondersteuning/:jaar (vastgesteld)');
      });
      await t.test('een nieuw schooljaar beginnen: het formulier', async () => {
        await visit(page, '/swv/basisondersteuning');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Beginnen' }).click());
        assert.match(await h1(page), /^Basisondersteuning \d{4}-\d{4}$/);
        await checkPage(page, '/swv/basisondersteuning/:jaar (concept)');
      });
      await checkUrl(t, page, '/swv/profiel', 'Gegevens van het samenwerkingsverband');
      await t.test('/swv/profiel met een fout (422)', async () => {
        await page.getByLabel('E-mailadres').first().fill('geen-adres');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Opslaan' }).click(), 422);
        await checkErrorPage(page, '/swv/profiel (fout)', 1);
      });
    } finally {
      await ctx.close();
    }
  });

  test('schoolleider: tweestapsverificatie opnieuw instellen (/mfa/instellen)', async () => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, SCHOOLLEIDER);
      await visit(page, '/account');
      await expectNavigation(page, () => page.getByRole('link', { name: 'App voor inlogcodes opnieuw instellen' }).click());
      assert.equal(new URL(page.url()).pathname, '/mfa/instellen');
      // With a confirmed app the page first asks whether to make a new key (opening it changes nothing).
      assert.equal(await h1(page), 'Nieuwe app voor inlogcodes');
      await checkPage(page, '/mfa/instellen (vraag om nieuwe sleutel)');
      await expectNavigation(page, () => page.getByRole('button', { name: 'Nieuwe sleutel maken' }).click());
      assert.equal(await h1(page), 'Tweestapsverificatie instellen');
      await checkPage(page, '/mfa/instellen');
      await screenshot(page, 'mfa-instellen');
      await page.getByLabel('Code', { exact: true }).fill('12345');
      await expectNavigation(page, () => page.getByRole('button', { name: 'Instellen' }).click(), 422);
      await checkErrorPage(page, '/mfa/instellen (ongeldige code)', 1);
      // Finish with the new key, so the account is in order again.
      const key = ((await page.locator('code.passend-code').textContent()) ?? '').replace(/\s/g, '');
      assert.match(key, /^[A-Z2-7]{32}$/);
      await page.getByLabel('Code', { exact: true }).fill(totpCode(key, totpStep(new Date())));
      await expectNavigation(page, () => page.getByRole('button', { name: 'Instellen' }).click());
      assert.equal(new URL(page.url()).pathname, '/');
      await page.getByRole('status').filter({ hasText: 'Tweestapsverificatie is ingesteld' }).waitFor();
      await checkPage(page, 'start met melding');
    } finally {
      await ctx.close();
    }
  });

  test('twee rollen: /rol-kiezen, eerst zonder keuze', async () => {
    // The demo has no account with two roles: give the OPR member a second one.
    await h.db.withSystem((tx) =>
      tx.execute(sql`insert into rol_toekenning (gebruiker_id, rol, swv_id) select id, 'deskundige', 'PO2603' from gebruiker where email = ${OPR}`),
    );
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, OPR, { landsOn: '/rol-kiezen' });
      assert.equal(await h1(page), 'Kies uw rol');
      await checkPage(page, '/rol-kiezen');
      await expectNavigation(page, () => page.getByRole('button', { name: 'Verder' }).click(), 422);
      await checkErrorPage(page, '/rol-kiezen (geen keuze)', 1);
      await page.getByRole('radio', { name: /^Deskundige/ }).check();
      await expectNavigation(page, () => page.getByRole('button', { name: 'Verder' }).click());
      assert.equal(new URL(page.url()).pathname, '/');
      assert.match((await page.locator('.passend-account__role').textContent()) ?? '', /Deskundige/);
      await checkPageAt(page, '/account', 'Mijn account');
      assert.equal(await page.getByRole('link', { name: 'Andere rol kiezen' }).count(), 1);
    } finally {
      await ctx.close();
    }
  });

  test('directeur samenwerkingsverband: leerlingen met paginering', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, DIRECTEUR);
      await checkUrl(t, page, '/leerlingen', 'Leerlingen');
      const nav = page.getByRole('navigation', { name: 'Paginering' });
      assert.equal(await nav.count(), 1, 'geen paginering op /leerlingen');
      assert.match((await nav.textContent()) ?? '', /Pagina 1 van \d+/);
      await expectNavigation(page, () => nav.getByRole('link', { name: 'Volgende pagina' }).click());
      assert.equal(new URL(page.url()).searchParams.get('pagina'), '2');
      assert.match((await nav.textContent()) ?? '', /Pagina 2 van \d+/);
      await checkPage(page, '/leerlingen?pagina=2');
      await screenshot(page, 'leerlingen-pagina-2');
    } finally {
      await ctx.close();
    }
  });

  test('controller: /leerlingen geeft "Geen toegang" (403)', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, CONTROLLER);
      await checkUrl(t, page, '/', 'Welkom, Ruud Mulder (demo)');
      await checkUrl(t, page, '/leerlingen', 'Geen toegang', 403);
      await screenshot(page, 'geen-toegang');
    } finally {
      await ctx.close();
    }
  });

  test('ouder: inloggen met een code, mijn kinderen en het dossier', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginParent(page, OUDER, { onCodePage: () => checkPage(page, 'code invullen na aanvragen') });
      await checkUrl(t, page, '/', 'Welkom, Sanne Vermeulen (demo)');
      await checkUrl(t, page, '/mijn-kinderen', 'Mijn kinderen');
      await screenshot(page, 'mijn-kinderen');
      const links = page.locator('main table').getByRole('link', { name: 'Bekijk het dossier' });
      // Two children with gezag (the one at school and the youngest, applied online) and a stepchild without.
      assert.equal(await links.count(), 2, 'de demo-ouder heeft gezag over twee kinderen');
      const dossier = (await links.first().getAttribute('href')) ?? '';
      assert.match(dossier, /^\/leerlingen\/[0-9a-f-]{36}$/);
      await checkUrl(t, page, dossier, /\S/);
      await t.test('de ouder kan het dossier niet wijzigen', async () => {
        assert.equal(await page.getByRole('link', { name: 'Gegevens wijzigen' }).count(), 0);
        assert.equal(await page.getByRole('button', { name: 'Toevoegen' }).count(), 0);
      });
      await screenshot(page, 'dossier-ouder');
      await checkUrl(t, page, `${dossier}/inzage`, /^Wie heeft het dossier van .+ bekeken\?$/);
      await checkUrl(t, page, '/leerlingen', 'Geen toegang', 403);
    } finally {
      await ctx.close();
    }
  });
});

