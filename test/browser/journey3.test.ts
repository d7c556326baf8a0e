/**
 * Journey 3 (product.md) in a real browser, on the demo SWV PO2603 and the real date: "The school writes an OPP with
 * the parents: hindering/supporting factors, exit destination, handelingsdeel; the parent consents to version 2
 * (not version 1); the pupil's view is recorded; the yearly evaluation falls due."
 *
 * Part 1, without JavaScript on a 320 px wide screen (links and plain forms only): the IB adds a parent to a pupil's
 * file, starts the OPP, writes version 1, records the talk and asks the parents to decide; the parent takes the
 * invitation from the demo mailbox, logs in, refuses version 1 (first without a reason) and gives her own view; the
 * IB writes version 2 and records the pupil's view and what the school does with the parent's view; the school
 * leader cannot adopt version 2 — the refusal of version 1 does not count, consent on version 2 is missing; the
 * parent consents to version 2; the school leader adopts it; the parent sees it adopted and the evaluation due.
 * The same journey runs again with JavaScript on a desktop screen (another pupil, another parent).
 *
 * Part 2, with JavaScript: axe (WCAG 2.0/2.1 A and AA) and reflow at 320 px on every OPP page for each role (IB,
 * school leader, parent, pupil, SWV director), forms re-rendered with errors, the conflict page of two people
 * saving the same OPP, and the keyboard order of the version form and the parent's decision.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { first } from '../../src/platform/db/client.js';
import { civilDateAt, formatDutch } from '../../src/platform/civil-date.js';
import { eindeSchooljaar } from '../../src/modules/opp/rules/evaluatie.js';
import { DEMO_VESTIGING } from '../../src/demo/logins.js';
import {
  checkErrorHere, checkHere, checkTabOrder, chromiumSkipReason, expectNavigation, flash, h1, loginParent, loginStaff, pathname, readLoginCode,
  screenshot, startHarness, summaryLinks, viaMenu, visit, type Harness,
} from './support.js';

const skip = chromiumSkipReason();

const IB = 'ib@school.passend.test';
const LEIDER = 'directie@school.passend.test';
const DIRECTEUR = 'directeur@swv.passend.test';
const OUDER = 'ouder@gezin.passend.test';
const LEERLING = 'leerling@gezin.passend.test';
/** The parent this journey invites: one per run (without and with JavaScript). */
const NIEUWE_OUDERS = [
  { naam: 'Jolanda Perspectief', email: 'jolanda.perspectief@gezin.passend.test' },
  { naam: 'Karim Perspectief', email: 'karim.perspectief@gezin.passend.test' },
];

const vandaag = civilDateAt(new Date());
const WEIGERING = 'Twee keer per week uit de klas is te veel: dan mist zij de rekenles.';
const MENING_OUDER = 'Thuis gaat het lezen beter als we samen lezen. Graag ook oefenen met strips.';
const MENING_LEERLING = 'Voorlezen aan de juf alleen vind ik fijn.';
const REACTIE = 'We nemen strips mee in het leesgroepje.';

async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

/** The demo pupil this journey writes an OPP for: at the demo school, no parents in Passend, no OPP yet. */
async function leerlingZonderOpp(h: Harness): Promise<{ id: string; naam: string; voornaam: string }> {
  const r = await first<{ id: string; naam: string; voornaam: string }>(h.db.owner, sql`select l.id, l.voornaam,
      l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam as naam
    from leerling l join inschrijving i on i.leerling_id = l.id
    where i.vestiging_code = ${DEMO_VESTIGING} and i.einddatum is null
      and not exists (select 1 from ouder o where o.leerling_id = l.id) and not exists (select 1 from opp p where p.leerling_id = l.id)
      and (select count(*) from leerling x where x.voornaam = l.voornaam and x.achternaam = l.achternaam) = 1
    order by l.achternaam, l.voornaam limit 1`);
  assert.ok(r, 'geen demo-leerling zonder ontwikkelingsperspectief');
  return r;
}

/** The OPP of a pupil by the pupil's full name (the demo's names are fictitious). */
async function oppVan(h: Harness, waar: 'ouder' | 'leerling'): Promise<{ id: string; naam: string }> {
  const r = waar === 'ouder'
    ? await first<{ id: string; naam: string }>(h.db.owner, sql`select p.id, l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam as naam
        from opp p join leerling l on l.id = p.leerling_id join ouder o on o.leerling_id = l.id join gebruiker g on g.id = o.gebruiker_id
        where g.email = ${OUDER} and o.heeft_gezag limit 1`)
    : await first<{ id: string; naam: string }>(h.db.owner, sql`select p.id, l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam as naam
        from opp p join leerling l on l.id = p.leerling_id join rol_toekenning r on r.leerling_id = l.id join gebruiker g on g.id = r.gebruiker_id
        where g.email = ${LEERLING} limit 1`);
  assert.ok(r, `geen demo-OPP (${waar})`);
  return r;
}

/** Opens an OPP from the list (Ontwikkelingsperspectieven in the menu, then the pupil). */
async function openOpp(page: Page, naam: string): Promise<string> {
  await viaMenu(page, 'Ontwikkelingsperspectieven');
  const link = page.getByRole('table').getByRole('link', { name: naam, exact: true });
  assert.equal(await link.count(), 1, `${naam} staat niet (precies één keer) in de lijst`);
  await expectNavigation(page, () => link.click());
  assert.equal(await h1(page), `Ontwikkelingsperspectief van ${naam}`);
  return pathname(page);
}

/** The details element of one support domain in the version form (closed until its summary is clicked). */
function domein(page: Page, label: string) {
  return page.locator('details', { has: page.locator('summary', { hasText: new RegExp(`^${label}`) }) });
}

describe('journey 3: het ontwikkelingsperspectief met ouders en leerling', { skip }, () => {
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });

  after(async () => {
    await h?.close();
  });

  // The whole journey twice: without JavaScript on a 320 px screen, and with JavaScript on a desktop screen, each
  // with its own pupil and parent.
  const ritten = [
    { naam: 'zonder JavaScript (320 px breed)', opties: { javaScriptEnabled: false, viewport: { width: 320, height: 800 } }, ouder: NIEUWE_OUDERS[0]!, foto: 'journey3-320' },
    { naam: 'met JavaScript (hele reis)', opties: {}, ouder: NIEUWE_OUDERS[1]!, foto: 'journey3-js' },
  ];
  for (const rit of ritten) describe(rit.naam, () => {
    const { opties } = rit;
    const NIEUWE_OUDER = rit.ouder;
    let kind: { id: string; naam: string; voornaam: string };
    let ibCtx: BrowserContext;
    let ouderCtx: BrowserContext;
    let leiderCtx: BrowserContext;
    let ib: Page;
    let ouder: Page;
    let leider: Page;
    let opp = '';

    before(async () => {
      kind = await leerlingZonderOpp(h);
      ibCtx = await h.newContext(opties);
      ouderCtx = await h.newContext(opties);
      leiderCtx = await h.newContext(opties);
      ib = await ibCtx.newPage();
      ouder = await ouderCtx.newPage();
      leider = await leiderCtx.newPage();
    });

    after(async () => {
      await ibCtx?.close();
      await ouderCtx?.close();
      await leiderCtx?.close();
    });

    test('a. de IB voegt een ouder toe, start het OPP en schrijft versie 1', async () => {
      await loginStaff(ib, IB);
      await viaMenu(ib, 'Leerlingen');
      await ib.getByLabel('Zoek op naam').fill(kind.naam);
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Zoeken' }).click());
      await expectNavigation(ib, () => ib.getByRole('table').getByRole('link', { name: kind.naam, exact: true }).click());
      const ouderForm = ib.getByRole('form', { name: 'Ouder of verzorger toevoegen' });
      await ouderForm.getByLabel('Naam', { exact: true }).fill(NIEUWE_OUDER.naam);
      await ouderForm.getByLabel('E-mailadres').fill(NIEUWE_OUDER.email);
      await ouderForm.getByRole('group', { name: 'Heeft deze ouder gezag?' }).getByRole('radio', { name: 'Ja' }).check();
      await expectNavigation(ib, () => ouderForm.getByRole('button', { name: 'Toevoegen' }).click());
      await flash(ib, 'De ouder is toegevoegd en krijgt een uitnodiging per e-mail.');

      await expectNavigation(ib, () => ib.getByRole('link', { name: 'Ontwikkelingsperspectief openen of starten' }).click());
      assert.equal(await h1(ib), `Ontwikkelingsperspectief starten voor ${kind.naam}`);
      // "Only basisondersteuning": no OPP, no needless paperwork.
      await ib.getByRole('group', { name: /Krijgt de leerling extra ondersteuning/ }).getByRole('radio', { name: 'Nee, alleen basisondersteuning' }).check();
      await ib.getByRole('group', { name: /Waarom maakt de school nu/ }).getByRole('radio', { name: 'De leerling heeft nu pas extra ondersteuning nodig' }).check();
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Ontwikkelingsperspectief starten' }).click(), 422);
      assert.match((await summaryLinks(ib))[0]!.text, /een ontwikkelingsperspectief is niet nodig/);
      await ib.getByRole('group', { name: /Krijgt de leerling extra ondersteuning/ }).getByRole('radio', { name: 'Ja' }).check();
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Ontwikkelingsperspectief starten' }).click());
      assert.match(pathname(ib), /^\/opp\/[0-9a-f-]{36}\/bewerken$/);
      opp = pathname(ib).replace(/\/bewerken$/, '');
      await flash(ib, 'Het ontwikkelingsperspectief is gestart. Schrijf nu de eerste versie.');

      await ib.getByLabel('Waar gaat de leerling naar verwachting heen na deze school?').selectOption({ label: 'Havo' });
      await ib.getByLabel('Waarom verwacht de school dit?').fill('Leert snel als het lezen lukt.');
      const taal = domein(ib, 'Taal, lezen en dyslexie');
      await taal.locator('summary').click();
      await taal.getByLabel('Wat maakt het moeilijk? (belemmerend)').fill('Leest een jaar achter.');
      await taal.getByLabel('Wat helpt? (bevorderend)').fill('Leest thuis elke dag met moeder.');
      const doel = ib.getByRole('group', { name: 'Doel 1' });
      await doel.getByLabel('Doel', { exact: true }).fill('Leest eind groep 5 op niveau E5.');
      await doel.getByLabel('Onderwerp').selectOption({ label: 'Taal, lezen en dyslexie' });
      await doel.getByLabel('Welke ondersteuning krijgt de leerling?').fill('Leesgroepje met herhaald lezen.');
      await doel.getByLabel('Wie geeft de ondersteuning?').fill('Remedial teacher');
      await doel.getByLabel('Hoe vaak of hoe lang?').fill('2 keer per week 20 minuten');
      await screenshot(ib, `${rit.foto}-versie-1`);
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click());
      assert.equal(pathname(ib), opp);
      await flash(ib, 'Versie 1 is opgeslagen.');
      const tekst = await mainText(ib);
      assert.ok(tekst.includes('Versie 1: voorstel, nog niet vastgesteld'), tekst.slice(0, 600));
      assert.ok(tekst.includes('Leest een jaar achter.') && tekst.includes('Havo'));
    });

    test('b. de IB legt het overleg vast en vraagt de ouders om instemming', async () => {
      const oogo = ib.getByRole('form', { name: 'Overleg vastleggen' });
      await oogo.getByLabel('Wie waren er?').fill(`${NIEUWE_OUDER.naam}, leerkracht, intern begeleider`);
      await oogo.getByRole('group', { name: 'Uitkomst' }).getByRole('radio', { name: 'We zijn het deels eens' }).check();
      await expectNavigation(ib, () => oogo.getByRole('button', { name: 'Overleg vastleggen' }).click());
      await flash(ib, 'Het overleg is vastgelegd.');
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Vraag de ouders om instemming met versie 1' }).click());
      await flash(ib, 'Eén ouder krijgt een e-mail.');
    });

    test('c. de ouder neemt de uitnodiging aan, weigert versie 1 (eerst zonder reden) en geeft haar mening', async () => {
      await visit(ouder, '/');
      await viaMenu(ouder, 'Demo-mailbox');
      const mail = ouder.locator('main table tbody tr').filter({ hasText: NIEUWE_OUDER.email }).filter({ hasText: 'Uitnodiging: het ontwikkelingsperspectief van uw kind' }).getByRole('link');
      assert.equal(await mail.count(), 1);
      await expectNavigation(ouder, () => mail.click());
      const tekst = (await ouder.locator('main pre').textContent()) ?? '';
      assert.doesNotMatch(tekst, /Leest|E5|Remedial|leesgroepje/i, 'de mail noemt geen inhoud');
      const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(tekst)?.[0];
      assert.ok(link, tekst);
      await visit(ouder, new URL(link).pathname);
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Uitnodiging aannemen' }).click());
      await ouder.getByLabel('E-mailadres', { exact: true }).fill(NIEUWE_OUDER.email);
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Stuur mij een code' }).click());
      const mailbox = await ouderCtx.newPage();
      const code = await readLoginCode(mailbox, NIEUWE_OUDER.email, 0).finally(() => mailbox.close());
      await ouder.getByLabel('Code', { exact: true }).fill(code);
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Inloggen', exact: true }).click());
      assert.equal(await h1(ouder), `Welkom, ${NIEUWE_OUDER.naam}`);

      await viaMenu(ouder, 'Mijn kinderen');
      const vraag = ouder.getByRole('link', { name: /vraagt uw besluit over versie 1 van het ontwikkelingsperspectief/ }).first();
      await expectNavigation(ouder, () => vraag.click());
      assert.equal(pathname(ouder), opp);
      assert.ok((await mainText(ouder)).includes('Uw besluit over versie 1'));
      const besluit = ouder.getByRole('form', { name: 'Uw besluit' });
      await besluit.getByRole('group', { name: 'Stemt u in met de doelen en de hulp in versie 1?' }).getByRole('radio', { name: 'Nee, ik stem niet in' }).check();
      await expectNavigation(ouder, () => besluit.getByRole('button', { name: 'Besluit versturen' }).click(), 422);
      assert.deepEqual((await summaryLinks(ouder)).map((l) => l.text), ['Schrijf op waarom u niet instemt. Dan weet de school wat er anders moet.']);
      await ouder.getByLabel('Waarom stemt u niet in? (alleen bij nee)').fill(WEIGERING);
      assert.equal(await ouder.getByRole('radio', { name: 'Nee, ik stem niet in' }).isChecked(), true, 'de keuze is bewaard');
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Besluit versturen' }).click());
      await flash(ouder, 'Dank u. De school krijgt uw besluit te zien.');
      const na = await mainText(ouder);
      assert.ok(na.includes('U heeft niet ingestemd. Wat nu?') && na.includes('Geschillencommissie passend onderwijs'), na.slice(0, 800));

      await expectNavigation(ouder, () => ouder.getByRole('link', { name: 'Geef uw mening over het ontwikkelingsperspectief' }).click());
      await ouder.getByLabel('Wat vindt u van de ondersteuning die de school voorstelt?').fill(MENING_OUDER);
      await expectNavigation(ouder, () => ouder.getByRole('button', { name: 'Opslaan' }).click());
      await flash(ouder, 'Dank u. De school leest uw mening.');
      await screenshot(ouder, `${rit.foto}-ouder-weigert-versie-1`);
    });

    test('d. de IB maakt versie 2, legt de mening van de leerling vast en reageert op de ouder', async () => {
      await visit(ib, opp);
      assert.ok((await mainText(ib)).includes(WEIGERING), 'de reden van de ouder staat bij de school');
      await expectNavigation(ib, () => ib.getByRole('link', { name: 'Nieuwe versie maken (nu versie 1)' }).click());
      const doel = ib.getByRole('group', { name: 'Doel 1' });
      assert.equal(await doel.getByLabel('Doel', { exact: true }).inputValue(), 'Leest eind groep 5 op niveau E5.', 'de nieuwe versie begint bij de vorige');
      await doel.getByLabel('Hoe vaak of hoe lang?').fill('1 keer per week 30 minuten, niet tijdens de rekenles');
      await ib.getByLabel('Wat is er veranderd? (niet verplicht)').fill('Na het gesprek: minder vaak uit de klas, niet tijdens rekenen.');
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click());
      await flash(ib, 'Versie 2 is opgeslagen.');

      await expectNavigation(ib, () => ib.getByRole('link', { name: 'Mening van de leerling vastleggen' }).click());
      await ib.getByLabel('Wat gaat goed op school?').fill(MENING_LEERLING);
      await expectNavigation(ib, () => ib.getByRole('button', { name: 'Opslaan' }).click());
      await flash(ib, 'De mening van de leerling is vastgelegd. Schrijf ook op wat de school ermee doet.');

      const reactie = ib.getByRole('form', { name: new RegExp(`^Reactie op de mening van ${NIEUWE_OUDER.naam}`) });
      await reactie.getByRole('textbox').fill(REACTIE);
      await expectNavigation(ib, () => reactie.getByRole('button', { name: 'Reactie opslaan' }).click());
      await flash(ib, 'De reactie is opgeslagen.');
    });

    test('e. de schoolleider kan versie 2 niet vaststellen: de weigering van versie 1 telt niet, instemming op versie 2 ontbreekt', async () => {
      await loginStaff(leider, LEIDER);
      await openOpp(leider, kind.naam);
      const tekst = await mainText(leider);
      assert.ok(tekst.includes('Nog nodig voordat versie 2 kan worden vastgesteld'), tekst.slice(0, 800));
      await expectNavigation(leider, () => leider.getByRole('link', { name: 'Naar vaststellen' }).click());
      await expectNavigation(leider, () => leider.getByRole('button', { name: 'Versie 2 vaststellen' }).click(), 422);
      assert.deepEqual((await summaryLinks(leider)).map((l) => l.text),
        ['De ouders moeten eerst instemmen met het handelingsdeel van versie 2. Instemming met een eerdere versie telt niet.']);
      await screenshot(leider, `${rit.foto}-vaststellen-geblokkeerd`);
    });

    test('f. de ouder stemt in met versie 2; de schoolleider stelt versie 2 vast', async () => {
      await viaMenu(ouder, 'Mijn kinderen');
      await expectNavigation(ouder, () => ouder.getByRole('link', { name: /vraagt uw besluit over versie 2 van het ontwikkelingsperspectief/ }).first().click());
      const besluit = ouder.getByRole('form', { name: 'Uw besluit' });
      await besluit.getByRole('group', { name: 'Stemt u in met de doelen en de hulp in versie 2?' }).getByRole('radio', { name: 'Ja, ik stem in' }).check();
      await expectNavigation(ouder, () => besluit.getByRole('button', { name: 'Besluit versturen' }).click());
      await flash(ouder, 'Dank u. U heeft ingestemd. De school krijgt dit te zien.');

      await visit(leider, `${opp}/vaststellen`);
      await expectNavigation(leider, () => leider.getByRole('button', { name: 'Versie 2 vaststellen' }).click());
      assert.equal(pathname(leider), opp);
      await flash(leider, 'Versie 2 is vastgesteld. De ouders krijgen bericht.');
      assert.ok((await mainText(leider)).includes('Versie 2: vastgesteld, geldt nu'));
    });

    test('g. de ouder ziet versie 2 vastgesteld, de reactie op haar mening en de evaluatie die eraan komt', async () => {
      await visit(ouder, opp);
      const tekst = await mainText(ouder);
      assert.ok(tekst.includes(`Versie 2, vastgesteld op ${formatDutch(vandaag)}`), tekst.slice(0, 800));
      assert.ok(tekst.includes(REACTIE) && tekst.includes(MENING_LEERLING));
      assert.ok(tekst.includes(`Evalueren met de ouders vóór ${formatDutch(eindeSchooljaar(vandaag))}`));
      assert.equal(await ouder.getByRole('form', { name: 'Uw besluit' }).count(), 0, 'er is niets meer te beslissen');
      await screenshot(ouder, `${rit.foto}-ouder-vastgesteld`);
      // The school's list shows the evaluation due.
      await viaMenu(ib, 'Ontwikkelingsperspectieven');
      const rij = ib.getByRole('row').filter({ has: ib.getByRole('link', { name: kind.naam, exact: true }) });
      assert.match((await rij.textContent()) ?? '', /Evalueren met de ouders vóór/);
    });
  });

  describe('met JavaScript: axe, 320 px en toetsenbord op elke pagina', () => {
    test('intern begeleider: lijst, OPP, versie, formulieren, fouten, conflict en toetsenbord', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginStaff(page, IB);
        const eigen = await oppVan(h, 'ouder');
        await t.test('/opp', async () => {
          await viaMenu(page, 'Ontwikkelingsperspectieven');
          await checkHere(page, '/opp (IB)', 'Ontwikkelingsperspectieven');
        });
        await t.test('/opp/:id (voorstel, instemming gevraagd)', async () => {
          await openOpp(page, eigen.naam);
          await checkHere(page, '/opp/:id (IB)', `Ontwikkelingsperspectief van ${eigen.naam}`);
        });
        await t.test('overleg zonder gegevens (422)', async () => {
          await expectNavigation(page, () => page.getByRole('form', { name: 'Overleg vastleggen' }).getByRole('button', { name: 'Overleg vastleggen' }).click(), 422);
          await checkErrorHere(page, '/opp/:id/oogo (leeg)', ['Schrijf op wie er bij het overleg waren.', 'Kies de uitkomst van het overleg.']);
        });
        await t.test('/opp/:id/versies/1', async () => {
          await page.goto(`/opp/${eigen.id}/versies/1`);
          await checkHere(page, '/opp/:id/versies/:nr', `Versie 1 van het ontwikkelingsperspectief van ${eigen.naam}`);
        });
        await t.test('/opp/:id/bewerken en het toetsenbord', async () => {
          await page.goto(`/opp/${eigen.id}/bewerken`);
          await checkHere(page, '/opp/:id/bewerken', `Versie 3 van het ontwikkelingsperspectief van ${eigen.naam}`);
          await checkTabOrder(page, '/opp/:id/bewerken');
        });
        await t.test('twee mensen slaan tegelijk op: de tweede krijgt de conflictpagina (409) met beide', async () => {
          const ander = await ctx.newPage();
          await ander.goto(`/opp/${eigen.id}/bewerken`);
          await page.goto(`/opp/${eigen.id}/bewerken`);
          await ander.getByLabel('Wat is er veranderd? (niet verplicht)').fill('Eerst opgeslagen.');
          await ander.getByRole('group', { name: 'Doel 1' }).getByLabel('Wie geeft de ondersteuning?').fill('Onderwijsassistent');
          await expectNavigation(ander, () => ander.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click());
          await ander.close();
          await page.getByRole('group', { name: 'Doel 1' }).getByLabel('Wie geeft de ondersteuning?').fill('Mijn eigen invoer');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click(), 409);
          assert.ok((await mainText(page)).includes('Iemand anders heeft intussen versie 3 opgeslagen'));
          assert.equal(await page.getByRole('group', { name: 'Doel 1' }).getByLabel('Wie geeft de ondersteuning?').inputValue(), 'Mijn eigen invoer');
          await checkHere(page, '/opp/:id/versies (409)', `Versie 4 van het ontwikkelingsperspectief van ${eigen.naam}`);
        });
        await t.test('/opp/:id/leerling-mening (leeg: 422)', async () => {
          await page.goto(`/opp/${eigen.id}/leerling-mening`);
          await checkHere(page, '/opp/:id/leerling-mening', `Mening van ${eigen.naam} vastleggen`);
          await expectNavigation(page, () => page.getByRole('button', { name: 'Opslaan' }).click(), 422);
          await checkErrorHere(page, '/opp/:id/leerling-mening (leeg)', ['Beantwoord ten minste één vraag.']);
        });
        await t.test('/opp/:id/afdrukken', async () => {
          await page.goto(`/opp/${eigen.id}/afdrukken`);
          await checkHere(page, '/opp/:id/afdrukken', /^Ontwikkelingsperspectief van .+, versie \d+$/);
        });
        await t.test('een vastgesteld OPP: evaluatie (leeg: 422) en afsluiten', async () => {
          const leerling = await oppVan(h, 'leerling');
          await page.goto(`/opp/${leerling.id}`);
          await checkHere(page, '/opp/:id (vastgesteld)', `Ontwikkelingsperspectief van ${leerling.naam}`);
          await expectNavigation(page, () => page.getByRole('link', { name: 'Evaluatie vastleggen' }).click());
          await checkHere(page, '/opp/:id/evaluatie', `Evaluatie van het ontwikkelingsperspectief van ${leerling.naam}`);
          await expectNavigation(page, () => page.getByRole('button', { name: 'Evaluatie opslaan' }).click(), 422);
          const fouten = (await summaryLinks(page)).map((l) => l.text);
          assert.ok(fouten.includes('Kies wat er na de evaluatie gebeurt.') && fouten.includes('Kies het resultaat van doel 1.'), fouten.join(' | '));
          await checkErrorHere(page, '/opp/:id/evaluatie (leeg)', fouten);
          await page.goto(`/opp/${leerling.id}/afsluiten`);
          await checkHere(page, '/opp/:id/afsluiten', `Ontwikkelingsperspectief van ${leerling.naam} afsluiten`);
        });
        await t.test('/leerlingen/:id/opp/nieuw', async () => {
          const nieuw = await first<{ id: string; naam: string }>(h.db.owner, sql`select l.id, l.voornaam || ' ' || coalesce(l.tussenvoegsel || ' ', '') || l.achternaam as naam
            from leerling l join inschrijving i on i.leerling_id = l.id where i.vestiging_code = ${DEMO_VESTIGING} and i.einddatum is null
            and not exists (select 1 from opp p where p.leerling_id = l.id) order by l.achternaam desc limit 1`);
          await page.goto(`/leerlingen/${nieuw!.id}/opp/nieuw`);
          await checkHere(page, '/leerlingen/:id/opp/nieuw', `Ontwikkelingsperspectief starten voor ${nieuw!.naam}`);
        });
      } finally {
        await ctx.close();
      }
    });

    test('schoolleider: vaststellen (nog niet mogelijk)', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginStaff(page, LEIDER);
        const eigen = await oppVan(h, 'ouder');
        await t.test('/opp/:id/vaststellen', async () => {
          await page.goto(`/opp/${eigen.id}/vaststellen`);
          await checkHere(page, '/opp/:id/vaststellen', `Ontwikkelingsperspectief van ${eigen.naam} vaststellen`);
        });
      } finally {
        await ctx.close();
      }
    });

    test('ouder: mijn kinderen, het OPP met de vraag om instemming, fout, eigen mening, inzage en toetsenbord', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginParent(page, OUDER);
        const eigen = await oppVan(h, 'ouder');
        await t.test('/mijn-kinderen', async () => {
          await viaMenu(page, 'Mijn kinderen');
          await checkHere(page, '/mijn-kinderen (ouder)', 'Mijn kinderen');
        });
        await t.test('/opp/:id (ouder, besluit gevraagd) en het toetsenbord', async () => {
          await expectNavigation(page, () => page.getByRole('link', { name: /vraagt uw besluit over versie/ }).first().click());
          await checkHere(page, '/opp/:id (ouder)', `Ontwikkelingsperspectief van ${eigen.naam}`);
          await checkTabOrder(page, '/opp/:id (ouder)', 3);
        });
        await t.test('niet instemmen zonder reden (422)', async () => {
          await page.getByRole('radio', { name: 'Nee, ik stem niet in' }).check();
          await expectNavigation(page, () => page.getByRole('button', { name: 'Besluit versturen' }).click(), 422);
          await checkErrorHere(page, '/opp/:id/mijn-besluit (geen reden)', ['Schrijf op waarom u niet instemt. Dan weet de school wat er anders moet.']);
        });
        await t.test('/opp/:id/mijn-mening', async () => {
          await page.goto(`/opp/${eigen.id}/mijn-mening`);
          await checkHere(page, '/opp/:id/mijn-mening (ouder)', 'Uw mening over het ontwikkelingsperspectief');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Opslaan' }).click(), 422);
          await checkErrorHere(page, '/opp/:id/mijn-mening (leeg)', ['Beantwoord ten minste één vraag.']);
        });
        await t.test('/opp/:id/afdrukken (ouder)', async () => {
          await page.goto(`/opp/${eigen.id}/afdrukken`);
          await checkHere(page, '/opp/:id/afdrukken (ouder)', /^Ontwikkelingsperspectief van .+, versie \d+$/);
        });
      } finally {
        await ctx.close();
      }
    });

    test('leerling: mijn ondersteuning en mijn mening', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginParent(page, LEERLING, { naam: (await first<{ naam: string }>(h.db.owner, sql`select naam from gebruiker where email = ${LEERLING}`))!.naam });
        await t.test('/mijn-opp', async () => {
          await viaMenu(page, 'Mijn ondersteuning');
          await checkHere(page, '/mijn-opp', 'Mijn ondersteuning');
          assert.ok((await mainText(page)).includes('Je mag nu ook met rekenspelletjes oefenen'), 'de reactie van de school op de mening');
        });
        await t.test('/opp/:id/mijn-mening (leerling)', async () => {
          await expectNavigation(page, () => page.getByRole('link', { name: 'Zeg wat je ervan vindt' }).first().click());
          await checkHere(page, '/opp/:id/mijn-mening (leerling)', 'Wat vind jij?');
          await page.getByRole('textbox').first().fill('Met spelletjes gaat het beter.');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Versturen' }).click());
          assert.equal(pathname(page), '/mijn-opp');
          await flash(page, 'Dank je! De school leest wat je hebt geschreven.');
        });
      } finally {
        await ctx.close();
      }
    });

    test('directeur samenwerkingsverband: de leeftijd van het leerlingportaal (fout)', async (t) => {
      const ctx = await h.newContext();
      const page = await ctx.newPage();
      try {
        await loginStaff(page, DIRECTEUR);
        await t.test('/instellingen/opp', async () => {
          await viaMenu(page, 'Instellingen');
          await checkHere(page, '/instellingen/opp', 'Instellingen ontwikkelingsperspectief');
          await page.getByLabel('Vanaf welke leeftijd gebruiken leerlingen Passend zelf?').fill('30');
          await expectNavigation(page, () => page.getByRole('button', { name: 'Opslaan' }).click(), 422);
          await checkErrorHere(page, '/instellingen/opp (30)', ['Kies een leeftijd van 8 tot en met 18 jaar.']);
        });
      } finally {
        await ctx.close();
      }
    });
  });
});
