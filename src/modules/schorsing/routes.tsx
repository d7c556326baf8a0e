/**
 * Pages of schorsing (suspension) and verwijdering (removal) of an enrolled pupil (issue 5): recording from the
 * pupil's file, one page per decision with what is still to do, the letters to the parents (page and PDF), and
 * the overview with CSV. Routes only parse, authorise (policy), call a command and render.
 */
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { probeerFormulier, readForm, uuidParam, validate, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage, setFlash } from '../../platform/http/render.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { AppError } from '../../platform/errors.js';
import { formatDutch } from '../../platform/civil-date.js';
import { sendBrief } from '../../platform/brief/brief.js';
import { Layout } from '../../platform/views/layout.js';
import {
  Alert, Button, ButtonLink, CheckboxField, ConflictMelding, DataList, ErrorSummary, Form, FormField, Heading, Link, Paragraph, RadioGroup,
  SelectField, Table, TextareaField,
} from '../../platform/views/components.js';
import * as cmd from './commands.js';
import type { SchorsingRij, VerwijderingRij } from './store.js';
import { SCHORSING_ROLLEN, VASTLEG_ROLLEN } from './rules/toegang.js';
import { MAX_SCHORSING_DAGEN, schorsingsdagen } from './rules/schorsing.js';
import { ZOEKTERMIJN_CLUSTER_1_2_WEKEN } from './rules/verwijdering.js';
import { schorsingsbrief, verwijderingsbrief } from './brieven.js';
import { naamVan } from '../leerlingen/naam.js';
import { SECTOR_LABEL, SECTOREN } from '../zorgplicht/schemas.js';
import {
  sectorVanSoort, ZAndereSchool, ZDefinitief, ZHoren, ZInspectieMelding, ZInspectieRaadpleging, ZNieuweSchorsing,
  ZNieuweVerwijdering, ZVersie, ZZoektocht,
} from './schemas.js';

type Fouten = Record<string, string>;
/** A page after a failed or refused save: 422 (the rule said no) or 409 (someone else saved first, or too late). */
interface Uitkomst {
  errors: Fouten;
  status: 200 | 409 | 422;
  /** The reason of a 409, in Dutch. */
  melding?: string;
}
const GOED: Uitkomst = { errors: {}, status: 200 };

function actor(c: AppContext): cmd.Actor {
  const a = c.var.auth!;
  return { gebruikerId: a.gebruiker.id, grant: a.actief!, requestId: c.var.requestId };
}

function deps(c: AppContext): cmd.SchorsingDeps {
  return { db: c.var.deps.db, clock: c.var.deps.clock };
}

function dagen(n: number): string {
  return `${n} ${n === 1 ? 'dag' : 'dagen'}`;
}

function periode(s: { van: string; tot: string }): string {
  return s.van === s.tot ? formatDutch(s.van) : `${formatDutch(s.van)} tot en met ${formatDutch(s.tot)}`;
}

/** Status in words, never colour alone (WCAG 1.4.1). */
function Badge(props: { soort: 'neutral' | 'warning' | 'danger'; children: Child }) {
  return <span class={`utrecht-status-badge utrecht-status-badge--${props.soort}`}>{props.children}</span>;
}

function schorsingStatus(s: SchorsingRij, vandaag: string): string {
  if (s.ingetrokkenOp) return `Ingetrokken op ${formatDutch(s.ingetrokkenOp)}`;
  if (vandaag < s.van) return 'Gaat nog in';
  return vandaag <= s.tot ? 'Loopt nu' : 'Afgelopen';
}

function inspectieTekst(t: cmd.SchorsingMetTaak): Child {
  const s = t.schorsing;
  if (t.inspectieTaakOpen) return <Badge soort="warning">Nog melden aan de inspectie</Badge>;
  if (s.inspectieGemeldOp) return `Gemeld op ${formatDutch(s.inspectieGemeldOp)}`;
  if (!s.inspectieMeldingNodig) return 'Niet nodig (één dag)';
  return 'Niet meer nodig (ingetrokken)';
}

function verwijderingStatus(v: VerwijderingRij): string {
  if (v.status === 'definitief') return `Definitief op ${formatDutch(v.besluitOp!)}`;
  if (v.status === 'ingetrokken') return `Ingetrokken op ${formatDutch(v.ingetrokkenOp!)}`;
  return 'Voorgenomen';
}

function verwijderingTaak(t: cmd.VerwijderingMetStand): Child {
  if (t.verwijdering.status !== 'voorgenomen') return 'Niets';
  const n = t.ontbrekend.length;
  return n ? <Badge soort="warning">{`Nog ${n} ${n === 1 ? 'stap' : 'stappen'} voor een besluit`}</Badge> : 'Kan definitief worden gemaakt';
}

/**
 * Runs a command behind a form: a rule's refusal re-renders the page (422) with the messages next to the fields, a
 * conflict as 409 with its reason; otherwise null.
 */
async function opFormulier(fn: () => Promise<void>, toon: (u: Uitkomst) => Promise<Response>): Promise<Response | null> {
  const fout = await probeerFormulier(fn);
  return fout ? toon(fout) : null;
}

function Versie(props: { versie: number }) {
  return <input type="hidden" name="versie" value={String(props.versie)} />;
}

/** The pupil's earlier decisions, on the forms: so nobody records the same decision twice. */
function Eerdere(props: { schorsingen: SchorsingRij[]; verwijderingen: VerwijderingRij[] }) {
  if (props.schorsingen.length + props.verwijderingen.length === 0) return null;
  return (
    <>
      <Heading level={2}>Eerder vastgelegd</Heading>
      <Table caption="Eerdere schorsingen en verwijderingen van deze leerling" headers={['Besluit', 'Wanneer', 'Status']} rowHeaders rows={[
        ...props.schorsingen.map((s) => [<Link href={`/schorsingen/${s.id}`}>Schorsing</Link>, periode(s), s.ingetrokkenOp ? 'Ingetrokken' : 'Geldt']),
        ...props.verwijderingen.map((v) => [<Link href={`/verwijderingen/${v.id}`}>Verwijdering</Link>, `Voornemen ${formatDutch(v.voornemenOp)}`, verwijderingStatus(v)]),
      ]} />
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Schorsing
// ---------------------------------------------------------------------------------------------------------------

async function nieuweSchorsingPage(c: AppContext, leerlingId: string, values: FormValues = {}, errors: Fouten = {}) {
  const { leerling: l, schorsingen, verwijderingen } = await cmd.openLeerlingOpSchool(deps(c), actor(c), leerlingId);
  const fout = Object.keys(errors).length > 0;
  const props = await layoutProps(c, `Schorsing vastleggen voor ${naamVan(l)}`, { hasErrors: fout });
  const vandaag = c.var.deps.clock.today();
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Schorsing vastleggen voor {naamVan(l)}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph lead>
        Een schorsing duurt hoogstens een week ({MAX_SCHORSING_DAGEN} dagen). In het besluit staan de redenen. De ouders krijgen een
        brief. Duurt de schorsing langer dan één dag? Dan meldt de school haar schriftelijk, met de redenen, aan de inspectie.
      </Paragraph>
      <DataList items={[{ key: 'School', value: l.vestigingNaam }]} />
      <Form action={`/leerlingen/${l.id}/schorsingen`} csrfToken={c.var.csrfToken} aria-label="Schorsing vastleggen">
        <FormField name="van" type="date" label="Eerste dag van de schorsing" value={values.van} error={errors.van} required />
        <FormField name="tot" type="date" label="Laatste dag van de schorsing" description="Is de schorsing één dag? Vul dan twee keer dezelfde dag in." value={values.tot} error={errors.tot} required />
        <TextareaField name="reden" label="Waarom wordt de leerling geschorst?" description="Deze redenen staan in de brief aan de ouders en in de melding aan de inspectie." value={values.reden} error={errors.reden} rows={4} required />
        <FormField name="besluitOp" type="date" label="Datum van het besluit" value={values.besluitOp ?? vandaag} error={errors.besluitOp} max={vandaag} required />
        <CheckboxField name="schriftelijkAanOuders" label="De school stuurt vandaag de brief over dit besluit naar de ouders (en naar de leerling als die 18 jaar of ouder is)" description="Na het opslaan kunt u de brief afdrukken of als PDF downloaden." checked={values.schriftelijkAanOuders === 'ja'} error={errors.schriftelijkAanOuders} required />
        <Button>Schorsing opslaan</Button>
      </Form>
      <Eerdere schorsingen={schorsingen} verwijderingen={verwijderingen} />
      <Paragraph><Link href={`/leerlingen/${l.id}`}>Terug naar het dossier zonder op te slaan</Link></Paragraph>
    </Layout>,
    fout ? 422 : 200,
  );
}

async function schorsingPage(c: AppContext, id: string, values: FormValues = {}, u: Uitkomst = GOED) {
  const t = await cmd.openSchorsing(deps(c), actor(c), id);
  const s = t.schorsing;
  const vandaag = c.var.deps.clock.today();
  const props = await layoutProps(c, `Schorsing van ${naamVan(s)}`, { hasErrors: u.status !== 200 });
  const n = schorsingsdagen(s.van, s.tot);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Schorsing van {naamVan(s)}</Heading>
      <ErrorSummary errors={u.errors} />
      <ConflictMelding status={u.status} melding={u.melding} />
      {t.inspectieTaakOpen && (
        <Alert type="warning" heading="Meld deze schorsing schriftelijk aan de inspectie (met redenen)" headingLevel={2}>
          <Paragraph>De schorsing duurt langer dan één dag. Dan moet de school haar schriftelijk, met de redenen, melden aan de Inspectie van het Onderwijs. Leg hieronder vast wanneer dat is gebeurd.</Paragraph>
        </Alert>
      )}
      {s.ingetrokkenOp && <Alert type="info" heading={`Ingetrokken op ${formatDutch(s.ingetrokkenOp)}`} headingLevel={2}><Paragraph>Deze schorsing geldt niet meer. Zij blijft bewaard in het dossier.</Paragraph></Alert>}
      <DataList items={[
        { key: 'School', value: s.vestigingNaam },
        { key: 'Periode', value: `${periode(s)} (${dagen(n)})` },
        { key: 'Status', value: schorsingStatus(s, vandaag) },
        { key: 'Redenen', value: s.reden },
        { key: 'Besluit genomen op', value: formatDutch(s.besluitOp) },
        { key: 'Brief aan de ouders', value: s.ouderGeinformeerdOp ? `Verstuurd op ${formatDutch(s.ouderGeinformeerdOp)}` : 'Niet vastgelegd' },
        { key: 'Melding aan de inspectie', value: inspectieTekst(t) },
      ]} />
      {!s.ingetrokkenOp && (
        <Paragraph>
          <Link href={`/schorsingen/${s.id}/brief`}>Brief aan de ouders</Link> (om af te drukken) · <Link href={`/schorsingen/${s.id}/brief.pdf`}>Brief als PDF</Link>
        </Paragraph>
      )}
      {t.magVastleggen && !s.ingetrokkenOp && s.inspectieMeldingNodig && (
        <>
          <Heading level={2}>Melding aan de inspectie</Heading>
          <Form action={`/schorsingen/${s.id}/inspectie`} csrfToken={c.var.csrfToken} aria-label="Melding aan de inspectie vastleggen">
            <Versie versie={s.versie} />
            <FormField name="inspectieGemeldOp" type="date" label="Op welke dag is de schorsing gemeld aan de inspectie?" value={values.inspectieGemeldOp ?? s.inspectieGemeldOp ?? vandaag} error={u.errors.inspectieGemeldOp} max={vandaag} required />
            <Button appearance="secondary">Melding vastleggen</Button>
          </Form>
        </>
      )}
      {t.magVastleggen && !s.ingetrokkenOp && (
        <>
          <Heading level={2}>Intrekken</Heading>
          <Paragraph>Is de schorsing een vergissing, of besluit het bestuur na bezwaar dat zij niet doorgaat? Dan kunt u haar intrekken.</Paragraph>
          <Paragraph><ButtonLink href={`/schorsingen/${s.id}/intrekken`}>Schorsing intrekken</ButtonLink></Paragraph>
        </>
      )}
      <Paragraph><Link href="/schorsingen">Naar alle schorsingen en verwijderingen</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

async function intrekkenSchorsingPage(c: AppContext, id: string, u: Uitkomst = GOED) {
  const { schorsing: s } = await cmd.openSchorsing(deps(c), actor(c), id);
  const props = await layoutProps(c, `Schorsing van ${naamVan(s)} intrekken`, { hasErrors: u.status !== 200 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Schorsing van {naamVan(s)} intrekken</Heading>
      <ErrorSummary errors={u.errors} />
      {s.ingetrokkenOp
        ? <Paragraph>Deze schorsing is al ingetrokken op {formatDutch(s.ingetrokkenOp)}.</Paragraph>
        : (
          <>
            <Paragraph>Weet u zeker dat u deze schorsing wilt intrekken? Zij geldt dan niet meer. Zij blijft wel bewaard in het dossier, met de datum van vandaag als datum van intrekken.</Paragraph>
            <DataList items={[
              { key: 'School', value: s.vestigingNaam },
              { key: 'Periode', value: periode(s) },
              { key: 'Redenen', value: s.reden },
            ]} />
            <Paragraph>Vertel de ouders zelf dat de schorsing is ingetrokken.</Paragraph>
            <Form action={`/schorsingen/${s.id}/intrekken`} csrfToken={c.var.csrfToken} aria-label="Schorsing intrekken">
              <Versie versie={s.versie} />
              <Button>Ja, schorsing intrekken</Button>
            </Form>
          </>
        )}
      <Paragraph><Link href={`/schorsingen/${s.id}`}>Nee, terug naar de schorsing</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Verwijdering
// ---------------------------------------------------------------------------------------------------------------

async function nieuweVerwijderingPage(c: AppContext, leerlingId: string, values: FormValues = {}, errors: Fouten = {}) {
  const { leerling: l, schorsingen, verwijderingen } = await cmd.openLeerlingOpSchool(deps(c), actor(c), leerlingId);
  const fout = Object.keys(errors).length > 0;
  const props = await layoutProps(c, `Voornemen tot verwijdering van ${naamVan(l)}`, { hasErrors: fout });
  const vandaag = c.var.deps.clock.today();
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Voornemen tot verwijdering van {naamVan(l)}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph lead>
        Een verwijdering begint met een voornemen. Definitief wordt zij pas als de wet daaraan voldoet: er is gehoord, en meestal
        heeft een andere school bevestigd dat zij de leerling toelaat. Passend laat op de volgende pagina zien wat nog nodig is.
      </Paragraph>
      <DataList items={[{ key: 'School', value: l.vestigingNaam }]} />
      <Form action={`/leerlingen/${l.id}/verwijderingen`} csrfToken={c.var.csrfToken} aria-label="Voornemen vastleggen">
        <RadioGroup name="sector" legend="Soort onderwijs" value={values.sector ?? sectorVanSoort(l.soort)} error={errors.sector} options={SECTOREN.map((s) => ({ value: s, label: SECTOR_LABEL[s] }))} />
        <RadioGroup name="leerplichtig" legend="Is de leerling leerplichtig?" description="Ook een leerling met kwalificatieplicht geldt hier als leerplichtig." value={values.leerplichtig} error={errors.leerplichtig} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
        <TextareaField name="reden" label="Waarom wil de school de leerling verwijderen?" description="Deze redenen staan later in de brief aan de ouders." value={values.reden} error={errors.reden} rows={4} required />
        <FormField name="voornemenOp" type="date" label="Datum van het voornemen" value={values.voornemenOp ?? vandaag} error={errors.voornemenOp} max={vandaag} required />
        <Button>Voornemen opslaan</Button>
      </Form>
      <Eerdere schorsingen={schorsingen} verwijderingen={verwijderingen} />
      <Paragraph><Link href={`/leerlingen/${l.id}`}>Terug naar het dossier zonder op te slaan</Link></Paragraph>
    </Layout>,
    fout ? 422 : 200,
  );
}

/** Who is heard, in the words of the form. */
function wieGehoord(v: VerwijderingRij): string {
  if (v.sector === 'vo') return 'de leerling (en, als die jonger is dan 18, de ouders)';
  return v.sector === 'wec' ? 'de leraar of leraren' : 'de groepsleerkracht';
}

async function verwijderingPage(c: AppContext, id: string, values: FormValues = {}, u: Uitkomst = GOED) {
  const t = await cmd.openVerwijdering(deps(c), actor(c), id);
  const v = t.verwijdering;
  const open = v.status === 'voorgenomen';
  const bewerk = t.magVastleggen && open;
  const scholen = bewerk ? (await cmd.scholenVoorKeuze(deps(c), actor(c))).filter((s) => s.code !== v.vestigingCode) : [];
  const vandaag = c.var.deps.clock.today();
  const e = u.errors;
  const props = await layoutProps(c, `Verwijdering van ${naamVan(v)}`, { hasErrors: u.status !== 200 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Verwijdering van {naamVan(v)}</Heading>
      <ErrorSummary errors={e} />
      <ConflictMelding status={u.status} melding={u.melding} />
      {open && (t.ontbrekend.length
        ? (
          <Alert type="warning" heading="Nog nodig voor een definitief besluit" headingLevel={2}>
            <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
              {t.ontbrekend.map((o) => <li class="utrecht-unordered-list__item">{o}</li>)}
            </ul>
            <Paragraph>Tot dan blijft de verwijdering een voornemen. De leerling blijft ingeschreven.</Paragraph>
          </Alert>
        )
        : <Alert type="info" heading="Alles wat de wet vraagt is vastgelegd" headingLevel={2}><Paragraph>Het bestuur kan de verwijdering nu definitief maken.</Paragraph></Alert>)}
      {v.status === 'definitief' && (
        <Alert type="info" heading={`Definitief sinds ${formatDutch(v.besluitOp!)}`} headingLevel={2}>
          <Paragraph>
            Stuur de ouders de brief met het besluit. Daarin staan de termijn voor bezwaar, de Geschillencommissie passend onderwijs en de onderwijsconsulenten.
            {v.sector === 'vo' ? ' Meld de verwijdering ook schriftelijk, met de redenen, aan de inspectie.' : ''}
          </Paragraph>
        </Alert>
      )}
      <DataList items={[
        { key: 'School', value: v.vestigingNaam },
        { key: 'Soort onderwijs', value: SECTOR_LABEL[v.sector] },
        { key: 'Leerplichtig', value: v.leerplichtig ? 'ja' : 'nee' },
        { key: 'Status', value: verwijderingStatus(v) },
        { key: 'Voornemen op', value: formatDutch(v.voornemenOp) },
        { key: 'Redenen', value: v.reden },
        { key: 'Gehoord', value: v.gehoordOp ? `Op ${formatDutch(v.gehoordOp)}: ${v.hoorVerslag ?? ''}` : 'Nog niet' },
        { key: 'Andere school', value: v.andereSchoolNaam && v.andereSchoolBereidOp ? `${v.andereSchoolNaam}${v.andereSchoolPlaats ? ` (${v.andereSchoolPlaats})` : ''}, bereid sinds ${formatDutch(v.andereSchoolBereidOp)}` : 'Nog geen' },
        ...(v.sector === 'vo' ? [{ key: 'Inspectie geraadpleegd', value: v.inspectieGeraadpleegdOp ? `Op ${formatDutch(v.inspectieGeraadpleegdOp)}` : 'Nog niet' }] : []),
        ...(v.sector === 'wec' ? [{ key: 'Zoeken naar een school (cluster 1 of 2)', value: v.cluster12ZoektochtSinds ? `Sinds ${formatDutch(v.cluster12ZoektochtSinds)}` : 'Niet vastgelegd' }] : []),
      ]} />
      {v.status === 'definitief' && (
        <Paragraph>
          <Link href={`/verwijderingen/${v.id}/brief`}>Brief aan de ouders over het besluit</Link> (om af te drukken) · <Link href={`/verwijderingen/${v.id}/brief.pdf`}>Brief als PDF</Link>
        </Paragraph>
      )}
      {bewerk && (
        <>
          <Heading level={2}>Horen</Heading>
          <Paragraph>Voordat het bestuur besluit, hoort het {wieGehoord(v)}.</Paragraph>
          <Form action={`/verwijderingen/${v.id}/horen`} csrfToken={c.var.csrfToken} aria-label="Horen vastleggen">
            <Versie versie={v.versie} />
            <FormField name="gehoordOp" type="date" label="Datum van het horen" value={values.gehoordOp ?? v.gehoordOp ?? vandaag} error={e.gehoordOp} max={vandaag} required />
            <TextareaField name="hoorVerslag" label="Kort verslag" description="Wat is er gezegd? Schrijf het kort en zakelijk op." value={values.hoorVerslag ?? v.hoorVerslag} error={e.hoorVerslag} rows={3} required />
            <Button appearance="secondary">Horen vastleggen</Button>
          </Form>
          <Heading level={2}>Andere school</Heading>
          <Paragraph>{v.sector === 'vo' && !v.leerplichtig
            ? 'Voor een leerling die niet meer leerplichtig is, is een andere school niet verplicht. Het helpt de leerling wel.'
            : 'Definitief verwijderen mag pas als een andere school heeft bevestigd dat zij de leerling toelaat. Dat mag ook een school voor speciaal (basis)onderwijs zijn.'}</Paragraph>
          <Form action={`/verwijderingen/${v.id}/andere-school`} csrfToken={c.var.csrfToken} aria-label="Andere school vastleggen">
            <Versie versie={v.versie} />
            <SelectField name="andereSchoolCode" label="School die de leerling wil toelaten" options={scholen.map((s) => ({ value: s.code, label: `${s.naam}${s.plaats ? ` (${s.plaats})` : ''}` }))} emptyOption="Kies een school" value={values.andereSchoolCode ?? v.andereSchoolCode} error={e.andereSchoolCode} required />
            <FormField name="andereSchoolBereidOp" type="date" label="Op welke dag heeft die school dat bevestigd?" value={values.andereSchoolBereidOp ?? v.andereSchoolBereidOp ?? vandaag} error={e.andereSchoolBereidOp} max={vandaag} required />
            <Button appearance="secondary">Andere school vastleggen</Button>
          </Form>
          {v.sector === 'vo' && (
            <>
              <Heading level={2}>Overleg met de inspectie</Heading>
              <Paragraph>Is de leerling leerplichtig? Dan overlegt het bestuur eerst met de inspectie. In de tussentijd mag de school de leerling schorsen.</Paragraph>
              <Form action={`/verwijderingen/${v.id}/inspectie`} csrfToken={c.var.csrfToken} aria-label="Overleg met de inspectie vastleggen">
                <Versie versie={v.versie} />
                <FormField name="inspectieGeraadpleegdOp" type="date" label="Datum van het overleg met de inspectie" value={values.inspectieGeraadpleegdOp ?? v.inspectieGeraadpleegdOp ?? vandaag} error={e.inspectieGeraadpleegdOp} max={vandaag} required />
                <Button appearance="secondary">Overleg vastleggen</Button>
              </Form>
            </>
          )}
          {v.sector === 'wec' && (
            <>
              <Heading level={2}>Zoeken naar een school (alleen cluster 1 of 2)</Heading>
              <Paragraph>Is de school een instelling voor cluster 1 of 2? Dan mag het bestuur ook verwijderen als het aantoonbaar {ZOEKTERMIJN_CLUSTER_1_2_WEKEN} weken zonder succes heeft gezocht naar een andere school.</Paragraph>
              <Form action={`/verwijderingen/${v.id}/zoektocht`} csrfToken={c.var.csrfToken} aria-label="Zoeken naar een school vastleggen">
                <Versie versie={v.versie} />
                <FormField name="cluster12ZoektochtSinds" type="date" label="Op welke dag begon het zoeken?" value={values.cluster12ZoektochtSinds ?? v.cluster12ZoektochtSinds ?? vandaag} error={e.cluster12ZoektochtSinds} max={vandaag} required />
                <Button appearance="secondary">Zoeken vastleggen</Button>
              </Form>
            </>
          )}
          {(t.ontbrekend.length === 0 || e.besluitOp) && (
            <>
              <Heading level={2}>Definitief maken</Heading>
              <Paragraph>Na dit besluit krijgen de ouders een brief met de redenen en de termijn voor bezwaar.</Paragraph>
              <Form action={`/verwijderingen/${v.id}/definitief`} csrfToken={c.var.csrfToken} aria-label="Verwijdering definitief maken">
                <Versie versie={v.versie} />
                <FormField name="besluitOp" type="date" label="Datum van het besluit" value={values.besluitOp ?? vandaag} error={e.besluitOp} max={vandaag} required />
                <Button>Definitief maken</Button>
              </Form>
            </>
          )}
          <Heading level={2}>Intrekken</Heading>
          <Paragraph>Gaat de verwijdering niet door? Trek het voornemen dan in. Het blijft bewaard in het dossier.</Paragraph>
          <Paragraph><ButtonLink href={`/verwijderingen/${v.id}/intrekken`}>Voornemen intrekken</ButtonLink></Paragraph>
        </>
      )}
      <Paragraph><Link href="/schorsingen">Naar alle schorsingen en verwijderingen</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

async function intrekkenVerwijderingPage(c: AppContext, id: string, u: Uitkomst = GOED) {
  const { verwijdering: v } = await cmd.openVerwijdering(deps(c), actor(c), id);
  const props = await layoutProps(c, `Voornemen tot verwijdering van ${naamVan(v)} intrekken`, { hasErrors: u.status !== 200 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Voornemen tot verwijdering van {naamVan(v)} intrekken</Heading>
      <ErrorSummary errors={u.errors} />
      {v.status !== 'voorgenomen'
        ? <Paragraph>Dit kan niet meer: de verwijdering is {v.status === 'definitief' ? 'al definitief. Een definitief besluit verandert alleen na bezwaar.' : 'al ingetrokken.'}</Paragraph>
        : (
          <>
            <Paragraph>Weet u zeker dat u dit voornemen wilt intrekken? De verwijdering gaat dan niet door. Het voornemen blijft wel bewaard in het dossier.</Paragraph>
            <DataList items={[
              { key: 'School', value: v.vestigingNaam },
              { key: 'Voornemen op', value: formatDutch(v.voornemenOp) },
              { key: 'Redenen', value: v.reden },
            ]} />
            <Form action={`/verwijderingen/${v.id}/intrekken`} csrfToken={c.var.csrfToken} aria-label="Voornemen intrekken">
              <Versie versie={v.versie} />
              <Button>Ja, voornemen intrekken</Button>
            </Form>
          </>
        )}
      <Paragraph><Link href={`/verwijderingen/${v.id}`}>Nee, terug naar de verwijdering</Link></Paragraph>
    </Layout>,
    u.status,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Overview
// ---------------------------------------------------------------------------------------------------------------

async function overzichtPage(c: AppContext) {
  const { schorsingen, verwijderingen } = await cmd.toonOverzicht(deps(c), actor(c));
  const vandaag = c.var.deps.clock.today();
  const melden = schorsingen.filter((s) => s.inspectieTaakOpen).length;
  const voorgenomen = verwijderingen.filter((v) => v.verwijdering.status === 'voorgenomen').length;
  const props = await layoutProps(c, 'Schorsing en verwijdering');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Schorsing en verwijdering</Heading>
      <Paragraph lead>
        Een schorsing duurt hoogstens een week. Langer dan één dag? Dan meldt de school haar aan de inspectie. Een verwijdering blijft
        een voornemen totdat de wet het toelaat.
      </Paragraph>
      {(melden > 0 || voorgenomen > 0) && (
        <Alert type="warning" heading="Nog te doen" headingLevel={2}>
          <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
            {melden > 0 && <li class="utrecht-unordered-list__item">{melden === 1 ? '1 schorsing' : `${melden} schorsingen`} nog melden aan de inspectie</li>}
            {voorgenomen > 0 && <li class="utrecht-unordered-list__item">{voorgenomen === 1 ? '1 verwijdering is' : `${voorgenomen} verwijderingen zijn`} nog een voornemen</li>}
          </ul>
        </Alert>
      )}
      <Paragraph>
        {VASTLEG_ROLLEN.includes(c.var.auth!.actief!.rol) && <>Een nieuwe schorsing of verwijdering legt u vast vanuit het <Link href="/leerlingen">dossier van de leerling</Link>. </>}
        <Link href="/schorsingen.csv">Download als CSV</Link>
      </Paragraph>
      <Heading level={2}>Schorsingen</Heading>
      <Table caption="Schorsingen" hideCaption rowHeaders headers={['Leerling', 'School', 'Periode', 'Status', 'Inspectie']} rows={schorsingen.map((t) => [
        <Link href={`/schorsingen/${t.schorsing.id}`}>{naamVan(t.schorsing)}</Link>, t.schorsing.vestigingNaam,
        `${periode(t.schorsing)} (${dagen(schorsingsdagen(t.schorsing.van, t.schorsing.tot))})`, schorsingStatus(t.schorsing, vandaag), inspectieTekst(t),
      ])} empty="Er zijn geen schorsingen." />
      <Heading level={2}>Verwijderingen</Heading>
      <Table caption="Verwijderingen" hideCaption rowHeaders headers={['Leerling', 'School', 'Voornemen op', 'Status', 'Nog te doen']} rows={verwijderingen.map((t) => [
        <Link href={`/verwijderingen/${t.verwijdering.id}`}>{naamVan(t.verwijdering)}</Link>, t.verwijdering.vestigingNaam,
        formatDutch(t.verwijdering.voornemenOp), verwijderingStatus(t.verwijdering), verwijderingTaak(t),
      ])} empty="Er zijn geen verwijderingen." />
    </Layout>,
  );
}

/** One step of a proposed removal: a form on the removal's page → one command → back to the page (PRG). */
function stap<T extends { versie: number }>(
  app: App, pad: string, schema: z.ZodType<T>, summary: string, melding: string, doe: (c: AppContext, id: string, d: T) => Promise<void>,
): void {
  defineRoute(app, 'POST', `/verwijderingen/:id/${pad}`, { access: VASTLEG_ROLLEN, pupilData: 'schrijven', summary }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(schema, values);
    if (!v.ok) return verwijderingPage(c, id, values, { errors: v.errors, status: 422 });
    const r = await opFormulier(() => doe(c, id, v.data), (u) => verwijderingPage(c, id, values, u));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: melding });
    return c.redirect(`/verwijderingen/${id}`, 303);
  });
}

/** Registers the pages of schorsing and verwijdering. */
export function registerSchorsingRoutes(app: App): void {
  const lezen = { access: SCHORSING_ROLLEN, pupilData: 'lezen' } as const;
  const vastleggen = { access: VASTLEG_ROLLEN, pupilData: 'schrijven' } as const;

  defineRoute(app, 'GET', '/schorsingen', { ...lezen, summary: 'Schorsingen en verwijderingen met open taken (school, bestuur, SWV)' }, (c) => overzichtPage(c));

  defineRoute(app, 'GET', '/schorsingen.csv', { ...lezen, summary: 'CSV: schorsingen en verwijderingen met open taken' }, async (c) => {
    const { schorsingen, verwijderingen } = await cmd.toonOverzicht(deps(c), actor(c), 'exporteren');
    const csv = toCsv(['soort', 'id', 'leerling', 'vestigingscode', 'school', 'begin', 'einde', 'besluit_op', 'status', 'open_taak'], [
      ...schorsingen.map(({ schorsing: s, inspectieTaakOpen }) => [
        'schorsing', s.id, naamVan(s), s.vestigingCode, s.vestigingNaam, s.van, s.tot, s.besluitOp, s.ingetrokkenOp ? 'ingetrokken' : 'geldt',
        inspectieTaakOpen ? 'melden aan de inspectie' : '',
      ]),
      ...verwijderingen.map(({ verwijdering: v, ontbrekend }) => [
        'verwijdering', v.id, naamVan(v), v.vestigingCode, v.vestigingNaam, v.voornemenOp, '', v.besluitOp, v.status,
        v.status === 'voorgenomen' ? (ontbrekend.length ? `nog nodig: ${ontbrekend.join(' ')}` : 'definitief maken') : '',
      ]),
    ]);
    return sendCsv(c, 'schorsingen-en-verwijderingen.csv', csv, { leerlingen: true });
  });

  // Schorsing
  defineRoute(app, 'GET', '/leerlingen/:id/schorsing/nieuw', { access: VASTLEG_ROLLEN, pupilData: 'lezen', summary: 'Formulier: schorsing vastleggen' }, (c) =>
    nieuweSchorsingPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/leerlingen/:id/schorsingen', { ...vastleggen, summary: 'Legt een schorsing vast (hoogstens een week, met redenen)' }, async (c) => {
    const leerlingId = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZNieuweSchorsing, values);
    if (!v.ok) return nieuweSchorsingPage(c, leerlingId, values, v.errors);
    let id = '';
    const r = await opFormulier(async () => {
      id = await cmd.legSchorsingVast(deps(c), actor(c), leerlingId, v.data);
    }, (u) => nieuweSchorsingPage(c, leerlingId, values, u.errors));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De schorsing is opgeslagen. Druk de brief af voor de ouders.' });
    return c.redirect(`/schorsingen/${id}`, 303);
  });

  defineRoute(app, 'GET', '/schorsingen/:id', { ...lezen, summary: 'Eén schorsing met de taak voor de inspectie' }, (c) => schorsingPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/schorsingen/:id/inspectie', { ...vastleggen, summary: 'Legt de melding aan de inspectie vast' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZInspectieMelding, values);
    if (!v.ok) return schorsingPage(c, id, values, { errors: v.errors, status: 422 });
    const r = await opFormulier(() => cmd.legInspectieMeldingVast(deps(c), actor(c), id, v.data.versie, v.data.inspectieGemeldOp), (u) => schorsingPage(c, id, values, u));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De melding aan de inspectie is vastgelegd.' });
    return c.redirect(`/schorsingen/${id}`, 303);
  });

  defineRoute(app, 'GET', '/schorsingen/:id/intrekken', { access: VASTLEG_ROLLEN, pupilData: 'lezen', summary: 'Bevestiging: schorsing intrekken' }, (c) =>
    intrekkenSchorsingPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/schorsingen/:id/intrekken', { ...vastleggen, summary: 'Trekt een schorsing in' }, async (c) => {
    const id = uuidParam(c);
    const v = validate(ZVersie, await readForm(c));
    if (!v.ok) return intrekkenSchorsingPage(c, id, { errors: v.errors, status: 422 });
    const r = await opFormulier(() => cmd.trekSchorsingIn(deps(c), actor(c), id, v.data.versie), (u) => schorsingPage(c, id, {}, u));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De schorsing is ingetrokken.' });
    return c.redirect(`/schorsingen/${id}`, 303);
  });

  for (const formaat of ['html', 'pdf'] as const) {
    const pad = formaat === 'pdf' ? '/brief.pdf' : '/brief';
    defineRoute(app, 'GET', `/schorsingen/:id${pad}`, { ...lezen, summary: `Brief aan de ouders over de schorsing (${formaat === 'pdf' ? 'PDF' : 'afdrukken'})` }, async (c) => {
      const { schorsing: s } = await cmd.openSchorsing(deps(c), actor(c), uuidParam(c), 'afdrukken');
      if (s.ingetrokkenOp) throw new AppError('not_found', { detail: 'Deze schorsing is ingetrokken; er is geen brief meer.' });
      return sendBrief(c, schorsingsbrief(s), {
        formaat, terug: { href: `/schorsingen/${s.id}`, label: 'Terug naar de schorsing' }, pdfHref: `/schorsingen/${s.id}/brief.pdf`,
      });
    });
  }

  // Verwijdering
  defineRoute(app, 'GET', '/leerlingen/:id/verwijdering/nieuw', { access: VASTLEG_ROLLEN, pupilData: 'lezen', summary: 'Formulier: voornemen tot verwijdering' }, (c) =>
    nieuweVerwijderingPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/leerlingen/:id/verwijderingen', { ...vastleggen, summary: 'Legt een voornemen tot verwijdering vast' }, async (c) => {
    const leerlingId = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZNieuweVerwijdering, values);
    if (!v.ok) return nieuweVerwijderingPage(c, leerlingId, values, v.errors);
    let id = '';
    const r = await opFormulier(async () => {
      id = await cmd.legVoornemenVast(deps(c), actor(c), leerlingId, v.data);
    }, (u) => nieuweVerwijderingPage(c, leerlingId, values, u.errors));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'Het voornemen is opgeslagen. Hieronder staat wat nog nodig is.' });
    return c.redirect(`/verwijderingen/${id}`, 303);
  });

  defineRoute(app, 'GET', '/verwijderingen/:id', { ...lezen, summary: 'Eén verwijdering met wat nog nodig is' }, (c) => verwijderingPage(c, uuidParam(c)));

  stap(app, 'horen', ZHoren, 'Legt het horen vast', 'Het horen is vastgelegd.',
    (c, id, d) => cmd.legHorenVast(deps(c), actor(c), id, d.versie, d));
  stap(app, 'andere-school', ZAndereSchool, 'Legt de school vast die de leerling wil toelaten', 'De andere school is vastgelegd.',
    (c, id, d) => cmd.legAndereSchoolVast(deps(c), actor(c), id, d.versie, d));
  stap(app, 'inspectie', ZInspectieRaadpleging, 'Legt het overleg met de inspectie vast (vo)', 'Het overleg met de inspectie is vastgelegd.',
    (c, id, d) => cmd.legInspectieRaadplegingVast(deps(c), actor(c), id, d.versie, d.inspectieGeraadpleegdOp));
  stap(app, 'zoektocht', ZZoektocht, 'Legt het begin van het zoeken vast (cluster 1 of 2)', 'Het begin van het zoeken is vastgelegd.',
    (c, id, d) => cmd.legZoektochtVast(deps(c), actor(c), id, d.versie, d.cluster12ZoektochtSinds));

  defineRoute(app, 'POST', '/verwijderingen/:id/definitief', { ...vastleggen, summary: 'Maakt de verwijdering definitief (alleen als de wet het toelaat)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const v = validate(ZDefinitief, values);
    if (!v.ok) return verwijderingPage(c, id, values, { errors: v.errors, status: 422 });
    const r = await opFormulier(() => cmd.maakDefinitief(deps(c), actor(c), id, v.data.versie, v.data.besluitOp), (u) => verwijderingPage(c, id, values, u));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'De verwijdering is definitief. Druk de brief af voor de ouders.' });
    return c.redirect(`/verwijderingen/${id}/brief`, 303);
  });

  defineRoute(app, 'GET', '/verwijderingen/:id/intrekken', { access: VASTLEG_ROLLEN, pupilData: 'lezen', summary: 'Bevestiging: voornemen tot verwijdering intrekken' }, (c) =>
    intrekkenVerwijderingPage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/verwijderingen/:id/intrekken', { ...vastleggen, summary: 'Trekt een voornemen tot verwijdering in' }, async (c) => {
    const id = uuidParam(c);
    const v = validate(ZVersie, await readForm(c));
    if (!v.ok) return intrekkenVerwijderingPage(c, id, { errors: v.errors, status: 422 });
    const r = await opFormulier(() => cmd.trekVerwijderingIn(deps(c), actor(c), id, v.data.versie), (u) => verwijderingPage(c, id, {}, u));
    if (r) return r;
    await setFlash(c, { kind: 'ok', text: 'Het voornemen tot verwijdering is ingetrokken.' });
    return c.redirect(`/verwijderingen/${id}`, 303);
  });

  for (const formaat of ['html', 'pdf'] as const) {
    const pad = formaat === 'pdf' ? '/brief.pdf' : '/brief';
    defineRoute(app, 'GET', `/verwijderingen/:id${pad}`, { ...lezen, summary: `Brief aan de ouders over de verwijdering (${formaat === 'pdf' ? 'PDF' : 'afdrukken'})` }, async (c) => {
      const { verwijdering: v } = await cmd.openVerwijdering(deps(c), actor(c), uuidParam(c), 'afdrukken');
      if (v.status !== 'definitief' || !v.besluitOp) throw new AppError('not_found', { detail: 'Er is nog geen definitief besluit, dus ook geen brief.' });
      return sendBrief(c, verwijderingsbrief({ ...v, besluitOp: v.besluitOp }), {
        formaat, terug: { href: `/verwijderingen/${v.id}`, label: 'Terug naar de verwijdering' }, pdfHref: `/verwijderingen/${v.id}/brief.pdf`,
      });
    });
  }
}
