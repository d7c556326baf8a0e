/**
 * Pages of the aanmelding (issue 5, first slice): the list with every running clock, registering an application,
 * one application with its clock, the one extension of the term, and the letter to the parents about it.
 */
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { queryText, readForm, uuidParam, validate, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage, setFlash } from '../../platform/http/render.js';
import { toCsv } from '../../platform/http/csv.js';
import { AppError } from '../../platform/errors.js';
import { formatDutch } from '../../platform/civil-date.js';
import { Layout } from '../../platform/views/layout.js';
import {
  Alert, Button, ButtonLink, CheckboxField, DataList, ErrorSummary, Form, FormField, Heading, Link, Paragraph, RadioGroup,
  SelectField, Table, TextareaField,
} from '../../platform/views/components.js';
import * as cmd from './commands.js';
import * as store from './store.js';
import { AANMELDING_ROLLEN, REGISTRATIE_ROLLEN, aanmeldingRelatie } from './rules/toegang.js';
import { MAX_VERLENGING_WEKEN } from './rules/termijnen.js';
import { bezwaarTot, VERWIJZINGEN } from './rules/bezwaar.js';
import { SECTOR_LABEL, SECTOREN, ZBeoordeling, ZBesluit, ZNieuweAanmelding, ZVerlenging } from './schemas.js';

const STATUS_LABEL: Record<string, string> = {
  ontvangen: 'Ontvangen', 'in-onderzoek': 'In onderzoek', verlengd: 'Termijn verlengd', 'besluit-genomen': 'Besluit genomen',
  'tijdelijk-geplaatst': 'Tijdelijk geplaatst', ingetrokken: 'Ingetrokken',
};

function actor(c: AppContext): cmd.Actor {
  const a = c.var.auth!;
  return { gebruikerId: a.gebruiker.id, grant: a.actief!, requestId: c.var.requestId };
}

function deps(c: AppContext): cmd.ZorgplichtDeps {
  return { db: c.var.deps.db, clock: c.var.deps.clock };
}

function naam(a: { voornaam: string; tussenvoegsel: string | null; achternaam: string }): string {
  return [a.voornaam, a.tussenvoegsel, a.achternaam].filter(Boolean).join(' ');
}

/** The clock in words: days left, at risk (≤ 7 days) or overdue. Text, not colour alone (WCAG 1.4.1). */
function klokTekst(a: cmd.AanmeldingMetKlok): string {
  const d = a.klok.dagenOver;
  if (a.klok.status === 'verlopen') return `Te laat: ${-d} ${-d === 1 ? 'dag' : 'dagen'} over de termijn`;
  if (d === 0) return 'Vandaag is de laatste dag';
  return `Nog ${d} ${d === 1 ? 'dag' : 'dagen'}${a.klok.status === 'bijna' ? ' (bijna verlopen)' : ''}`;
}

function KlokBadge(props: { a: cmd.AanmeldingMetKlok }) {
  const soort = props.a.klok.status === 'verlopen' ? 'danger' : props.a.klok.status === 'bijna' ? 'warning' : 'neutral';
  return <span class={`utrecht-status-badge utrecht-status-badge--${soort}`}>{klokTekst(props.a)}</span>;
}

/** The `school` filter of the list and CSV: a vestigingscode, or '' (anything else is ignored, not an error). */
function schoolFilter(c: AppContext): string {
  const code = queryText(c, 'school', 6).toUpperCase();
  return /^[0-9A-Z]{4}\d{2}$/.test(code) ? code : '';
}

/** The schools SWV staff choose from (filter, registration); school staff and boards have no choice to make. */
async function scholenVoorKeuze(c: AppContext) {
  const a = c.var.auth!.actief!;
  if (aanmeldingRelatie(a).soort !== 'swv') return [];
  return c.var.deps.db.withTenant({ swvId: a.swvId, userId: c.var.auth!.gebruiker.id }, (tx) => store.scholenVanSwv(tx, a.swvId!));
}

async function lijstPage(c: AppContext) {
  const a = c.var.auth!.actief!;
  const filter = schoolFilter(c);
  const rijen = await cmd.toonAanmeldingen(deps(c), actor(c), { vestigingCode: filter || undefined });
  const scholen = await scholenVoorKeuze(c);
  const props = await layoutProps(c, 'Aanmeldingen');
  const bijna = rijen.filter((r) => r.klok.status === 'bijna').length;
  const laat = rijen.filter((r) => r.klok.status === 'verlopen').length;
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Aanmeldingen</Heading>
      <Paragraph>
        Na een aanmelding beslist de school binnen 6 weken. Eén keer verlengen met hoogstens {MAX_VERLENGING_WEKEN} weken mag,
        met een brief aan de ouders. Is er na 10 weken geen besluit, dan wordt het kind volgens de wet tijdelijk geplaatst.
      </Paragraph>
      {REGISTRATIE_ROLLEN.includes(a.rol) && <Paragraph><ButtonLink href="/aanmeldingen/nieuw">Aanmelding registreren</ButtonLink></Paragraph>}
      {scholen.length > 0 && (
        <Form method="get" action="/aanmeldingen" aria-label="Filter">
          <SelectField name="school" label="School" options={scholen.map((s) => ({ value: s.code, label: `${s.naam}${s.plaats ? ` (${s.plaats})` : ''}` }))} emptyOption="Alle scholen" value={filter} />
          <Button appearance="secondary">Toon</Button>
        </Form>
      )}
      <Paragraph>
        {rijen.length === 1 ? '1 aanmelding' : `${rijen.length} aanmeldingen`}; {bijna} bijna verlopen, {laat} te laat.{' '}
        <Link href={`/aanmeldingen.csv${filter ? `?school=${encodeURIComponent(filter)}` : ''}`}>Download als CSV</Link>
      </Paragraph>
      <Table caption="Aanmeldingen" hideCaption rowHeaders headers={['Kind', 'School', 'Ontvangen', 'Beslissen uiterlijk', 'Termijn', 'Status']} rows={rijen.map((r) => [
        <Link href={`/aanmeldingen/${r.id}`}>{naam(r)}</Link>, r.vestigingNaam, formatDutch(r.ontvangenOp), formatDutch(r.termijn),
        <KlokBadge a={r} />, STATUS_LABEL[r.status] ?? r.status,
      ])} empty="Er zijn geen aanmeldingen." />
    </Layout>,
  );
}

async function nieuwPage(c: AppContext, values: FormValues, errors: Record<string, string>, status: 200 | 422 = 200) {
  const scholen = await scholenVoorKeuze(c);
  const props = await layoutProps(c, 'Aanmelding registreren', { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Aanmelding registreren</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>Registreer hier een schriftelijke aanmelding. De termijn van 6 weken begint op de dag dat de school de aanmelding ontving. Een burgerservicenummer is niet nodig.</Paragraph>
      <Form action="/aanmeldingen" csrfToken={c.var.csrfToken}>
        <Heading level={2}>Het kind</Heading>
        <FormField name="voornaam" label="Voornaam" value={values.voornaam} error={errors.voornaam} autocomplete="off" required />
        <FormField name="tussenvoegsel" label="Tussenvoegsel (als die er is)" value={values.tussenvoegsel} error={errors.tussenvoegsel} autocomplete="off" />
        <FormField name="achternaam" label="Achternaam" value={values.achternaam} error={errors.achternaam} autocomplete="off" required />
        <FormField name="geboortedatum" type="date" label="Geboortedatum" value={values.geboortedatum} error={errors.geboortedatum} required />
        <FormField name="woonPc4" label="Postcode woonadres (alleen de 4 cijfers)" value={values.woonPc4} error={errors.woonPc4} inputmode="numeric" maxlength={4} />
        <Heading level={2}>De aanmelding</Heading>
        {scholen.length > 0 && (
          <SelectField name="vestigingCode" label="School" options={scholen.map((s) => ({ value: s.code, label: `${s.naam}${s.plaats ? ` (${s.plaats})` : ''}` }))} emptyOption="Kies een school" value={values.vestigingCode} error={errors.vestigingCode} required />
        )}
        <RadioGroup name="sector" legend="Soort onderwijs" value={values.sector ?? 'po'} error={errors.sector} options={SECTOREN.map((s) => ({ value: s, label: SECTOR_LABEL[s] }))} />
        <CheckboxField name="doofOfSlechthorend" label="Het kind is doof of slechthorend (speciaal onderwijs: aanmelden kan vanaf 2 jaar)" checked={values.doofOfSlechthorend === 'ja'} />
        <FormField name="ontvangenOp" type="date" label="Ontvangen op" description="De dag dat de schriftelijke aanmelding binnenkwam." value={values.ontvangenOp ?? c.var.deps.clock.today()} error={errors.ontvangenOp} required />
        <FormField name="gewensteStartdatum" type="date" label="Gewenste startdatum (als de ouders die noemen)" value={values.gewensteStartdatum} error={errors.gewensteStartdatum} />
        <TextareaField name="andereScholen" label="Bij welke andere scholen hebben de ouders het kind ook aangemeld?" description="Ouders moeten dit vertellen. Laat leeg als het geen andere scholen zijn." value={values.andereScholen} error={errors.andereScholen} rows={2} />
        <RadioGroup name="isEersteVoorkeur" legend="Is deze school de eerste keus van de ouders?" description="De school van eerste keus heeft de zorgplicht." value={values.isEersteVoorkeur ?? 'ja'} error={errors.isEersteVoorkeur} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
        <RadioGroup name="extraOndersteuningVerwacht" legend="Denken de ouders dat hun kind extra ondersteuning nodig heeft?" value={values.extraOndersteuningVerwacht} error={errors.extraOndersteuningVerwacht} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
        <Button>Aanmelding opslaan</Button>
      </Form>
      <Paragraph><Link href="/aanmeldingen">Terug naar de aanmeldingen</Link></Paragraph>
    </Layout>,
    status,
  );
}

async function aanmeldingPage(c: AppContext, id: string, values: FormValues = {}, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const { aanmelding: a, magVerlengen, magBeoordelen, magBesluiten, zorgplicht } = await cmd.openAanmelding(deps(c), actor(c), id);
  const props = await layoutProps(c, `Aanmelding van ${naam(a)}`, { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Aanmelding van {naam(a)}</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && <Alert type="warning" heading="Deze aanmelding is intussen gewijzigd"><Paragraph>Hieronder staat wat nu is opgeslagen. Kijk het na en probeer het opnieuw.</Paragraph></Alert>}
      <Alert type={a.klok.status === 'verlopen' ? 'error' : a.klok.status === 'bijna' ? 'warning' : 'info'} heading={`Beslissen uiterlijk ${formatDutch(a.termijn)}`} headingLevel={2}>
        <Paragraph>{klokTekst(a)}. {a.verlengdTot ? `De termijn is verlengd op ${formatDutch(a.verlengdOp!)}.` : `De gewone termijn is 6 weken na ontvangst.`} Is er op {formatDutch(a.uiterste)} nog geen besluit, dan wordt het kind volgens de wet tijdelijk geplaatst (als het nergens anders is ingeschreven).</Paragraph>
      </Alert>
      <DataList items={[
        { key: 'School', value: a.vestigingNaam },
        { key: 'Soort onderwijs', value: SECTOR_LABEL[a.sector] },
        { key: 'Geboortedatum', value: formatDutch(a.geboortedatum) },
        { key: 'Ontvangen op', value: formatDutch(a.ontvangenOp) },
        { key: 'Gewenste startdatum', value: a.gewensteStartdatum ? formatDutch(a.gewensteStartdatum) : 'niet genoemd' },
        { key: 'Ook aangemeld bij', value: a.andereScholen || 'geen andere scholen' },
        { key: 'Eerste keus van de ouders', value: a.isEersteVoorkeur ? 'ja: deze school heeft de zorgplicht' : 'nee' },
        { key: 'Extra ondersteuning verwacht', value: a.extraOndersteuningVerwacht ? 'ja, volgens de ouders' : 'nee' },
        { key: 'Status', value: STATUS_LABEL[a.status] ?? a.status },
        ...(a.verlengdTot ? [{ key: 'Reden van verlenging', value: a.verlengingReden }] : []),
      ]} />
      {a.verlengdTot && <Paragraph><Link href={`/aanmeldingen/${a.id}/brief/verlenging`}>Brief aan de ouders over de verlenging</Link> (om af te drukken)</Paragraph>}
      <Heading level={2}>Ondersteuning en zorgplicht</Heading>
      {zorgplicht
        ? <Paragraph>Beoordeeld op {formatDutch(a.beoordeeldOp!)}: {a.extraOndersteuningNodig ? 'het kind heeft extra ondersteuning nodig' : 'het kind heeft geen extra ondersteuning nodig'}. {zorgplicht.reden}{a.uitzonderingToelichting ? ` Toelichting van de school: ${a.uitzonderingToelichting}` : ''}</Paragraph>
        : <Paragraph>Nog niet beoordeeld. De school gaat na of het kind extra ondersteuning nodig heeft; de ouders mogen daarover informatie geven.</Paragraph>}
      {magBeoordelen && (
        <Form action={`/aanmeldingen/${a.id}/beoordeling`} csrfToken={c.var.csrfToken} aria-label="Ondersteuning beoordelen">
          <input type="hidden" name="versie" value={String(a.versie)} />
          <RadioGroup name="nodig" legend="Heeft het kind extra ondersteuning nodig?" description="Ondersteuning alleen voor de Nederlandse taal telt niet als extra ondersteuning." value={values.nodig ?? (a.extraOndersteuningNodig === null ? undefined : a.extraOndersteuningNodig ? 'ja' : 'nee')} error={errors.nodig} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
          <RadioGroup name="uitzondering" legend="Geldt de zorgplicht?" value={values.uitzondering ?? a.uitzondering ?? 'geen'} error={errors.uitzondering} options={[
            { value: 'geen', label: 'Ja, de zorgplicht geldt (als het kind extra ondersteuning nodig heeft)' },
            { value: 'geen-plaatsruimte', label: 'Nee: de school is vol, voor alle kinderen' },
            { value: 'grondslag-geweigerd', label: 'Nee: de ouders willen de grondslag van de school niet respecteren' },
            ...(a.sector === 'vo' ? [{ value: 'toelatingseisen-vo', label: 'Nee: de leerling voldoet niet aan de toelatingseisen' }] : []),
          ]} />
          <TextareaField name="uitzonderingToelichting" label="Waarom geldt de zorgplicht niet? (alleen als dat zo is)" value={values.uitzonderingToelichting ?? a.uitzonderingToelichting} error={errors.uitzonderingToelichting} rows={2} />
          <Button appearance="secondary">Beoordeling opslaan</Button>
        </Form>
      )}
      <Heading level={2}>Besluit</Heading>
      {a.besluit
        ? <Paragraph>Op {formatDutch(a.besluitOp!)} besloot de school het kind {a.besluit === 'toegelaten' ? 'toe te laten' : 'te weigeren'}. <Link href={`/aanmeldingen/${a.id}/brief/besluit`}>Brief aan de ouders over het besluit</Link> (om af te drukken)</Paragraph>
        : <Paragraph>Nog geen besluit.{zorgplicht?.geldt ? ' De zorgplicht geldt: weigeren kan pas als een andere school heeft bevestigd dat zij het kind toelaat.' : ''}</Paragraph>}
      {magBesluiten && (
        <Form action={`/aanmeldingen/${a.id}/besluit`} csrfToken={c.var.csrfToken} aria-label="Besluit nemen">
          <input type="hidden" name="versie" value={String(a.versie)} />
          <RadioGroup name="besluit" legend="Wat besluit de school?" value={values.besluit} error={errors.besluit} options={[{ value: 'toegelaten', label: 'Het kind toelaten' }, { value: 'geweigerd', label: 'Het kind weigeren' }]} />
          <FormField name="besluitOp" type="date" label="Datum van het besluit" value={values.besluitOp ?? c.var.deps.clock.today()} error={errors.besluitOp} max={c.var.deps.clock.today()} />
          <TextareaField name="besluitToelichting" label="Toelichting (bij een weigering: de redenen)" description="Deze tekst staat in de brief aan de ouders." value={values.besluitToelichting} error={errors.besluitToelichting} rows={3} />
          <Button appearance="secondary">Besluit opslaan</Button>
        </Form>
      )}
      {magVerlengen && (
        <>
          <Heading level={2}>Termijn verlengen</Heading>
          <Paragraph>Lukt het niet binnen 6 weken? Dan mag de school de termijn één keer verlengen, met hoogstens {MAX_VERLENGING_WEKEN} weken: uiterlijk tot {formatDutch(a.uiterste)}. De ouders krijgen een brief met de reden.</Paragraph>
          <Form action={`/aanmeldingen/${a.id}/verlengen`} csrfToken={c.var.csrfToken} aria-label="Termijn verlengen">
            <input type="hidden" name="versie" value={String(a.versie)} />
            <FormField name="nieuweTermijn" type="date" label="Nieuwe termijn" value={values.nieuweTermijn} error={errors.nieuweTermijn} min={a.termijn} max={a.uiterste} required />
            <TextareaField name="reden" label="Waarom heeft de school meer tijd nodig?" description="Deze reden staat in de brief aan de ouders." value={values.reden} error={errors.reden} rows={3} />
            <Button appearance="secondary">Termijn verlengen</Button>
          </Form>
        </>
      )}
      <Paragraph><Link href="/aanmeldingen">Terug naar de aanmeldingen</Link></Paragraph>
    </Layout>,
    status,
  );
}

/**
 * Runs a command behind a form: a validation error re-renders the page (422) with the rule's messages on the form's
 * own field names, a conflict (someone else saved, or already decided) as 409; otherwise null.
 */
async function opFormulier(
  fn: () => Promise<void>,
  hernoem: Record<string, string>,
  toon: (errors: Record<string, string>, status: 409 | 422) => Promise<Response>,
): Promise<Response | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      const errors = Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, m]) => [hernoem[k] ?? k, m]));
      return toon(errors, 422);
    }
    if (err instanceof AppError && err.code === 'conflict') return toon({}, 409);
    throw err;
  }
}

/** Registers the aanmelding pages. */
export function registerZorgplichtRoutes(app: App): void {
  defineRoute(app, 'GET', '/aanmeldingen', { access: AANMELDING_ROLLEN, pupilData: 'lezen', summary: 'Aanmeldingen met hun termijn (school, bestuur, SWV)' }, (c) => lijstPage(c));

  defineRoute(app, 'GET', '/aanmeldingen.csv', { access: AANMELDING_ROLLEN, pupilData: 'lezen', summary: 'CSV: aanmeldingen met hun termijn' }, async (c) => {
    const filter = schoolFilter(c);
    const rijen = await cmd.toonAanmeldingen(deps(c), actor(c), { vestigingCode: filter || undefined });
    const csv = toCsv(['aanmelding', 'kind', 'geboortedatum', 'vestigingscode', 'school', 'ontvangen_op', 'beslissen_uiterlijk', 'dagen_over', 'stand', 'status'],
      rijen.map((r) => [r.id, naam(r), r.geboortedatum, r.vestigingCode, r.vestigingNaam, r.ontvangenOp, r.termijn, String(r.klok.dagenOver), r.klok.status, r.status]));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="aanmeldingen.csv"', 'Cache-Control': 'no-store' });
  });

  defineRoute(app, 'GET', '/aanmeldingen/nieuw', { access: REGISTRATIE_ROLLEN, summary: 'Formulier: aanmelding registreren' }, (c) => nieuwPage(c, {}, {}));

  defineRoute(app, 'POST', '/aanmeldingen', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Registreert een aanmelding (kind + aanmelding)' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZNieuweAanmelding, values);
    if (!v.ok) return nieuwPage(c, values, v.errors, 422);
    try {
      const id = await cmd.registreerAanmelding(deps(c), actor(c), v.data);
      await setFlash(c, { kind: 'ok', text: 'De aanmelding is opgeslagen. De termijn loopt.' });
      return c.redirect(`/aanmeldingen/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') return nieuwPage(c, values, err.fields ?? {}, 422);
      throw err;
    }
  });

  defineRoute(app, 'GET', '/aanmeldingen/:id', { access: AANMELDING_ROLLEN, pupilData: 'lezen', summary: 'Eén aanmelding met haar termijn' }, (c) => aanmeldingPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/aanmeldingen/:id/verlengen', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Verlengt de beslistermijn (één keer, ≤ 4 weken)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZVerlenging, values);
    if (!v.ok) return aanmeldingPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.verlengTermijn(deps(c), actor(c), id, v.data.versie, v.data), {}, (e, st) => aanmeldingPage(c, id, values, e, st));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De termijn is verlengd. Druk de brief af voor de ouders.' });
    return c.redirect(`/aanmeldingen/${id}/brief/verlenging`, 303);
  });

  defineRoute(app, 'POST', '/aanmeldingen/:id/beoordeling', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Beoordeling van de ondersteuningsbehoefte en de zorgplicht' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZBeoordeling, values);
    if (!v.ok) return aanmeldingPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.beoordeelAanmelding(deps(c), actor(c), id, v.data.versie, { nodig: v.data.nodig, uitzondering: v.data.uitzondering, toelichting: v.data.uitzonderingToelichting }),
      { toelichting: 'uitzonderingToelichting' }, (e, s) => aanmeldingPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De beoordeling is opgeslagen.' });
    return c.redirect(`/aanmeldingen/${id}`, 303);
  });

  defineRoute(app, 'POST', '/aanmeldingen/:id/besluit', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Besluit over de toelating (weigeren alleen binnen de zorgplicht)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZBesluit, values);
    if (!v.ok) return aanmeldingPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.neemBesluit(deps(c), actor(c), id, v.data.versie, { besluit: v.data.besluit, besluitOp: v.data.besluitOp, toelichting: v.data.besluitToelichting }),
      { toelichting: 'besluitToelichting' }, (e, s) => aanmeldingPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'Het besluit is opgeslagen. Druk de brief af voor de ouders.' });
    return c.redirect(`/aanmeldingen/${id}/brief/besluit`, 303);
  });

  defineRoute(app, 'GET', '/aanmeldingen/:id/brief/besluit', { access: AANMELDING_ROLLEN, pupilData: 'lezen', summary: 'Brief aan de ouders over het besluit (afdrukken)' }, async (c) => {
    const { aanmelding: a, zorgplicht } = await cmd.openAanmelding(deps(c), actor(c), uuidParam(c), 'afdrukken');
    if (!a.besluit || !a.besluitOp) throw new AppError('not_found');
    const toegelaten = a.besluit === 'toegelaten';
    const props = await layoutProps(c, `Brief: besluit over de aanmelding van ${naam(a)}`);
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Besluit over de aanmelding van {naam(a)}</Heading>
        <Paragraph>{a.vestigingNaam}, {formatDutch(a.besluitOp)}</Paragraph>
        <Paragraph>Beste ouder of verzorger,</Paragraph>
        <Paragraph>
          Op {formatDutch(a.ontvangenOp)} ontvingen wij de aanmelding van {naam(a)}. Wij hebben besloten uw kind
          {toegelaten ? ' toe te laten op onze school.' : ' niet toe te laten op onze school.'}
        </Paragraph>
        {a.besluitToelichting && <Paragraph>{toegelaten ? 'Toelichting' : 'De redenen'}: {a.besluitToelichting}</Paragraph>}
        {!toegelaten && zorgplicht?.geldt === false && <Paragraph>{zorgplicht.reden}</Paragraph>}
        <Paragraph>
          Bent u het niet eens met dit besluit? Dan kunt u tot en met {formatDutch(bezwaarTot(a.besluitOp))} bezwaar maken bij het
          schoolbestuur (binnen 6 weken). Gaat het om een kind dat extra ondersteuning nodig heeft, dan kunt u ook naar de
          {' '}{VERWIJZINGEN.gpo.naam} ({VERWIJZINGEN.gpo.website}). De {VERWIJZINGEN.onderwijsconsulenten.naam} helpen u gratis
          ({VERWIJZINGEN.onderwijsconsulenten.website}).
        </Paragraph>
        <Paragraph>Met vriendelijke groet,</Paragraph>
        <Paragraph>{a.vestigingNaam}</Paragraph>
        <Paragraph class="passend-niet-afdrukken"><Link href={`/aanmeldingen/${a.id}`}>Terug naar de aanmelding</Link> · Druk deze brief af met Ctrl+P (of Cmd+P op een Mac).</Paragraph>
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/aanmeldingen/:id/brief/verlenging', { access: AANMELDING_ROLLEN, pupilData: 'lezen', summary: 'Brief aan de ouders over de verlenging (afdrukken)' }, async (c) => {
    const { aanmelding: a } = await cmd.openAanmelding(deps(c), actor(c), uuidParam(c), 'afdrukken');
    if (!a.verlengdTot) throw new AppError('not_found');
    const props = await layoutProps(c, `Brief: verlenging van de termijn voor ${naam(a)}`);
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Verlenging van de termijn voor de aanmelding van {naam(a)}</Heading>
        <Paragraph>{a.vestigingNaam}, {formatDutch(a.verlengdOp!)}</Paragraph>
        <Paragraph>Beste ouder of verzorger,</Paragraph>
        <Paragraph>
          Op {formatDutch(a.ontvangenOp)} ontvingen wij de aanmelding van {naam(a)}. Wij moeten binnen 6 weken beslissen of wij uw kind
          kunnen toelaten. Dat lukt niet. Daarom verlengen wij de termijn één keer, tot en met {formatDutch(a.verlengdTot)}.
        </Paragraph>
        <Paragraph>De reden: {a.verlengingReden}</Paragraph>
        <Paragraph>
          De wet staat één verlenging toe, van hoogstens 4 weken (artikel 40 lid 6 Wet op het primair onderwijs, artikel 27 lid 2e
          Wet op het voortgezet onderwijs, artikel 40 lid 7 Wet op de expertisecentra). Beslissen wij ook dan niet, en is uw kind niet op
          een andere school ingeschreven? Dan wordt uw kind volgens de wet tijdelijk bij ons geplaatst.
        </Paragraph>
        <Paragraph>
          Bent u het niet eens met deze verlenging? Neem dan contact met ons op. Heeft u hulp nodig, of lukt het niet om een passende
          school te vinden? De {VERWIJZINGEN.onderwijsconsulenten.naam} helpen gratis ({VERWIJZINGEN.onderwijsconsulenten.website}). Over
          een weigering van een kind dat extra ondersteuning nodig heeft, oordeelt de {VERWIJZINGEN.gpo.naam} ({VERWIJZINGEN.gpo.website}).
        </Paragraph>
        <Paragraph>Met vriendelijke groet,</Paragraph>
        <Paragraph>{a.vestigingNaam}</Paragraph>
        <Paragraph class="passend-niet-afdrukken"><Link href={`/aanmeldingen/${a.id}`}>Terug naar de aanmelding</Link> · Druk deze brief af met Ctrl+P (of Cmd+P op een Mac).</Paragraph>
      </Layout>,
    );
  });
}
