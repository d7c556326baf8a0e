/**
 * Render tests for the view layer (GOV.UK Frontend pattern: every example is rendered and its
 * markup checked). Run: npx tsx --test test/views/components.test.tsx
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { assetRoutes, assetUrl } from '../../src/platform/views/assets.js';
import {
  Alert,
  Button,
  CheckboxField,
  DataList,
  ErrorSummary,
  Form,
  FormField,
  Heading,
  Link,
  RadioGroup,
  SelectField,
  Table,
  TextareaField,
  fieldId,
  safeHref,
} from '../../src/platform/views/components.js';
import { StyleGuidePage, componentExamples } from '../../src/platform/views/examples.js';
import { Layout, type LayoutProps } from '../../src/platform/views/layout.js';
import {
  ForbiddenPage,
  NotFoundPage,
  ServerErrorPage,
  TooManyRequestsPage,
} from '../../src/platform/views/pages.js';

const XSS = '<script>alert(1)</script>';
const XSS_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
/** XSS_ESCAPED as a regular expression source (its parentheses escaped). */
const XSS_ESCAPED_RE = XSS_ESCAPED.replace(/[()]/g, '\\$&');

/**
 * hono/jsx elements render on toString(); it returns a Promise only when a component is async,
 * which none of ours are, but awaiting keeps the tests honest if that changes.
 */
async function render(element: JSX.Element | null): Promise<string> {
  if (element === null) return '';
  return String(await (element as unknown as { toString(): string | Promise<string> }).toString());
}

/** The opening tag of the first element with this id. */
function tagWithId(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html);
  assert.ok(match, `element with id="${id}" not found`);
  return match[0];
}

function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

const baseLayout: LayoutProps = { title: 'Overzicht' };

describe('componentExamples', () => {
  it('has unique names', () => {
    const names = componentExamples.map((e) => e.name);
    assert.equal(new Set(names).size, names.length);
  });

  for (const example of componentExamples) {
    it(`renders "${example.name}" without inline styles or scripts`, async () => {
      const html = await render(example.render());
      assert.ok(html.length > 0);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /\sstyle=/i);
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    });
  }

  it('covers every exported component, including error states', async () => {
    const names = componentExamples.map((e) => e.name).join('\n');
    for (const component of [
      'Heading',
      'Paragraph',
      'Link',
      'Button',
      'ButtonLink',
      'Alert',
      'FormField',
      'SelectField',
      'CheckboxField',
      'RadioGroup',
      'TextareaField',
      'ErrorSummary',
      'Table',
      'DataList',
      'Form',
    ]) {
      assert.match(names, new RegExp(`^${component} – `, 'm'), `no example for ${component}`);
    }
    for (const component of ['FormField', 'SelectField', 'CheckboxField', 'RadioGroup', 'TextareaField']) {
      assert.match(names, new RegExp(`^${component} – .*fout`, 'm'), `no error example for ${component}`);
    }
  });
});

describe('StyleGuidePage', () => {
  it('has one h1, unique ids and error-summary links that point at existing fields', async () => {
    const html = await render(<StyleGuidePage />);
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
    const all = ids(html);
    const duplicates = all.filter((id, i) => all.indexOf(id) !== i);
    assert.deepEqual(duplicates, []);
    const summary = /<div class="[^"]*passend-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(targets.length > 0);
    for (const target of targets) assert.ok(all.includes(target), `#${target} does not exist`);
    for (const example of componentExamples) assert.ok(html.includes(example.name), example.name);
  });
});

describe('FormField', () => {
  it('links description and error with aria-describedby and marks the field invalid', async () => {
    const html = await render(
      <FormField name="naam" label="Naam leerling" description="Zoals op de inschrijving." error="Vul de naam in." />,
    );
    const input = tagWithId(html, 'naam');
    assert.match(input, /aria-invalid="true"/);
    assert.match(input, /aria-describedby="naam-hint naam-fout"/);
    assert.match(input, /name="naam"/);
    assert.match(html, /<label class="utrecht-form-label" for="naam">Naam leerling<\/label>/);
    assert.match(tagWithId(html, 'naam-hint'), /utrecht-form-field-description/);
    assert.match(tagWithId(html, 'naam-fout'), /utrecht-form-field-error-message/);
    assert.match(html, /Fout: <\/span>Vul de naam in\./);
    assert.match(html, /utrecht-form-field--invalid/);
    assert.match(input, /utrecht-textbox--invalid/);
    // Order of the Utrecht pattern: label, description, error, input.
    assert.ok(html.indexOf('naam-hint') < html.indexOf('id="naam-fout"'));
    assert.ok(html.indexOf('id="naam-fout"') < html.indexOf('<input'));
  });

  it('has no aria-invalid and only the hint without an error, and no aria-describedby without either', async () => {
    const withHint = tagWithId(await render(<FormField name="a" label="A" description="Uitleg" />), 'a');
    assert.doesNotMatch(withHint, /aria-invalid/);
    assert.match(withHint, /aria-describedby="a-hint"/);
    const plain = tagWithId(await render(<FormField name="b" label="B" value="x" />), 'b');
    assert.doesNotMatch(plain, /aria-describedby|aria-invalid/);
    assert.match(plain, /value="x"/);
  });

  it('passes type, autocomplete, inputmode and required through', async () => {
    const input = tagWithId(
      await render(
        <FormField name="brin" label="BRIN" type="text" autocomplete="off" inputmode="numeric" required spellcheck={false} />,
      ),
      'brin',
    );
    assert.match(input, /type="text"/);
    assert.match(input, /autocomplete="off"/);
    assert.match(input, /inputmode="numeric"/);
    assert.match(input, /aria-required="true"/);
    assert.match(input, /spellcheck="false"/);
    // novalidate forms: the native attribute would only trigger :invalid styling.
    assert.doesNotMatch(input, /\srequired[=\s>]/);
  });

  it('derives ids from names that are not valid ids', async () => {
    assert.equal(fieldId('leerling.geboortedatum'), 'leerling-geboortedatum');
    assert.equal(fieldId('adres[postcode]'), 'adres-postcode');
    assert.equal(fieldId('1e-keus'), 'veld-1e-keus');
    const html = await render(<FormField name="leerling.naam" label="Naam" error="Fout" />);
    assert.match(tagWithId(html, 'leerling-naam'), /aria-describedby="leerling-naam-fout"/);
  });

  it('never renders a password value', async () => {
    const html = await render(<FormField name="ww" type="password" label="Wachtwoord" value="geheim" />);
    assert.doesNotMatch(html, /geheim/);
  });

  it('escapes label, value, description and error', async () => {
    const html = await render(<FormField name="x" label={XSS} value={XSS} description={XSS} error={XSS} />);
    assert.doesNotMatch(html, /<script/);
    assert.equal(html.split(XSS_ESCAPED).length - 1, 4);
  });

  it('escapes a quote in the value so it cannot break out of the attribute', async () => {
    const html = await render(<FormField name="q" label="Q" value={'" onfocus="alert(1)'} />);
    assert.doesNotMatch(html, /\sonfocus="/);
    assert.match(html, /value="&quot; onfocus=&quot;alert\(1\)"/);
  });
});

describe('other fields', () => {
  it('TextareaField keeps the text and wires errors', async () => {
    const html = await render(<TextareaField name="toelichting" label="Toelichting" value={XSS} error="Te lang." />);
    const textarea = tagWithId(html, 'toelichting');
    assert.match(textarea, /^<textarea/);
    assert.match(textarea, /aria-invalid="true"/);
    assert.match(textarea, /aria-describedby="toelichting-fout"/);
    assert.match(html, new RegExp(`>${XSS_ESCAPED_RE}</textarea>`));
  });

  it('SelectField selects the value and escapes option labels', async () => {
    const html = await render(
      <SelectField
        name="school"
        label="School"
        emptyOption="Kies een school"
        value="b"
        options={[
          { value: 'a', label: XSS },
          { value: 'b', label: 'B' },
        ]}
        error="Kies een school."
      />,
    );
    assert.match(html, /<option class="utrecht-select__option" value="b" selected="">B<\/option>/);
    assert.match(html, /<option class="utrecht-select__option" value="">Kies een school<\/option>/);
    assert.match(tagWithId(html, 'school'), /aria-describedby="school-fout"/);
    assert.doesNotMatch(html, /<script/);
  });

  it('CheckboxField puts the input inside its label and wires errors', async () => {
    const html = await render(<CheckboxField name="akkoord" label="Akkoord" checked error="Vink dit aan." />);
    const input = tagWithId(html, 'akkoord');
    assert.match(input, /type="checkbox"/);
    assert.match(input, /checked=""/);
    assert.match(input, /value="ja"/);
    assert.match(input, /aria-invalid="true"/);
    assert.match(input, /aria-describedby="akkoord-fout"/);
    assert.match(html, /<label class="utrecht-form-label utrecht-form-label--checkbox" for="akkoord"><input/);
    assert.doesNotMatch(input, /utrecht-checkbox--custom/, 'custom checkbox needs a data: image');
  });

  it('RadioGroup uses fieldset and legend, gives the first radio the field id and links the error', async () => {
    const html = await render(
      <RadioGroup
        name="besluit"
        legend="Besluit"
        value="nee"
        error="Kies een besluit."
        options={[
          { value: 'ja', label: 'Toelaten' },
          { value: 'nee', label: 'Niet toelaten', description: 'Geef een reden.' },
        ]}
      />,
    );
    assert.match(html, /<fieldset[^>]*aria-describedby="besluit-fout"/);
    assert.match(html, /<legend class="utrecht-form-fieldset__legend[^"]*">Besluit<\/legend>/);
    assert.match(tagWithId(html, 'besluit'), /value="ja"/);
    const second = tagWithId(html, 'besluit-2');
    assert.match(second, /checked=""/);
    assert.match(second, /aria-describedby="besluit-2-hint"/);
    assert.doesNotMatch(tagWithId(html, 'besluit'), /checked/);
  });
});

describe('ErrorSummary', () => {
  it('has role=alert, the heading and a link per field', async () => {
    const html = await render(<ErrorSummary errors={{ naam: 'Vul de naam in.', 'adres.postcode': 'Vul de postcode in.' }} />);
    assert.match(html, /role="alert"/);
    assert.match(html, /<h2 class="utrecht-heading-3">Er ging iets mis<\/h2>/);
    assert.match(html, /<a class="utrecht-link utrecht-link--html-a" href="#naam">Vul de naam in\.<\/a>/);
    assert.match(html, /href="#adres-postcode"/);
    assert.match(html, /tabindex="-1"/);
    assert.match(html, /autofocus=""/);
  });

  it('renders nothing without errors and escapes messages', async () => {
    assert.equal(await render(ErrorSummary({ errors: {} })), '');
    const html = await render(<ErrorSummary errors={{ x: XSS }} focusOnLoad={false} />);
    assert.doesNotMatch(html, /<script|autofocus/);
    assert.match(html, new RegExp(XSS_ESCAPED_RE));
  });
});

describe('Form, buttons, links, alerts', () => {
  it('Form posts with the CSRF token and novalidate', async () => {
    const html = await render(
      <Form action="/aanmeldingen" csrfToken={'t"k'}>
        <Button>Opslaan</Button>
      </Form>,
    );
    assert.match(html, /<form class="utrecht-form passend-form" method="post" action="\/aanmeldingen" novalidate="">/);
    assert.match(html, /<input type="hidden" name="_csrf" value="t&quot;k"\/>/);
    assert.match(html, /<button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--submit">Opslaan<\/button>/);
  });

  it('a GET form has no CSRF token', async () => {
    const html = await render(<Form action="/zoeken" method="get" />);
    assert.match(html, /method="get"/);
    assert.doesNotMatch(html, /_csrf/);
  });

  it('Link and Button escape and refuse javascript: URLs', async () => {
    assert.equal(safeHref('javascript:alert(1)'), '#');
    assert.equal(safeHref(' JaVa\tScRiPt:alert(1)'), '#');
    assert.equal(safeHref('data:text/html,x'), '#');
    assert.equal(safeHref('/leerlingen?q=1'), '/leerlingen?q=1');
    assert.equal(safeHref('https://example.org'), 'https://example.org');
    assert.equal(safeHref('mailto:a@b.nl'), 'mailto:a@b.nl');
    const html = await render(<Link href="javascript:alert(1)">{XSS}</Link>);
    assert.match(html, /href="#"/);
    assert.match(html, new RegExp(XSS_ESCAPED_RE));
    assert.match(await render(<Button appearance="secondary" type="button">{XSS}</Button>), new RegExp(XSS_ESCAPED_RE));
  });

  it('Alert picks the role from the type', async () => {
    assert.match(await render(<Alert type="ok">Opgeslagen</Alert>), /utrecht-alert--ok[\s\S]*role="status"/);
    assert.match(await render(<Alert type="error">Mis</Alert>), /utrecht-alert--error[\s\S]*role="alert"/);
    assert.match(await render(<Alert type="error" role="status">Mis</Alert>), /role="status"/);
  });

  it('Heading renders the requested level', async () => {
    assert.equal(await render(<Heading level={3}>Kop</Heading>), '<h3 class="utrecht-heading-3">Kop</h3>');
    assert.equal(await render(<Heading level={2} appearance={4}>Kop</Heading>), '<h2 class="utrecht-heading-4">Kop</h2>');
  });
});

describe('Table and DataList', () => {
  it('Table has a caption, a focusable named scroll region and scoped headers', async () => {
    const html = await render(
      <Table caption="Leerlingen" headers={['Naam', { label: 'Aantal', numeric: true }]} rowHeaders rows={[[XSS, 3]]} />,
    );
    assert.match(html, /<div class="utrecht-table-container passend-table-scroll" role="region" aria-label="Leerlingen" tabindex="0">/);
    assert.match(html, /<caption class="utrecht-table__caption">Leerlingen<\/caption>/);
    assert.match(html, /<th scope="col"[^>]*>Naam<\/th>/);
    assert.match(html, /<th scope="row"[^>]*>&lt;script&gt;/);
    assert.match(html, /passend-table__cell--numeric">3<\/td>/);
    assert.doesNotMatch(html, /<script/);
  });

  it('Table shows a message when there are no rows', async () => {
    const html = await render(<Table caption="Leeg" headers={['A', 'B', 'C']} rows={[]} />);
    assert.match(html, /<td class="utrecht-table__cell" colspan="3">Er zijn geen gegevens\.<\/td>/);
  });

  it('DataList renders dt/dd pairs and "Niet ingevuld" for empty values', async () => {
    const html = await render(
      <DataList
        items={[
          { key: 'Naam', value: XSS },
          { key: 'Besluit', value: '' },
        ]}
      />,
    );
    assert.match(html, /<dl class="utrecht-data-list/);
    assert.match(html, /<dt class="utrecht-data-list__item-key">Naam<\/dt>/);
    assert.match(html, /<dd[^>]*>Niet ingevuld<\/dd>/);
    assert.doesNotMatch(html, /<script/);
  });
});

describe('Layout', () => {
  it('renders a Dutch HTML5 document with skip link, landmarks and both stylesheets', async () => {
    const html = await render(<Layout {...baseLayout}>inhoud</Layout>);
    assert.ok(html.startsWith('<!DOCTYPE html><html lang="nl" class="utrecht-root voorbeeld-theme passend-theme">'));
    assert.match(html, /<meta charset="utf-8"\/>/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1"\/>/);
    assert.match(html, /<title>Overzicht – Passend<\/title>/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/utrecht\.css\?v=[0-9a-f]{16}"\/>/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/theme\.css\?v=[0-9a-f]{16}"\/>/);
    assert.match(html, /<body class="utrecht-body utrecht-document passend-body">/);
    assert.match(html, /<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus[^"]*" href="#inhoud">Naar de inhoud<\/a>/);
    assert.match(html, /<header[\s>]/);
    assert.match(html, /<main id="inhoud"[^>]*>/);
    assert.match(html, /<footer[\s>]/);
    assert.match(html, /href="\/toegankelijkheid"/);
    assert.match(html, /href="\/privacy"/);
    assert.match(html, /<a class="passend-header__site-name" href="\/">Passend<\/a>/);
    // Strict CSP: nothing inline.
    assert.doesNotMatch(html, /<script|<style|\sstyle=/i);
  });

  it('prefixes the title with "Fout: " when the page has errors', async () => {
    const html = await render(<Layout title="Nieuwe aanmelding" hasErrors />);
    assert.match(html, /<title>Fout: Nieuwe aanmelding – Passend<\/title>/);
  });

  it('shows the demo banner only in a demo', async () => {
    const demo = await render(<Layout {...baseLayout} isDemo />);
    assert.match(demo, /Demo — fictieve leerlinggegevens/);
    const real = await render(<Layout {...baseLayout} />);
    assert.doesNotMatch(real, /Demo — fictieve leerlinggegevens|passend-demo-banner/);
  });

  it('renders the role menu with aria-current, or no nav at all', async () => {
    const html = await render(
      <Layout
        {...baseLayout}
        nav={[
          { href: '/', label: 'Start' },
          { href: '/aanmeldingen', label: 'Aanmeldingen', current: true },
        ]}
      />,
    );
    assert.match(html, /<nav class="[^"]*" aria-label="Hoofdmenu">/);
    assert.match(html, /href="\/aanmeldingen" aria-current="page">Aanmeldingen<\/a>/);
    assert.match(html, /href="\/">Start<\/a>/);
    assert.doesNotMatch(await render(<Layout {...baseLayout} />), /aria-label="Hoofdmenu"/);
  });

  it('shows the user with a logout form, or a login link', async () => {
    const html = await render(
      <Layout {...baseLayout} user={{ naam: 'Fatima el Amrani', rolLabel: 'Zorgcoördinator' }} csrfToken="abc" />,
    );
    assert.match(html, /Fatima el Amrani/);
    assert.match(html, /Zorgcoördinator/);
    assert.match(html, /<form class="passend-account__form" method="post" action="\/uitloggen"><input type="hidden" name="_csrf" value="abc"\/>/);
    assert.match(html, />\s*Uitloggen\s*<\/button>/);
    assert.doesNotMatch(html, /href="\/inloggen"/);
    const anonymous = await render(<Layout {...baseLayout} />);
    assert.match(anonymous, /href="\/inloggen">\s*Inloggen\s*<\/a>/);
    assert.doesNotMatch(anonymous, /\/uitloggen/);
  });

  it('shows a flash message as a status alert', async () => {
    const html = await render(<Layout {...baseLayout} flash={{ kind: 'fout', text: 'Niet gelukt.' }} />);
    assert.match(html, /utrecht-alert--error[\s\S]*role="status"[\s\S]*Niet gelukt\./);
  });

  it('escapes title, user, nav and flash', async () => {
    const html = await render(
      <Layout
        title={XSS}
        user={{ naam: XSS, rolLabel: XSS }}
        nav={[{ href: 'javascript:alert(1)', label: XSS }]}
        flash={{ kind: 'info', text: XSS }}
        csrfToken={XSS}
      >
        {XSS}
      </Layout>,
    );
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /javascript:/);
    assert.ok(html.split(XSS_ESCAPED).length - 1 >= 6);
  });
});

describe('error pages', () => {
  const pages: [string, () => JSX.Element, RegExp][] = [
    ['NotFoundPage', () => <NotFoundPage />, /<h1 class="utrecht-heading-1">Pagina niet gevonden<\/h1>/],
    ['ForbiddenPage', () => <ForbiddenPage user={{ naam: 'A', rolLabel: 'B' }} />, /<h1 class="utrecht-heading-1">Geen toegang<\/h1>/],
    ['ServerErrorPage', () => <ServerErrorPage referenceId="req-1" />, /<h1 class="utrecht-heading-1">Er ging iets mis bij ons<\/h1>/],
    ['TooManyRequestsPage', () => <TooManyRequestsPage retryAfterSeconds={90} />, /<h1 class="utrecht-heading-1">Te veel pogingen<\/h1>/],
  ];
  for (const [name, page, heading] of pages) {
    it(`${name} has one h1 and uses the layout`, async () => {
      const html = await render(page());
      assert.match(html, heading);
      assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
      assert.match(html, /<html lang="nl"/);
      assert.doesNotMatch(html, /<title>Fout: /);
    });
  }

  it('pass layout props through', async () => {
    const html = await render(<NotFoundPage isDemo user={{ naam: 'Sam', rolLabel: 'Ouder' }} csrfToken="t" />);
    assert.match(html, /Demo — fictieve leerlinggegevens/);
    assert.match(html, /Sam/);
  });

  it('ForbiddenPage offers login when nobody is signed in', async () => {
    assert.match(await render(<ForbiddenPage />), /href="\/inloggen"[^>]*>\s*Inloggen/);
  });

  it('ServerErrorPage shows the reference escaped; TooManyRequestsPage rounds up to minutes', async () => {
    const html = await render(<ServerErrorPage referenceId={XSS} />);
    assert.match(html, new RegExp(`<code class="utrecht-code">${XSS_ESCAPED_RE}</code>`));
    assert.match(await render(<TooManyRequestsPage retryAfterSeconds={90} />), /over 2 minuten opnieuw/);
    assert.match(await render(<TooManyRequestsPage retryAfterSeconds={30} />), /over 1 minuut opnieuw/);
    assert.match(await render(<TooManyRequestsPage />), /over een paar minuten opnieuw/);
  });
});

describe('assetRoutes', () => {
  const app = new Hono().route('/assets', assetRoutes);

  it('serves the theme as CSS with the voorbeeld tokens, our layer and self-hosted fonts', async () => {
    const res = await app.request('/assets/theme.css');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=3600');
    assert.match(res.headers.get('etag') ?? '', /^"[0-9a-f]{16}"$/);
    const css = await res.text();
    assert.match(css, /\.voorbeeld-theme \{/);
    assert.match(css, /\.voorbeeld-theme\.passend-theme \{/);
    assert.match(css, /url\('\/assets\/fonts\/noto-sans-latin-400-normal\.woff2'\)/);
    assert.doesNotMatch(css, /fonts\.googleapis|fonts\.gstatic/);
  });

  it('serves the Utrecht CSS and the fonts', async () => {
    const utrecht = await app.request('/assets/utrecht.css');
    assert.equal(utrecht.status, 200);
    assert.match(await utrecht.text(), /\.utrecht-form-field/);
    for (const weight of [400, 700]) {
      const font = await app.request(`/assets/fonts/noto-sans-latin-${weight}-normal.woff2`);
      assert.equal(font.status, 200);
      assert.equal(font.headers.get('content-type'), 'font/woff2');
      const bytes = new Uint8Array(await font.arrayBuffer());
      assert.equal(new TextDecoder().decode(bytes.slice(0, 4)), 'wOF2');
    }
  });

  it('caches versioned URLs for a year and answers 304 to a matching ETag', async () => {
    const url = assetUrl('theme.css');
    const res = await app.request(url);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const etag = res.headers.get('etag')!;
    const again = await app.request('/assets/theme.css', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const stale = await app.request('/assets/theme.css?v=0000000000000000');
    assert.equal(stale.headers.get('cache-control'), 'public, max-age=3600');
  });

  it('answers 404 to unknown names and path traversal', async () => {
    for (const path of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/..%2fpackage.json',
      '/assets/fonts/..%2f..%2fpackage.json',
      '/assets/fonts/../../package.json',
      '/assets/onbekend.css',
      '/assets/fonts/noto-sans-latin-400-normal.woff',
      '/assets/passend.css',
      '/assets/',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /"name": "passend"/, path);
    }
  });

  it('only answers GET (and HEAD)', async () => {
    assert.equal((await app.request('/assets/theme.css', { method: 'HEAD' })).status, 200);
    assert.equal((await app.request('/assets/theme.css', { method: 'POST' })).status, 404);
  });
});

describe('Table caption', () => {
  it('can hide its caption visually while keeping it for screen readers', async () => {
    const html = String(await (<Table caption="Inschrijvingen" hideCaption headers={['School']} rows={[['De Linde']]} />));
    assert.match(html, /<caption class="utrecht-table__caption passend-visually-hidden">Inschrijvingen<\/caption>/);
    assert.match(html, /aria-label="Inschrijvingen"/);
    const shown = String(await (<Table caption="Leerlingen" headers={['Naam']} rows={[]} />));
    assert.doesNotMatch(shown, /passend-visually-hidden/);
  });
});
