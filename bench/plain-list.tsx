/**
 * Bench-only: the pupil list (one page of 50) WITHOUT row-level security and WITHOUT the audit event, and
 * without the product's middleware (session lookup, CSRF, security headers, request log). It runs the very
 * same SQL as the product (store.listLeerlingen: list + count) on the owner connection (`database.owner`: no
 * set_config, no role switch, no transaction) and renders the same markup with the same view components as
 * GET /leerlingen in src/modules/leerlingen/routes.tsx. Never mounted in the product: only bench/server.ts
 * serves it, on its own port.
 *
 * It renders the product's own LeerlingenLijstPage, so the markup is the same by construction.
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
import { LeerlingenLijstPage } from '../src/modules/leerlingen/routes.js';

export interface PlainListOptions {
  db: Database;
  clock: Clock;
  isDemo: boolean;
  /** Shown in the header, like the logged-in user of the product page. */
  user: { naam: string; rol: Rol };
}

/**
 * Adds the list without RLS/audit at `path` (default GET /leerlingen on a bare Hono app). bench/server.ts also
 * mounts it on the running Passend app itself, so that variant passes the full middleware and session lookup and
 * differs from GET /leerlingen only in the data access (owner SQL instead of tenant transaction + RLS + audit).
 */
export function mountPlainList(app: Hono<any>, opts: PlainListOptions, path = '/leerlingen'): void {
  const fakeAuth = { actief: { rol: opts.user.rol } } as unknown as AuthContext;
  const csrfToken = 'x'.repeat(43); // same length as a real token; the page only prints it in the logout form
  app.get(path, async (c) => {
    const zoek = (c.req.query('zoek') ?? '').trim();
    const pagina = Math.max(1, Math.min(Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1, 10_000));
    const r = await listLeerlingen(opts.db.owner, {
      relatie: { soort: 'swv' }, today: opts.clock.today(), zoek: zoek.slice(0, 100) || undefined,
      limit: PAGINA_GROOTTE, offset: (pagina - 1) * PAGINA_GROOTTE,
    });
    const layout = {
      title: 'Leerlingen',
      user: { naam: opts.user.naam, rolLabel: ROL_INFO[opts.user.rol].label },
      nav: navFor(fakeAuth, c.req.path, opts.isDemo),
      csrfToken,
      isDemo: opts.isDemo,
      flash: null,
    };
    const page = <LeerlingenLijstPage layout={layout} zoek={zoek} magToevoegen={magLeerlingRegistreren(opts.user.rol)} pagina={pagina} relatie={{ soort: 'swv' }} {...r} />;
    return c.html(String(page));
  });
}
