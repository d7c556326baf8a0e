/**
 * Bench-only: the pupil list (one page of 50) WITHOUT row-level security and WITHOUT the audit event, and
 * without the product's middleware (session lookup, CSRF, security headers, request log). It runs the very
 * same SQL as the product (store.listLeerlingen: list + count) on the owner connection (`database.owner`: no
 * set_config, no role switch, no transaction) and renders the same markup with the same view components as
 * GET /leerlingen in src/modules/leerlingen/routes.tsx. Never mounted in the product: only bench/server.ts
 * serves it, on its own port.
 *
 * Keep the JSX below in step with the GET /leerlingen handler, or the comparison stops being fair.
 */
import { Hono } from 'hono';
import type { Database } from '../src/platform/db/client.js';
import type { Clock } from '../src/platform/clock.js';
import { listLeerlingen } from '../src/modules/leerlingen/store.js';
import { PAGINA_GROOTTE } from '../src/modules/leerlingen/commands.js';
import { magLeerlingRegistreren } from '../src/modules/leerlingen/rules/toegang.js';
import { navFor } from '../src/platform/http/render.js';
import type { AuthContext } from '../src/platform/auth/service.js';
import { ROL_INFO, type Rol } from '../src/platform/auth/roles.js';
import { formatDutch } from '../src/platform/civil-date.js';
import { Layout } from '../src/platform/views/layout.js';
import { Heading, Paragraph, Form, FormField, Button, ButtonLink, Link, Table } from '../src/platform/views/components.js';

function volledigeNaam(l: { voornaam: string; tussenvoegsel: string | null; achternaam: string }): string {
  return [l.voornaam, l.tussenvoegsel, l.achternaam].filter(Boolean).join(' ');
}

export interface PlainListOptions {
  db: Database;
  clock: Clock;
  isDemo: boolean;
  /** Shown in the header, like the logged-in user of the product page. */
  user: { naam: string; rol: Rol };
}

/** Adds GET /leerlingen (no RLS, no audit, no session) to a bare Hono app. */
export function mountPlainList(app: Hono, opts: PlainListOptions): void {
  const fakeAuth = { actief: { rol: opts.user.rol } } as unknown as AuthContext;
  const csrfToken = 'x'.repeat(43); // same length as a real token; the page only prints it in the logout form
  app.get('/leerlingen', async (c) => {
    const zoek = (c.req.query('zoek') ?? '').trim();
    const pagina = Math.max(1, Math.min(Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1, 10_000));
    const r = await listLeerlingen(opts.db.owner, {
      relatie: { soort: 'swv' }, today: opts.clock.today(), zoek: zoek.slice(0, 100) || undefined,
      limit: PAGINA_GROOTTE, offset: (pagina - 1) * PAGINA_GROOTTE,
    });
    const paginas = Math.max(1, Math.ceil(r.totaal / PAGINA_GROOTTE));
    const props = {
      title: 'Leerlingen',
      user: { naam: opts.user.naam, rolLabel: ROL_INFO[opts.user.rol].label },
      nav: navFor(fakeAuth, c.req.path, opts.isDemo),
      csrfToken,
      isDemo: opts.isDemo,
      flash: null,
    };
    const q = (p: number) => `/leerlingen?${new URLSearchParams({ ...(zoek ? { zoek } : {}), pagina: String(p) })}`;
    const page = (
      <Layout {...props}>
        <Heading level={1}>Leerlingen</Heading>
        {magLeerlingRegistreren(opts.user.rol) && <Paragraph><ButtonLink href="/leerlingen/nieuw">Leerling toevoegen</ButtonLink></Paragraph>}
        <Form method="get" action="/leerlingen" aria-label="Zoeken">
          <FormField name="zoek" type="search" label="Zoek op naam" value={zoek} autocomplete="off" />
          <Button appearance="secondary">Zoeken</Button>
        </Form>
        <Paragraph>{r.totaal === 1 ? '1 leerling' : `${r.totaal} leerlingen`}{zoek ? ` gevonden voor "${zoek}"` : ''}. <Link href="/leerlingen.csv">Download als CSV</Link></Paragraph>
        <Table caption="Leerlingen" rowHeaders headers={['Naam', 'Geboortedatum', 'School']} rows={r.rijen.map((l) => [
          <Link href={`/leerlingen/${l.id}`}>{volledigeNaam(l)}</Link>, formatDutch(l.geboortedatum), l.vestigingNaam ?? 'niet ingeschreven',
        ])} empty={zoek ? 'Geen leerlingen gevonden. Probeer een deel van de naam.' : 'Er zijn nog geen leerlingen.'} />
        {paginas > 1 && (
          <nav aria-label="Paginering" class="passend-pagination">
            <Paragraph>
              Pagina {pagina} van {paginas}.{' '}
              {pagina > 1 && <Link href={q(pagina - 1)}>Vorige pagina</Link>}{' '}
              {pagina < paginas && <Link href={q(pagina + 1)}>Volgende pagina</Link>}
            </Paragraph>
          </nav>
        )}
      </Layout>
    );
    return c.html(String(page));
  });
}
