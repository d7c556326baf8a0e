/**
 * Accessibility of the schorsing and verwijdering pages in a real browser, in the style of a11y.test.ts: axe (WCAG
 * 2.0/2.1 A and AA) reports nothing, no sideways scrolling at 320 px, and failed forms say "Fout: " in the title,
 * move focus to the error summary and link every message to its field, marked invalid (the checks are in
 * support.ts, shared with a11y.test.ts and journey2.test.ts). The flows go through the real forms from
 * the demo pupil's file: a suspension of two days with its inspectie task, the report, the letter and withdrawing;
 * a proposal to remove, the hearing, the willing school, the definitive decision and its letter; the overview for
 * the school and (read only) for the SWV.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, civilDateAt } from '../../src/platform/civil-date.js';
import {
  chromiumSkipReason, checkErrorPage, checkPage, checkUrl, expectNavigation, h1, loginStaff, screenshot, startHarness, visit, type Harness,
} from './support.js';

const skip = chromiumSkipReason();

const IB = 'ib@school.passend.test';
const DIRECTEUR = 'directeur@swv.passend.test';

describe('toegankelijkheid: schorsing en verwijdering', { skip }, () => {
  let h: Harness;
  // The app runs on the real date (Europe/Amsterdam); the forms refuse dates in the future.
  const vandaag = civilDateAt(new Date());

  before(async () => {
    h = await startHarness();
  });

  after(async () => {
    await h?.close();
  });

  test('intern begeleider: schorsing, melding aan de inspectie, brief, intrekken; verwijdering tot en met de brief', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, IB);
      await checkUrl(t, page, '/schorsingen', 'Schorsing en verwijdering');
      await visit(page, '/leerlingen');
      const eerste = page.locator('main table tbody a').first();
      const naam = ((await eerste.textContent()) ?? '').trim();
      const dossier = (await eerste.getAttribute('href')) ?? '';
      assert.match(dossier, /^\/leerlingen\/[0-9a-f-]{36}$/);

      await t.test('schorsing vastleggen: fouten (422), daarna twee dagen met de taak voor de inspectie', async () => {
        await visit(page, dossier);
        await expectNavigation(page, () => page.getByRole('link', { name: 'Schorsing vastleggen' }).click());
        assert.equal(await h1(page), `Schorsing vastleggen voor ${naam}`);
        await checkPage(page, '/leerlingen/:id/schorsing/nieuw');
        await page.getByLabel('Eerste dag van de schorsing').fill(vandaag);
        await page.getByLabel('Laatste dag van de schorsing').fill(addDays(vandaag, 8));
        await expectNavigation(page, () => page.getByRole('button', { name: 'Schorsing opslaan' }).click(), 422);
        await checkErrorPage(page, 'schorsing (fouten: 9 dagen, geen redenen, geen brief)', 3);
        await screenshot(page, 'schorsing-fout');
        assert.equal(await page.getByLabel('Laatste dag van de schorsing').inputValue(), addDays(vandaag, 8), 'de invoer blijft staan');
        await page.getByLabel('Laatste dag van de schorsing').fill(addDays(vandaag, 1));
        await page.getByLabel('Waarom wordt de leerling geschorst?').fill('Heeft een medeleerling geslagen en bedreigd.');
        await page.getByLabel(/De school stuurt vandaag de brief/).check();
        await expectNavigation(page, () => page.getByRole('button', { name: 'Schorsing opslaan' }).click());
        assert.match(new URL(page.url()).pathname, /^\/schorsingen\/[0-9a-f-]{36}$/);
        assert.equal(await h1(page), `Schorsing van ${naam}`);
        await page.getByRole('alert').filter({ hasText: 'Meld deze schorsing schriftelijk aan de inspectie (met redenen)' }).waitFor();
        await checkPage(page, '/schorsingen/:id (taak open)');
        await screenshot(page, 'schorsing');
      });
      const schorsing = new URL(page.url()).pathname;

      await t.test('melding aan de inspectie: in de toekomst (422), daarna vandaag', async () => {
        await page.getByLabel('Op welke dag is de schorsing gemeld aan de inspectie?').fill(addDays(vandaag, 1));
        await expectNavigation(page, () => page.getByRole('button', { name: 'Melding vastleggen' }).click(), 422);
        await checkErrorPage(page, '/schorsingen/:id/inspectie (fout)', 1);
        await page.getByLabel('Op welke dag is de schorsing gemeld aan de inspectie?').fill(vandaag);
        await expectNavigation(page, () => page.getByRole('button', { name: 'Melding vastleggen' }).click());
        assert.equal(await page.getByText('Meld deze schorsing schriftelijk aan de inspectie (met redenen)').count(), 0, 'de taak is weg');
        await checkPage(page, '/schorsingen/:id (gemeld)');
      });

      await t.test('de brief aan de ouders', async () => {
        await expectNavigation(page, () => page.getByRole('link', { name: 'Brief aan de ouders' }).click());
        assert.equal(await h1(page), `Schorsing van ${naam}`);
        await checkPage(page, '/schorsingen/:id/brief');
        await screenshot(page, 'brief-schorsing');
      });

      await checkUrl(t, page, `${schorsing}/intrekken`, `Schorsing van ${naam} intrekken`);
      await t.test('intrekken na bevestiging', async () => {
        await expectNavigation(page, () => page.getByRole('button', { name: 'Ja, schorsing intrekken' }).click());
        assert.equal(new URL(page.url()).pathname, schorsing);
        await page.getByRole('status').filter({ hasText: 'De schorsing is ingetrokken.' }).waitFor();
        await checkPage(page, '/schorsingen/:id (ingetrokken)');
      });

      await t.test('voornemen tot verwijdering: fouten (422), daarna opgeslagen met wat nog nodig is', async () => {
        await visit(page, dossier);
        await expectNavigation(page, () => page.getByRole('link', { name: 'Voornemen tot verwijdering vastleggen' }).click());
        assert.equal(await h1(page), `Voornemen tot verwijdering van ${naam}`);
        await checkPage(page, '/leerlingen/:id/verwijdering/nieuw');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Voornemen opslaan' }).click(), 422);
        await checkErrorPage(page, 'voornemen (fouten)', 2);
        await page.getByRole('group', { name: 'Is de leerling leerplichtig?' }).getByRole('radio', { name: 'Ja' }).check();
        await page.getByLabel('Waarom wil de school de leerling verwijderen?').fill('Herhaald ernstig geweld; de veiligheid van anderen is in gevaar.');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Voornemen opslaan' }).click());
        assert.match(new URL(page.url()).pathname, /^\/verwijderingen\/[0-9a-f-]{36}$/);
        await page.getByRole('alert').filter({ hasText: 'Nog nodig voor een definitief besluit' }).waitFor();
        await checkPage(page, '/verwijderingen/:id (voorgenomen)');
        await screenshot(page, 'verwijdering-voorgenomen');
      });

      await t.test('horen (fout, dan goed), andere school, definitief maken en de brief', async () => {
        const horen = page.getByRole('form', { name: 'Horen vastleggen' });
        await horen.getByLabel('Kort verslag').fill('Kort');
        await expectNavigation(page, () => horen.getByRole('button', { name: 'Horen vastleggen' }).click(), 422);
        await checkErrorPage(page, '/verwijderingen/:id/horen (fout)', 1);
        await page.getByRole('form', { name: 'Horen vastleggen' }).getByLabel('Kort verslag').fill('De groepsleerkracht beschrijft drie incidenten in twee weken.');
        await expectNavigation(page, () => page.getByRole('form', { name: 'Horen vastleggen' }).getByRole('button', { name: 'Horen vastleggen' }).click());
        const school = page.getByLabel('School die de leerling wil toelaten');
        const waarde = await school.locator('option').nth(1).getAttribute('value');
        assert.ok(waarde, 'er is een andere school om te kiezen');
        await school.selectOption(waarde);
        await expectNavigation(page, () => page.getByRole('button', { name: 'Andere school vastleggen' }).click());
        await page.getByRole('status').filter({ hasText: 'Alles wat de wet vraagt is vastgelegd' }).waitFor();
        await checkPage(page, '/verwijderingen/:id (klaar)');
        await expectNavigation(page, () => page.getByRole('button', { name: 'Definitief maken' }).click());
        assert.match(new URL(page.url()).pathname, /^\/verwijderingen\/[0-9a-f-]{36}\/brief$/);
        assert.equal(await h1(page), `Verwijdering van ${naam}`);
        await checkPage(page, '/verwijderingen/:id/brief');
        await screenshot(page, 'brief-verwijdering');
      });

      await checkUrl(t, page, '/schorsingen', 'Schorsing en verwijdering');
    } finally {
      await ctx.close();
    }
  });

  test('directeur samenwerkingsverband: het overzicht en een schorsing, alleen lezen', async (t) => {
    const ctx = await h.newContext();
    const page = await ctx.newPage();
    try {
      await loginStaff(page, DIRECTEUR);
      await checkUrl(t, page, '/schorsingen', 'Schorsing en verwijdering');
      // The school's suspension of the test above (the tests of this file share one app).
      const href = await page.locator('main table tbody a[href^="/schorsingen/"]').first().getAttribute('href');
      assert.ok(href, 'de schorsing van de school staat in het overzicht van het SWV');
      await checkUrl(t, page, href, /^Schorsing van /);
      await t.test('geen formulieren voor het SWV', async () => {
        assert.equal(await page.locator('main form').count(), 0);
      });
    } finally {
      await ctx.close();
    }
  });
});
