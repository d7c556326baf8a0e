/**
 * Platform pages: the home page per role, static information pages, the style guide, the demo mailbox and the
 * beheer overview (audit chain, jobs, mail).
 */
import { sql } from 'drizzle-orm';
import type { App, AppContext } from './env.js';
import { defineRoute } from './policy.js';
import { AANBOD_NAV_ROLLEN, layoutProps, sendPage } from './render.js';
import { AppError } from '../errors.js';
import { rows } from '../db/client.js';
import { ROL_INFO } from '../auth/roles.js';
import { verifyAuditChain } from '../audit/audit.js';
import { jobCounts } from '../jobs/queue.js';
import { listMails, findMail } from '../mail/outbox.js';
import { uuidParam } from './forms.js';
import { Layout } from '../views/layout.js';
import { Heading, Paragraph, Link, Table, DataList, ButtonLink, Alert } from '../views/components.js';
import { StyleGuidePage } from '../views/examples.js';
import { DEMO_LOGINS } from '../../demo/logins.js';

async function homePage(c: AppContext) {
  const a = c.var.auth;
  const rol = a?.actief?.rol;
  const props = await layoutProps(c, 'Start');
  if (!a || !rol) {
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Passend</Heading>
        <Paragraph lead>
          Elk kind een passende plek op school, dichtbij huis als het kan. Passend helpt scholen, samenwerkingsverbanden en
          ouders om dat samen te regelen: op tijd, zonder onnodig papierwerk, en met ouders en leerling als partner.
        </Paragraph>
        <Paragraph>
          <ButtonLink href="/inloggen" appearance="primary">Inloggen</ButtonLink>
        </Paragraph>
        <Heading level={2}>Voor ouders: een school zoeken</Heading>
        <Paragraph>
          Zoek scholen bij u in de buurt en zie welke ondersteuning elke school biedt, bijvoorbeeld bij dyslexie of gedrag.
          Daarvoor hoeft u niet in te loggen.
        </Paragraph>
        <Paragraph>
          <ButtonLink href="/scholen/zoeken" appearance="secondary">Zoek een school die past</ButtonLink>
        </Paragraph>
        <Paragraph>
          Bekijk ook de <Link href="/samenwerkingsverbanden">samenwerkingsverbanden passend onderwijs</Link> en hun scholen.
        </Paragraph>
        {c.var.deps.isDemo && (
          <>
            <Heading level={2}>Inloggen in de demo</Heading>
            <Paragraph>
              In deze demo kunt u inloggen met de accounts hieronder. Medewerkers hebben een wachtwoord en een code uit een
              app; de sleutel voor die app staat erbij. Ouders loggen in met een code per e-mail: die staat in de{' '}
              <Link href="/demo/mailbox">demo-mailbox</Link>.
            </Paragraph>
            <Table
              caption="Demo-accounts"
              rowHeaders
              headers={['Rol', 'E-mailadres', 'Wachtwoord', 'Sleutel voor app']}
              rows={DEMO_LOGINS.map((d) => [ROL_INFO[d.rol].label, d.email, d.wachtwoord ?? 'geen (code per e-mail)', d.totpSecret ?? '—'])}
            />
          </>
        )}
      </Layout>,
    );
  }
  const info = ROL_INFO[rol];
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Welkom, {a.gebruiker.naam}</Heading>
      <Paragraph>
        U werkt als {info.label.toLowerCase()}
        {a.actief?.vestigingNaam ? ` bij ${a.actief.vestigingNaam}` : ''}
        {a.actief?.swvNaam ? ` in ${a.actief.swvNaam}` : ''}.
      </Paragraph>
      {info.isGezin ? (
        <Paragraph>
          {rol === 'ouder'
            ? <Link href="/mijn-kinderen">Bekijk uw kinderen</Link>
            : <Link href="/mijn-opp">Bekijk je ondersteuning en zeg wat je ervan vindt</Link>}
        </Paragraph>
      ) : info.kanLeerlingdossierOpenen ? (
        <Paragraph>
          <Link href="/leerlingen">Naar de leerlingen</Link>
          {AANBOD_NAV_ROLLEN.includes(rol) && (
            <>
              {' · '}
              <Link href="/aanbod">{a.actief?.vestigingCode ? 'Ondersteuningsaanbod van uw school' : 'Ondersteuningsaanbod van de scholen'}</Link>
            </>
          )}
        </Paragraph>
      ) : rol === 'beheerder' ? (
        <Paragraph>
          <Link href="/beheer/audit">Controleer het auditlog en de wachtrij</Link>
        </Paragraph>
      ) : (
        <Alert type="info">
          <Paragraph>
            In uw rol werkt u met cijfers en plannen, niet met dossiers van leerlingen. Die onderdelen van Passend
            (begroting, ondersteuningsplan, indicatoren) komen in een volgende versie.
          </Paragraph>
        </Alert>
      )}
    </Layout>,
  );
}

/** Registers the platform pages. */
export function registerPlatformPages(app: App): void {
  defineRoute(app, 'GET', '/', { access: 'publiek', summary: 'Startpagina (per rol)' }, (c) => homePage(c));

  defineRoute(app, 'GET', '/gezondheid', { access: 'publiek', summary: 'Gezondheidscontrole voor beheer en load balancers' }, async (c) => {
    await rows(c.var.deps.db.owner, sql`select 1`);
    return c.json({ status: 'ok', database: c.var.deps.db.kind });
  });

  defineRoute(app, 'GET', '/stijlgids', { access: 'publiek', summary: 'Voorbeelden van alle componenten' }, async (c) => {
    const { title: _t, ...props } = await layoutProps(c, 'Stijlgids');
    return c.html(String(<StyleGuidePage {...props} />));
  });

  defineRoute(app, 'GET', '/toegankelijkheid', { access: 'publiek', summary: 'Toegankelijkheidsverklaring' }, async (c) => {
    const props = await layoutProps(c, 'Toegankelijkheid');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Toegankelijkheid</Heading>
        <Paragraph>
          Passend wil voor iedereen bruikbaar zijn. Wij bouwen volgens de richtlijnen WCAG 2.1 op niveau AA en gebruiken het
          NL Design System. Elke pagina werkt zonder JavaScript en met alleen een toetsenbord. Bij elke wijziging testen wij
          alle pagina's automatisch met axe.
        </Paragraph>
        <Paragraph>Loopt u toch ergens tegenaan? Meld het bij de beheerder van uw samenwerkingsverband.</Paragraph>
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/privacy', { access: 'publiek', summary: 'Privacyverklaring' }, async (c) => {
    const props = await layoutProps(c, 'Privacy');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Privacy</Heading>
        <Paragraph>
          Gegevens over de ondersteuning van een leerling zijn gevoelig: de wet ziet ze als gezondheidsgegevens (AVG artikel 9).
          Passend gaat daar zorgvuldig mee om:
        </Paragraph>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">Alleen wie een taak heeft voor de leerling kan het dossier openen.</li>
          <li class="utrecht-unordered-list__item">Medewerkers loggen in met een wachtwoord én een code uit een app.</li>
          <li class="utrecht-unordered-list__item">Passend legt vast wie een dossier opent of wijzigt. Ouders met gezag kunnen dat zelf zien.</li>
          <li class="utrecht-unordered-list__item">Passend gebruikt geen burgerservicenummer (BSN).</li>
          <li class="utrecht-unordered-list__item">Openbare cijfers tonen nooit aantallen onder de 5.</li>
        </ul>
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/demo/mailbox', { access: 'publiek', summary: 'Demo-mailbox (alleen in de demo zonder SMTP)' }, async (c) => {
    if (!c.var.deps.isDemo || c.var.deps.config.SMTP_URL) throw new AppError('not_found');
    const mails = await listMails(c.var.deps.db);
    const props = await layoutProps(c, 'Demo-mailbox');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Demo-mailbox</Heading>
        <Paragraph>
          Deze demo verstuurt geen echte e-mail. Alle berichten die Passend zou versturen, staan hier. In een echte
          installatie stelt u SMTP_URL in en verdwijnt deze pagina.
        </Paragraph>
        <Table caption="Berichten, nieuwste eerst" headers={['Aan', 'Onderwerp', 'Verstuurd']} rows={mails.map((m) => [
          m.aan, <Link href={`/demo/mailbox/${m.id}`}>{m.onderwerp}</Link>,
          new Date(m.createdAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }),
        ])} empty="Er zijn nog geen berichten." />
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/demo/mailbox/:id', { access: 'publiek', summary: 'Eén bericht in de demo-mailbox' }, async (c) => {
    if (!c.var.deps.isDemo || c.var.deps.config.SMTP_URL) throw new AppError('not_found');
    const m = await findMail(c.var.deps.db, uuidParam(c));
    if (!m) throw new AppError('not_found');
    const props = await layoutProps(c, m.onderwerp);
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>{m.onderwerp}</Heading>
        <DataList items={[{ key: 'Aan', value: m.aan }, { key: 'Status', value: m.status }]} />
        <pre class="utrecht-multiline-data utrecht-multiline-data--html-pre passend-mail">{m.tekst}</pre>
        <Paragraph><Link href="/demo/mailbox">Terug naar de mailbox</Link></Paragraph>
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/beheer/audit', { access: ['beheerder'], summary: 'Controle van de auditketen, wachtrij en e-mail' }, async (c) => {
    const [chain, jobs] = await Promise.all([verifyAuditChain(c.var.deps.db), jobCounts(c.var.deps.db)]);
    const props = await layoutProps(c, 'Auditlog en wachtrij');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Auditlog en wachtrij</Heading>
        <Alert type={chain.ok ? 'ok' : 'error'} heading={chain.ok ? 'De auditketen is in orde' : 'De auditketen is verbroken'}>
          <Paragraph>
            {chain.ok
              ? `Alle ${chain.events} gebeurtenissen zijn gecontroleerd. Niets is gewijzigd of verwijderd.`
              : `Bij gebeurtenis ${chain.brokenAt}: ${chain.reason}. Meld dit direct bij de functionaris gegevensbescherming.`}
          </Paragraph>
        </Alert>
        <DataList items={[{ key: 'Laatste hash', value: <code class="passend-code">{chain.headHash ?? '—'}</code> }]} />
        <Table caption="Achtergrondtaken per status" headers={['Status', { label: 'Aantal', numeric: true }]} rows={jobs.map((j) => [j.status, j.aantal])} empty="Er zijn geen taken." />
      </Layout>,
    );
  });
}
