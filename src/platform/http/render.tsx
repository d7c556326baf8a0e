/**
 * Rendering pages: every page gets the layout props of its request (user, role-aware menu, CSRF token, demo
 * banner, flash message) from one place.
 */
import type { Child } from 'hono/jsx';
import { getSignedCookie, setSignedCookie, deleteCookie } from 'hono/cookie';
import type { LayoutProps, NavItem, Flash } from '../views/layout.js';
import { ROL_INFO } from '../auth/roles.js';
import type { AuthContext } from '../auth/service.js';
import type { AppContext } from './env.js';

const FLASH_COOKIE = 'passend-melding';

/** Roles that see the ondersteuningsaanbod pages: AANBOD_ROLLEN of modules/aanbod (a test keeps them equal). */
export const AANBOD_NAV_ROLLEN: readonly string[] = ['intern-begeleider', 'schoolleider', 'bestuur', 'swv-medewerker', 'swv-directeur'];

/** Roles that see the aanmeldingen: AANMELDING_ROLLEN of modules/zorgplicht (a test keeps them equal). */
export const AANMELDING_NAV_ROLLEN: readonly string[] = ['intern-begeleider', 'schoolleider', 'bestuur', 'swv-medewerker', 'swv-directeur'];

/** Roles that see schorsingen and verwijderingen: SCHORSING_ROLLEN of modules/schorsing (a test keeps them equal). */
export const SCHORSING_NAV_ROLLEN: readonly string[] = ['intern-begeleider', 'schoolleider', 'bestuur', 'swv-medewerker', 'swv-directeur'];

/** Roles that see the OPP list: OPP_ROLLEN of modules/opp (a test keeps them equal). */
export const OPP_NAV_ROLLEN: readonly string[] = ['intern-begeleider', 'schoolleider', 'bestuur'];

/** The main menu for the user's active role (role-aware navigation). */
export function navFor(auth: AuthContext | null, path: string, isDemo: boolean): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'Start' }];
  const rol = auth?.actief?.rol;
  if (!auth || !rol) {
    items.push({ href: '/scholen/zoeken', label: 'School zoeken' });
    items.push({ href: '/samenwerkingsverbanden', label: 'Samenwerkingsverbanden' });
  } else if (rol === 'ouder' || rol === 'leerling') {
    items.push(rol === 'ouder' ? { href: '/mijn-kinderen', label: 'Mijn kinderen' } : { href: '/mijn-opp', label: 'Mijn ondersteuning' });
    if (rol === 'ouder') items.push({ href: '/aanmeldingen', label: 'Aanmeldingen' });
    items.push({ href: '/scholen/zoeken', label: 'School zoeken' });
  } else {
    if (ROL_INFO[rol].kanLeerlingdossierOpenen) items.push({ href: '/leerlingen', label: 'Leerlingen' });
    if (AANMELDING_NAV_ROLLEN.includes(rol)) items.push({ href: '/aanmeldingen', label: 'Aanmeldingen' });
    if (OPP_NAV_ROLLEN.includes(rol)) items.push({ href: '/opp', label: 'Ontwikkelingsperspectieven' });
    if (SCHORSING_NAV_ROLLEN.includes(rol)) items.push({ href: '/schorsingen', label: 'Schorsing en verwijdering' });
    if (AANBOD_NAV_ROLLEN.includes(rol)) items.push({ href: '/aanbod', label: 'Ondersteuningsaanbod' });
    items.push({ href: '/samenwerkingsverbanden', label: 'Samenwerkingsverbanden' });
    if (rol === 'beheerder' || rol === 'swv-directeur') items.push({ href: '/beheer/audit', label: 'Auditlog' });
    if (rol === 'swv-directeur') items.push({ href: '/instellingen/opp', label: 'Instellingen' });
  }
  if (auth) items.push({ href: '/account', label: 'Mijn account' });
  if (isDemo) items.push({ href: '/demo/mailbox', label: 'Demo-mailbox' });
  return items.map((i) => ({ ...i, current: i.href === '/' ? path === '/' : path === i.href || path.startsWith(`${i.href}/`) }));
}

/** Layout props for this request. */
export async function layoutProps(c: AppContext, title: string, extra: Partial<LayoutProps> = {}): Promise<LayoutProps> {
  const auth = c.var.auth;
  return {
    title,
    user: auth ? { naam: auth.gebruiker.naam, rolLabel: auth.actief ? ROL_INFO[auth.actief.rol].label : 'nog geen rol gekozen' } : null,
    nav: navFor(auth, c.req.path, c.var.deps.isDemo),
    csrfToken: c.var.csrfToken,
    isDemo: c.var.deps.isDemo,
    flash: await takeFlash(c),
    ...extra,
  };
}

/** Sends a rendered page. */
export function sendPage(c: AppContext, page: Child, status: 200 | 403 | 404 | 409 | 422 | 429 | 500 = 200) {
  return c.html(String(page), status);
}

/** Remembers a one-off message for the next page (POST → redirect → GET). Signed, so it cannot be forged. */
export async function setFlash(c: AppContext, flash: Flash): Promise<void> {
  await setSignedCookie(c, FLASH_COOKIE, JSON.stringify(flash), c.var.deps.secret, {
    path: '/', httpOnly: true, sameSite: 'Lax', secure: c.var.deps.config.COOKIE_SECURE, maxAge: 60,
  });
}

async function takeFlash(c: AppContext): Promise<Flash | null> {
  const raw = await getSignedCookie(c, c.var.deps.secret, FLASH_COOKIE);
  if (!raw) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/', secure: c.var.deps.config.COOKIE_SECURE });
  try {
    const f = JSON.parse(raw) as Flash;
    return typeof f.text === 'string' && ['ok', 'info', 'fout'].includes(f.kind) ? f : null;
  } catch {
    return null;
  }
}
