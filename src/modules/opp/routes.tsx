/**
 * Pages of the ontwikkelingsperspectief (issue 6): the school's list (page, CSV, ROD export), starting an OPP from
 * the pupil's file, one OPP (for the school and, in plain words, for the parents), writing a new version (with the
 * conflict page when someone else saved first), OOGO, the parents' decision (online or recorded by the school), the
 * pupil's and the parents' views, adoption, evaluation, closing, print and PDF, the pupil portal and the SWV's
 * setting. Routes only parse, authorise (policy), call a command and render; every flow is plain GET/POST.
 */
import type { App, AppContext } from '../../platform/http/env.js';
import type { Rol } from '../../platform/auth/roles.js';
import { defineRoute } from '../../platform/http/policy.js';
import { fields, probeerFormulier, readForm, uuidParam, validate, type FormulierFout, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage, setFlash } from '../../platform/http/render.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { AppError } from '../../platform/errors.js';
import { formatDutch } from '../../platform/civil-date.js';
import { sendBrief } from '../../platform/brief/brief.js';
import { Layout } from '../../platform/views/layout.js';
import {
  Alert, Button, ButtonLink, ConflictMelding, DataList, ErrorSummary, Form, FormField, Heading, Link, Paragraph, RadioGroup, SelectField,
  Table, TextareaField,
} from '../../platform/views/components.js';
import { z } from 'zod';
import { DOMEIN_CODES, DOMEINEN } from '../aanbod/rules/domeinen.js';
import { naamVan } from '../leerlingen/naam.js';
import { gpoTot, VERWIJZINGEN } from '../zorgplicht/rules/bezwaar.js';
import * as cmd from './commands.js';
import {
  GEZIN_ROLLEN, INSTELLING_ROLLEN, OPP_LEZERS, OPP_ROLLEN, SCHRIJF_ROLLEN, VASTSTEL_ROLLEN,
} from './rules/toegang.js';
import { gewijzigdeOnderdelen, LEGE_INHOUD, ONDERDEEL_LABEL, RESULTAAT_LABEL } from './rules/inhoud.js';
import { uitstroomKeuzes } from './rules/uitstroom.js';
import { soortenVoorSchool } from './rules/termijn.js';
import { magLeerlingZelfInstemmen } from './rules/vaststelling.js';
import { LEERLING_PORTAAL_MAX, LEERLING_PORTAAL_MIN, magLeerlingPortaal, vragenVoor, type MeningVan } from './rules/hoorrecht.js';
import { geldendeVersie, nieuwsteVersie, versieStatus, VERSIE_STATUS_LABEL } from './rules/versies.js';
import { ROD_KOLOMMEN, rodRegel } from './rules/rod.js';
import { HOORRECHT, geldigOp } from './rules/parameters.js';
import { oppDocument } from './document.js';
import {
  alsFormulier, doelRijen, LEGE_DOELRIJEN, leesAntwoorden, leesResultaten, leesVersieFormulier, MAX_DOELEN, soortVanSchool, SOORT_LABEL,
  ZAfsluiten, ZEvaluatie, ZInstelling, ZInstemmingDoor, ZInstemmingOnline, ZInstemmingSchool, ZMeningSchool, ZOogo, ZReactie, ZStart,
  ZVaststellen,
} from './schemas.js';
import {
  Besluiten, besluitDoor, Evaluaties, EvaluatieBadge, evaluatieTekst, FASE_TEKST, INSTEMMING_TEKST, isoDag, MeningWeergave, Ontbreekt, Overleggen,
  TermijnBadge, termijnTekstOuder, Versies, VersieInhoudWeergave,
} from './weergave.js';
import type { VersieRij } from './store.js';

type Fouten = Record<string, string>;
/** A page after a failed or refused save: 422 (a rule said no) or 409 (someone else saved first, or the state changed). */
type Uitkomst = { errors: Fouten; status: 200 | 409 | 422; melding?: string };
const GOED: Uitkomst = { errors: {}, status: 200 };

function actor(c: AppContext): cmd.Actor {
  const a = c.var.auth!;
  return { gebruikerId: a.gebruiker.id, grant: a.actief!, requestId: c.var.requestId };
}

function deps(c: AppContext): cmd.OppDeps {
  const d = c.var.deps;
  return { db: d.db, clock: d.clock, publicUrl: d.publicUrl, onMailQueued: d.nudgeWorker };
}

const heeftFouten = (u: Uitkomst) => u.status !== 200 || Object.keys(u.errors).length > 0;

/** Runs a command behind a form: a refusal re-renders the page (422 with messages, 409 with the reason); else null. */
async function opFormulier(fn: () => Promise<void>, toon: (u: FormulierFout) => Promise<Response>): Promise<Response | null> {
  const fout = await probeerFormulier(fn);
  return fout ? toon(fout) : null;
}

/**
 * The OPP page has several forms; two fields may not share a name (their ids, and the error summary's links, would
 * clash). A form's visible fields carry a prefix; the handler strips it before validating and puts it back on the
 * messages.
 */
function zonderVoorvoegsel(values: FormValues, voor: string): FormValues {
  if (!voor) return values;
  const uit: FormValues = {};
  for (const [k, v] of Object.entries(values)) uit[k.startsWith(voor) ? k.slice(voor.length) : k] = v;
  return uit;
}

function metVoorvoegsel(errors: Fouten, voor: string): Fouten {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${voor}${k}`, v]));
}

/** The prefixes of the paper-decision form and of each reaction form on the OPP page. */
const BESLUIT = 'besluit.';
const reactieVoor = (meningId: string) => `reactie.${meningId}.`;

function Hidden(props: { name: string; value: string | number }) {
  return <input type="hidden" name={props.name} value={String(props.value)} />;
}

// ---------------------------------------------------------------------------------------------------------------
// The school's list

async function lijstPage(c: AppContext) {
  const rijen = await cmd.toonOpps(deps(c), actor(c));
  const vandaag = c.var.deps.clock.today();
  const lopend = rijen.filter((r) => r.stand.fase !== 'afgesloten');
  const laat = lopend.filter((r) => r.stand.termijn.stand === 'te-laat').length;
  const binnenkort = lopend.filter((r) => r.stand.termijn.stand === 'binnenkort').length;
  const evaluatieLaat = lopend.filter((r) => r.stand.evaluatie === 'achterstallig').length;
  const props = await layoutProps(c, 'Ontwikkelingsperspectieven');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ontwikkelingsperspectieven</Heading>
      <Paragraph>
        Een leerling die extra ondersteuning krijgt, heeft een ontwikkelingsperspectief (OPP). De school stelt het uiterlijk 6 weken na
        de inschrijving vast, na overleg met de ouders. Voor het handelingsdeel is hun instemming nodig. Elk schooljaar evalueert de
        school het OPP met de ouders. U start een OPP vanuit het dossier van de leerling.
      </Paragraph>
      <Paragraph>
        {lopend.length === 1 ? '1 lopend ontwikkelingsperspectief' : `${lopend.length} lopende ontwikkelingsperspectieven`}: <strong>{laat} te laat vastgesteld</strong>,{' '}
        <strong>{binnenkort} binnenkort vast te stellen</strong>, <strong>{evaluatieLaat} met een evaluatie die te laat is</strong>.
      </Paragraph>
      <Paragraph>
        <Link href="/opp.csv">Download de lijst als CSV</Link> (met de termijnen) · <Link href="/opp-rod.csv">Export voor het Register Onderwijsdeelnemers (ROD)</Link>
      </Paragraph>
      <Table caption="Ontwikkelingsperspectieven" hideCaption rowHeaders headers={['Leerling', 'School', 'Stand', 'Vaststellen', 'Ouders', 'Evaluatie']} rows={rijen.map((r) => {
        const besluit = r.stand.instemmingVoorstel;
        return [
          <Link href={`/opp/${r.opp.id}`}>{naamVan(r.opp)}</Link>,
          r.opp.vestigingNaam,
          `${FASE_TEKST[r.stand.fase]}${r.records.versies.length ? ` (versie ${nieuwsteVersie(r.records.versies)!.volgnummer})` : ''}`,
          r.stand.fase === 'afgesloten' ? `Afgesloten op ${formatDutch(r.opp.afgeslotenOp!)}` : <TermijnBadge stand={r.stand} uiterlijk={r.opp.uiterlijk} />,
          r.stand.voorstel === null ? '—' : besluit ? `${INSTEMMING_TEKST[besluit.uitkomst]} (versie ${besluit.versie})` : `Nog geen besluit over versie ${r.stand.voorstel}`,
          r.stand.evaluatie ? <EvaluatieBadge stand={r.stand.evaluatie} vandaag={vandaag} /> : '—',
        ];
      })} empty="Er zijn nog geen ontwikkelingsperspectieven. Start er een vanuit het dossier van een leerling." />
    </Layout>,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Starting

async function startPage(c: AppContext, leerlingId: string, values: FormValues = {}, errors: Fouten = {}) {
  const { leerling: l, definitiefOp } = await cmd.openLeerlingVoorOpp(deps(c), actor(c), leerlingId);
  const fout = Object.keys(errors).length > 0;
  const props = await layoutProps(c, `Ontwikkelingsperspectief starten voor ${naamVan(l)}`, { hasErrors: fout });
  const soort = values.soort ?? soortVanSchool(l.schoolsoort);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ontwikkelingsperspectief starten voor {naamVan(l)}</Heading>
      <ErrorSummary errors={errors} />
      {l.lopendeOppId
        ? (
          <Alert type="info" heading="Er is al een ontwikkelingsperspectief" headingLevel={2}>
            <Paragraph><Link href={`/opp/${l.lopendeOppId}`}>Open het ontwikkelingsperspectief van {naamVan(l)}</Link>. Een wijziging maakt u daar als nieuwe versie.</Paragraph>
          </Alert>
        )
        : (
          <>
            <Paragraph lead>
              Een ontwikkelingsperspectief is nodig voor elke leerling in het speciaal (basis)onderwijs en het praktijkonderwijs, en voor een
              leerling op een gewone school die extra ondersteuning krijgt: meer dan de basisondersteuning van het samenwerkingsverband.
            </Paragraph>
            <DataList items={[
              { key: 'School', value: l.vestigingNaam },
              { key: 'Ingeschreven op', value: formatDutch(l.ingeschrevenOp) },
              ...(definitiefOp ? [{ key: 'Tijdelijke plaatsing definitief op', value: formatDutch(definitiefOp) }] : []),
            ]} />
            <Form action={`/leerlingen/${l.id}/opp`} csrfToken={c.var.csrfToken} aria-label="Ontwikkelingsperspectief starten">
              <SelectField name="soort" label="Soort onderwijs" options={soortenVoorSchool(l.schoolsoort).map((s) => ({ value: s, label: SOORT_LABEL[s] }))} value={soort} error={errors.soort} required />
              <RadioGroup name="extraOndersteuning" legend="Krijgt de leerling extra ondersteuning, meer dan de basisondersteuning?" description="Bij dyslexie, dyscalculie of een ontwikkelingsvoorsprong alleen is het meestal niet nodig." value={values.extraOndersteuning} error={errors.extraOndersteuning} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee, alleen basisondersteuning' }]} />
              <RadioGroup name="aanleiding" legend="Waarom maakt de school nu een ontwikkelingsperspectief?" value={values.aanleiding} error={errors.aanleiding} options={[
                { value: 'inschrijving', label: 'De leerling is nieuw op school', description: `Dan moet het uiterlijk 6 weken na de inschrijving${definitiefOp ? ' (hier: na de definitieve plaatsing)' : ''} zijn vastgesteld.` },
                { value: 'later', label: 'De leerling heeft nu pas extra ondersteuning nodig', description: 'De wet zegt: zo snel mogelijk. Passend rekent met 6 weken vanaf vandaag.' },
              ]} />
              <RadioGroup name="alleenLwoo" legend="Alleen voortgezet onderwijs: krijgt de leerling alleen leerwegondersteuning (lwoo)?" value={values.alleenLwoo ?? 'nee'} options={[{ value: 'nee', label: 'Nee' }, { value: 'ja', label: 'Ja, alleen lwoo' }]} />
              <Button>Ontwikkelingsperspectief starten</Button>
            </Form>
            <Paragraph>Na het starten schrijft u de eerste versie. U kunt tussendoor opslaan: elke keer opslaan maakt een nieuwe versie.</Paragraph>
          </>
        )}
      <Paragraph><Link href={`/leerlingen/${l.id}`}>Terug naar het dossier</Link></Paragraph>
    </Layout>,
    fout ? 422 : 200,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// One OPP

/** The staff's forms on the OPP page, each re-rendered with its own values and messages. */
interface PaginaInvoer {
  values: FormValues;
  u: Uitkomst;
}
const LEEG: PaginaInvoer = { values: {}, u: GOED };

async function oppPage(c: AppContext, id: string, invoer: PaginaInvoer = LEEG) {
  const d = await cmd.openOpp(deps(c), actor(c), id);
  if (d.relatie.soort === 'ouder' || d.relatie.soort === 'leerling') return gezinPage(c, d, invoer);
  const { opp, records, stand, vandaag } = d;
  const { values, u } = invoer;
  const e = u.errors;
  const nieuwste = nieuwsteVersie(records.versies);
  const geldend = geldendeVersie(records.versies);
  const voorstel = stand.voorstel !== null ? records.versies.find((v) => v.volgnummer === stand.voorstel)! : null;
  const props = await layoutProps(c, `Ontwikkelingsperspectief van ${naamVan(opp)}`, { hasErrors: heeftFouten(u) });
  const leerlingMeningen = records.meningen.filter((m) => m.van === 'leerling');
  const ouderMeningen = records.meningen.filter((m) => m.van === 'ouder');
  const hoorrechtVerplicht = geldigOp(HOORRECHT, vandaag).verplicht;
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ontwikkelingsperspectief van {naamVan(opp)}</Heading>
      <ErrorSummary errors={e} />
      <ConflictMelding status={u.status} melding={u.melding} />
      <DataList items={[
        { key: 'School', value: `${opp.vestigingNaam}${opp.plaats ? ` (${opp.plaats})` : ''}` },
        { key: 'Soort onderwijs', value: SOORT_LABEL[opp.soort] },
        { key: 'Stand', value: FASE_TEKST[stand.fase] },
        { key: 'Termijn', value: stand.fase === 'afgesloten' ? `Afgesloten op ${formatDutch(opp.afgeslotenOp!)}: ${opp.afsluitReden}` : <TermijnBadge stand={stand} uiterlijk={opp.uiterlijk} /> },
        ...(opp.aanleiding === 'later' ? [{ key: 'Let op', value: 'De leerling had pas later extra ondersteuning nodig. De wet zegt dan: zo snel mogelijk. De datum hierboven is het doel van Passend.' }] : []),
        ...(stand.evaluatie ? [{ key: 'Evaluatie', value: <EvaluatieBadge stand={stand.evaluatie} vandaag={vandaag} /> }] : []),
        { key: 'Instemming met het handelingsdeel door', value: opp.instemmingDoor === 'ouders' ? 'De ouders (met gezag)' : 'De leerling zelf (18 jaar of ouder)' },
      ]} />
      {voorstel && !opp.afgeslotenOp && (Object.keys(stand.ontbreekt).length
        ? (
          <Alert type="warning" heading={`Nog nodig voordat versie ${voorstel.volgnummer} kan worden vastgesteld`} headingLevel={2}>
            <Ontbreekt ontbreekt={stand.ontbreekt} />
            {d.magVaststellen && <Paragraph><Link href={`/opp/${opp.id}/vaststellen`}>Naar vaststellen</Link></Paragraph>}
          </Alert>
        )
        : (
          <Alert type="info" heading={`Versie ${voorstel.volgnummer} kan worden vastgesteld`} headingLevel={2}>
            <Paragraph>
              Alles wat de wet vraagt is vastgelegd.{' '}
              {d.magVaststellen ? <Link href={`/opp/${opp.id}/vaststellen`}>Versie {voorstel.volgnummer} vaststellen</Link> : 'De schoolleider of het bestuur stelt haar vast.'}
            </Paragraph>
          </Alert>
        ))}
      {d.magSchrijven && (
        <Paragraph>
          <ButtonLink href={`/opp/${opp.id}/bewerken`}>{nieuwste ? `Nieuwe versie maken (nu versie ${nieuwste.volgnummer})` : 'Eerste versie schrijven'}</ButtonLink>
        </Paragraph>
      )}
      {nieuwste && (
        <Paragraph>
          <Link href={`/opp/${opp.id}/afdrukken`}>Afdrukken voor een gesprek</Link> · <Link href={`/opp/${opp.id}/opp.pdf`}>Download als PDF</Link>
        </Paragraph>
      )}

      {nieuwste && (
        <>
          <Heading level={2}>{`Versie ${nieuwste.volgnummer}: ${VERSIE_STATUS_LABEL[versieStatus(records.versies, nieuwste.volgnummer)].toLowerCase()}`}</Heading>
          {nieuwste.wijziging && <Paragraph>Wat is er veranderd: {nieuwste.wijziging}</Paragraph>}
          <VersieInhoudWeergave v={nieuwste} soort={opp.soort} kop={3} />
          {geldend && geldend.volgnummer !== nieuwste.volgnummer && (
            <Paragraph>Nu geldt nog <Link href={`/opp/${opp.id}/versies/${geldend.volgnummer}`}>versie {geldend.volgnummer}</Link>, vastgesteld op {formatDutch(geldend.vastgesteldOp!)}.</Paragraph>
          )}
        </>
      )}

      <Heading level={2}>Versies</Heading>
      <Versies oppId={opp.id} versies={records.versies} instemmingen={records.instemmingen} />

      <Heading level={2}>Overleg met de ouders</Heading>
      <Paragraph>Over het hele ontwikkelingsperspectief overlegt de school met de ouders, met als doel het eens te worden (op overeenstemming gericht overleg).</Paragraph>
      <Overleggen oogos={records.oogos} />
      {d.magSchrijven && voorstel && (
        <Form action={`/opp/${opp.id}/oogo`} csrfToken={c.var.csrfToken} aria-label="Overleg vastleggen">
          <Heading level={3}>{`Overleg over versie ${voorstel.volgnummer} vastleggen`}</Heading>
          <FormField name="op" type="date" label="Datum van het overleg" value={values.op ?? vandaag} error={e.op} max={vandaag} required />
          <FormField name="deelnemers" label="Wie waren er?" description="Bijvoorbeeld: moeder, vader, mentor, intern begeleider." value={values.deelnemers} error={e.deelnemers} required />
          <RadioGroup name="uitkomst" legend="Uitkomst" value={values.uitkomst} error={e.uitkomst} options={[
            { value: 'overeenstemming', label: 'We zijn het eens' }, { value: 'deels', label: 'We zijn het deels eens' }, { value: 'geen-overeenstemming', label: 'We zijn het niet eens' },
          ]} />
          <TextareaField name="verslag" label="Kort verslag (niet verplicht)" value={values.verslag} error={e.verslag} rows={3} />
          <Button appearance="secondary">Overleg vastleggen</Button>
        </Form>
      )}

      <Heading level={2}>Besluit over het handelingsdeel</Heading>
      <Paragraph>
        {opp.instemmingDoor === 'ouders' ? 'De ouders' : 'De leerling'} moet instemmen met het handelingsdeel van de versie die wordt vastgesteld.
        Instemming met een eerdere versie telt niet voor een nieuwe versie.
      </Paragraph>
      <Besluiten instemmingen={records.instemmingen} />
      {d.magSchrijven && voorstel && (
        <>
          <Form action={`/opp/${opp.id}/instemming-vragen`} csrfToken={c.var.csrfToken} aria-label="Om instemming vragen">
            <Paragraph>Passend stuurt de ouders met gezag een e-mail met een link naar versie {voorstel.volgnummer}. Ouders zonder account krijgen een uitnodiging.</Paragraph>
            <Button appearance="secondary">{`Vraag de ouders om instemming met versie ${voorstel.volgnummer}`}</Button>
          </Form>
          <Form action={`/opp/${opp.id}/instemming`} csrfToken={c.var.csrfToken} aria-label="Besluit op papier vastleggen">
            <Heading level={3}>Besluit op papier of in een gesprek vastleggen</Heading>
            <Hidden name="volgnummer" value={voorstel.volgnummer} />
            <RadioGroup name={`${BESLUIT}uitkomst`} legend={`Wat besluit ${opp.instemmingDoor === 'ouders' ? 'de ouder' : 'de leerling'} over het handelingsdeel van versie ${voorstel.volgnummer}?`} value={values[`${BESLUIT}uitkomst`]} error={e[`${BESLUIT}uitkomst`]} options={[
              { value: 'ingestemd', label: 'Stemt in' }, { value: 'geweigerd', label: 'Stemt niet in' }, { value: 'gezien', label: 'Heeft het gezien, nog geen besluit' },
            ]} />
            <SelectField name={`${BESLUIT}namens`} label="Wie besliste?" description={opp.instemmingDoor === 'ouders' ? 'Een ouder met gezag. Staat een ouder er niet bij? Voeg die dan eerst toe in het dossier.' : undefined} options={cmd.beslissers(d).map((n) => ({ value: n, label: n }))} emptyOption="Kies wie besliste" value={values[`${BESLUIT}namens`]} error={e[`${BESLUIT}namens`]} required />
            <FormField name={`${BESLUIT}op`} type="date" label="Datum van het besluit" value={values[`${BESLUIT}op`] ?? vandaag} error={e[`${BESLUIT}op`]} max={vandaag} required />
            <TextareaField name={`${BESLUIT}reden`} label="Reden (verplicht als er niet is ingestemd)" value={values[`${BESLUIT}reden`]} error={e[`${BESLUIT}reden`]} rows={3} />
            <Button appearance="secondary">Besluit vastleggen</Button>
          </Form>
        </>
      )}

      <Heading level={2}>Mening van de leerling</Heading>
      <Paragraph>
        De leerling mag zelf zeggen wat hij of zij van de ondersteuning vindt (hoorrecht).
        {hoorrechtVerplicht ? ' Dit is nodig voordat het ontwikkelingsperspectief wordt vastgesteld.' : ''} Schrijf op in de woorden van de leerling, en wat de school ermee doet.
      </Paragraph>
      {leerlingMeningen.length === 0 && <Paragraph>Er is nog geen mening van de leerling vastgelegd.</Paragraph>}
      {leerlingMeningen.map((m) => <MeningWeergave m={m} kop={3} />)}
      {d.magSchrijven && <Paragraph><Link href={`/opp/${opp.id}/leerling-mening`}>Mening van de leerling vastleggen</Link></Paragraph>}

      <Heading level={2}>Mening van de ouders</Heading>
      {ouderMeningen.length === 0 && <Paragraph>De ouders hebben nog geen eigen mening gegeven. Dat kunnen zij in Passend doen.</Paragraph>}
      {ouderMeningen.map((m) => <MeningWeergave m={m} kop={3} />)}

      {d.magSchrijven && records.meningen.filter((m) => !m.reactie).map((m) => (
        <Form action={`/opp/${opp.id}/meningen/${m.id}/reactie`} csrfToken={c.var.csrfToken} aria-label={`Reactie op de mening van ${m.namens} van ${formatDutch(m.gegevenOp)}`}>
          <Hidden name="versie" value={m.versie} />
          <TextareaField name={`${reactieVoor(m.id)}reactie`} label={`Wat doet de school met de mening van ${m.namens} (${formatDutch(m.gegevenOp)})?`} description={m.van === 'leerling' ? 'De leerling leest dit. Schrijf het zo dat de leerling het begrijpt.' : 'De ouders lezen dit.'} value={values[`${reactieVoor(m.id)}reactie`]} error={e[`${reactieVoor(m.id)}reactie`]} rows={3} required />
          <Button appearance="secondary">Reactie opslaan</Button>
        </Form>
      ))}

      <Heading level={2}>Evaluatie</Heading>
      <Paragraph>Elk schooljaar evalueert de school het ontwikkelingsperspectief met de ouders. Een nieuwe versie begint bij de evaluatie.</Paragraph>
      <Evaluaties evaluaties={records.evaluaties} kop={3} />
      {d.magSchrijven && geldend && <Paragraph><Link href={`/opp/${opp.id}/evaluatie`}>Evaluatie vastleggen</Link></Paragraph>}
      {d.magSchrijven && records.evaluaties.length > 0 && (
        <Paragraph><Link href={`/opp/${opp.id}/bewerken?evaluatie=${records.evaluaties[records.evaluaties.length - 1]!.id}`}>Nieuwe versie maken op basis van de laatste evaluatie</Link></Paragraph>
      )}

      {d.magSchrijven && (
        <>
          <Heading level={2}>De leerling in Passend</Heading>
          {magLeerlingPortaal(d.leeftijd, d.portaalVanaf)
            ? (
              <Form action={`/opp/${opp.id}/leerling-uitnodigen`} csrfToken={c.var.csrfToken} aria-label="Leerling uitnodigen">
                <Paragraph>De leerling is {d.leeftijd} jaar. Vanaf {d.portaalVanaf} jaar kan een leerling in Passend zelf zijn of haar mening geven en lezen wat de school ermee doet.</Paragraph>
                <FormField name="email" type="email" label="E-mailadres van de leerling" value={values.email} error={e.email} required spellcheck={false} />
                <Button appearance="secondary">Uitnodiging sturen</Button>
              </Form>
            )
            : <Paragraph>Leerlingen kunnen Passend zelf gebruiken vanaf {d.portaalVanaf} jaar (instelling van het samenwerkingsverband). Deze leerling is {d.leeftijd}.</Paragraph>}
          {magLeerlingZelfInstemmen(opp.soort, d.leeftijd) && (
            <Form action={`/opp/${opp.id}/instemming-door`} csrfToken={c.var.csrfToken} aria-label="Wie stemt in">
              <Hidden name="versie" value={opp.versie} />
              <RadioGroup name="door" legend="Wie stemt in met het handelingsdeel?" description="Een leerling van 18 jaar of ouder die zelf kan beslissen, stemt zelf in." value={values.door ?? opp.instemmingDoor} error={e.door} options={[
                { value: 'ouders', label: 'De ouders' }, { value: 'leerling', label: 'De leerling zelf' },
              ]} />
              <Button appearance="secondary">Opslaan</Button>
            </Form>
          )}
          <Heading level={2}>Afsluiten</Heading>
          <Paragraph>Heeft de leerling geen extra ondersteuning meer nodig, of gaat de leerling van school? Sluit het ontwikkelingsperspectief dan af. De einddatum gaat naar het ROD.</Paragraph>
          <Paragraph><ButtonLink href={`/opp/${opp.id}/afsluiten`}>Ontwikkelingsperspectief afsluiten</ButtonLink></Paragraph>
        </>
      )}
      <Paragraph><Link href={`/leerlingen/${opp.leerlingId}`}>Naar het dossier van {naamVan(opp)}</Link> · <Link href="/opp">Alle ontwikkelingsperspectieven</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

/** The OPP page for the parents (and the pupil), in plain words: what is asked of them first. */
async function gezinPage(c: AppContext, d: cmd.OppDossier, invoer: PaginaInvoer) {
  const { opp, records, stand, vandaag } = d;
  const { values, u } = invoer;
  const e = u.errors;
  const nieuwste = nieuwsteVersie(records.versies);
  const geldend = geldendeVersie(records.versies);
  const voorstel = stand.voorstel;
  const mijnBesluit = stand.instemmingVoorstel;
  const geweigerd = [...records.instemmingen].reverse().find((i) => i.uitkomst === 'geweigerd' && i.volgnummer === (voorstel ?? geldend?.volgnummer));
  const props = await layoutProps(c, `Ontwikkelingsperspectief van ${naamVan(opp)}`, { hasErrors: heeftFouten(u) });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ontwikkelingsperspectief van {naamVan(opp)}</Heading>
      <ErrorSummary errors={e} />
      <ConflictMelding status={u.status} melding={u.melding} />
      <Paragraph lead>
        In een ontwikkelingsperspectief (OPP) staat welke extra hulp uw kind op school krijgt, en waarom. De school maakt het samen met u.
        Over het deel met de doelen en de hulp (het handelingsdeel) beslist u: de school kan het pas vaststellen als u instemt.
      </Paragraph>
      {d.magInstemmen && voorstel !== null && (
        <Alert type="info" heading={`Uw besluit over versie ${voorstel}`} headingLevel={2}>
          <Paragraph>
            {opp.vestigingNaam} vraagt of u instemt met het handelingsdeel van versie {voorstel}. Lees de versie hieronder.
            {mijnBesluit ? ` U heeft op ${formatDutch(mijnBesluit.op)} gekozen: ${INSTEMMING_TEKST[mijnBesluit.uitkomst].toLowerCase()}. U kunt uw keuze nog veranderen.` : ''}
          </Paragraph>
        </Alert>
      )}
      {geweigerd && (
        <Alert type="warning" heading="U heeft niet ingestemd. Wat nu?" headingLevel={2}>
          <Paragraph>
            De school kan het handelingsdeel zonder uw instemming niet vaststellen. Praat eerst met de school. Komt u er samen niet uit? Dan
            kunt u tot en met {formatDutch(gpoTot(geweigerd.op))} naar de {VERWIJZINGEN.gpo.naam} ({VERWIJZINGEN.gpo.website}). De{' '}
            {VERWIJZINGEN.onderwijsconsulenten.naam} helpen u gratis ({VERWIJZINGEN.onderwijsconsulenten.website}).
          </Paragraph>
        </Alert>
      )}
      <DataList items={[
        { key: 'School', value: opp.vestigingNaam },
        { key: 'Stand', value: FASE_TEKST[stand.fase] },
        ...(geldend ? [{ key: 'Geldende versie', value: `Versie ${geldend.volgnummer}, vastgesteld op ${formatDutch(geldend.vastgesteldOp!)}` }] : []),
        ...(stand.fase !== 'afgesloten' && !geldend ? [{ key: 'Vaststellen', value: termijnTekstOuder(stand.termijn, opp.uiterlijk) }] : []),
        ...(stand.evaluatie ? [{ key: 'Evaluatie met u', value: evaluatieTekst(stand.evaluatie, vandaag) }] : []),
      ]} />
      {nieuwste
        ? (
          <>
            <Heading level={2}>{`Versie ${nieuwste.volgnummer}${voorstel === nieuwste.volgnummer ? ': voorstel van de school' : ''}`}</Heading>
            {nieuwste.wijziging && <Paragraph>Wat is er veranderd: {nieuwste.wijziging}</Paragraph>}
            <VersieInhoudWeergave v={nieuwste} soort={opp.soort} kop={3} />
            <Paragraph><Link href={`/opp/${opp.id}/afdrukken`}>Afdrukken</Link> · <Link href={`/opp/${opp.id}/opp.pdf`}>Download als PDF</Link></Paragraph>
          </>
        )
        : <Paragraph>De school heeft nog niets geschreven.</Paragraph>}
      {d.magInstemmen && voorstel !== null && (
        <Form action={`/opp/${opp.id}/mijn-besluit`} csrfToken={c.var.csrfToken} aria-label="Uw besluit">
          <Heading level={2}>Uw besluit over het handelingsdeel van versie {voorstel}</Heading>
          <Hidden name="volgnummer" value={voorstel} />
          <RadioGroup name="uitkomst" legend={`Stemt u in met de doelen en de hulp in versie ${voorstel}?`} value={values.uitkomst} error={e.uitkomst} options={[
            { value: 'ingestemd', label: 'Ja, ik stem in' },
            { value: 'geweigerd', label: 'Nee, ik stem niet in', description: 'Schrijf hieronder waarom. Dan weet de school wat er anders moet.' },
            { value: 'gezien', label: 'Ik heb het gelezen, maar beslis nog niet' },
          ]} />
          <TextareaField name="reden" label="Waarom stemt u niet in? (alleen bij nee)" value={values.reden} error={e.reden} rows={4} />
          <Button>Besluit versturen</Button>
        </Form>
      )}
      <Heading level={2}>{d.relatie.soort === 'ouder' ? 'Uw mening' : 'Jouw mening'}</Heading>
      {records.meningen.filter((m) => m.van === (d.relatie.soort === 'ouder' ? 'ouder' : 'leerling')).map((m) => <MeningWeergave m={m} kop={3} voorLeerling={d.relatie.soort === 'leerling'} />)}
      {!opp.afgeslotenOp && <Paragraph><Link href={`/opp/${opp.id}/mijn-mening`}>{d.relatie.soort === 'ouder' ? 'Geef uw mening over het ontwikkelingsperspectief' : 'Geef je mening'}</Link></Paragraph>}
      {d.relatie.soort === 'ouder' && (
        <>
          <Heading level={2}>Mening van uw kind</Heading>
          {records.meningen.filter((m) => m.van === 'leerling').length === 0 && <Paragraph>Er is nog geen mening van uw kind vastgelegd.</Paragraph>}
          {records.meningen.filter((m) => m.van === 'leerling').map((m) => <MeningWeergave m={m} kop={3} />)}
        </>
      )}
      <Heading level={2}>Alle versies</Heading>
      <Versies oppId={opp.id} versies={records.versies} instemmingen={records.instemmingen} />
      <Heading level={2}>Overleg en besluiten</Heading>
      <Overleggen oogos={records.oogos} />
      <Besluiten instemmingen={records.instemmingen} />
      <Heading level={2}>Evaluaties</Heading>
      <Evaluaties evaluaties={records.evaluaties} kop={3} />
      {d.relatie.soort === 'ouder' && (
        <Paragraph>
          <Link href={`/leerlingen/${opp.leerlingId}/inzage`}>Wie heeft het dossier van uw kind bekeken?</Link> · <Link href="/mijn-kinderen">Terug naar mijn kinderen</Link>
        </Paragraph>
      )}
    </Layout>,
    u.status,
  );
}

async function versiePage(c: AppContext, id: string, nr: number) {
  const d = await cmd.openOpp(deps(c), actor(c), id);
  const v = d.records.versies.find((x) => x.volgnummer === nr);
  if (!v) throw new AppError('not_found');
  const vorige = d.records.versies.find((x) => x.volgnummer === nr - 1);
  const anders = vorige ? gewijzigdeOnderdelen(vorige, v) : [];
  const besluiten = d.records.instemmingen.filter((i) => i.volgnummer === nr);
  const props = await layoutProps(c, `Versie ${nr} van het ontwikkelingsperspectief van ${naamVan(d.opp)}`);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{`Versie ${nr} van het ontwikkelingsperspectief van ${naamVan(d.opp)}`}</Heading>
      <DataList items={[
        { key: 'Status', value: `${VERSIE_STATUS_LABEL[versieStatus(d.records.versies, nr)]}${v.vastgesteldOp ? ` op ${formatDutch(v.vastgesteldOp)}${v.vastgesteldDoorNaam ? ` door ${v.vastgesteldDoorNaam}` : ''}` : ''}` },
        { key: 'Gemaakt', value: `${formatDutch(isoDag(v.gemaaktOp))}${v.gemaaktDoorNaam ? ` door ${v.gemaaktDoorNaam}` : ''}` },
        ...(vorige ? [{ key: `Anders dan versie ${nr - 1}`, value: anders.length ? anders.map((o) => ONDERDEEL_LABEL[o]).join(', ') : 'Niets' }] : []),
        ...(v.wijziging ? [{ key: 'Toelichting op de wijziging', value: v.wijziging }] : []),
        { key: 'Besluit over het handelingsdeel', value: besluiten.length ? besluiten.map((i) => `${INSTEMMING_TEKST[i.uitkomst]} op ${formatDutch(i.op)} (${besluitDoor(i)})`).join('; ') : 'Geen besluit over deze versie' },
      ]} />
      <VersieInhoudWeergave v={v} soort={d.opp.soort} />
      <Paragraph><Link href={`/opp/${id}`}>Terug naar het ontwikkelingsperspectief</Link></Paragraph>
    </Layout>,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Writing a version

function VersieFormulierVelden(props: { c: AppContext; d: cmd.OppDossier; f: FormValues; errors: Fouten; basis: number; evaluatieId?: string; rijen: number }) {
  const { f, errors, d } = props;
  return (
    <Form action={`/opp/${d.opp.id}/versies`} csrfToken={props.c.var.csrfToken} aria-label="Versie opslaan">
      <Hidden name="basis" value={props.basis} />
      {props.evaluatieId && <Hidden name="evaluatieId" value={props.evaluatieId} />}
      <Heading level={2}>{ONDERDEEL_LABEL.uitstroom}</Heading>
      <SelectField name="uitstroom" label="Waar gaat de leerling naar verwachting heen na deze school?" options={uitstroomKeuzes(d.opp.soort).map((k) => ({ value: k.code, label: k.label }))} emptyOption="Kies een bestemming" value={f.uitstroom} error={errors.uitstroom} />
      <TextareaField name="uitstroomToelichting" label="Waarom verwacht de school dit?" value={f.uitstroomToelichting} error={errors.uitstroomToelichting} rows={3} />
      <Heading level={2}>{ONDERDEEL_LABEL.factoren}</Heading>
      <Paragraph>Vul alleen de onderwerpen in die voor deze leerling belangrijk zijn. Ten minste één belemmerende en één bevorderende factor zijn nodig om vast te stellen.</Paragraph>
      {DOMEIN_CODES.map((dm) => {
        const b = `factor.${dm}.belemmerend`;
        const p = `factor.${dm}.bevorderend`;
        const open = Boolean((f[b] ?? '').trim() || (f[p] ?? '').trim() || errors[b] || errors[p]);
        return (
          <details class="passend-details" open={open || undefined}>
            <summary>{DOMEINEN[dm].label}{open ? ' (ingevuld)' : ''}</summary>
            <fieldset class="utrecht-form-fieldset passend-fieldset">
              <legend class="utrecht-form-fieldset__legend">{DOMEINEN[dm].label}</legend>
              <TextareaField name={b} label="Wat maakt het moeilijk? (belemmerend)" value={f[b]} error={errors[b]} rows={2} />
              <TextareaField name={p} label="Wat helpt? (bevorderend)" value={f[p]} error={errors[p]} rows={2} />
            </fieldset>
          </details>
        );
      })}
      <Heading level={2}>{ONDERDEEL_LABEL.handelingsdeel}</Heading>
      <Paragraph>Welke doelen heeft de leerling, en welke hulp hoort daarbij? Over dit deel beslissen de ouders. Maak een rij leeg om een doel te verwijderen.</Paragraph>
      {errors.handelingsdeel && <Paragraph><strong>{errors.handelingsdeel}</strong></Paragraph>}
      {Array.from({ length: props.rijen }, (_, n) => (
        <fieldset class="utrecht-form-fieldset passend-fieldset">
          <legend class="utrecht-form-fieldset__legend">{`Doel ${n + 1}`}</legend>
          <TextareaField name={`doel.${n}.doel`} label="Doel" value={f[`doel.${n}.doel`]} error={errors[`doel.${n}.doel`]} rows={2} />
          <SelectField name={`doel.${n}.domein`} label="Onderwerp" options={DOMEIN_CODES.map((dm) => ({ value: dm, label: DOMEINEN[dm].label }))} emptyOption="Algemeen" value={f[`doel.${n}.domein`]} error={errors[`doel.${n}.domein`]} />
          <TextareaField name={`doel.${n}.ondersteuning`} label="Welke ondersteuning krijgt de leerling?" value={f[`doel.${n}.ondersteuning`]} error={errors[`doel.${n}.ondersteuning`]} rows={2} />
          <FormField name={`doel.${n}.wie`} label="Wie geeft de ondersteuning?" value={f[`doel.${n}.wie`]} error={errors[`doel.${n}.wie`]} />
          <FormField name={`doel.${n}.hoeVaak`} label="Hoe vaak of hoe lang?" description="Bijvoorbeeld: 2 keer per week 30 minuten." value={f[`doel.${n}.hoeVaak`]} error={errors[`doel.${n}.hoeVaak`]} />
        </fieldset>
      ))}
      {props.rijen < MAX_DOELEN && <Button appearance="secondary" name="actie" value="meer-doelen">Nog een doel toevoegen (slaat nog niet op)</Button>}
      <Heading level={2}>{ONDERDEEL_LABEL.afwijkingen}</Heading>
      <TextareaField name="afwijkingen" label="Wijkt het programma af van dat van de groep of klas? Hoe?" description="Bijvoorbeeld: een eigen leerlijn voor rekenen. Laat leeg als dat niet zo is." value={f.afwijkingen} error={errors.afwijkingen} rows={3} />
      <TextareaField name="wijziging" label="Wat is er veranderd? (niet verplicht)" description="Dit lezen de ouders bij de nieuwe versie." value={f.wijziging} error={errors.wijziging} rows={2} />
      <Button>Opslaan als nieuwe versie</Button>
    </Form>
  );
}

async function bewerkPage(c: AppContext, id: string, opts: { values?: FormValues; errors?: Fouten; status?: 200 | 409 | 422; evaluatieId?: string; extraRijen?: number } = {}) {
  const d = await cmd.openOpp(deps(c), actor(c), id);
  if (!d.magSchrijven) throw new AppError('forbidden', { detail: 'In uw rol kunt u dit ontwikkelingsperspectief niet wijzigen.' });
  const nieuwste = nieuwsteVersie(d.records.versies);
  const status = opts.status ?? 200;
  const conflict = status === 409;
  const evaluatie = d.records.evaluaties.find((e) => e.id === (opts.evaluatieId ?? opts.values?.evaluatieId));
  // The form starts from the newest version (the next version starts from the last one, and from the evaluation).
  const f: FormValues = opts.values ?? alsFormulier(nieuwste ?? LEGE_INHOUD);
  const rijen = Math.min(MAX_DOELEN, Math.max(doelRijen(f).length ? Math.max(...doelRijen(f)) + 1 : 0, 0) + LEGE_DOELRIJEN + (opts.extraRijen ?? 0));
  const errors = opts.errors ?? {};
  const props = await layoutProps(c, `Nieuwe versie van het ontwikkelingsperspectief van ${naamVan(d.opp)}`, { hasErrors: Object.keys(errors).length > 0 || conflict });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{nieuwste ? `Versie ${nieuwste.volgnummer + 1}` : 'Eerste versie'} van het ontwikkelingsperspectief van {naamVan(d.opp)}</Heading>
      <ErrorSummary errors={errors} />
      {conflict && nieuwste && (
        <Alert type="warning" heading={`Iemand anders heeft intussen versie ${nieuwste.volgnummer} opgeslagen`}>
          <Paragraph>
            Uw wijzigingen zijn nog niet opgeslagen; ze staan in het formulier. Hieronder staat eerst wat er nu is opgeslagen. Neem over wat u
            wilt houden en sla dan op: dan wordt het versie {nieuwste.volgnummer + 1}.
          </Paragraph>
        </Alert>
      )}
      {conflict && nieuwste && (
        <details class="passend-details" open>
          <summary>{`Opgeslagen versie ${nieuwste.volgnummer}${nieuwste.gemaaktDoorNaam ? ` van ${nieuwste.gemaaktDoorNaam}` : ''}`}</summary>
          <VersieInhoudWeergave v={nieuwste} soort={d.opp.soort} kop={3} />
        </details>
      )}
      {!conflict && (
        <Paragraph lead>
          Opslaan maakt een nieuwe versie; eerdere versies blijven bewaard. De ouders beslissen over het handelingsdeel van één bepaalde versie:
          verandert u daarna iets, dan is hun instemming opnieuw nodig.
        </Paragraph>
      )}
      {evaluatie && (
        <Alert type="info" heading={`Deze versie begint bij de evaluatie van ${formatDutch(evaluatie.op)}`} headingLevel={2}>
          <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
            {evaluatie.resultaten.map((r) => <li class="utrecht-unordered-list__item">{`${r.doel}: ${RESULTAAT_LABEL[r.uitkomst].toLowerCase()}${r.toelichting ? ` — ${r.toelichting}` : ''}`}</li>)}
          </ul>
        </Alert>
      )}
      <VersieFormulierVelden c={c} d={d} f={f} errors={errors} basis={nieuwste?.volgnummer ?? 0} evaluatieId={evaluatie?.id} rijen={rijen} />
      <Paragraph><Link href={`/opp/${id}`}>Terug zonder op te slaan</Link></Paragraph>
    </Layout>,
    status,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Views

/** The view form: the pupil's (recorded by the school, or given in the portal) or the parents' own. */
async function meningPage(c: AppContext, id: string, wie: 'school' | 'zelf', values: FormValues = {}, u: Uitkomst = GOED) {
  const errors = u.errors;
  const d = await cmd.openOpp(deps(c), actor(c), id, 'lezen', { portaal: true });
  const van: MeningVan = wie === 'school' || d.relatie.soort === 'leerling' ? 'leerling' : 'ouder';
  const vragen = vragenVoor(van, d.leeftijd);
  const je = d.relatie.soort === 'leerling';
  const fout = heeftFouten(u);
  const titel = wie === 'school' ? `Mening van ${naamVan(d.opp)} vastleggen` : je ? 'Wat vind jij?' : 'Uw mening over het ontwikkelingsperspectief';
  const props = await layoutProps(c, titel, { hasErrors: fout });
  const vandaag = c.var.deps.clock.today();
  const actie = wie === 'school' ? `/opp/${id}/leerling-mening` : `/opp/${id}/mijn-mening`;
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{titel}</Heading>
      <ErrorSummary errors={errors} />
      <ConflictMelding status={u.status} melding={u.melding} />
      <Paragraph lead>
        {wie === 'school'
          ? `Vraag de leerling wat hij of zij van de ondersteuning vindt, en schrijf de antwoorden op in de woorden van de leerling. De vragen passen bij de leeftijd (${d.leeftijd} jaar).`
          : je ? 'Vertel wat jij vindt van de hulp die je op school krijgt. Je hoeft niet alles in te vullen. De school leest het en vertelt je wat ze ermee doet.'
            : 'Vertel de school wat u vindt van het ontwikkelingsperspectief. De school leest het en laat weten wat zij ermee doet.'}
      </Paragraph>
      <Form action={actie} csrfToken={c.var.csrfToken} aria-label={titel}>
        {wie === 'school' && (
          <>
            <RadioGroup name="soort" legend="Heeft de leerling zijn of haar mening gegeven?" value={values.soort ?? 'mening'} error={errors.soort} options={[
              { value: 'mening', label: 'Ja' }, { value: 'niet-gehoord', label: 'Nee, dat lukte niet', description: 'Schrijf hieronder op waarom.' },
            ]} />
            <RadioGroup name="vorm" legend="Hoe?" value={values.vorm ?? 'gesprek'} error={errors.vorm} options={[{ value: 'gesprek', label: 'In een gesprek' }, { value: 'formulier', label: 'Op een formulier' }]} />
            <FormField name="gegevenOp" type="date" label="Datum" value={values.gegevenOp ?? vandaag} error={errors.gegevenOp} max={vandaag} required />
          </>
        )}
        {vragen.map((v) => (
          <TextareaField name={`vraag.${v.code}`} label={v.tekst} description={v.hulp} value={values[`vraag.${v.code}`]} error={errors[`vraag.${v.code}`]} rows={3} />
        ))}
        {wie === 'school' && <TextareaField name="reden" label="Waarom kon de mening niet worden gevraagd? (alleen als het niet lukte)" value={values.reden} error={errors.reden} rows={2} />}
        <Button>{je ? 'Versturen' : 'Opslaan'}</Button>
      </Form>
      <Paragraph><Link href={je ? '/mijn-opp' : `/opp/${id}`}>Terug zonder op te slaan</Link></Paragraph>
    </Layout>,
    u.status !== 200 ? u.status : fout ? 422 : 200,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Adoption, evaluation, closing

async function vaststellenPage(c: AppContext, id: string, values: FormValues = {}, u: Uitkomst = GOED) {
  const d = await cmd.openOpp(deps(c), actor(c), id);
  if (!d.magVaststellen) throw new AppError('forbidden', { detail: 'De schoolleider of het bestuur stelt het ontwikkelingsperspectief vast.' });
  const voorstel = d.stand.voorstel;
  const vandaag = d.vandaag;
  const props = await layoutProps(c, `Ontwikkelingsperspectief van ${naamVan(d.opp)} vaststellen`, { hasErrors: heeftFouten(u) });
  const instemming = d.stand.instemmingVoorstel;
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ontwikkelingsperspectief van {naamVan(d.opp)} vaststellen</Heading>
      <ErrorSummary errors={u.errors} />
      <ConflictMelding status={u.status} melding={u.melding} />
      {voorstel === null
        ? <Paragraph>Er is geen nieuwe versie om vast te stellen.</Paragraph>
        : (
          <>
            <Paragraph lead>Het bestuur stelt versie {voorstel} vast. Daarna verandert deze versie niet meer; een wijziging wordt een nieuwe versie.</Paragraph>
            <DataList items={[
              { key: 'Versie', value: <Link href={`/opp/${id}/versies/${voorstel}`}>{`Versie ${voorstel}`}</Link> },
              { key: 'Besluit over het handelingsdeel', value: instemming ? `${INSTEMMING_TEKST[instemming.uitkomst]} op ${formatDutch(instemming.op)}` : 'Nog geen besluit' },
            ]} />
            {Object.keys(d.stand.ontbreekt).length > 0 && (
              <Alert type="warning" heading="Vaststellen kan nog niet" headingLevel={2}><Ontbreekt ontbreekt={d.stand.ontbreekt} /></Alert>
            )}
            <Form action={`/opp/${id}/vaststellen`} csrfToken={c.var.csrfToken} aria-label="Vaststellen">
              <Hidden name="volgnummer" value={voorstel} />
              <FormField name="op" type="date" label="Datum van vaststelling" value={values.op ?? vandaag} error={u.errors.op} max={vandaag} required />
              {d.feiten.isWec && <FormField name="cvbAdviesOp" type="date" label="Datum van het advies van de commissie voor de begeleiding" value={values.cvbAdviesOp} error={u.errors.cvbAdviesOp} max={vandaag} required />}
              <Button>{`Versie ${voorstel} vaststellen`}</Button>
            </Form>
          </>
        )}
      <Paragraph><Link href={`/opp/${id}`}>Terug zonder vast te stellen</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

async function evaluatiePage(c: AppContext, id: string, values: FormValues = {}, u: Uitkomst = GOED) {
  const errors = u.errors;
  const d = await cmd.openOpp(deps(c), actor(c), id);
  if (!d.magSchrijven) throw new AppError('forbidden', { detail: 'In uw rol kunt u geen evaluatie vastleggen.' });
  const geldend = geldendeVersie(d.records.versies);
  const fout = heeftFouten(u);
  const props = await layoutProps(c, `Evaluatie van het ontwikkelingsperspectief van ${naamVan(d.opp)}`, { hasErrors: fout });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Evaluatie van het ontwikkelingsperspectief van {naamVan(d.opp)}</Heading>
      <ErrorSummary errors={errors} />
      <ConflictMelding status={u.status} melding={u.melding} />
      {!geldend
        ? <Paragraph>Er is nog geen vastgestelde versie om te evalueren.</Paragraph>
        : (
          <Form action={`/opp/${id}/evaluatie`} csrfToken={c.var.csrfToken} aria-label="Evaluatie vastleggen">
            <Paragraph>U evalueert versie {geldend.volgnummer}, vastgesteld op {formatDutch(geldend.vastgesteldOp!)}.</Paragraph>
            <FormField name="op" type="date" label="Datum van de evaluatie" value={values.op ?? d.vandaag} error={errors.op} max={d.vandaag} required />
            <FormField name="deelnemers" label="Wie waren er?" value={values.deelnemers} error={errors.deelnemers} required />
            <RadioGroup name="metOuders" legend="Waren de ouders erbij?" description="De wet vraagt de evaluatie met de ouders." value={values.metOuders} error={errors.metOuders} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
            {geldend.handelingsdeel.map((h, n) => (
              <fieldset class="utrecht-form-fieldset passend-fieldset">
                <legend class="utrecht-form-fieldset__legend">{`Doel ${n + 1}: ${h.doel}`}</legend>
                <RadioGroup name={`resultaat.${n}.uitkomst`} legend="Resultaat" value={values[`resultaat.${n}.uitkomst`]} error={errors[`resultaat.${n}.uitkomst`]} options={(['behaald', 'deels', 'niet-behaald'] as const).map((r) => ({ value: r, label: RESULTAAT_LABEL[r] }))} />
                <TextareaField name={`resultaat.${n}.toelichting`} label="Toelichting" value={values[`resultaat.${n}.toelichting`]} error={errors[`resultaat.${n}.toelichting`]} rows={2} />
              </fieldset>
            ))}
            <RadioGroup name="conclusie" legend="Wat gebeurt er nu?" value={values.conclusie} error={errors.conclusie} options={[
              { value: 'doorgaan', label: 'Doorgaan zoals het is' },
              { value: 'bijstellen', label: 'Bijstellen', description: 'Daarna maakt u een nieuwe versie die begint bij deze evaluatie.' },
              { value: 'afsluiten', label: 'Afsluiten', description: 'Extra ondersteuning is niet meer nodig.' },
            ]} />
            <TextareaField name="toelichting" label="Toelichting (niet verplicht)" value={values.toelichting} error={errors.toelichting} rows={3} />
            <Button>Evaluatie opslaan</Button>
          </Form>
        )}
      <Paragraph><Link href={`/opp/${id}`}>Terug zonder op te slaan</Link></Paragraph>
    </Layout>,
    u.status !== 200 ? u.status : fout ? 422 : 200,
  );
}

async function afsluitenPage(c: AppContext, id: string, values: FormValues = {}, u: Uitkomst = GOED) {
  const d = await cmd.openOpp(deps(c), actor(c), id);
  if (!d.magSchrijven && !d.opp.afgeslotenOp) throw new AppError('forbidden', { detail: 'In uw rol kunt u dit ontwikkelingsperspectief niet afsluiten.' });
  const props = await layoutProps(c, `Ontwikkelingsperspectief van ${naamVan(d.opp)} afsluiten`, { hasErrors: heeftFouten(u) });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ontwikkelingsperspectief van {naamVan(d.opp)} afsluiten</Heading>
      <ErrorSummary errors={u.errors} />
      <ConflictMelding status={u.status} melding={u.melding} />
      {d.opp.afgeslotenOp
        ? <Paragraph>Dit ontwikkelingsperspectief is al afgesloten op {formatDutch(d.opp.afgeslotenOp)}.</Paragraph>
        : (
          <>
            <Paragraph>Weet u zeker dat u het ontwikkelingsperspectief wilt afsluiten? Daarna kunt u geen nieuwe versies meer maken. Alles blijft bewaard. Is later weer extra ondersteuning nodig, dan start u een nieuw ontwikkelingsperspectief.</Paragraph>
            <Form action={`/opp/${id}/afsluiten`} csrfToken={c.var.csrfToken} aria-label="Afsluiten">
              <Hidden name="versie" value={d.opp.versie} />
              <FormField name="op" type="date" label="Einddatum" value={values.op ?? d.vandaag} error={u.errors.op} max={d.vandaag} required />
              <TextareaField name="reden" label="Waarom stopt het ontwikkelingsperspectief?" value={values.reden} error={u.errors.reden} rows={2} required />
              <Button>Ja, afsluiten</Button>
            </Form>
          </>
        )}
      <Paragraph><Link href={`/opp/${id}`}>Nee, terug</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The pupil portal and the SWV's setting

async function mijnOppPage(c: AppContext) {
  const r = await cmd.mijnOpp(deps(c), actor(c));
  const props = await layoutProps(c, 'Mijn ondersteuning');
  if (!r.beschikbaar) {
    return sendPage(c, (
      <Layout {...props}>
        <Heading level={1}>Mijn ondersteuning</Heading>
        <Paragraph>Dit deel van Passend is voor leerlingen vanaf {r.vanaf} jaar. Wil je iets zeggen over de hulp die je krijgt? Praat dan met je juf, meester of mentor.</Paragraph>
      </Layout>
    ));
  }
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Mijn ondersteuning</Heading>
      <Paragraph lead>Hier lees je welke hulp je op school krijgt. Je kunt zelf zeggen wat je daarvan vindt. De school leest het en vertelt wat ze ermee doet.</Paragraph>
      {r.dossiers.length === 0 && <Paragraph>Er is nog niets over jouw ondersteuning vastgelegd.</Paragraph>}
      {r.dossiers.map((d) => {
        const geldend = geldendeVersie(d.records.versies) ?? nieuwsteVersie(d.records.versies);
        const mijn = d.records.meningen.filter((m) => m.van === 'leerling');
        return (
          <>
            <Heading level={2}>{d.opp.vestigingNaam}</Heading>
            {geldend
              ? (
                <Table caption={`Mijn doelen op ${d.opp.vestigingNaam}`} rowHeaders headers={['Wat ik wil leren', 'Hulp die ik krijg', 'Van wie', 'Hoe vaak']}
                  rows={geldend.handelingsdeel.map((h) => [h.doel, h.ondersteuning, h.wie || '—', h.hoeVaak || '—'])} empty="Er staan nog geen doelen in." />
              )
              : <Paragraph>De school schrijft dit nog op.</Paragraph>}
            <Heading level={3}>Wat ik ervan vind</Heading>
            {mijn.length === 0 && <Paragraph>Je hebt nog niets gezegd.</Paragraph>}
            {mijn.map((m) => <MeningWeergave m={m} kop={4} voorLeerling />)}
            {!d.opp.afgeslotenOp && <Paragraph><ButtonLink href={`/opp/${d.opp.id}/mijn-mening`}>Zeg wat je ervan vindt</ButtonLink></Paragraph>}
          </>
        );
      })}
    </Layout>,
  );
}

async function instellingenPage(c: AppContext, values: FormValues = {}, u: Uitkomst = GOED) {
  const i = await cmd.instellingen(deps(c), actor(c));
  const props = await layoutProps(c, 'Instellingen ontwikkelingsperspectief', { hasErrors: heeftFouten(u) });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Instellingen ontwikkelingsperspectief</Heading>
      <ErrorSummary errors={u.errors} />
      <ConflictMelding status={u.status} melding={u.melding} />
      <Form action="/instellingen/opp" csrfToken={c.var.csrfToken} aria-label="Instellingen">
        <Hidden name="versie" value={i.versie} />
        <FormField name="vanaf" type="number" label="Vanaf welke leeftijd gebruiken leerlingen Passend zelf?" description={`Leerlingen geven dan zelf hun mening over hun ondersteuning. Kies ${LEERLING_PORTAAL_MIN} tot en met ${LEERLING_PORTAAL_MAX} jaar; Passend begint met 12.`} value={values.vanaf ?? String(i.vanaf)} error={u.errors.vanaf} required />
        <Button>Opslaan</Button>
      </Form>
    </Layout>,
    u.status,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

/**
 * A form about one OPP: read → validate → command → back to the OPP page (PRG), or its page again with the messages
 * and the input kept (the OPP page itself unless `pagina` says otherwise).
 */
function formulier<T>(
  app: App, pad: string, o: {
    access: readonly Rol[]; schema: z.ZodType<T>; summary: string; melding: string | ((d: T) => string);
    doe: (c: AppContext, id: string, d: T) => Promise<void>;
    pagina?: (c: AppContext, id: string, values: FormValues, u: Uitkomst) => Promise<Response>;
    voorvoegsel?: (c: AppContext) => string;
  },
): void {
  const pagina = o.pagina ?? ((c: AppContext, id: string, values: FormValues, u: Uitkomst) => oppPage(c, id, { values, u }));
  defineRoute(app, 'POST', `/opp/:id/${pad}`, { access: o.access, pupilData: 'schrijven', summary: o.summary }, async (c) => {
    const id = uuidParam(c);
    const voor = o.voorvoegsel?.(c) ?? '';
    const values = await readForm(c);
    const v = validate(o.schema, zonderVoorvoegsel(values, voor));
    if (!v.ok) return pagina(c, id, values, { errors: metVoorvoegsel(v.errors, voor), status: 422 });
    const r = await opFormulier(() => o.doe(c, id, v.data), (u) => pagina(c, id, values, { ...u, errors: metVoorvoegsel(u.errors, voor) }));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: typeof o.melding === 'string' ? o.melding : o.melding(v.data) });
    return c.redirect(`/opp/${id}`, 303);
  });
}

const csvRij = (r: Awaited<ReturnType<typeof cmd.toonOpps>>[number]) => [
  r.opp.id, r.opp.leerlingId, r.opp.voornaam, r.opp.tussenvoegsel ?? '', r.opp.achternaam, r.opp.vestigingCode, r.opp.vestigingNaam, r.opp.soort,
  r.stand.fase, r.opp.uiterlijk, r.stand.termijn.stand, r.eersteVaststelling ?? '', r.stand.voorstel ?? '', r.stand.instemmingVoorstel?.uitkomst ?? '',
  r.stand.evaluatie ?? '', r.records.evaluaties.at(-1)?.op ?? '', r.opp.afgeslotenOp ?? '',
];

/** Registers the OPP pages. */
export function registerOppRoutes(app: App): void {
  const lezen = { access: OPP_LEZERS, pupilData: 'lezen' } as const;

  defineRoute(app, 'GET', '/opp', { access: OPP_ROLLEN, pupilData: 'lezen', summary: 'Ontwikkelingsperspectieven van de school met termijnen' }, (c) => lijstPage(c));

  defineRoute(app, 'GET', '/opp.csv', { access: OPP_ROLLEN, pupilData: 'lezen', summary: 'CSV: ontwikkelingsperspectieven met termijnen' }, async (c) => {
    const rijen = await cmd.toonOpps(deps(c), actor(c), 'exporteren');
    return sendCsv(c, 'ontwikkelingsperspectieven.csv', toCsv(['opp_id', 'leerling_id', 'voornaam', 'tussenvoegsel', 'achternaam', 'vestigingscode', 'school',
      'soort', 'stand', 'uiterlijk_vaststellen', 'termijn', 'eerste_vaststelling', 'voorstel_versie', 'besluit_ouders', 'evaluatie', 'laatste_evaluatie', 'afgesloten_op'],
    rijen.map(csvRij)), { leerlingen: true });
  });

  defineRoute(app, 'GET', '/opp-rod.csv', { access: OPP_ROLLEN, pupilData: 'lezen', summary: 'Export van start- en einddata voor het ROD' }, async (c) => {
    const rijen = await cmd.toonOpps(deps(c), actor(c), 'exporteren');
    const regels = rijen.map((r) => rodRegel({ ...r.opp, leerlingId: r.opp.leerlingId, startdatum: r.eersteVaststelling, einddatum: r.opp.afgeslotenOp })).filter((x) => x !== null);
    return sendCsv(c, 'opp-rod.csv', toCsv([...ROD_KOLOMMEN], regels), { leerlingen: true });
  });

  defineRoute(app, 'GET', '/leerlingen/:id/opp/nieuw', { access: SCHRIJF_ROLLEN, pupilData: 'lezen', summary: 'Formulier: ontwikkelingsperspectief starten' }, (c) => startPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/leerlingen/:id/opp', { access: SCHRIJF_ROLLEN, pupilData: 'schrijven', summary: 'Start een ontwikkelingsperspectief' }, async (c) => {
    const leerlingId = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZStart, values);
    if (!v.ok) return startPage(c, leerlingId, values, v.errors);
    let id = '';
    const fout = await probeerFormulier(async () => { id = await cmd.startOpp(deps(c), actor(c), leerlingId, v.data); });
    if (fout?.status === 409) {
      const { leerling } = await cmd.openLeerlingVoorOpp(deps(c), actor(c), leerlingId);
      if (leerling.lopendeOppId) return c.redirect(`/opp/${leerling.lopendeOppId}`, 303);
    }
    if (fout) return startPage(c, leerlingId, values, fout.errors);
    await setFlash(c, { kind: 'ok', text: 'Het ontwikkelingsperspectief is gestart. Schrijf nu de eerste versie.' });
    return c.redirect(`/opp/${id}/bewerken`, 303);
  });

  defineRoute(app, 'GET', '/opp/:id', { ...lezen, summary: 'Eén ontwikkelingsperspectief (school, ouders)' }, (c) => oppPage(c, uuidParam(c)));

  defineRoute(app, 'GET', '/opp/:id/versies/:nr', { ...lezen, summary: 'Eén versie van een ontwikkelingsperspectief' }, (c) => {
    const nr = Number.parseInt(c.req.param('nr') ?? '', 10);
    if (!Number.isInteger(nr) || nr < 1 || nr > 1_000_000) throw new AppError('not_found');
    return versiePage(c, uuidParam(c), nr);
  });

  defineRoute(app, 'GET', '/opp/:id/bewerken', { access: SCHRIJF_ROLLEN, pupilData: 'lezen', summary: 'Formulier: nieuwe versie' }, (c) => {
    const evaluatie = c.req.query('evaluatie') ?? '';
    return bewerkPage(c, uuidParam(c), { evaluatieId: /^[0-9a-f-]{36}$/i.test(evaluatie) ? evaluatie.toLowerCase() : undefined });
  });

  defineRoute(app, 'POST', '/opp/:id/versies', { access: SCHRIJF_ROLLEN, pupilData: 'schrijven', summary: 'Slaat een nieuwe versie op (409 als iemand anders eerder opsloeg)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    // "Nog een doel toevoegen": the same form with more rows, nothing saved (works without JavaScript).
    if (values.actie === 'meer-doelen') return bewerkPage(c, id, { values, extraRijen: LEGE_DOELRIJEN });
    const f = leesVersieFormulier(values);
    if (!f.ok) return bewerkPage(c, id, { values, errors: f.errors, status: 422 });
    let uit: cmd.VersieUitkomst | null = null;
    const fout = await probeerFormulier(async () => { uit = await cmd.slaVersieOp(deps(c), actor(c), id, f.data); });
    if (fout) return bewerkPage(c, id, { values, errors: fout.errors, status: fout.status });
    const r = uit as cmd.VersieUitkomst | null;
    if (r?.soort === 'conflict') {
      const nieuwste = nieuwsteVersie(r.dossier.records.versies);
      return bewerkPage(c, id, { values: { ...values, basis: String(nieuwste?.volgnummer ?? 0) }, status: 409 });
    }
    await setFlash(c, { kind: 'ok', text: `Versie ${r!.soort === 'ok' ? r!.volgnummer : ''} is opgeslagen.` });
    return c.redirect(`/opp/${id}`, 303);
  });

  const school = { access: SCHRIJF_ROLLEN };
  formulier(app, 'oogo', { ...school, schema: ZOogo, summary: 'Legt het overleg met de ouders vast', melding: 'Het overleg is vastgelegd.',
    doe: (c, id, d) => cmd.legOogoVast(deps(c), actor(c), id, d) });
  formulier(app, 'instemming', { ...school, schema: ZInstemmingSchool, summary: 'Legt een besluit van de ouders (op papier) vast', melding: 'Het besluit is vastgelegd.',
    doe: (c, id, d) => cmd.legInstemmingVast(deps(c), actor(c), id, d), voorvoegsel: () => BESLUIT });
  formulier(app, 'instemming-door', { ...school, schema: ZInstemmingDoor, summary: 'Wie stemt in met het handelingsdeel', melding: 'Opgeslagen.',
    doe: (c, id, d) => cmd.zetInstemmingDoor(deps(c), actor(c), id, d) });
  formulier(app, 'leerling-uitnodigen', { ...school, schema: z.object({ email: fields.email('het e-mailadres van de leerling') }), summary: 'Nodigt de leerling uit voor Passend',
    melding: 'De leerling krijgt een uitnodiging per e-mail.', doe: (c, id, d) => cmd.nodigLeerlingUit(deps(c), actor(c), id, d.email) });

  defineRoute(app, 'POST', '/opp/:id/instemming-vragen', { access: SCHRIJF_ROLLEN, pupilData: 'schrijven', summary: 'Vraagt de ouders per e-mail om instemming' }, async (c) => {
    const id = uuidParam(c);
    await readForm(c);
    let uit = { gemaild: 0, zonderAdres: 0 };
    const fout = await probeerFormulier(async () => { uit = await cmd.vraagInstemming(deps(c), actor(c), id); });
    if (fout) return oppPage(c, id, { values: {}, u: fout });
    await setFlash(c, {
      kind: uit.gemaild ? 'ok' : 'info',
      text: uit.gemaild
        ? `${uit.gemaild === 1 ? 'Eén ouder krijgt' : `${uit.gemaild} ouders krijgen`} een e-mail.${uit.zonderAdres ? ` Van ${uit.zonderAdres} ouder(s) met gezag is geen e-mailadres bekend.` : ''}`
        : 'Er is geen ouder met gezag met een e-mailadres. Voeg dat toe in het dossier van de leerling, of leg het besluit op papier vast.',
    });
    return c.redirect(`/opp/${id}`, 303);
  });

  formulier(app, 'meningen/:mid/reactie', { ...school, schema: ZReactie, summary: 'Legt vast wat de school met een mening doet', melding: 'De reactie is opgeslagen.',
    doe: (c, id, d) => cmd.reageerOpMening(deps(c), actor(c), id, uuidParam(c, 'mid'), d.versie, d.reactie), voorvoegsel: (c) => reactieVoor(uuidParam(c, 'mid')) });

  defineRoute(app, 'GET', '/opp/:id/leerling-mening', { access: SCHRIJF_ROLLEN, pupilData: 'lezen', summary: 'Formulier: mening van de leerling vastleggen' }, (c) => meningPage(c, uuidParam(c), 'school'));
  defineRoute(app, 'POST', '/opp/:id/leerling-mening', { access: SCHRIJF_ROLLEN, pupilData: 'schrijven', summary: 'Legt de mening van de leerling vast (hoorrecht)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZMeningSchool, values);
    const a = leesAntwoorden(values);
    if (!v.ok || !a.ok) return meningPage(c, id, 'school', values, { errors: { ...(v.ok ? {} : v.errors), ...(a.ok ? {} : a.errors) }, status: 422 });
    const fout = await probeerFormulier(() => cmd.legLeerlingMeningVast(deps(c), actor(c), id, { ...v.data, antwoorden: a.data }));
    if (fout) return meningPage(c, id, 'school', values, fout);
    await setFlash(c, { kind: 'ok', text: 'De mening van de leerling is vastgelegd. Schrijf ook op wat de school ermee doet.' });
    return c.redirect(`/opp/${id}`, 303);
  });

  defineRoute(app, 'GET', '/opp/:id/vaststellen', { access: VASTSTEL_ROLLEN, pupilData: 'lezen', summary: 'Bevestiging: versie vaststellen' }, (c) => vaststellenPage(c, uuidParam(c)));
  formulier(app, 'vaststellen', { access: VASTSTEL_ROLLEN, schema: ZVaststellen, summary: 'Stelt een versie vast (alleen als de wet het toelaat)',
    melding: (d) => `Versie ${d.volgnummer} is vastgesteld. De ouders krijgen bericht.`, doe: (c, id, d) => cmd.stelVersieVast(deps(c), actor(c), id, d), pagina: vaststellenPage });

  defineRoute(app, 'GET', '/opp/:id/evaluatie', { access: SCHRIJF_ROLLEN, pupilData: 'lezen', summary: 'Formulier: evaluatie' }, (c) => evaluatiePage(c, uuidParam(c)));
  defineRoute(app, 'POST', '/opp/:id/evaluatie', { access: SCHRIJF_ROLLEN, pupilData: 'schrijven', summary: 'Legt de jaarlijkse evaluatie vast' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const d = await cmd.openOpp(deps(c), actor(c), id);
    const doelen = geldendeVersie(d.records.versies)?.handelingsdeel.map((h) => h.doel) ?? [];
    const v = validate(ZEvaluatie, values);
    const r = leesResultaten(values, doelen);
    if (!v.ok || !r.ok) return evaluatiePage(c, id, values, { errors: { ...(v.ok ? {} : v.errors), ...(r.ok ? {} : r.errors) }, status: 422 });
    let evaluatieId = '';
    const fout = await probeerFormulier(async () => { evaluatieId = await cmd.legEvaluatieVast(deps(c), actor(c), id, { ...v.data, resultaten: r.data }); });
    if (fout) return evaluatiePage(c, id, values, fout);
    await setFlash(c, { kind: 'ok', text: v.data.conclusie === 'bijstellen' ? 'De evaluatie is opgeslagen. Maak nu de nieuwe versie.' : 'De evaluatie is opgeslagen.' });
    return c.redirect(v.data.conclusie === 'bijstellen' ? `/opp/${id}/bewerken?evaluatie=${evaluatieId}` : v.data.conclusie === 'afsluiten' ? `/opp/${id}/afsluiten` : `/opp/${id}`, 303);
  });

  defineRoute(app, 'GET', '/opp/:id/afsluiten', { access: SCHRIJF_ROLLEN, pupilData: 'lezen', summary: 'Bevestiging: afsluiten' }, (c) => afsluitenPage(c, uuidParam(c)));
  formulier(app, 'afsluiten', { ...school, schema: ZAfsluiten, summary: 'Sluit het ontwikkelingsperspectief af', melding: 'Het ontwikkelingsperspectief is afgesloten.',
    doe: (c, id, d) => cmd.sluitOpp(deps(c), actor(c), id, d), pagina: afsluitenPage });

  for (const formaat of ['html', 'pdf'] as const) {
    const pad = formaat === 'pdf' ? '/opp.pdf' : '/afdrukken';
    defineRoute(app, 'GET', `/opp/:id${pad}`, { ...lezen, summary: `Ontwikkelingsperspectief voor een gesprek (${formaat === 'pdf' ? 'PDF' : 'afdrukken'})` }, async (c) => {
      const id = uuidParam(c);
      const d = await cmd.openOpp(deps(c), actor(c), id, 'afdrukken');
      const v = nieuwsteVersie(d.records.versies) as VersieRij | undefined;
      if (!v) throw new AppError('not_found', { detail: 'Er is nog geen versie om af te drukken.' });
      return sendBrief(c, oppDocument(d.opp, d.records, v, d.vandaag), { formaat, terug: { href: `/opp/${id}`, label: 'Terug naar het ontwikkelingsperspectief' }, pdfHref: `/opp/${id}/opp.pdf` });
    });
  }

  // The parents and the pupil.
  formulier(app, 'mijn-besluit', { access: GEZIN_ROLLEN, schema: ZInstemmingOnline, summary: 'De ouder (of meerderjarige leerling) beslist online over het handelingsdeel',
    melding: (d) => (d.uitkomst === 'ingestemd' ? 'Dank u. U heeft ingestemd. De school krijgt dit te zien.' : 'Dank u. De school krijgt uw besluit te zien.'),
    doe: (c, id, d) => cmd.geefInstemming(deps(c), actor(c), id, d) });

  defineRoute(app, 'GET', '/opp/:id/mijn-mening', { access: GEZIN_ROLLEN, pupilData: 'lezen', summary: 'Formulier: eigen mening (ouder of leerling)' }, (c) => meningPage(c, uuidParam(c), 'zelf'));
  defineRoute(app, 'POST', '/opp/:id/mijn-mening', { access: GEZIN_ROLLEN, pupilData: 'schrijven', summary: 'Eigen mening van de ouder of de leerling' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const a = leesAntwoorden(values);
    if (!a.ok) return meningPage(c, id, 'zelf', values, { errors: a.errors, status: 422 });
    const fout = await probeerFormulier(() => cmd.geefEigenMening(deps(c), actor(c), id, a.data));
    if (fout) return meningPage(c, id, 'zelf', values, fout);
    const leerling = c.var.auth!.actief!.rol === 'leerling';
    await setFlash(c, { kind: 'ok', text: leerling ? 'Dank je! De school leest wat je hebt geschreven.' : 'Dank u. De school leest uw mening.' });
    return c.redirect(leerling ? '/mijn-opp' : `/opp/${id}`, 303);
  });

  defineRoute(app, 'GET', '/mijn-opp', { access: ['leerling'], pupilData: 'lezen', summary: 'Leerlingportaal: mijn ondersteuning en mijn mening' }, (c) => mijnOppPage(c));

  defineRoute(app, 'GET', '/instellingen/opp', { access: INSTELLING_ROLLEN, summary: 'Instelling: leeftijd leerlingportaal' }, (c) => instellingenPage(c));
  defineRoute(app, 'POST', '/instellingen/opp', { access: INSTELLING_ROLLEN, summary: 'Slaat de leeftijd van het leerlingportaal op' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZInstelling, values);
    if (!v.ok) return instellingenPage(c, values, { errors: v.errors, status: 422 });
    const r = await opFormulier(() => cmd.zetInstellingen(deps(c), actor(c), v.data), (u) => instellingenPage(c, values, u));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De instelling is opgeslagen.' });
    return c.redirect('/instellingen/opp', 303);
  });

  defineRoute(app, 'GET', '/api/opp/:id', { ...lezen, summary: 'API: één ontwikkelingsperspectief met alle versies en besluiten' }, async (c) => {
    const d = await cmd.openOpp(deps(c), actor(c), uuidParam(c));
    return c.json({ opp: d.opp, stand: d.stand, ...d.records });
  });
}
