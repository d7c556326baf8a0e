/**
 * The parents' portal pages: "Mijn kinderen" (every child with what runs and what is asked of the parent) and the
 * download of everything about a child (AVG). Pupils use "Mijn ondersteuning" (modules/opp) and their own file.
 */
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { uuidParam } from '../../platform/http/forms.js';
import { layoutProps, sendPage } from '../../platform/http/render.js';
import { formatDutch } from '../../platform/civil-date.js';
import { Layout } from '../../platform/views/layout.js';
import { Alert, Heading, Link, Paragraph, Table } from '../../platform/views/components.js';
import { naamVan } from '../leerlingen/naam.js';
import { isOpen } from '../zorgplicht/commands.js';
import { FASE_TEKST, termijnTekstOuder, evaluatieTekst } from '../opp/weergave.js';
import { geldendeVersie } from '../opp/rules/versies.js';
import * as cmd from './commands.js';
import type { Actor } from '../../platform/auth/actor.js';

function actor(c: AppContext): Actor {
  const a = c.var.auth!;
  return { gebruikerId: a.gebruiker.id, grant: a.actief!, requestId: c.var.requestId };
}

function deps(c: AppContext): cmd.PortaalDeps {
  return { db: c.var.deps.db, clock: c.var.deps.clock };
}

/** What the parent can or should do now for one child, in plain words (links first, the most urgent on top). */
function teDoen(k: cmd.KindOverzicht): { tekst: string; href: string }[] {
  const uit: { tekst: string; href: string }[] = [];
  for (const o of k.opps) {
    const besluit = o.stand.instemmingVoorstel;
    if (o.stand.voorstel !== null && o.opp.instemmingDoor === 'ouders' && (!besluit || besluit.uitkomst === 'gezien')) {
      uit.push({ tekst: `${o.opp.vestigingNaam} vraagt uw besluit over versie ${o.stand.voorstel} van het ontwikkelingsperspectief`, href: `/opp/${o.opp.id}` });
    }
  }
  for (const a of k.aanmeldingen.filter(isOpen)) {
    uit.push({ tekst: `Volg de aanmelding bij ${a.vestigingNaam}: de school beslist uiterlijk ${formatDutch(a.termijn)}`, href: `/aanmeldingen/${a.id}` });
  }
  return uit;
}

async function mijnKinderenPage(c: AppContext) {
  const kinderen = await cmd.portaal(deps(c), actor(c));
  const vandaag = c.var.deps.clock.today();
  const props = await layoutProps(c, 'Mijn kinderen');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Mijn kinderen</Heading>
      <Paragraph>Hier ziet u per kind wat er loopt: aanmeldingen bij een school en het ontwikkelingsperspectief. Wat u nu kunt doen, staat bovenaan.</Paragraph>
      <Table caption="Mijn kinderen" hideCaption rowHeaders headers={['Naam', 'Wat u nu kunt doen', 'Dossier']} rows={kinderen.map((k) => {
        const doen = teDoen(k);
        return [
          naamVan(k),
          !k.heeftGezag ? '—' : doen.length ? <>{doen.map((d) => <Paragraph><Link href={d.href}>{d.tekst}</Link></Paragraph>)}</> : 'Niets',
          k.heeftGezag ? <Link href={`/leerlingen/${k.leerlingId}`}>Bekijk het dossier</Link> : 'U heeft geen gezag. Daarom kunt u het dossier niet inzien. De school houdt u wel op de hoogte van belangrijke zaken.',
        ];
      })} empty="Er zijn nog geen kinderen aan uw account gekoppeld." />
      {kinderen.filter((k) => k.heeftGezag).map((k) => (
        <>
          <Heading level={2}>{naamVan(k)}</Heading>
          {teDoen(k).length > 0 && (
            <Alert type="info" heading="Wat u nu kunt doen" headingLevel={3}>
              <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
                {teDoen(k).map((d) => <li class="utrecht-unordered-list__item"><Link href={d.href}>{d.tekst}</Link></li>)}
              </ul>
            </Alert>
          )}
          <Heading level={3}>Aanmeldingen</Heading>
          <Table caption={`Aanmeldingen van ${naamVan(k)}`} hideCaption rowHeaders headers={['School', 'Ontvangen', 'Stand']} rows={k.aanmeldingen.map((a) => [
            <Link href={`/aanmeldingen/${a.id}`}>{a.vestigingNaam}</Link>,
            formatDutch(a.ontvangenOp),
            a.ingetrokkenOp ? `Ingetrokken op ${formatDutch(a.ingetrokkenOp)}` : a.besluit
              ? `${a.besluit === 'toegelaten' ? 'Toegelaten' : 'Niet toegelaten'} op ${formatDutch(a.besluitOp!)}`
              : `De school beslist uiterlijk ${formatDutch(a.termijn)}`,
          ])} empty="Er zijn geen aanmeldingen." />
          <Heading level={3}>Ontwikkelingsperspectief</Heading>
          <Table caption={`Ontwikkelingsperspectief van ${naamVan(k)}`} hideCaption rowHeaders headers={['School', 'Stand', 'Termijn en evaluatie']} rows={k.opps.map((o) => {
            const geldend = geldendeVersie(o.records.versies);
            return [
              <Link href={`/opp/${o.opp.id}`}>{o.opp.vestigingNaam}</Link>,
              `${FASE_TEKST[o.stand.fase]}${geldend ? ` (versie ${geldend.volgnummer} geldt sinds ${formatDutch(geldend.vastgesteldOp!)})` : ''}`,
              o.stand.evaluatie ? evaluatieTekst(o.stand.evaluatie, vandaag) : o.stand.fase === 'afgesloten' ? '—' : termijnTekstOuder(o.stand.termijn, o.opp.uiterlijk),
            ];
          })} empty="Uw kind heeft geen ontwikkelingsperspectief. Dat is alleen nodig bij extra ondersteuning." />
          <Paragraph>
            <Link href={`/leerlingen/${k.leerlingId}/inzage`}>Wie heeft het dossier van {k.voornaam} bekeken?</Link> ·{' '}
            <Link href={`/mijn-kinderen/${k.leerlingId}/gegevens.json`}>Download alle gegevens over {k.voornaam}</Link> (één bestand, JSON)
          </Paragraph>
        </>
      ))}
    </Layout>,
  );
}

/** Registers the parents' portal. */
export function registerPortaalRoutes(app: App): void {
  defineRoute(app, 'GET', '/mijn-kinderen', { access: ['ouder', 'leerling'], pupilData: 'lezen', summary: 'Ouderportaal: kinderen, aanmeldingen, ontwikkelingsperspectief' }, async (c) => {
    // A pupil's home in Passend is the pupil portal.
    if (c.var.auth!.actief!.rol === 'leerling') return c.redirect('/mijn-opp', 303);
    return mijnKinderenPage(c);
  });

  defineRoute(app, 'GET', '/mijn-kinderen/:id/gegevens.json', { access: ['ouder'], pupilData: 'lezen', summary: 'Alle gegevens over het kind in één bestand (AVG-inzage)' }, async (c) => {
    const id = uuidParam(c);
    const gegevens = await cmd.gegevensVanKind(deps(c), actor(c), id);
    return c.body(JSON.stringify(gegevens, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="gegevens-${id}.json"`,
      'Cache-Control': 'no-store',
    });
  });
}
