/**
 * Pages of the aanmelding (issue 5): the list with every running clock, registering an application, one
 * application with its clock and steps (also for the parents), assessment, placement requests to other schools and
 * their inbox, SWV advice, vo suspension of the term, withdrawal, the decision, and the letters (page + PDF).
 */
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { probeerFormulier, queryText, readForm, uuidParam, validate, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage, setFlash } from '../../platform/http/render.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { AppError } from '../../platform/errors.js';
import { addDays, formatDutch } from '../../platform/civil-date.js';
import { Layout } from '../../platform/views/layout.js';
import { LeerlingVelden } from '../leerlingen/velden.js';
import {
  Alert, Button, ButtonLink, CheckboxField, DataList, ErrorSummary, Form, FormField, Heading, Link, Paginering, Paragraph, RadioGroup,
  SelectField, Table, TextareaField,
} from '../../platform/views/components.js';
import * as cmd from './commands.js';
import * as store from './store.js';
import { ADVIES_ROLLEN, AANMELDING_LEZERS, AANMELDING_ROLLEN, PLAATSING_ROLLEN, REGISTRATIE_ROLLEN, aanmeldingRelatie, plaatsingSchool } from './rules/toegang.js';
import { MAX_VERLENGING_WEKEN } from './rules/termijnen.js';
import { sendBrief } from '../../platform/brief/brief.js';
import { besluitBrief, verlengingBrief } from './brieven.js';
import { naamVan as naam } from '../leerlingen/naam.js';
import { stappenVan } from './stappen.js';
import {
  SECTOR_LABEL, SECTOREN, ZAdvies, ZAdviesvraag, ZAntwoord, ZBeoordeling, ZBesluit, ZIntrekking, ZNieuweAanmelding, ZOpschorting, ZPlaatsingsverzoek,
  ZVerlenging,
} from './schemas.js';

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

const ANTWOORD_LABEL: Record<store.AntwoordStatus, string> = {
  gevraagd: 'Nog geen antwoord', overweegt: 'Denkt erover na (nog geen ja)', bereid: 'Ja, laat het kind toe', afgewezen: 'Nee',
};

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

/** The overview's filters from the address: a school (vestigingscode) and a board (SWV staff); anything else is ignored. */
function filterVan(c: AppContext): store.Filter & { stand: cmd.Stand; pagina: number } {
  const school = queryText(c, 'school', 6).toUpperCase();
  const bestuur = queryText(c, 'bestuur', 12);
  const stand = queryText(c, 'stand', 10) as cmd.Stand;
  return {
    vestigingCode: /^[0-9A-Z]{4}\d{2}$/.test(school) ? school : undefined,
    bestuurNummer: /^[0-9A-Z]{1,12}$/i.test(bestuur) ? bestuur : undefined,
    stand: cmd.STANDEN.includes(stand) ? stand : 'alle',
    pagina: Math.min(Number.parseInt(queryText(c, 'pagina', 6), 10) || 1, 100_000),
  };
}

function zoekString(f: store.Filter & { stand?: cmd.Stand }, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    ...(f.vestigingCode ? { school: f.vestigingCode } : {}), ...(f.bestuurNummer ? { bestuur: f.bestuurNummer } : {}),
    ...(f.stand && f.stand !== 'alle' ? { stand: f.stand } : {}), ...extra,
  }).toString();
  return q ? `?${q}` : '';
}

/** Every school location of the user's SWV (public register data). */
function scholenVanRegio(c: AppContext) {
  const a = c.var.auth!.actief!;
  return c.var.deps.db.withTenant({ swvId: a.swvId, userId: c.var.auth!.gebruiker.id }, (tx) => store.scholenVanSwv(tx, a.swvId!));
}

/** The schools SWV staff choose from (filter, registration); school staff and boards have no choice to make. */
async function scholenVoorKeuze(c: AppContext) {
  return aanmeldingRelatie(c.var.auth!.actief!).soort === 'swv' ? scholenVanRegio(c) : [];
}

/** A count the Dutch way: 2.000. */
const aantal = (n: number) => n.toLocaleString('nl-NL');

const STAND_LABEL: Record<cmd.Stand, string> = {
  alle: 'Alle aanmeldingen', lopend: 'Lopende termijnen', bijna: 'Bijna verlopen (7 dagen of minder)', 'te-laat': 'Te laat', afgerond: 'Besloten of ingetrokken',
};

async function lijstPage(c: AppContext) {
  const a = c.var.auth!.actief!;
  const f = filterVan(c);
  const isSwv = aanmeldingRelatie(a).soort === 'swv';
  const isOuder = a.rol === 'ouder';
  const o = await cmd.overzicht(deps(c), actor(c), f);
  const { scholen, besturen } = o.keuzes;
  const props = await layoutProps(c, 'Aanmeldingen');
  const t = o.tellingen;
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Aanmeldingen</Heading>
      {plaatsingSchool(a) && <Paragraph><Link href="/plaatsingsverzoeken">Verzoeken om plaatsing van andere scholen</Link></Paragraph>}
      <Paragraph>
        Na een aanmelding beslist de school binnen 6 weken. Eén keer verlengen met hoogstens {MAX_VERLENGING_WEKEN} weken mag,
        met een brief aan de ouders. Is er na 10 weken geen besluit, dan wordt het kind volgens de wet tijdelijk geplaatst.
      </Paragraph>
      {REGISTRATIE_ROLLEN.includes(a.rol) && <Paragraph><ButtonLink href="/aanmeldingen/nieuw">Aanmelding registreren</ButtonLink></Paragraph>}
      {o.adviesvragen.length > 0 && (
        <Alert type="info" heading={`${o.adviesvragen.length === 1 ? 'Een school vraagt' : `${aantal(o.adviesvragen.length)} scholen vragen`} om advies`} headingLevel={2}>
          <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
            {o.adviesvragen.map((v) => <li class="utrecht-unordered-list__item"><Link href={`/aanmeldingen/${v.aanmeldingId}`}>{naam(v)}</Link> ({v.vestigingNaam}, gevraagd op {formatDutch(v.gevraagdOp)})</li>)}
          </ul>
        </Alert>
      )}
      <Paragraph>
        {t.alle === 1 ? '1 aanmelding' : `${aantal(t.alle)} aanmeldingen`}: {aantal(t.lopend)} lopend, waarvan <strong>{aantal(t.bijna)} bijna verlopen</strong> en <strong>{aantal(t.laat)} te laat</strong>; {aantal(t.afgerond)} besloten of ingetrokken.
      </Paragraph>
      {!isOuder && (
        <Form method="get" action="/aanmeldingen" aria-label="Filter">
          <SelectField name="stand" label="Welke aanmeldingen" options={cmd.STANDEN.map((s) => ({ value: s, label: STAND_LABEL[s] }))} value={f.stand} />
          {isSwv && <SelectField name="school" label="School" options={scholen.map((s) => ({ value: s.code, label: `${s.naam}${s.plaats ? ` (${s.plaats})` : ''}` }))} emptyOption="Alle scholen" value={f.vestigingCode ?? ''} />}
          {isSwv && <SelectField name="bestuur" label="Schoolbestuur" options={besturen.map((b) => ({ value: b.nummer, label: b.naam ?? b.nummer }))} emptyOption="Alle besturen" value={f.bestuurNummer ?? ''} />}
          <Button appearance="secondary">Toon</Button>
        </Form>
      )}
      {!isOuder && <Paragraph><Link href={`/aanmeldingen.csv${zoekString(f)}`}>Download als CSV</Link> (alle aanmeldingen van deze keuze, met termijn)</Paragraph>}
      <Table caption="Aanmeldingen" hideCaption rowHeaders headers={['Kind', 'School', 'Ontvangen', 'Beslissen uiterlijk', 'Termijn', 'Status']} rows={o.rijen.map((r) => [
        <Link href={`/aanmeldingen/${r.id}`}>{naam(r)}</Link>, r.vestigingNaam, formatDutch(r.ontvangenOp), formatDutch(r.termijn),
        cmd.isOpen(r) ? <KlokBadge a={r} /> : '—', `${STATUS_LABEL[r.status] ?? r.status}${r.bron === 'ouder' ? ' (online aangemeld)' : ''}`,
      ])} empty={f.stand === 'alle' ? 'Er zijn geen aanmeldingen.' : 'Er zijn geen aanmeldingen met deze keuze.'} />
      <Paginering pagina={o.pagina} paginas={o.paginas} href={(p) => `/aanmeldingen${zoekString(f, { pagina: String(p) })}`} />
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
        <LeerlingVelden values={values} errors={errors} />
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
        <TextareaField name="ouderInformatie" label="Wat vertellen de ouders over de ondersteuning? (als zij daar iets over zeggen)" value={values.ouderInformatie} error={errors.ouderInformatie} rows={3} />
        <Button>Aanmelding opslaan</Button>
      </Form>
      <Paragraph><Link href="/aanmeldingen">Terug naar de aanmeldingen</Link></Paragraph>
    </Layout>,
    status,
  );
}

async function aanmeldingPage(c: AppContext, id: string, values: FormValues = {}, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const r = await cmd.openAanmelding(deps(c), actor(c), id);
  const { aanmelding: a, zorgplicht, verzoeken, adviezen } = r;
  const isOuder = r.relatie.soort === 'ouder';
  const open = cmd.isOpen(a);
  const scholen = r.magVerzoeken ? (await scholenVanRegio(c)).filter((s) => s.code !== a.vestigingCode) : [];
  const props = await layoutProps(c, `Aanmelding van ${naam(a)}`, { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  const bereid = verzoeken.filter((v) => v.status === 'bereid');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Aanmelding van {naam(a)}</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && <Alert type="warning" heading="Deze aanmelding is intussen gewijzigd"><Paragraph>Hieronder staat wat nu is opgeslagen. Kijk het na en probeer het opnieuw.</Paragraph></Alert>}
      {open
        ? (
          <Alert type={a.klok.status === 'verlopen' ? 'error' : a.klok.status === 'bijna' ? 'warning' : 'info'} heading={`Beslissen uiterlijk ${formatDutch(a.termijn)}`} headingLevel={2}>
            <Paragraph>{klokTekst(a)}. {a.verlengdTot ? `De termijn is verlengd op ${formatDutch(a.verlengdOp!)}.` : 'De gewone termijn is 6 weken na ontvangst.'}{a.opgeschortVan ? ` De termijn stond stil van ${formatDutch(a.opgeschortVan)} tot en met ${formatDutch(a.opgeschortTot!)}.` : ''}{' '}
              {a.tijdelijkGeplaatstVanaf
                ? `Het kind is sinds ${formatDutch(a.tijdelijkGeplaatstVanaf)} volgens de wet tijdelijk geplaatst, tot de school beslist.`
                : `Is er op ${formatDutch(a.uiterste)} nog geen besluit, dan wordt het kind volgens de wet tijdelijk geplaatst (als het nergens anders is ingeschreven).`}</Paragraph>
          </Alert>
        )
        : <Alert type="info" heading={a.besluit ? 'Er is een besluit' : 'Deze aanmelding is ingetrokken'} headingLevel={2}><Paragraph>{a.besluit ? `Op ${formatDutch(a.besluitOp!)} besloot de school het kind ${a.besluit === 'toegelaten' ? 'toe te laten' : 'niet toe te laten'}.` : `Ingetrokken op ${formatDutch(a.ingetrokkenOp!)}: ${a.intrekkingReden}`}</Paragraph></Alert>}
      <Heading level={2}>Stappen</Heading>
      <ol class="passend-stappen">
        {stappenVan(a, verzoeken, adviezen, isOuder ? 'ouder' : 'school').map((s) => (
          <li class={`passend-stap passend-stap--${s.soort}`}><strong>{formatDutch(s.datum)}</strong>{s.soort === 'verwacht' ? ' (verwacht)' : ''}: {s.tekst}</li>
        ))}
      </ol>
      <Heading level={2}>Gegevens</Heading>
      <DataList items={[
        { key: 'School', value: a.vestigingNaam },
        { key: 'Soort onderwijs', value: SECTOR_LABEL[a.sector] },
        { key: 'Geboortedatum', value: formatDutch(a.geboortedatum) },
        { key: 'Ontvangen op', value: formatDutch(a.ontvangenOp) },
        { key: 'Gewenste startdatum', value: a.gewensteStartdatum ? formatDutch(a.gewensteStartdatum) : 'niet genoemd' },
        { key: 'Ook aangemeld bij', value: a.andereScholen || 'geen andere scholen' },
        { key: 'Eerste keus van de ouders', value: a.isEersteVoorkeur ? 'ja: deze school heeft de zorgplicht' : 'nee' },
        { key: 'Extra ondersteuning verwacht', value: a.extraOndersteuningVerwacht ? 'ja, volgens de ouders' : 'nee' },
        ...(a.ouderInformatie ? [{ key: 'Informatie van de ouders', value: a.ouderInformatie }] : []),
        { key: 'Status', value: STATUS_LABEL[a.status] ?? a.status },
        ...(a.verlengdTot ? [{ key: 'Reden van verlenging', value: a.verlengingReden }] : []),
      ]} />
      {a.verlengdTot && <Paragraph><Link href={`/aanmeldingen/${a.id}/brief/verlenging`}>Brief over de verlenging</Link> (<Link href={`/aanmeldingen/${a.id}/brief/verlenging.pdf`}>PDF</Link>)</Paragraph>}
      <Heading level={2}>Ondersteuning en zorgplicht</Heading>
      {zorgplicht
        ? <Paragraph>Beoordeeld op {formatDutch(a.beoordeeldOp!)}: {a.extraOndersteuningNodig ? 'het kind heeft extra ondersteuning nodig' : 'het kind heeft geen extra ondersteuning nodig'}. {zorgplicht.reden}{a.uitzonderingToelichting ? ` Toelichting van de school: ${a.uitzonderingToelichting}` : ''}</Paragraph>
        : <Paragraph>Nog niet beoordeeld. De school gaat na of het kind extra ondersteuning nodig heeft; de ouders mogen daarover informatie geven.</Paragraph>}
      {r.magBeoordelen && (
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
      <Heading level={2}>Andere scholen gevraagd</Heading>
      <Paragraph>Kan de school het kind niet de ondersteuning geven die het nodig heeft? Dan vraagt de school een andere school. Weigeren mag pas als een andere school heeft bevestigd dat zij het kind toelaat. Erover nadenken is niet genoeg.</Paragraph>
      <Table caption="Gevraagde scholen" hideCaption rowHeaders headers={['School', 'Gevraagd op', 'Antwoord', 'Toelichting']} rows={verzoeken.map((v) => [
        v.vestigingNaam, formatDutch(v.gevraagdOp), `${ANTWOORD_LABEL[v.status]}${v.antwoordOp ? ` (${formatDutch(v.antwoordOp)})` : ''}`, v.antwoordToelichting ?? '',
      ])} empty="Er is nog geen andere school gevraagd." />
      {r.magVerzoeken && (
        <Form action={`/aanmeldingen/${a.id}/plaatsingsverzoeken`} csrfToken={c.var.csrfToken} aria-label="Andere school vragen">
          <SelectField name="vestigingCode" label="Welke school wilt u vragen?" options={scholen.map((s) => ({ value: s.code, label: `${s.naam}${s.plaats ? ` (${s.plaats})` : ''}` }))} emptyOption="Kies een school" value={values.vestigingCode} error={errors.vestigingCode} />
          <TextareaField name="vraag" label="Wat moet die school weten?" description="Schrijf welke ondersteuning het kind nodig heeft. De andere school ziet alleen deze tekst, de naam en geboortedatum van het kind en het soort onderwijs." value={values.vraag} error={errors.vraag} rows={3} />
          <Button appearance="secondary">Verzoek versturen</Button>
        </Form>
      )}
      <Heading level={2}>Advies van het samenwerkingsverband</Heading>
      {adviezen.length === 0 && <Paragraph>Er is geen advies gevraagd.</Paragraph>}
      {adviezen.map((ad) => (
        <div class="passend-blok">
          <Paragraph><strong>Vraag van de school ({formatDutch(ad.gevraagdOp)}):</strong> {ad.vraag}</Paragraph>
          {ad.advies
            ? <Paragraph><strong>Advies ({formatDutch(ad.adviesOp!)}):</strong> {ad.advies}</Paragraph>
            : r.magAdviseren
              ? (
                <Form action={`/aanmeldingen/${a.id}/advies/${ad.id}`} csrfToken={c.var.csrfToken} aria-label="Advies geven">
                  <TextareaField name="advies" id={values.adviesId === ad.id ? undefined : `advies-${ad.id}`} label="Uw advies" value={values.adviesId === ad.id ? values.advies : undefined} error={values.adviesId === ad.id ? errors.advies : undefined} rows={3} />
                  <Button appearance="secondary">Advies opslaan</Button>
                </Form>
              )
              : <Paragraph>Nog geen advies.</Paragraph>}
        </div>
      ))}
      {r.magAdviesVragen && (
        <Form action={`/aanmeldingen/${a.id}/advies`} csrfToken={c.var.csrfToken} aria-label="Advies vragen">
          <TextareaField name="vraagAdvies" label="Advies vragen aan het samenwerkingsverband" description="Het samenwerkingsverband ziet deze aanmelding en antwoordt hier." value={values.adviesId ? undefined : values.vraagAdvies} error={errors.vraagAdvies} rows={2} />
          <Button appearance="secondary">Advies vragen</Button>
        </Form>
      )}
      <Heading level={2}>Besluit</Heading>
      {a.besluit
        ? <Paragraph>Op {formatDutch(a.besluitOp!)} besloot de school het kind {a.besluit === 'toegelaten' ? 'toe te laten' : 'niet toe te laten'}. <Link href={`/aanmeldingen/${a.id}/brief/besluit`}>Brief over het besluit</Link> (<Link href={`/aanmeldingen/${a.id}/brief/besluit.pdf`}>PDF</Link>)</Paragraph>
        : <Paragraph>Nog geen besluit.{zorgplicht?.geldt ? (bereid.length ? ` ${bereid.map((b) => b.vestigingNaam).join(' en ')} wil het kind toelaten.` : ' De zorgplicht geldt: weigeren kan pas als een andere school heeft bevestigd dat zij het kind toelaat.') : ''}</Paragraph>}
      {r.magBesluiten && (
        <Form action={`/aanmeldingen/${a.id}/besluit`} csrfToken={c.var.csrfToken} aria-label="Besluit nemen">
          <input type="hidden" name="versie" value={String(a.versie)} />
          <RadioGroup name="besluit" legend="Wat besluit de school?" value={values.besluit} error={errors.besluit} options={[{ value: 'toegelaten', label: 'Het kind toelaten' }, { value: 'geweigerd', label: 'Het kind weigeren' }]} />
          <FormField name="besluitOp" type="date" label="Datum van het besluit" value={values.besluitOp ?? c.var.deps.clock.today()} error={errors.besluitOp} max={c.var.deps.clock.today()} />
          <TextareaField name="besluitToelichting" label="Toelichting (bij een weigering: de redenen)" description="Deze tekst staat in de brief aan de ouders." value={values.besluitToelichting} error={errors.besluitToelichting} rows={3} />
          <Button appearance="secondary">Besluit opslaan</Button>
        </Form>
      )}
      {r.magVerlengen && (
        <>
          <Heading level={2}>Termijn verlengen</Heading>
          <Paragraph>Lukt het niet binnen 6 weken? Dan mag de school de termijn één keer verlengen, met hoogstens {MAX_VERLENGING_WEKEN} weken: uiterlijk tot {formatDutch(a.uiterste)}. De ouders krijgen een brief met de reden.</Paragraph>
          <Form action={`/aanmeldingen/${a.id}/verlengen`} csrfToken={c.var.csrfToken} aria-label="Termijn verlengen">
            <input type="hidden" name="versie" value={String(a.versie)} />
            <FormField name="nieuweTermijn" type="date" label="Nieuwe termijn" value={values.nieuweTermijn} error={errors.nieuweTermijn} min={addDays(a.termijn, 1)} max={a.uiterste} required />
            <TextareaField name="reden" label="Waarom heeft de school meer tijd nodig?" description="Deze reden staat in de brief aan de ouders." value={values.reden} error={errors.reden} rows={3} />
            <Button appearance="secondary">Termijn verlengen</Button>
          </Form>
        </>
      )}
      {r.magOpschorten && (
        <>
          <Heading level={2}>Aanmelding niet compleet (termijn stilzetten)</Heading>
          <Paragraph>In het voortgezet onderwijs staat de termijn stil vanaf de dag dat de school de ouders vraagt de aanmelding aan te vullen, tot de aanmelding compleet is of de gegeven datum voorbij is (artikel 27 lid 2g WVO).</Paragraph>
          <Form action={`/aanmeldingen/${a.id}/opschorten`} csrfToken={c.var.csrfToken} aria-label="Termijn stilzetten">
            <input type="hidden" name="versie" value={String(a.versie)} />
            <FormField name="van" type="date" label="Gevraagd om aan te vullen op" value={values.van} error={errors.van} />
            <FormField name="tot" type="date" label="Compleet op (of de uiterste datum voor aanvullen)" value={values.tot} error={errors.tot} />
            <TextareaField name="opschortingReden" label="Wat ontbreekt er?" value={values.opschortingReden} error={errors.opschortingReden} rows={2} />
            <Button appearance="secondary">Termijn stilzetten</Button>
          </Form>
        </>
      )}
      {r.magIntrekken && <Paragraph><Link href={`/aanmeldingen/${a.id}/intrekken`}>De ouders trekken de aanmelding in</Link></Paragraph>}
      <Paragraph><Link href={isOuder ? '/mijn-kinderen' : '/aanmeldingen'}>{isOuder ? 'Terug naar mijn kinderen' : 'Terug naar de aanmeldingen'}</Link></Paragraph>
    </Layout>,
    status,
  );
}

async function intrekkenPage(c: AppContext, id: string, values: FormValues = {}, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const { aanmelding: a, magIntrekken } = await cmd.openAanmelding(deps(c), actor(c), id);
  if (!magIntrekken) throw new AppError('conflict', { detail: 'Deze aanmelding kan niet meer worden ingetrokken.' });
  const props = await layoutProps(c, `Aanmelding van ${naam(a)} intrekken`, { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Aanmelding van {naam(a)} intrekken</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && <Alert type="warning" heading="Deze aanmelding is intussen gewijzigd"><Paragraph>Laad de aanmelding opnieuw en kijk of intrekken nog nodig is.</Paragraph></Alert>}
      <Paragraph>Hebben de ouders laten weten dat zij de aanmelding intrekken? Dan stopt de termijn en neemt de school geen besluit meer. Dit kan niet ongedaan worden gemaakt: bij een nieuwe aanmelding begint een nieuwe termijn.</Paragraph>
      <Form action={`/aanmeldingen/${a.id}/intrekken`} csrfToken={c.var.csrfToken}>
        <input type="hidden" name="versie" value={String(a.versie)} />
        <FormField name="op" type="date" label="Ingetrokken op" value={values.op ?? c.var.deps.clock.today()} error={errors.op} max={c.var.deps.clock.today()} />
        <TextareaField name="reden" label="Waarom?" description="Bijvoorbeeld: het kind gaat naar een andere school." value={values.reden} error={errors.reden} rows={2} />
        <Button>Ja, aanmelding intrekken</Button>
      </Form>
      <Paragraph><Link href={`/aanmeldingen/${a.id}`}>Nee, terug naar de aanmelding</Link></Paragraph>
    </Layout>,
    status,
  );
}

/** The asked school's inbox of placement requests. */
async function verzoekenPage(c: AppContext) {
  const rijen = await cmd.toonInkomendeVerzoeken(deps(c), actor(c));
  const props = await layoutProps(c, 'Verzoeken om plaatsing');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Verzoeken om plaatsing</Heading>
      <Paragraph>Andere scholen vragen of een kind bij uw school terecht kan. Die school mag het kind pas weigeren als een school bevestigt dat zij het kind toelaat. Antwoord daarom zo snel mogelijk.</Paragraph>
      <Table caption="Verzoeken om plaatsing" hideCaption rowHeaders headers={['Kind', 'Gevraagd door', 'Gevraagd op', 'Antwoord']} rows={rijen.map((v) => [
        <Link href={`/plaatsingsverzoeken/${v.id}`}>{naam(v)}</Link>, v.vragendeSchool, formatDutch(v.gevraagdOp), ANTWOORD_LABEL[v.status],
      ])} empty="Er zijn geen verzoeken om plaatsing voor uw school." />
      <Paragraph><Link href="/aanmeldingen">Naar de aanmeldingen van uw school</Link></Paragraph>
    </Layout>,
  );
}

async function verzoekPage(c: AppContext, id: string, values: FormValues = {}, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const v = await cmd.openInkomendVerzoek(deps(c), actor(c), id);
  const open = v.status === 'gevraagd' || v.status === 'overweegt';
  const props = await layoutProps(c, `Verzoek om plaatsing: ${naam(v)}`, { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Verzoek om plaatsing: {naam(v)}</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && <Alert type="warning" heading="Dit verzoek is intussen beantwoord"><Paragraph>Hieronder staat wat nu is opgeslagen.</Paragraph></Alert>}
      <DataList items={[
        { key: 'Gevraagd door', value: v.vragendeSchool },
        { key: 'Gevraagd op', value: formatDutch(v.gevraagdOp) },
        { key: 'Geboortedatum', value: formatDutch(v.geboortedatum) },
        { key: 'Soort onderwijs', value: SECTOR_LABEL[v.sector] },
        { key: 'Gewenste startdatum', value: v.gewensteStartdatum ? formatDutch(v.gewensteStartdatum) : 'niet genoemd' },
        { key: 'Wat het kind nodig heeft', value: v.vraag },
        { key: 'Uw antwoord', value: `${ANTWOORD_LABEL[v.status]}${v.antwoordOp ? ` (${formatDutch(v.antwoordOp)})` : ''}${v.antwoordToelichting ? `: ${v.antwoordToelichting}` : ''}` },
      ]} />
      {open && (
        <Form action={`/plaatsingsverzoeken/${v.id}/antwoord`} csrfToken={c.var.csrfToken} aria-label="Antwoord geven">
          <input type="hidden" name="versie" value={String(v.versie)} />
          <RadioGroup name="antwoord" legend="Wat is uw antwoord?" description="Alleen 'Ja' telt: dan mag de andere school het kind weigeren en gaan de ouders met uw school in gesprek." value={values.antwoord} error={errors.antwoord} options={[
            { value: 'bereid', label: 'Ja, wij laten het kind toe' },
            { value: 'overweegt', label: 'Wij denken erover na (dat is nog geen ja)' },
            { value: 'afgewezen', label: 'Nee, wij kunnen het kind niet toelaten' },
          ]} />
          <TextareaField name="toelichting" label="Toelichting (bij nee: waarom)" value={values.toelichting} error={errors.toelichting} rows={3} />
          <Button>Antwoord opslaan</Button>
        </Form>
      )}
      <Paragraph><Link href="/plaatsingsverzoeken">Terug naar de verzoeken</Link></Paragraph>
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
  const fout = await probeerFormulier(fn);
  return fout ? toon(Object.fromEntries(Object.entries(fout.errors).map(([k, m]) => [hernoem[k] ?? k, m])), fout.status) : null;
}

/** Registers the aanmelding pages. */
export function registerZorgplichtRoutes(app: App): void {
  defineRoute(app, 'GET', '/aanmeldingen', { access: AANMELDING_LEZERS, pupilData: 'lezen', summary: 'Aanmeldingen met hun termijn (school, bestuur, SWV)' }, (c) => lijstPage(c));

  defineRoute(app, 'GET', '/aanmeldingen.csv', { access: AANMELDING_ROLLEN, pupilData: 'lezen', summary: 'CSV: aanmeldingen met hun termijn' }, async (c) => {
    const { vestigingCode, bestuurNummer, stand } = filterVan(c);
    const alle = await cmd.toonAanmeldingen(deps(c), actor(c), { vestigingCode, bestuurNummer });
    const rijen = alle.filter((r) => cmd.inStand(stand, cmd.isOpen(r), r.klok));
    const csv = toCsv(['aanmelding', 'kind', 'geboortedatum', 'vestigingscode', 'school', 'ontvangen_op', 'beslissen_uiterlijk', 'dagen_over', 'stand', 'status'],
      rijen.map((r) => [r.id, naam(r), r.geboortedatum, r.vestigingCode, r.vestigingNaam, r.ontvangenOp, r.termijn, String(r.klok.dagenOver), r.klok.status, r.status]));
    return sendCsv(c, 'aanmeldingen.csv', csv, { leerlingen: true });
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

  defineRoute(app, 'GET', '/aanmeldingen/:id', { access: AANMELDING_LEZERS, pupilData: 'lezen', summary: 'Eén aanmelding met haar termijn' }, (c) => aanmeldingPage(c, uuidParam(c)));

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

  for (const formaat of ['html', 'pdf'] as const) {
    const ext = formaat === 'pdf' ? '.pdf' : '';
    defineRoute(app, 'GET', `/aanmeldingen/:id/brief/besluit${ext}`, { access: AANMELDING_LEZERS, pupilData: 'lezen', summary: `Brief aan de ouders over het besluit (${formaat})` }, async (c) => {
      const { aanmelding: a, zorgplicht, verzoeken } = await cmd.openAanmelding(deps(c), actor(c), uuidParam(c), 'afdrukken');
      if (!a.besluit) throw new AppError('not_found');
      const brief = besluitBrief(a, { zorgplichtReden: zorgplicht?.geldt === false ? zorgplicht.reden : null, bereid: verzoeken.filter((v) => v.status === 'bereid') });
      return sendBrief(c, brief, { formaat, terug: { href: `/aanmeldingen/${a.id}`, label: 'Terug naar de aanmelding' }, pdfHref: `/aanmeldingen/${a.id}/brief/besluit.pdf` });
    });
    defineRoute(app, 'GET', `/aanmeldingen/:id/brief/verlenging${ext}`, { access: AANMELDING_LEZERS, pupilData: 'lezen', summary: `Brief aan de ouders over de verlenging (${formaat})` }, async (c) => {
      const { aanmelding: a } = await cmd.openAanmelding(deps(c), actor(c), uuidParam(c), 'afdrukken');
      if (!a.verlengdTot) throw new AppError('not_found');
      return sendBrief(c, verlengingBrief(a), { formaat, terug: { href: `/aanmeldingen/${a.id}`, label: 'Terug naar de aanmelding' }, pdfHref: `/aanmeldingen/${a.id}/brief/verlenging.pdf` });
    });
  }

  defineRoute(app, 'POST', '/aanmeldingen/:id/plaatsingsverzoeken', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Vraagt een andere school of zij het kind toelaat' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZPlaatsingsverzoek, values);
    if (!v.ok) return aanmeldingPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.vraagPlaatsing(deps(c), actor(c), id, v.data), {}, (e, s) => aanmeldingPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'Het verzoek is verstuurd. De andere school ziet het in Passend.' });
    return c.redirect(`/aanmeldingen/${id}`, 303);
  });

  defineRoute(app, 'POST', '/aanmeldingen/:id/advies', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Vraagt het samenwerkingsverband om advies' }, async (c) => {
    const id = uuidParam(c);
    // The form's field is 'vraagAdvies' (the placement request on the same page has its own 'vraag').
    const values = await readForm(c);
    const v = validate(ZAdviesvraag, { vraag: values.vraagAdvies ?? '' });
    if (!v.ok) return aanmeldingPage(c, id, values, { vraagAdvies: v.errors.vraag ?? 'Controleer de vraag.' }, 422);
    const r = await opFormulier(() => cmd.vraagAdvies(deps(c), actor(c), id, v.data), { vraag: 'vraagAdvies' }, (e, s) => aanmeldingPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De vraag staat bij het samenwerkingsverband.' });
    return c.redirect(`/aanmeldingen/${id}`, 303);
  });

  defineRoute(app, 'POST', '/aanmeldingen/:id/advies/:adviesId', { access: ADVIES_ROLLEN, pupilData: 'schrijven', summary: 'Advies van het samenwerkingsverband' }, async (c) => {
    const id = uuidParam(c);
    const adviesId = uuidParam(c, 'adviesId');
    const values = { ...(await readForm(c)), adviesId };
    const v = validate(ZAdvies, values);
    if (!v.ok) return aanmeldingPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.geefAdvies(deps(c), actor(c), id, adviesId, v.data), {}, (e, s) => aanmeldingPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'Het advies is opgeslagen. De school ziet het bij de aanmelding.' });
    return c.redirect(`/aanmeldingen/${id}`, 303);
  });

  defineRoute(app, 'POST', '/aanmeldingen/:id/opschorten', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Zet de termijn stil voor een onvolledige aanmelding (vo)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZOpschorting, { ...values, reden: values.opschortingReden });
    if (!v.ok) return aanmeldingPage(c, id, values, { ...v.errors, ...(v.errors.reden ? { opschortingReden: v.errors.reden } : {}) }, 422);
    const r = await opFormulier(() => cmd.schortTermijnOp(deps(c), actor(c), id, v.data.versie, v.data), { reden: 'opschortingReden' }, (e, s) => aanmeldingPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De termijn stond stil. De nieuwe uiterste datum staat bovenaan.' });
    return c.redirect(`/aanmeldingen/${id}`, 303);
  });

  defineRoute(app, 'GET', '/aanmeldingen/:id/intrekken', { access: REGISTRATIE_ROLLEN, pupilData: 'lezen', summary: 'Bevestigen: aanmelding intrekken' }, (c) => intrekkenPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/aanmeldingen/:id/intrekken', { access: REGISTRATIE_ROLLEN, pupilData: 'schrijven', summary: 'Legt vast dat de ouders de aanmelding introkken' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZIntrekking, values);
    if (!v.ok) return intrekkenPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.trekAanmeldingIn(deps(c), actor(c), id, v.data.versie, v.data), {}, (e, s) => intrekkenPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De aanmelding is ingetrokken. De termijn loopt niet meer.' });
    return c.redirect(`/aanmeldingen/${id}`, 303);
  });

  defineRoute(app, 'GET', '/plaatsingsverzoeken', { access: PLAATSING_ROLLEN, pupilData: 'lezen', summary: 'Verzoeken om plaatsing aan de eigen school' }, (c) => verzoekenPage(c));

  defineRoute(app, 'GET', '/plaatsingsverzoeken/:id', { access: PLAATSING_ROLLEN, pupilData: 'lezen', summary: 'Eén verzoek om plaatsing (alleen wat de school nodig heeft)' }, (c) => verzoekPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/plaatsingsverzoeken/:id/antwoord', { access: PLAATSING_ROLLEN, pupilData: 'schrijven', summary: 'Antwoord op een verzoek om plaatsing' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZAntwoord, values);
    if (!v.ok) return verzoekPage(c, id, values, v.errors, 422);
    const r = await opFormulier(() => cmd.beantwoordVerzoek(deps(c), actor(c), id, v.data.versie, v.data), {}, (e, s) => verzoekPage(c, id, values, e, s));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'Uw antwoord is opgeslagen. De andere school ziet het in Passend.' });
    return c.redirect(`/plaatsingsverzoeken/${id}`, 303);
  });
}
