/**
 * Examples of every view component, including error states (GOV.UK Frontend pattern). The same
 * list drives the render tests (test/views), the axe checks in the browser tests and the style
 * guide page at /stijlgids. Add an example whenever you add a component or a new state.
 *
 * All examples share one page, so every field name (and so every id) is unique across the list.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  CheckboxField,
  DataList,
  ErrorSummary,
  Form,
  FormField,
  Heading,
  Link,
  Paragraph,
  RadioGroup,
  SelectField,
  Table,
  TextareaField,
} from './components.js';
import { Layout, type LayoutProps } from './layout.js';

/** One rendered example of a component. */
export interface ComponentExample {
  /** Unique, human-readable name: "<Component> – <state>". Used as heading in the style guide. */
  name: string;
  render: () => JSX.Element;
}

/** Token for the example forms; they are never submitted to a real handler. */
const EXAMPLE_CSRF = 'voorbeeld-csrf-token';

const SCHOLEN = [
  { value: '00AA00', label: 'De Regenboog (basisschool)' },
  { value: '00BB00', label: 'Het Kompas (speciaal basisonderwijs)' },
  { value: '00CC00', label: 'De Brug (voortgezet speciaal onderwijs)' },
];

const ONDERWIJSSOORTEN = [
  { value: 'po', label: 'Primair onderwijs' },
  { value: 'vo', label: 'Voortgezet onderwijs', description: 'Ook praktijkonderwijs en vmbo.' },
  { value: 'so', label: 'Speciaal onderwijs' },
];

/** Every component, in its normal and error states. */
export const componentExamples: ComponentExample[] = [
  {
    name: 'Heading – niveau 2, 3 en 4',
    // Level 1 is not repeated here: each page has one h1 (on the style guide it is the page title).
    render: () => (
      <>
        <Heading level={2}>Aanmeldingen (niveau 2)</Heading>
        <Heading level={3}>Open aanmeldingen (niveau 3)</Heading>
        <Heading level={4}>Deze week (niveau 4)</Heading>
      </>
    ),
  },
  {
    name: 'Paragraph – intro en gewone tekst',
    render: () => (
      <>
        <Paragraph lead>Hier ziet u alle aanmeldingen van uw school.</Paragraph>
        <Paragraph>
          De school moet binnen 6 weken beslissen over een aanmelding. Soms mag de school deze termijn met 4 weken
          verlengen.
        </Paragraph>
      </>
    ),
  },
  {
    name: 'Link – intern en extern',
    render: () => (
      <Paragraph>
        Lees meer over de <Link href="/zorgplicht">zorgplicht</Link> of op de website van de{' '}
        <Link href="https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs" external>
          Rijksoverheid
        </Link>
        .
      </Paragraph>
    ),
  },
  {
    name: 'Button – primair, secundair en subtiel',
    render: () => (
      <ButtonGroup>
        <Button>Aanmelding opslaan</Button>
        <Button appearance="secondary" type="button">
          Concept bewaren
        </Button>
        <Button appearance="subtle" type="reset">
          Wissen
        </Button>
      </ButtonGroup>
    ),
  },
  {
    name: 'Button – uitgeschakeld',
    render: () => <Button disabled>Versturen</Button>,
  },
  {
    name: 'ButtonLink – primair en secundair',
    render: () => (
      <ButtonGroup>
        <ButtonLink href="/aanmeldingen/nieuw" appearance="primary">
          Nieuwe aanmelding
        </ButtonLink>
        <ButtonLink href="/aanmeldingen">Terug naar het overzicht</ButtonLink>
      </ButtonGroup>
    ),
  },
  {
    name: 'Alert – informatie',
    render: () => (
      <Alert type="info" heading="Let op" headingLevel={3}>
        <Paragraph>De termijn van deze aanmelding loopt over 5 dagen af.</Paragraph>
      </Alert>
    ),
  },
  {
    name: 'Alert – gelukt',
    render: () => (
      <Alert type="ok">
        <Paragraph>De aanmelding is opgeslagen.</Paragraph>
      </Alert>
    ),
  },
  {
    name: 'Alert – waarschuwing',
    render: () => (
      <Alert type="warning" heading="Termijn bijna voorbij" headingLevel={3}>
        <Paragraph>Neem vóór 14 maart een besluit over deze aanmelding.</Paragraph>
      </Alert>
    ),
  },
  {
    name: 'Alert – fout',
    render: () => (
      <Alert type="error">
        <Paragraph>Het bestand kon niet worden ingelezen. Kies een CSV-bestand.</Paragraph>
      </Alert>
    ),
  },
  {
    name: 'FormField – tekst met uitleg',
    render: () => (
      <FormField
        name="roepnaam"
        label="Roepnaam van de leerling"
        description="De naam die de leerling zelf gebruikt."
        autocomplete="off"
        spellcheck={false}
        required
      />
    ),
  },
  {
    name: 'FormField – e-mail met fout',
    render: () => (
      <FormField
        name="email-ouder"
        type="email"
        label="E-mailadres van de ouder"
        value="ouder@voorbeeld"
        error="Vul een e-mailadres in zoals naam@voorbeeld.nl."
        autocomplete="email"
        spellcheck={false}
        required
      />
    ),
  },
  {
    name: 'FormField – datum',
    render: () => (
      <FormField
        name="datum-aanmelding"
        type="date"
        label="Datum van aanmelding"
        description="De dag waarop de school de schriftelijke aanmelding ontving."
        value="2026-03-02"
      />
    ),
  },
  {
    name: 'FormField – getal',
    render: () => (
      <FormField
        name="aantal-leerlingen"
        label="Aantal leerlingen"
        inputmode="numeric"
        value={412}
        description="Alleen cijfers."
      />
    ),
  },
  {
    name: 'FormField – wachtwoord',
    render: () => (
      <FormField name="wachtwoord-voorbeeld" type="password" label="Wachtwoord" autocomplete="current-password" required />
    ),
  },
  {
    name: 'SelectField – keuzelijst',
    render: () => (
      <SelectField name="school" label="School" emptyOption="Kies een school" options={SCHOLEN} value="00BB00" />
    ),
  },
  {
    name: 'SelectField – met fout',
    render: () => (
      <SelectField
        name="school-nieuw"
        label="Nieuwe school"
        emptyOption="Kies een school"
        options={SCHOLEN}
        error="Kies de school waar de leerling naartoe gaat."
        required
      />
    ),
  },
  {
    name: 'CheckboxField – met uitleg',
    render: () => (
      <CheckboxField
        name="toestemming-ouders"
        label="De ouders hebben ingestemd met het handelingsdeel"
        description="Vink dit alleen aan als u de instemming op papier of per e-mail heeft."
        checked
      />
    ),
  },
  {
    name: 'CheckboxField – met fout',
    render: () => (
      <CheckboxField
        name="akkoord-voorwaarden"
        label="Ik heb de gegevens gecontroleerd"
        error="Vink aan dat u de gegevens heeft gecontroleerd."
        required
      />
    ),
  },
  {
    name: 'RadioGroup – keuze met uitleg',
    render: () => (
      <RadioGroup
        name="onderwijssoort"
        legend="Soort onderwijs"
        description="Kies wat de leerling nu volgt."
        options={ONDERWIJSSOORTEN}
        value="vo"
      />
    ),
  },
  {
    name: 'RadioGroup – met fout',
    render: () => (
      <RadioGroup
        name="besluit"
        legend="Besluit over de aanmelding"
        options={[
          { value: 'toelaten', label: 'Toelaten' },
          { value: 'niet-toelaten', label: 'Niet toelaten' },
        ]}
        error="Kies een besluit."
      />
    ),
  },
  {
    name: 'TextareaField – met uitleg',
    render: () => (
      <TextareaField
        name="toelichting"
        label="Toelichting"
        description="Schrijf in gewone taal, zodat ouders het begrijpen."
        value="De leerling heeft extra begeleiding nodig bij rekenen."
      />
    ),
  },
  {
    name: 'TextareaField – met fout',
    render: () => (
      <TextareaField
        name="reden"
        label="Reden van de verlenging"
        error="Schrijf op waarom de school meer tijd nodig heeft."
        required
      />
    ),
  },
  {
    name: 'Form – leeg formulier',
    render: () => (
      <Form action="/stijlgids/voorbeeld" csrfToken={EXAMPLE_CSRF} aria-label="Voorbeeld: leerling zoeken">
        <FormField name="zoek-achternaam" label="Achternaam" autocomplete="off" spellcheck={false} />
        <FormField name="zoek-geboortedatum" type="date" label="Geboortedatum" />
        <ButtonGroup>
          <Button>Zoeken</Button>
        </ButtonGroup>
      </Form>
    ),
  },
  {
    name: 'ErrorSummary – formulier met fouten',
    // The summary links to the fields below it: #fout-achternaam and #fout-soort.
    render: () => {
      const errors = {
        'fout-achternaam': 'Vul de achternaam van de leerling in.',
        'fout-soort': 'Kies het soort onderwijs.',
      };
      return (
        <>
          <ErrorSummary errors={errors} headingLevel={3} focusOnLoad={false} />
          <Form action="/stijlgids/voorbeeld" csrfToken={EXAMPLE_CSRF} aria-label="Voorbeeld: formulier met fouten">
            <FormField
              name="fout-achternaam"
              label="Achternaam"
              value=""
              error={errors['fout-achternaam']}
              autocomplete="off"
              required
            />
            <RadioGroup name="fout-soort" legend="Soort onderwijs" options={ONDERWIJSSOORTEN} error={errors['fout-soort']} />
            <ButtonGroup>
              <Button>Opslaan</Button>
            </ButtonGroup>
          </Form>
        </>
      );
    },
  },
  {
    name: 'Table – met rijkoppen en getallen',
    render: () => (
      <Table
        caption="Aanmeldingen per school"
        headers={['School', 'Plaats', { label: 'Open', numeric: true }, { label: 'Afgerond', numeric: true }, 'Actie']}
        rowHeaders
        rows={[
          ['De Regenboog', 'Utrecht', 3, 12, <Link href="/scholen/00AA00">Bekijk</Link>],
          ['Het Kompas', 'Amersfoort', 0, 7, <Link href="/scholen/00BB00">Bekijk</Link>],
          ['De Brug', 'Zeist', 1, 4, <Link href="/scholen/00CC00">Bekijk</Link>],
        ]}
      />
    ),
  },
  {
    name: 'Table – zonder rijen',
    render: () => (
      <Table caption="Thuiszitters" headers={['Leerling', 'Sinds', 'School']} rows={[]} empty="Er zijn nu geen thuiszitters." />
    ),
  },
  {
    name: 'DataList – gegevens van een leerling',
    render: () => (
      <DataList
        items={[
          { key: 'Naam', value: 'Sam de Vries' },
          { key: 'Geboortedatum', value: '12 mei 2015' },
          { key: 'School', value: 'De Regenboog' },
        ]}
      />
    ),
  },
  {
    name: 'DataList – rijen met een lege waarde',
    render: () => (
      <DataList
        rows
        items={[
          { key: 'Datum aanmelding', value: '2 maart 2026' },
          { key: 'Besluit', value: null },
        ]}
      />
    ),
  },
];

/** Turns an example name into an id for the table of contents. */
function exampleId(name: string): string {
  return `voorbeeld-${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;
}

/**
 * The style guide: every component example on one page, for designers, developers and the axe
 * checks in the browser tests. Served at /stijlgids.
 *
 * @param props - layout props (user, nav, demo banner, …), passed through
 * @returns the full page
 */
export function StyleGuidePage(props: Omit<LayoutProps, 'title' | 'children'>): JSX.Element {
  return (
    <Layout {...props} title="Stijlgids">
      <Heading level={1}>Stijlgids</Heading>
      <Paragraph lead>Alle onderdelen van Passend, in hun gewone vorm en met foutmeldingen.</Paragraph>
      <nav aria-label="Onderdelen in de stijlgids">
        <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
          {componentExamples.map((example) => (
            <li class="utrecht-unordered-list__item">
              <Link href={`#${exampleId(example.name)}`}>{example.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {componentExamples.map((example) => (
        <section class="passend-example">
          <Heading level={2} id={exampleId(example.name)}>
            {example.name}
          </Heading>
          <div class="passend-example__body">{example.render()}</div>
        </section>
      ))}
    </Layout>
  );
}
