/**
 * Pages and API of the core pupil record. Routes only parse, authorise (policy), call a command and render.
 */
import { naamVan } from './naam.js';
import { sql } from 'drizzle-orm';
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { readForm, readJson, uuidParam, validate, validateOrThrow, queryText, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage, setFlash } from '../../platform/http/render.js';
import { AppError } from '../../platform/errors.js';
import { rows } from '../../platform/db/client.js';
import { ROL_INFO, type Rol } from '../../platform/auth/roles.js';
import { formatDutch, ageOn } from '../../platform/civil-date.js';
import { Layout, type LayoutProps } from '../../platform/views/layout.js';
import {
  Heading, Paragraph, Form, FormField, Button, ButtonLink, ErrorSummary, Link, Table, DataList, SelectField, RadioGroup,
  CheckboxField, Alert, Paginering,
} from '../../platform/views/components.js';
import * as cmd from './commands.js';
import { ZNieuweLeerling, ZNieuweOuder, ZWijzigLeerling, RELATIES } from './schemas.js';
import { magLeerlingRegistreren, type Relatie } from './rules/toegang.js';
import type { InzageRij, LeerlingRij } from './store.js';
import { inzageZin } from './inzage.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { LeerlingVelden } from './velden.js';
import { VASTLEG_ROLLEN as SCHORSING_VASTLEG_ROLLEN } from '../schorsing/rules/toegang.js';
import { SCHRIJF_ROLLEN as OPP_SCHRIJF_ROLLEN } from '../opp/rules/toegang.js';

/** Roles that can open pupil files at all; relationship decides which files. */
const DOSSIER_ROLLEN = (Object.keys(ROL_INFO) as Rol[]).filter((r) => ROL_INFO[r].kanLeerlingdossierOpenen && !ROL_INFO[r].isGezin);
/**
 * The parent (with gezag) reads the file. A pupil does not: the pupil portal (modules/opp, /mijn-opp) is what a pupil
 * uses, from the age the SWV sets; the file itself goes through the parents or the school (AVG art. 8 and 15).
 */
const GEZIN_ROLLEN: Rol[] = ['ouder'];
const REGISTRATIE_ROLLEN = DOSSIER_ROLLEN.filter(magLeerlingRegistreren);

/** An invitation link that cannot be ours is a 404 before it reaches the database. */
function uitnodigingParams(c: AppContext): void {
  if (!/^[A-Z0-9]{2,16}$/.test(c.req.param('swv') ?? '') || !/^[\w-]{20,100}$/.test(c.req.param('token') ?? '')) {
    throw new AppError('not_found');
  }
}

function actor(c: AppContext): cmd.Actor {
  const a = c.var.auth!;
  return { gebruikerId: a.gebruiker.id, grant: a.actief!, requestId: c.var.requestId };
}

function deps(c: AppContext): cmd.LeerlingDeps {
  const d = c.var.deps;
  return { db: d.db, clock: d.clock, publicUrl: d.publicUrl, onMailQueued: d.nudgeWorker };
}


/** School locations the actor may enrol at: their own, or every location in the SWV. */
async function vestigingKeuzes(c: AppContext) {
  const a = c.var.auth!.actief!;
  const swvId = a.swvId!;
  return c.var.deps.db.withTenant({ swvId, userId: c.var.auth!.gebruiker.id }, (tx) =>
    rows<{ code: string; naam: string; plaats: string | null }>(
      tx,
      a.vestigingCode
        ? sql`select code, naam, plaats from vestiging where code = ${a.vestigingCode}`
        : sql`select code, naam, plaats from vestiging where swv_po = ${swvId} or swv_vo = ${swvId} order by naam, code`,
    ),
  );
}

async function nieuwPage(c: AppContext, values: FormValues, errors: Record<string, string>, status: 200 | 422 = 200) {
  const keuzes = await vestigingKeuzes(c);
  const props = await layoutProps(c, 'Leerling toevoegen', { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Leerling toevoegen</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>Vul alleen in wat nodig is. Een burgerservicenummer (BSN) is niet nodig en kunt u hier niet invullen.</Paragraph>
      <Form action="/leerlingen" csrfToken={c.var.csrfToken}>
        <LeerlingVelden values={values} errors={errors} postcodeUitleg="Hiermee weet Passend welk samenwerkingsverband verantwoordelijk is." />
        <SelectField name="vestigingCode" label="School" options={keuzes.map((v) => ({ value: v.code, label: `${v.naam}${v.plaats ? ` (${v.plaats})` : ''}` }))} value={values.vestigingCode ?? (keuzes.length === 1 ? keuzes[0]!.code : '')} emptyOption={keuzes.length === 1 ? undefined : 'Kies een school'} error={errors.vestigingCode} required />
        <FormField name="startdatum" type="date" label="Ingeschreven vanaf" value={values.startdatum ?? c.var.deps.clock.today()} error={errors.startdatum} required />
        <Button>Leerling opslaan</Button>
      </Form>
    </Layout>,
    status,
  );
}

async function wijzigPage(
  c: AppContext,
  leerling: Awaited<ReturnType<typeof cmd.openLeerling>>['leerling'],
  values: FormValues,
  errors: Record<string, string>,
  status: 200 | 409 | 422 = 200,
) {
  const conflict = status === 409;
  const props = await layoutProps(c, 'Gegevens wijzigen', { hasErrors: Object.keys(errors).length > 0 || conflict });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Gegevens wijzigen van {naamVan(leerling)}</Heading>
      <ErrorSummary errors={errors} />
      {conflict && (
        <Alert type="warning" heading="Iemand anders heeft deze gegevens intussen gewijzigd">
          <Paragraph>Hieronder staat wat nu is opgeslagen. Uw eigen invoer staat in het formulier. Kijk beide na en sla opnieuw op.</Paragraph>
          <DataList items={[
            { key: 'Voornaam', value: leerling.voornaam }, { key: 'Tussenvoegsel', value: leerling.tussenvoegsel },
            { key: 'Achternaam', value: leerling.achternaam }, { key: 'Geboortedatum', value: formatDutch(leerling.geboortedatum) },
            { key: 'Postcode woonadres', value: leerling.woonPc4 },
          ]} />
        </Alert>
      )}
      <Form action={`/leerlingen/${leerling.id}/wijzigen`} csrfToken={c.var.csrfToken}>
        <input type="hidden" name="versie" value={String(leerling.versie)} />
        <LeerlingVelden values={{ ...leerling, ...values }} errors={errors} />
        <Button>Wijzigingen opslaan</Button>
      </Form>
      <Paragraph><Link href={`/leerlingen/${leerling.id}`}>Terug naar het dossier zonder op te slaan</Link></Paragraph>
    </Layout>,
    status,
  );
}

async function dossierPage(c: AppContext, id: string, ouderValues: FormValues = {}, ouderErrors: Record<string, string> = {}, status: 200 | 422 = 200) {
  const d = await cmd.openLeerling(deps(c), actor(c), id);
  const l = d.leerling;
  const today = c.var.deps.clock.today();
  const props = await layoutProps(c, naamVan(l), { hasErrors: Object.keys(ouderErrors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{naamVan(l)}</Heading>
      <ErrorSummary errors={ouderErrors} />
      <DataList items={[
        { key: 'Geboortedatum', value: `${formatDutch(l.geboortedatum)} (${ageOn(l.geboortedatum, today)} jaar)` },
        { key: 'Postcode woonadres', value: l.woonPc4 },
        { key: 'School', value: l.vestigingNaam },
      ]} />
      {d.magWijzigen && <Paragraph><Link href={`/leerlingen/${l.id}/wijzigen`}>Gegevens wijzigen</Link></Paragraph>}
      <Heading level={2}>Inschrijvingen</Heading>
      <Table caption="Inschrijvingen" hideCaption headers={['School', 'Vanaf', 'Tot']} rows={d.inschrijvingen.map((i) => [
        i.vestigingNaam ?? i.vestigingCode, formatDutch(i.startdatum), i.einddatum ? formatDutch(i.einddatum) : 'nu',
      ])} empty="Deze leerling is nergens ingeschreven." />
      <Heading level={2}>Ouders en verzorgers</Heading>
      <Table caption="Ouders en verzorgers" hideCaption headers={['Naam', 'Relatie', 'Gezag', 'Volgt dossier in Passend']} rows={d.ouders.map((o) => [
        o.naam, o.relatie, o.heeftGezag ? 'ja' : 'nee', o.gebruikerId ? 'ja' : 'nog niet',
      ])} empty="Er zijn nog geen ouders of verzorgers vastgelegd." />
      {d.magWijzigen && (
        <>
          <Heading level={3}>Ouder of verzorger toevoegen</Heading>
          <Form action={`/leerlingen/${l.id}/ouders`} csrfToken={c.var.csrfToken} aria-label="Ouder of verzorger toevoegen">
            <FormField name="naam" label="Naam" value={ouderValues.naam} error={ouderErrors.naam} required />
            <FormField name="email" type="email" label="E-mailadres" value={ouderValues.email} error={ouderErrors.email} required spellcheck={false} />
            <SelectField name="relatie" label="Relatie tot de leerling" options={RELATIES.map((r) => ({ value: r, label: r }))} value={ouderValues.relatie ?? 'ouder'} error={ouderErrors.relatie} />
            <RadioGroup name="heeftGezag" legend="Heeft deze ouder gezag?" description="Alleen een ouder met gezag mag het dossier inzien." value={ouderValues.heeftGezag} error={ouderErrors.heeftGezag} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
            <CheckboxField name="uitnodigen" label="Stuur een uitnodiging om het dossier in Passend te volgen" checked={ouderValues.uitnodigen !== undefined ? ouderValues.uitnodigen === 'ja' : true} />
            <Button appearance="secondary">Toevoegen</Button>
          </Form>
        </>
      )}
      {OPP_SCHRIJF_ROLLEN.includes(c.var.auth!.actief!.rol) && (
        <>
          <Heading level={2}>Ontwikkelingsperspectief</Heading>
          <Paragraph><Link href={`/leerlingen/${l.id}/opp/nieuw`}>Ontwikkelingsperspectief openen of starten</Link></Paragraph>
        </>
      )}
      {SCHORSING_VASTLEG_ROLLEN.includes(c.var.auth!.actief!.rol) && (
        <>
          <Heading level={2}>Schorsing en verwijdering</Heading>
          <Paragraph>
            <Link href={`/leerlingen/${l.id}/schorsing/nieuw`}>Schorsing vastleggen</Link> · <Link href={`/leerlingen/${l.id}/verwijdering/nieuw`}>Voornemen tot verwijdering vastleggen</Link>
          </Paragraph>
        </>
      )}
      <Heading level={2}>Wie heeft dit dossier bekeken?</Heading>
      <Paragraph><Link href={`/leerlingen/${l.id}/inzage`}>Bekijk wie dit dossier heeft geopend of gewijzigd</Link></Paragraph>
    </Layout>,
    status,
  );
}

/** The pupil list page (also rendered by the benchmark's variant without RLS, so both show the same markup). */
export function LeerlingenLijstPage(props: {
  layout: LayoutProps;
  zoek: string;
  magToevoegen: boolean;
  rijen: LeerlingRij[];
  totaal: number;
  pagina: number;
  relatie: Relatie;
}) {
  const { zoek, rijen, totaal, pagina } = props;
  const paginas = Math.max(1, Math.ceil(totaal / cmd.PAGINA_GROOTTE));
  const q = (p: number) => `/leerlingen?${new URLSearchParams({ ...(zoek ? { zoek } : {}), pagina: String(p) })}`;
  return (
    <Layout {...props.layout}>
      <Heading level={1}>Leerlingen</Heading>
      {props.magToevoegen && <Paragraph><ButtonLink href="/leerlingen/nieuw">Leerling toevoegen</ButtonLink></Paragraph>}
      <Form method="get" action="/leerlingen" aria-label="Zoeken">
        <FormField name="zoek" type="search" label="Zoek op naam" value={zoek} autocomplete="off" />
        <Button appearance="secondary">Zoeken</Button>
      </Form>
      <Paragraph>{totaal === 1 ? '1 leerling' : `${totaal} leerlingen`}{zoek ? ` gevonden voor "${zoek}"` : ''}. <Link href="/leerlingen.csv">Download als CSV</Link></Paragraph>
      <Table caption="Leerlingen" hideCaption rowHeaders headers={['Naam', 'Geboortedatum', 'School']} rows={rijen.map((l) => [
        <Link href={`/leerlingen/${l.id}`}>{naamVan(l)}</Link>, formatDutch(l.geboortedatum), l.vestigingNaam ?? 'niet ingeschreven',
      ])} empty={zoek ? 'Geen leerlingen gevonden. Probeer een deel van de naam.' : props.relatie.soort === 'geen' ? 'In uw rol ziet u alleen leerlingen waarvoor u een taak heeft. Die zijn er nu niet.' : 'Er zijn nog geen leerlingen.'} />
      <Paginering pagina={pagina} paginas={paginas} href={q} />
    </Layout>
  );
}

/** Who did it, as a parent reads it: the name, the role and the school or SWV ("systeem" for Passend's own jobs). */
function wieTekst(g: InzageRij): string {
  if (!g.actorRol || g.actorRol === 'systeem') return 'Passend (automatisch)';
  const rol = g.actorRol in ROL_INFO ? ROL_INFO[g.actorRol as Rol].label.toLowerCase() : g.actorRol;
  return `${g.naam ?? 'onbekend'} (${rol}${g.organisatieNaam ? `, ${g.organisatieNaam}` : ''})`;
}

/** Registers the pupil routes. */
export function registerLeerlingRoutes(app: App): void {
  defineRoute(app, 'GET', '/leerlingen', { access: DOSSIER_ROLLEN, pupilData: 'lezen', summary: 'Lijst van leerlingen die de gebruiker mag zien' }, async (c) => {
    const zoek = queryText(c, 'zoek');
    const pagina = Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1;
    const r = await cmd.toonLeerlingen(deps(c), actor(c), { zoek, pagina });
    const props = await layoutProps(c, 'Leerlingen');
    return sendPage(c, <LeerlingenLijstPage layout={props} zoek={zoek} magToevoegen={REGISTRATIE_ROLLEN.includes(c.var.auth!.actief!.rol)} {...r} />);
  });

  defineRoute(app, 'GET', '/leerlingen.csv', { access: DOSSIER_ROLLEN, pupilData: 'lezen', summary: 'CSV-export van zichtbare leerlingen' }, async (c) => {
    const rijen = await cmd.exporteerLeerlingen(deps(c), actor(c));
    const csv = toCsv(['id', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'vestigingscode', 'school'],
      rijen.map((l) => [l.id, l.voornaam, l.tussenvoegsel ?? '', l.achternaam, l.geboortedatum, l.vestigingCode ?? '', l.vestigingNaam ?? '']));
    return sendCsv(c, 'leerlingen.csv', csv, { leerlingen: true });
  });

  defineRoute(app, 'GET', '/leerlingen/nieuw', { access: REGISTRATIE_ROLLEN, summary: 'Formulier nieuwe leerling' }, (c) => nieuwPage(c, {}, {}));

  defineRoute(app, 'POST', '/leerlingen', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Registreert een leerling met inschrijving' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZNieuweLeerling, values);
    if (!v.ok) return nieuwPage(c, values, v.errors, 422);
    try {
      const id = await cmd.registreerLeerling(deps(c), actor(c), v.data);
      await setFlash(c, { kind: 'ok', text: 'De leerling is opgeslagen.' });
      return c.redirect(`/leerlingen/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') return nieuwPage(c, values, err.fields ?? {}, 422);
      throw err;
    }
  });

  defineRoute(app, 'GET', '/leerlingen/:id', { access: [...DOSSIER_ROLLEN, ...GEZIN_ROLLEN], pupilData: 'lezen', summary: 'Dossier van een leerling' }, (c) =>
    dossierPage(c, uuidParam(c)),
  );

  defineRoute(app, 'GET', '/leerlingen/:id/wijzigen', { access: DOSSIER_ROLLEN, pupilData: 'lezen', summary: 'Formulier gegevens wijzigen' }, async (c) => {
    const d = await cmd.openLeerling(deps(c), actor(c), uuidParam(c));
    if (!d.magWijzigen) throw new AppError('forbidden', { detail: 'In uw rol kunt u deze gegevens niet wijzigen.' });
    return wijzigPage(c, d.leerling, {}, {});
  });

  defineRoute(app, 'POST', '/leerlingen/:id/wijzigen', { access: DOSSIER_ROLLEN, pupilData: 'schrijven', summary: 'Wijzigt gegevens (met versiecontrole)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZWijzigLeerling, values);
    if (!v.ok) {
      const d = await cmd.openLeerling(deps(c), actor(c), id);
      return wijzigPage(c, d.leerling, values, v.errors, 422);
    }
    const { versie, ...gegevens } = v.data;
    try {
      const r = await cmd.wijzigLeerling(deps(c), actor(c), id, versie, gegevens);
      if (r.soort === 'conflict') return wijzigPage(c, r.current, values, {}, 409);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') {
        const d = await cmd.openLeerling(deps(c), actor(c), id);
        return wijzigPage(c, d.leerling, values, err.fields ?? {}, 422);
      }
      throw err;
    }
    await setFlash(c, { kind: 'ok', text: 'De gegevens zijn gewijzigd.' });
    return c.redirect(`/leerlingen/${id}`, 303);
  });

  defineRoute(app, 'POST', '/leerlingen/:id/ouders', { access: DOSSIER_ROLLEN, pupilData: 'schrijven', summary: 'Voegt een ouder toe en nodigt uit' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZNieuweOuder, values);
    if (!v.ok) return dossierPage(c, id, values, v.errors, 422);
    await cmd.voegOuderToe(deps(c), actor(c), id, v.data);
    await setFlash(c, { kind: 'ok', text: v.data.uitnodigen ? 'De ouder is toegevoegd en krijgt een uitnodiging per e-mail.' : 'De ouder is toegevoegd.' });
    return c.redirect(`/leerlingen/${id}`, 303);
  });

  defineRoute(app, 'GET', '/leerlingen/:id/inzage', { access: [...DOSSIER_ROLLEN, ...GEZIN_ROLLEN], pupilData: 'lezen', summary: 'Wie heeft het dossier bekeken (inzagelog)' }, async (c) => {
    const r = await cmd.inzageLog(deps(c), actor(c), uuidParam(c));
    const props = await layoutProps(c, 'Wie heeft het dossier bekeken?');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Wie heeft het dossier van {naamVan(r.leerling)} bekeken?</Heading>
        <Paragraph>Passend houdt bij wie het dossier opent of wijzigt. Ziet u iets wat niet klopt? Neem dan contact op met de school of het samenwerkingsverband.</Paragraph>
        <Table caption="Inzage in het dossier, nieuwste eerst" headers={['Wanneer', 'Wie', 'Wat']} rows={r.regels.map((g) => [
          new Date(g.at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }),
          wieTekst(g), inzageZin(g),
        ])} empty="Nog niemand heeft dit dossier geopend." />
        <Paragraph><Link href={`/leerlingen/${r.leerling.id}`}>Terug naar het dossier</Link></Paragraph>
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/uitnodiging/:swv/:token', { access: 'publiek', summary: 'Uitnodiging voor ouder bekijken' }, async (c) => {
    uitnodigingParams(c);
    const u = await cmd.bekijkUitnodiging(deps(c), (c.req.param('swv') ?? ''), (c.req.param('token') ?? ''));
    const props = await layoutProps(c, 'Uitnodiging aannemen');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Uitnodiging aannemen</Heading>
        {u.ouderId
          ? (
            <>
              <Paragraph>Beste {u.naam}, u bent uitgenodigd om in Passend mee te kijken met de ondersteuning van uw kind.</Paragraph>
              <Paragraph>Na het aannemen logt u in met een code die u per e-mail krijgt op {u.email}.</Paragraph>
            </>
          )
          : (
            <>
              <Paragraph>Hoi, je school nodigt je uit om Passend te gebruiken. Daar kun je zelf zeggen wat jij belangrijk vindt op school.</Paragraph>
              <Paragraph>Na het aannemen log je in met een code die je per e-mail krijgt op {u.email}.</Paragraph>
            </>
          )}
        <Form action={`/uitnodiging/${encodeURIComponent((c.req.param('swv') ?? ''))}/${encodeURIComponent((c.req.param('token') ?? ''))}`} csrfToken={c.var.csrfToken}>
          <Button>Uitnodiging aannemen</Button>
        </Form>
      </Layout>,
    );
  });

  defineRoute(app, 'POST', '/uitnodiging/:swv/:token', { access: 'publiek', summary: 'Neemt de uitnodiging aan' }, async (c) => {
    uitnodigingParams(c);
    const email = await cmd.accepteerUitnodiging(deps(c), (c.req.param('swv') ?? ''), (c.req.param('token') ?? ''));
    await setFlash(c, { kind: 'ok', text: 'De uitnodiging is aangenomen. Vraag nu een code aan om in te loggen.' });
    return c.redirect(`/inloggen/code?email=${encodeURIComponent(email)}`, 303);
  });

  // JSON API: same commands, same policies; errors as application/problem+json.
  defineRoute(app, 'GET', '/api/leerlingen', { access: DOSSIER_ROLLEN, pupilData: 'lezen', summary: 'API: lijst van leerlingen' }, async (c) => {
    const pagina = Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1;
    const r = await cmd.toonLeerlingen(deps(c), actor(c), { zoek: queryText(c, 'zoek') || undefined, pagina });
    return c.json({ totaal: r.totaal, pagina: r.pagina, leerlingen: r.rijen });
  });

  defineRoute(app, 'GET', '/api/leerlingen/:id', { access: [...DOSSIER_ROLLEN, ...GEZIN_ROLLEN], pupilData: 'lezen', summary: 'API: dossier van een leerling' }, async (c) => {
    const d = await cmd.openLeerling(deps(c), actor(c), uuidParam(c));
    // Parents and pupils see who the parents are, not their contact details or accounts (other parent, custody).
    const gezin = GEZIN_ROLLEN.includes(c.var.auth!.actief!.rol);
    return c.json(gezin ? { ...d, ouders: d.ouders.map(({ email: _e, gebruikerId: _g, ...o }) => o) } : d);
  });

  defineRoute(app, 'POST', '/api/leerlingen', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'API: registreert een leerling' }, async (c) => {
    const body = await readJson(c);
    const input = validateOrThrow(ZNieuweLeerling, body);
    const id = await cmd.registreerLeerling(deps(c), actor(c), input);
    return c.json({ id }, 201, { Location: `/api/leerlingen/${id}` });
  });
}
