/**
 * Journey 2 (product.md) in a real browser, on the demo SWV PO2603 and the real date.
 *
 * Part 1, without JavaScript on a 320 px wide screen (only links and plain HTML forms, no page.evaluate): a parent
 * without an account applies online from the school page (first with a mistake, then correctly) and sees the
 * date of the decision; the IB of the demo school assesses the application, is blocked when refusing, asks another
 * school of the region, extends the term once (letter + PDF); the IB of the asked school first answers "we are
 * thinking about it" (the refusal stays blocked), then "yes"; the demo IB refuses with reasons and gets the decision
 * letter; the parent takes the invitation from the demo mailbox, logs in with the mailed code and follows every step.
 *
 * Part 2, with JavaScript: axe (WCAG 2.0/2.1 A and AA) and reflow at 320 px on every page of the aanmelding for each
 * role (IB, IB of another school, SWV, parent), the application page in every state of the demo's clock, the letters,
 * the public form (empty, with errors, confirmation), forms re-rendered with errors, and the keyboard order of the
 * application page's forms.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { first } from '../../src/platform/db/client.js';
import { addDays, civilDateAt, formatDutch } from '../../src/platform/civil-date.js';
import { beslistermijn, uitersteTermijn } from '../../src/modules/zorgplicht/rules/termijnen.js';
import { bezwaarTot } from '../../src/modules/zorgplicht/rules/bezwaar.js';
import { DEMO_SWV, DEMO_VESTIGING } from '../../src/demo/logins.js';
import {
  checkErrorHere, checkHere, checkTabOrder, chromiumSkipReason, createStaffAccount, expectNavigation, flash, h1, loginParent,
  loginStaff, pathname, readLoginCode, screenshot, startHarness, summaryLinks, viaMenu, visit, type Harness,
} from './support.js';

const skip = chromiumSkipReason();

const IB = 'ib@school.passend.test';
const SWV = 'loket@swv.passend.test';
const OUDER = 'ouder@gezin.passend.test';
/** The IB of the other school (the demo has no account there; made in before()). */
const ANDER_IB = { email: 'ib@andere-school.passend.test', naam: 'Ingrid Anders (test)' };

/** The parent of part 1 and the child they apply for. The app runs on the real date (PASSEND_TODAY is blanked). */
const vandaag = civilDateAt(new Date());
const KIND = { voornaam: 'Bente', achternaam: 'Ouderformulier', geboortedatum: addDays(vandaag, -Math.round(3.5 * 365)) };
const KIND_NAAM = `${KIND.voornaam} ${KIND.achternaam}`;
const OUDER_NIEUW = { naam: 'Mirjam Ouderformulier', email: 'mirjam.ouderformulier@gezin.passend.test' };
const INFORMATIE = 'Bente praat nog weinig en heeft een vaste volwassene nodig om zich veilig te voelen.';
const VRAAG = 'Bente heeft een kleine groep nodig en hulp bij taal en spreken (logopedie op school).';
const WEIGERING = 'Wij kunnen de hulp bij taal en spreken die Bente nodig heeft niet geven; de andere school wel.';
const GEEN_GEZAG = 'Alleen een ouder of voogd met gezag kan een kind aanmelden. Vink aan dat u het gezag heeft.';
const GEBLOKKEERD = 'U kunt deze leerling pas weigeren als een andere school heeft bevestigd dat zij de leerling toelaat. "We overwegen het" is niet genoeg.';

async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

/** Opens an application from the list (the only way a user gets there): Aanmeldingen in the menu, then the child. */
async function openAanmelding(page: Page, kind: string): Promise<string> {
  await viaMenu(page, 'Aanmeldingen');
  assert.equal(pathname(page), '/aanmeldingen');
  const link = page.getByRole('table').getByRole('link', { name: kind, exact: true });
  assert.equal(await link.count(), 1, `${kind} staat niet (precies één keer) in de lijst met aanmeldingen`);
  await expectNavigation(page, () => link.click());
  assert.match(pathname(page), /^\/aanmeldingen\/[0-9a-f-]{36}$/);
  assert.equal(await h1(page), `Aanmelding van ${kind}`);
  return pathname(page);
}

async function stappen(page: Page): Promise<string[]> {
  return (await page.locator('main ol.passend-stappen > li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function weigerPoging(page: Page, reden: string, status: number): Promise<void> {
  const form = page.getByRole('form', { name: 'Besluit nemen' });
  await form.getByRole('group', { name: 'Wat besluit de school?' }).getByRole('radio', { name: 'Het kind weigeren' }).check();
  await form.getByLabel('Toelichting (bij een weigering: de redenen)').fill(reden);
  await expectNavigation(page, () => form.getByRole('button', { name: 'Besluit opslaan' }).click(), status);
}

/** The demo's "other school": the second other bao location of PO2603 by code (the demo already asks it for Daan). */
async function andereSchool(h: Harness): Promise<{ code: string; naam: string }> {
  const rij = await first<{ code: string; naam: string }>(h.db.owner, sql`select code, naam from vestiging where swv_po = ${DEMO_SWV} and soort = 'bao'
    and code <> ${DEMO_VESTIGING} order by code offset 1 limit 1`);
  assert.ok(rij, 'geen andere basisschool in PO2603');
  return rij;
}

describe('journey 2: aanmelding, zorgplicht en de termijn', { skip }, () => {
  let h: Harness;
  let ander: { code: string; naam: string };
  let demoSchool = '';

  before(async () => {
    h = await startHarness();
    ander = await andereSchool(h);
    demoSchool = (await first<{ naam: string }>(h.db.owner, sql`select naam from vestiging where code = ${DEMO_VESTIGING}`))!.naam;
    await createStaffAccount(h, { ...ANDER_IB, rol: 'intern-begeleider', vestigingCode: ander.code });
  });

  after(async () => {
    await h?.close();
  });

  // -------------------------------------------------------------------------------------------------------------
  // Part 1: the journey without JavaScript, 320 px wide
  // -------------------------------------------------------------------------------------------------------------
  describe('zonder JavaScript (320 px breed)', () => {
    const opties = { javaScriptEnabled: false, viewport: { width: 320, height: 800 } };
    let ouderCtx: BrowserContext;
    let ibCtx: BrowserContext;
    let anderCtx: BrowserContext;
    let ouder: Page;
    let ib: Page;
    let anderIb: Page;
    let aanmelding = '';
    let verzoek = '';
    const termijn = beslistermijn(vandaag);
    const verlengdTot = addDays(termijn, 14);

    before(async () => {
      ouderCtx = await h.newContext(opties);
      ibCtx = await h.newContext(opties);
      anderCtx = await h.newContext(opties);
      ouder = await ouderCtx.newPage();
      ib = await ibCtx.newPage();
      anderIb = await anderCtx.newPage();
    });

    after(async () => {
      await ouderCtx?.close();
      await ibCtx?.close();
      await anderCtx?.close();
    });

    test('a. een ouder zonder account meldt haar kind aan: eerst zonder gezag aan te vinken, dan goed', async () => {
      await visit(ouder, `/scholen/${DEMO_VESTIGING}`);
      await expectNavigation(ouder, () => ouder.getByRole('link', { name: 'Uw kind aanmelden bij deze school' }).click());
      assert.equal(pathname(ouder), `/scholen/${DEMO_VESTIGING}/aanmelden`);
      assert.equal(await h1(ouder), `Uw kind aanmelden bij ${demoSchool}`);
      await ouder.getByLabel('Voornaam', { exact: true }).fill(KIND.voornaam);
      await ouder.getByLabel('Achternaam', { exact: true }).fill(KIND.achternaam);
      await ouder.getByLabel('Geboortedatum', { exact: true }).fill(KIND.geboortedatum);
      await ouder.getByLabel('Postcode van uw adres (alleen de 4 cijfers)').fill('3701');
      await ouder.getByRole('group', { name: 'Is deze school uw eerste keus?' }).getByRole('radio', { name: 'Ja' }).check();
      await ouder.getByRole('group', { name: 'Denkt u dat uw kind extra ondersteuning nodig heeft?' }).getByRole('radio', { name: 'Ja' }).check();
      await ouder.getByLabel('Wat moet de school weten over de ondersteuning van uw kind? (niet verplicht)').fill(INFORMATIE);
      await ouder.getByLabel('Uw naam').fill(OUDER_NIEUW.naam);
      await ouder.getByLabel('Uw e-mailadres').fill(OUDER_NIEUW.email);
      await screenshot(ouder, 'journey2-320-formulier');
      // The mistake: "Ik heb het ouderlijk gezag" is not ticked.
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Aanmelding versturen' }).click(), 422);

      assert.ok((await ouder.title()).startsWith('Fout: '), `titel: ${await ouder.title()}`);
      const melding = GEEN_GEZAG;
      assert.deepEqual(await summaryLinks(ouder), [{ text: melding, href: '#gezag' }]);
      const gezag = ouder.getByLabel('Ik heb het ouderlijk gezag over dit kind');
      assert.equal(await gezag.getAttribute('aria-invalid'), 'true');
      assert.equal(await ouder.locator('main form').getByText(melding).count(), 1, 'geen melding bij het vinkje zelf');
      // Everything typed is still there.
      assert.equal(await ouder.getByLabel('Voornaam', { exact: true }).inputValue(), KIND.voornaam);
      assert.equal(await ouder.getByLabel('Achternaam', { exact: true }).inputValue(), KIND.achternaam);
      assert.equal(await ouder.getByLabel('Geboortedatum', { exact: true }).inputValue(), KIND.geboortedatum);
      assert.equal(await ouder.getByLabel('Postcode van uw adres (alleen de 4 cijfers)').inputValue(), '3701');
      assert.equal(await ouder.getByRole('group', { name: 'Is deze school uw eerste keus?' }).getByRole('radio', { name: 'Ja' }).isChecked(), true);
      assert.equal(await ouder.getByRole('group', { name: 'Denkt u dat uw kind extra ondersteuning nodig heeft?' }).getByRole('radio', { name: 'Ja' }).isChecked(), true);
      assert.equal(await ouder.getByLabel('Wat moet de school weten over de ondersteuning van uw kind? (niet verplicht)').inputValue(), INFORMATIE);
      assert.equal(await ouder.getByLabel('Uw naam').inputValue(), OUDER_NIEUW.naam);
      assert.equal(await ouder.getByLabel('Uw e-mailadres').inputValue(), OUDER_NIEUW.email);
      assert.equal(await ouder.getByRole('radio', { name: 'Ouder', exact: true }).isChecked(), true);
      assert.equal(await gezag.isChecked(), false);
      await screenshot(ouder, 'journey2-320-formulier-fout');

      await gezag.check();
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Aanmelding versturen' }).click());
      assert.equal(pathname(ouder), `/scholen/${DEMO_VESTIGING}/aanmelden/ontvangen`);
      assert.equal(await h1(ouder), 'Uw aanmelding is ontvangen');
      const tekst = await mainText(ouder);
      assert.ok(tekst.includes(`${demoSchool} heeft uw aanmelding`), tekst);
      assert.ok(tekst.includes(`Ontvangen op ${formatDutch(vandaag)}.`), `geen ontvangstdatum in: ${tekst}`);
      assert.ok(tekst.includes(`De school beslist uiterlijk op ${formatDutch(termijn)}.`), `geen beslisdatum (${formatDutch(termijn)}) in: ${tekst}`);
      // Nothing about the child in the address.
      assert.doesNotMatch(ouder.url(), new RegExp(`${KIND.voornaam}|${KIND.achternaam}|${KIND.geboortedatum}`));
      await screenshot(ouder, 'journey2-320-ontvangen');
    });

    test('b. de IB beoordeelt, kan niet weigeren, vraagt een andere school en verlengt één keer (brief + PDF)', async () => {
      await loginStaff(ib, IB);
      aanmelding = await openAanmelding(ib, KIND_NAAM);
      const stap = await stappen(ib);
      assert.equal(stap[0], `${formatDutch(vandaag)}: De school ontving de aanmelding (online door de ouder).`, `eerste stap: ${stap[0]}`);
      let tekst = await mainText(ib);
      assert.ok(tekst.includes(`Beslissen uiterlijk ${formatDutch(termijn)}`), 'de termijn staat niet bovenaan');
      assert.ok(tekst.includes(INFORMATIE), 'de informatie van de ouder ontbreekt');
      assert.ok(tekst.includes('Extra ondersteuning verwacht') && tekst.includes('ja, volgens de ouders'));

      // Assessment: extra support needed, the zorgplicht applies.
      const beoordeling = ib.getByRole('form', { name: 'Ondersteuning beoordelen' });
      await beoordeling.getByRole('group', { name: 'Heeft het kind extra ondersteuning nodig?' }).getByRole('radio', { name: 'Ja' }).check();
      const geldt = beoordeling.getByRole('group', { name: 'Geldt de zorgplicht?' }).getByRole('radio', { name: /^Ja, de zorgplicht geldt/ });
      assert.equal(await geldt.isChecked(), true, '"de zorgplicht geldt" is niet vooraf gekozen');
      await expectNavigation(ib, () => beoordeling.getByRole('button', { name: 'Beoordeling opslaan' }).click());
      assert.equal(pathname(ib), aanmelding);
      await flash(ib, 'De beoordeling is opgeslagen.');
      tekst = await mainText(ib);
      assert.ok(tekst.includes('het kind heeft extra ondersteuning nodig'), tekst);
      assert.ok(tekst.includes('De zorgplicht geldt: weigeren kan pas als een andere school heeft bevestigd dat zij het kind toelaat.'));
      await screenshot(ib, 'journey2-320-ib-beoordeeld');

      // Refusing is blocked: no other school has confirmed.
      await weigerPoging(ib, WEIGERING, 422);
      assert.deepEqual((await summaryLinks(ib)).map((l) => l.text), [GEBLOKKEERD]);
      assert.equal(await ib.getByLabel('Toelichting (bij een weigering: de redenen)').inputValue(), WEIGERING, 'de redenen zijn niet bewaard');
      await screenshot(ib, 'journey2-320-ib-weigeren-geblokkeerd');

      // Ask another school of the region.
      const vragen = ib.getByRole('form', { name: 'Andere school vragen' });
      const select = vragen.getByLabel('Welke school wilt u vragen?');
      assert.equal(await select.locator(`option[value="${DEMO_VESTIGING}"]`).count(), 0, 'de eigen school staat in de keuzelijst');
      await select.selectOption(ander.code);
      await vragen.getByLabel('Wat moet die school weten?').fill(VRAAG);
      await expectNavigation(ib, () => vragen.getByRole('button', { name: 'Verzoek versturen' }).click());
      assert.equal(pathname(ib), aanmelding);
      await flash(ib, 'Het verzoek is verstuurd. De andere school ziet het in Passend.');
      const rij = ib.getByRole('table', { name: 'Gevraagde scholen' }).locator('tbody tr').filter({ hasText: ander.naam });
      assert.equal(await rij.count(), 1, `${ander.naam} staat niet bij de gevraagde scholen`);
      assert.match((await rij.textContent()) ?? '', /Nog geen antwoord/);

      // Extend the term once, within the range the page shows.
      const datum = ib.getByLabel('Nieuwe termijn');
      const max = await datum.getAttribute('max');
      assert.equal(max, uitersteTermijn(vandaag), 'het datumveld noemt niet de uiterste datum (10 weken)');
      assert.ok((await mainText(ib)).includes(`uiterlijk tot ${formatDutch(max!)}`), 'de pagina noemt de uiterste datum niet');
      assert.ok(verlengdTot > termijn && verlengdTot <= max!);
      await datum.fill(verlengdTot);
      await ib.getByLabel('Waarom heeft de school meer tijd nodig?').fill('Wij wachten op het verslag van de logopedist van de peuterspeelzaal.');
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Termijn verlengen' }).click());
      assert.equal(pathname(ib), `${aanmelding}/brief/verlenging`);
      await flash(ib, 'De termijn is verlengd. Druk de brief af voor de ouders.');
      assert.equal(await h1(ib), `Verlenging van de termijn voor de aanmelding van ${KIND_NAAM}`);
      tekst = await mainText(ib);
      assert.ok(tekst.includes(`tot en met ${formatDutch(verlengdTot)}`), tekst);
      assert.ok(tekst.includes('Wij wachten op het verslag van de logopedist'), 'de reden staat niet in de brief');
      await screenshot(ib, 'journey2-320-brief-verlenging');

      const pdf = ib.getByRole('link', { name: 'Download als PDF' });
      const href = await pdf.getAttribute('href');
      assert.equal(href, `${aanmelding}/brief/verlenging.pdf`);
      const res = await ib.request.get(href!);
      assert.equal(res.status(), 200);
      assert.match(res.headers()['content-type'] ?? '', /^application\/pdf/);
      assert.equal((await res.body()).subarray(0, 5).toString('latin1'), '%PDF-');

      await expectNavigation(ib, () => ib.getByRole('link', { name: 'Terug naar de aanmelding' }).click());
      assert.ok((await mainText(ib)).includes(`Beslissen uiterlijk ${formatDutch(verlengdTot)}`), 'de nieuwe termijn staat niet bovenaan');
      assert.equal(await ib.getByRole('button', { name: 'Termijn verlengen' }).count(), 0, 'verlengen kan maar één keer');
    });

    test('c. de andere school denkt erover na (weigeren blijft geblokkeerd), zegt dan ja; de IB weigert met redenen', async () => {
      assert.ok(aanmelding, 'geen aanmelding (vorige stap mislukt)');
      await loginStaff(anderIb, ANDER_IB.email);
      await viaMenu(anderIb, 'Aanmeldingen');
      await expectNavigation(anderIb, () => anderIb.getByRole('link', { name: 'Verzoeken om plaatsing van andere scholen' }).click());
      assert.equal(pathname(anderIb), '/plaatsingsverzoeken');
      const rij = anderIb.getByRole('table').locator('tbody tr').filter({ hasText: KIND_NAAM });
      assert.equal(await rij.count(), 1, 'het verzoek staat niet in de lijst van de andere school');
      const rijTekst = (await rij.textContent()) ?? '';
      assert.ok(rijTekst.includes(demoSchool) && rijTekst.includes('Nog geen antwoord'), rijTekst);
      await screenshot(anderIb, 'journey2-320-plaatsingsverzoeken');
      await expectNavigation(anderIb, () => rij.getByRole('link', { name: KIND_NAAM }).click());
      verzoek = pathname(anderIb);
      assert.match(verzoek, /^\/plaatsingsverzoeken\/[0-9a-f-]{36}$/);
      assert.equal(await h1(anderIb), `Verzoek om plaatsing: ${KIND_NAAM}`);
      let tekst = await mainText(anderIb);
      assert.ok(tekst.includes(VRAAG), 'de vraag van de school ontbreekt');
      assert.ok(tekst.includes(demoSchool), 'de vragende school ontbreekt');
      // The asked school sees the question, not the application (the parents' information stays with the school).
      assert.ok(!tekst.includes(INFORMATIE), 'de andere school ziet de informatie van de ouders');

      const antwoord = async (label: string, toelichting: string) => {
        const form = anderIb.getByRole('form', { name: 'Antwoord geven' });
        await form.getByRole('group', { name: 'Wat is uw antwoord?' }).getByRole('radio', { name: label }).check();
        await form.getByLabel('Toelichting (bij nee: waarom)').fill(toelichting);
        await expectNavigation(anderIb, () => form.getByRole('button', { name: 'Antwoord opslaan' }).click());
        assert.equal(pathname(anderIb), verzoek);
        await flash(anderIb, 'Uw antwoord is opgeslagen. De andere school ziet het in Passend.');
      };
      await antwoord('Wij denken erover na (dat is nog geen ja)', 'Wij kijken of er in groep 1 plek is.');
      assert.ok((await mainText(anderIb)).includes(`Denkt erover na (nog geen ja) (${formatDutch(vandaag)})`));

      // Back at the demo school: thinking about it is not enough.
      await openAanmelding(ib, KIND_NAAM);
      const gevraagd = ib.getByRole('table', { name: 'Gevraagde scholen' }).locator('tbody tr').filter({ hasText: ander.naam });
      assert.match((await gevraagd.textContent()) ?? '', /Denkt erover na \(nog geen ja\)/);
      await weigerPoging(ib, WEIGERING, 422);
      assert.deepEqual((await summaryLinks(ib)).map((l) => l.text), [GEBLOKKEERD]);

      // The other school says yes.
      await visit(anderIb, '/plaatsingsverzoeken');
      await expectNavigation(anderIb, () => anderIb.getByRole('table').getByRole('link', { name: KIND_NAAM }).click());
      await antwoord('Ja, wij laten het kind toe', 'Er is plek in groep 1; onze logopedist komt twee keer per week.');
      tekst = await mainText(anderIb);
      assert.ok(tekst.includes('Ja, laat het kind toe'), tekst);
      assert.equal(await anderIb.getByRole('form', { name: 'Antwoord geven' }).count(), 0, 'na "ja" kan het antwoord nog worden gewijzigd');
      await screenshot(anderIb, 'journey2-320-verzoek-ja');

      // Now the demo school may refuse, with reasons; the letter names the other school and the ways to object.
      await openAanmelding(ib, KIND_NAAM);
      assert.ok((await mainText(ib)).includes(`${ander.naam} wil het kind toelaten.`), 'de pagina zegt niet dat de andere school het kind toelaat');
      await weigerPoging(ib, WEIGERING, 200);
      assert.equal(pathname(ib), `${aanmelding}/brief/besluit`);
      await flash(ib, 'Het besluit is opgeslagen. Druk de brief af voor de ouders.');
      assert.equal(await h1(ib), `Besluit over de aanmelding van ${KIND_NAAM}`);
      tekst = await mainText(ib);
      for (const moet of [
        `besloten uw kind niet toe te laten op onze school`, WEIGERING, `${ander.naam} heeft bevestigd dat uw kind daar welkom is`,
        `tot en met ${formatDutch(bezwaarTot(vandaag))} bezwaar maken`, 'Geschillencommissie passend onderwijs', 'Onderwijsconsulenten',
      ]) assert.ok(tekst.includes(moet), `de besluitbrief noemt "${moet}" niet:\n${tekst}`);
      await screenshot(ib, 'journey2-320-brief-besluit');
      const href = await ib.getByRole('link', { name: 'Download als PDF' }).getAttribute('href');
      const res = await ib.request.get(href!);
      assert.match(res.headers()['content-type'] ?? '', /^application\/pdf/);
      assert.equal((await res.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    });

    test('d. de ouder neemt de uitnodiging aan, logt in met de code en volgt elke stap tot de besluitbrief', async () => {
      assert.ok(aanmelding, 'geen aanmelding (vorige stap mislukt)');
      await visit(ouder, '/');
      await viaMenu(ouder, 'Demo-mailbox');
      const mail = ouder.locator('main table tbody tr').filter({ hasText: OUDER_NIEUW.email }).filter({ hasText: 'is ontvangen' }).getByRole('link');
      assert.equal(await mail.count(), 1, 'geen mail "Uw aanmelding … is ontvangen" in de demo-mailbox');
      await expectNavigation(ouder, () => mail.click());
      assert.equal(await h1(ouder), `Uw aanmelding bij ${demoSchool} is ontvangen`);
      const tekst = (await ouder.locator('main pre').textContent()) ?? '';
      assert.ok(tekst.includes(`De school beslist uiterlijk op ${formatDutch(termijn)}`), tekst);
      // (The parent's surname is the child's: only the first name, the birth date and the support text give the child away.)
      assert.doesNotMatch(tekst, new RegExp(`${KIND.voornaam}|${KIND.geboortedatum}|${formatDutch(KIND.geboortedatum)}|vaste volwassene`), 'de mail noemt het kind of de ondersteuning');
      const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(tekst)?.[0];
      assert.ok(link, `geen uitnodigingslink in:\n${tekst}`);
      await visit(ouder, new URL(link).pathname);
      assert.equal(await h1(ouder), 'Uitnodiging aannemen');
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Uitnodiging aannemen' }).click());
      assert.equal(pathname(ouder), '/inloggen/code');
      await flash(ouder, 'De uitnodiging is aangenomen. Vraag nu een code aan om in te loggen.');

      await ouder.getByLabel('E-mailadres', { exact: true }).fill(OUDER_NIEUW.email);
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Stuur mij een code' }).click());
      const mailbox = await ouderCtx.newPage();
      let code: string;
      try {
        code = await readLoginCode(mailbox, OUDER_NIEUW.email, 0);
      } finally {
        await mailbox.close();
      }
      await ouder.getByLabel('Code', { exact: true }).fill(code);
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Inloggen', exact: true }).click());
      assert.equal(pathname(ouder), '/');
      assert.equal(await h1(ouder), `Welkom, ${OUDER_NIEUW.naam}`);

      assert.equal(await openAanmelding(ouder, KIND_NAAM), aanmelding);
      const stap = await stappen(ouder);
      // Whether a step says "uw kind" or "het kind" is the app's wording (KIND stands for either); the steps, their
      // order and their dates are what the parent must see.
      const d = formatDutch(vandaag);
      const verwacht = [
        `${d}: De school ontving de aanmelding (online door de ouder).`,
        `${d}: De school heeft bekeken wat KIND nodig heeft: extra ondersteuning.`,
        `${d}: De school vroeg ${ander.naam} of KIND daar terecht kan.`,
        `${d}: ${ander.naam} wil KIND toelaten.`,
        `${d}: De school heeft de termijn verlengd tot en met ${formatDutch(verlengdTot)}.`,
        `${d}: De school besloot KIND niet toe te laten.`,
      ].map((v) => new RegExp(`^${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('KIND', '(?:uw|het) kind')}$`));
      assert.equal(stap.length, verwacht.length, `de stappen voor de ouder:\n${stap.join('\n')}`);
      verwacht.forEach((v, i) => assert.match(stap[i]!, v, `stap ${i + 1} voor de ouder:\n${stap.join('\n')}`));
      assert.equal(await ouder.locator('main form').count(), 0, 'de ouder ziet formulieren van de school');
      await screenshot(ouder, 'journey2-320-ouder-aanmelding');
      await expectNavigation(ouder, () => ouder.getByRole('link', { name: 'Brief over het besluit' }).click());
      assert.equal(pathname(ouder), `${aanmelding}/brief/besluit`);
      assert.equal(await h1(ouder), `Besluit over de aanmelding van ${KIND_NAAM}`);
      assert.ok((await mainText(ouder)).includes(`${ander.naam} heeft bevestigd dat uw kind daar welkom is`));
      await screenshot(ouder, 'journey2-320-ouder-besluitbrief');
    });
  });

  // -------------------------------------------------------------------------------------------------------------
  // Part 2: axe on every new page, per role and per state of the clock; forms with errors; keyboard order
  // -------------------------------------------------------------------------------------------------------------
  describe('toegankelijkheid (axe, 320 px, toetsenbord)', () => {
    test('intern begeleider: lijst, de aanmelding in elke stand, intrekken, brieven, verzoeken, fouten en toetsenbord', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginStaff(page, IB);
        await t.test('/aanmeldingen', async () => {
          await viaMenu(page, 'Aanmeldingen');
          await checkHere(page, '/aanmeldingen (IB)', 'Aanmeldingen');
          await screenshot(page, 'journey2-aanmeldingen-ib');
        });

        const standen: [string, string, RegExp][] = [
          ['nieuw', 'Mila Verhoeven', /Status\s*Ontvangen.*Nog niet beoordeeld/],
          ['in onderzoek, verzoek en adviesvraag open', 'Daan van Leeuwen', /Status\s*In onderzoek.*Nog geen antwoord.*Vraag van de school.*Nog geen advies/],
          ['bijna verlopen', 'Sara Öztürk', /Nog 4 dagen \(bijna verlopen\)/],
          ['te laat', 'Finn de Graaf', /Te laat: \d+ dag(en)? over de termijn/],
          ['verlengd', 'Yara Bos', /De termijn is verlengd op .*Status\s*Termijn verlengd/],
          ['besloten', 'Levi Jansen', /Er is een besluit.*besloot de school het kind toe te laten/],
          // Placed provisionally by the daily job once it has run today (its hour may not have come yet): overdue either way.
          ['10 weken voorbij', 'Noah Kramer', /Te laat: \d+ dagen over de termijn/],
          ['online aangemeld door de demo-ouder', 'Julia Vermeulen', /\(online door de ouder\)/],
        ];
        for (const [stand, kind, kenmerk] of standen) {
          await t.test(`aanmelding ${stand}: ${kind}`, async () => {
            await openAanmelding(page, kind);
            assert.match(await mainText(page), kenmerk, `${kind}: de pagina toont de stand "${stand}" niet`);
            await checkHere(page, `/aanmeldingen/:id (${stand})`, `Aanmelding van ${kind}`);
            if (stand === 'nieuw' || stand === 'in onderzoek, verzoek en adviesvraag open') await screenshot(page, `journey2-aanmelding-${kind.split(' ')[0]!.toLowerCase()}`);
          });
        }

        await t.test('intrekken: de bevestigingspagina (zonder in te trekken)', async () => {
          const pad = await openAanmelding(page, 'Mila Verhoeven');
          await expectNavigation(page, () => page.getByRole('link', { name: 'De ouders trekken de aanmelding in' }).click());
          assert.equal(pathname(page), `${pad}/intrekken`);
          await checkHere(page, '/aanmeldingen/:id/intrekken', 'Aanmelding van Mila Verhoeven intrekken');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Ja, aanmelding intrekken' }).click(), 422);
          await checkErrorHere(page, '/aanmeldingen/:id/intrekken (geen reden)', ['Schrijf kort op waarom (bijvoorbeeld: kind gaat naar een andere school).']);
          await expectNavigation(page, () => page.getByRole('link', { name: 'Nee, terug naar de aanmelding' }).click());
          assert.equal(pathname(page), pad);
          assert.match(await mainText(page), /Status\s*Ontvangen/, 'de aanmelding is toch ingetrokken');
        });

        await t.test('verlengen met een te late datum (422)', async () => {
          await openAanmelding(page, 'Mila Verhoeven');
          const veld = page.getByLabel('Nieuwe termijn');
          const max = (await veld.getAttribute('max'))!;
          await veld.fill(addDays(max, 1));
          await page.getByLabel('Waarom heeft de school meer tijd nodig?').fill('Wij wachten op het verslag van de logopedist.');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Termijn verlengen' }).click(), 422);
          await checkErrorHere(page, '/aanmeldingen/:id/verlengen (te laat)', [`U mag de termijn met hoogstens 4 weken verlengen: uiterlijk tot ${max}.`]);
          assert.equal(await page.getByLabel('Nieuwe termijn').inputValue(), addDays(max, 1), 'de datum is niet bewaard');
          await screenshot(page, 'journey2-verlengen-fout');
        });

        await t.test('andere school vragen zonder keuze en zonder tekst (422)', async () => {
          await openAanmelding(page, 'Mila Verhoeven');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Verzoek versturen' }).click(), 422);
          await checkErrorHere(page, '/aanmeldingen/:id/plaatsingsverzoeken (leeg)', ['Kies de school die u wilt vragen.']);
        });

        await t.test('advies vragen zonder vraag (422)', async () => {
          await openAanmelding(page, 'Mila Verhoeven');
          const form = page.getByRole('form', { name: 'Advies vragen' });
          await expectNavigation(page, () => form.getByRole('button', { name: 'Advies vragen' }).click(), 422);
          await checkErrorHere(page, '/aanmeldingen/:id/advies (leeg)', ['Schrijf uw vraag aan het samenwerkingsverband op.']);
        });

        await t.test('weigeren terwijl de zorgplicht geldt en niemand ja zei (422)', async () => {
          await openAanmelding(page, 'Daan van Leeuwen');
          await weigerPoging(page, 'Wij denken dat een andere school beter past.', 422);
          await checkErrorHere(page, '/aanmeldingen/:id/besluit (zorgplicht)', [GEBLOKKEERD]);
        });

        await t.test('toetsenbord: Tab bereikt elk formulierveld van de aanmelding in volgorde', async () => {
          await openAanmelding(page, 'Mila Verhoeven');
          await checkTabOrder(page, '/aanmeldingen/:id (nieuw)');
        });

        await t.test('verlengen: de vroegste datum die het datumveld toestaat (min) wordt geaccepteerd', async () => {
          await openAanmelding(page, 'Finn de Graaf');
          const veld = page.getByLabel('Nieuwe termijn');
          const min = (await veld.getAttribute('min'))!;
          await veld.fill(min);
          await page.getByLabel('Waarom heeft de school meer tijd nodig?').fill('Wij wachten op het verslag van de schoolarts.');
          const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Termijn verlengen' }).click()]);
          const fout = res?.status() === 422 ? (await summaryLinks(page)).map((l) => l.text).join(' | ') : '';
          assert.equal(res?.status(), 200, `het datumveld staat ${min} toe (min), maar de school krijgt: ${fout}`);
          assert.match(pathname(page), /\/brief\/verlenging$/);
        });

        await t.test('de brieven: verlenging en besluit', async () => {
          await openAanmelding(page, 'Yara Bos');
          await expectNavigation(page, () => page.getByRole('link', { name: 'Brief over de verlenging' }).click());
          await checkHere(page, '/aanmeldingen/:id/brief/verlenging', 'Verlenging van de termijn voor de aanmelding van Yara Bos');
          await openAanmelding(page, 'Levi Jansen');
          await expectNavigation(page, () => page.getByRole('link', { name: 'Brief over het besluit' }).click());
          await checkHere(page, '/aanmeldingen/:id/brief/besluit', 'Besluit over de aanmelding van Levi Jansen');
          await screenshot(page, 'journey2-brief-besluit-levi');
        });

        await t.test('verzoeken om plaatsing aan de demo-school: lijst, verzoek en een antwoord zonder keuze (422)', async () => {
          await viaMenu(page, 'Aanmeldingen');
          await expectNavigation(page, () => page.getByRole('link', { name: 'Verzoeken om plaatsing van andere scholen' }).click());
          await checkHere(page, '/plaatsingsverzoeken (IB)', 'Verzoeken om plaatsing');
          await expectNavigation(page, () => page.getByRole('table').getByRole('link', { name: 'Amir Haddou' }).click());
          await checkHere(page, '/plaatsingsverzoeken/:id', 'Verzoek om plaatsing: Amir Haddou');
          await screenshot(page, 'journey2-verzoek-amir');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Antwoord opslaan' }).click(), 422);
          await checkErrorHere(page, '/plaatsingsverzoeken/:id/antwoord (geen keuze)', ['Kies uw antwoord.']);
        });
      } finally {
        await ctx.close();
      }
    });

    test('intern begeleider van de andere school: aanmeldingen, verzoeken en een verzoek', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginStaff(page, ANDER_IB.email);
        await t.test('/aanmeldingen', async () => {
          await viaMenu(page, 'Aanmeldingen');
          await checkHere(page, '/aanmeldingen (IB andere school)', 'Aanmeldingen');
        });
        await t.test('/plaatsingsverzoeken en het verzoek voor Daan (open, met het formulier)', async () => {
          await expectNavigation(page, () => page.getByRole('link', { name: 'Verzoeken om plaatsing van andere scholen' }).click());
          await checkHere(page, '/plaatsingsverzoeken (IB andere school)', 'Verzoeken om plaatsing');
          await expectNavigation(page, () => page.getByRole('table').getByRole('link', { name: 'Daan van Leeuwen' }).click());
          assert.equal(await page.getByRole('form', { name: 'Antwoord geven' }).count(), 1, 'geen antwoordformulier bij een open verzoek');
          await checkHere(page, '/plaatsingsverzoeken/:id (open)', 'Verzoek om plaatsing: Daan van Leeuwen');
          await screenshot(page, 'journey2-verzoek-daan-andere-school');
        });
      } finally {
        await ctx.close();
      }
    });

    test('medewerker samenwerkingsverband: alle aanmeldingen, filter, adviesvraag beantwoorden (fout)', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginStaff(page, SWV);
        await t.test('/aanmeldingen en het filter op school', async () => {
          await viaMenu(page, 'Aanmeldingen');
          await checkHere(page, '/aanmeldingen (SWV)', 'Aanmeldingen');
          await page.getByLabel('School', { exact: true }).selectOption(DEMO_VESTIGING);
          await expectNavigation(page, () => page.getByRole('button', { name: 'Toon' }).click());
          assert.equal(new URL(page.url()).searchParams.get('school'), DEMO_VESTIGING);
          await checkHere(page, '/aanmeldingen?school=… (SWV)', 'Aanmeldingen');
          await screenshot(page, 'journey2-aanmeldingen-swv');
        });
        await t.test('de aanmelding met een open adviesvraag; een leeg advies (422)', async () => {
          await openAanmelding(page, 'Daan van Leeuwen');
          assert.equal(await page.getByRole('form', { name: 'Besluit nemen' }).count(), 0, 'het SWV besluit niet voor de school');
          await checkHere(page, '/aanmeldingen/:id (SWV, advies open)', 'Aanmelding van Daan van Leeuwen');
          await expectNavigation(page, () => page.getByRole('form', { name: 'Advies geven' }).getByRole('button', { name: 'Advies opslaan' }).click(), 422);
          await checkErrorHere(page, '/aanmeldingen/:id/advies/:id (leeg)', ['Schrijf het advies op.']);
        });
      } finally {
        await ctx.close();
      }
    });

    test('ouder: aanmeldingen van het eigen kind', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginParent(page, OUDER);
        await t.test('/aanmeldingen (ouder)', async () => {
          await viaMenu(page, 'Aanmeldingen');
          await checkHere(page, '/aanmeldingen (ouder)', 'Aanmeldingen');
          const kinderen = await page.getByRole('table').locator('tbody tr').count();
          assert.equal(kinderen, 1, 'de demo-ouder ziet alleen de aanmelding van het eigen kind');
        });
        await t.test('de aanmelding (ouder)', async () => {
          await openAanmelding(page, 'Julia Vermeulen');
          assert.equal(await page.locator('main form').count(), 0, 'de ouder ziet formulieren');
          await checkHere(page, '/aanmeldingen/:id (ouder)', 'Aanmelding van Julia Vermeulen');
          await screenshot(page, 'journey2-aanmelding-ouder');
        });
      } finally {
        await ctx.close();
      }
    });

    test('het openbare formulier: leeg, met fouten en de bevestiging', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await t.test('leeg', async () => {
          await visit(page, `/scholen/${DEMO_VESTIGING}`);
          await expectNavigation(page, () => page.getByRole('link', { name: 'Uw kind aanmelden bij deze school' }).click());
          await checkHere(page, '/scholen/:code/aanmelden', `Uw kind aanmelden bij ${demoSchool}`);
          await checkTabOrder(page, '/scholen/:code/aanmelden');
        });
        await t.test('met fouten (422)', async () => {
          await page.getByLabel('Geboortedatum', { exact: true }).fill(addDays(vandaag, -365)); // one year old: too young
          await expectNavigation(page, () => page.getByRole('button', { name: 'Aanmelding versturen' }).click(), 422);
          const n = await page.locator('.passend-error-summary a').count();
          assert.ok(n >= 6, `verwacht minstens 6 fouten (voornaam, achternaam, keus, ondersteuning, naam, e-mail, gezag), kreeg ${n}`);
          const teksten = (await summaryLinks(page)).map((l) => l.text);
          assert.ok(teksten.includes(GEEN_GEZAG), `geen melding over het gezag bij een leeg formulier: ${teksten.join(' | ')}`);
          await checkErrorHere(page, '/scholen/:code/aanmelden (leeg)', (await summaryLinks(page)).map((l) => l.text));
          await screenshot(page, 'journey2-formulier-fouten');
        });
        await t.test('te jong (422: de regel van de leeftijd)', async () => {
          const jong = addDays(vandaag, -365);
          await page.getByLabel('Voornaam', { exact: true }).fill('Pim');
          await page.getByLabel('Achternaam', { exact: true }).fill('Tejong');
          await page.getByLabel('Geboortedatum', { exact: true }).fill(jong);
          await page.getByRole('group', { name: 'Is deze school uw eerste keus?' }).getByRole('radio', { name: 'Nee' }).check();
          await page.getByRole('group', { name: 'Denkt u dat uw kind extra ondersteuning nodig heeft?' }).getByRole('radio', { name: 'Nee' }).check();
          await page.getByLabel('Uw naam').fill('Kim Tejong');
          await page.getByLabel('Uw e-mailadres').fill('kim.tejong@gezin.passend.test');
          await page.getByLabel('Ik heb het ouderlijk gezag over dit kind').check();
          await expectNavigation(page, () => page.getByRole('button', { name: 'Aanmelding versturen' }).click(), 422);
          const links = await summaryLinks(page);
          assert.equal(links.length, 1, `één fout verwacht: ${JSON.stringify(links)}`);
          assert.match(links[0]!.text, /^U kunt uw kind aanmelden vanaf .+\. Dan is uw kind 3 jaar\.$/);
          await checkErrorHere(page, '/scholen/:code/aanmelden (te jong)', [links[0]!.text]);
        });
        await t.test('de bevestiging', async () => {
          await page.getByLabel('Geboortedatum', { exact: true }).fill(addDays(vandaag, -4 * 365));
          await expectNavigation(page, () => page.getByRole('button', { name: 'Aanmelding versturen' }).click());
          assert.equal(pathname(page), `/scholen/${DEMO_VESTIGING}/aanmelden/ontvangen`);
          await checkHere(page, '/scholen/:code/aanmelden/ontvangen', 'Uw aanmelding is ontvangen');
          assert.ok((await mainText(page)).includes(`De school beslist uiterlijk op ${formatDutch(beslistermijn(vandaag))}`));
        });
      } finally {
        await ctx.close();
      }
    });
  });
});
