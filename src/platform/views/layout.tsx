/**
 * The page shell every HTML page uses: document head, skip link, header with site name, account
 * area and main menu, optional demo banner and flash message, <main id="inhoud">, footer.
 *
 * Strict CSP: no inline <script>, no style attributes and no <style> element; all styling comes
 * from /assets/utrecht.css and /assets/theme.css ('self').
 */
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { raw } from 'hono/html';
import { assetUrl } from './assets.js';
import { Alert, safeHref } from './components.js';

/** One entry of the main menu. The caller builds the list for the user's role. */
export interface NavItem {
  href: string;
  label: string;
  /** The user is on this page (or in this section): rendered with aria-current="page". */
  current?: boolean;
}

/** The signed-in user as shown in the header. Never put pupil data here. */
export interface LayoutUser {
  naam: string;
  /** Role in plain Dutch, e.g. "Medewerker samenwerkingsverband". */
  rolLabel: string;
}

/** A one-off message after a redirect (POST → redirect → GET), e.g. "De aanmelding is opgeslagen." */
export interface Flash {
  kind: 'ok' | 'info' | 'fout';
  text: string;
}

/** Props for {@link Layout}. Page components pass these through unchanged. */
export interface LayoutProps {
  /** Page title without the site name; " – Passend" is added. Usually the same text as the h1. */
  title: string;
  /** The form on this page has validation errors: the title gets the prefix "Fout: " (GOV.UK). */
  hasErrors?: boolean;
  /** Main menu for the user's role. Empty or absent: no menu is rendered. */
  nav?: NavItem[];
  /** Signed-in user; absent shows an "Inloggen" link instead of the logout button. */
  user?: LayoutUser | null;
  /** CSRF token for the logout form. Required for the logout button to work. */
  csrfToken?: string;
  /** Demo installation with made-up pupils: shows a banner on every page. */
  isDemo?: boolean;
  flash?: Flash | null;
  /** CSP nonce of this request. Unused today (no scripts), accepted so callers can always pass it. */
  nonce?: string;
  children?: Child;
}

/** Site name, shown in the header and added to every title. */
export const SITE_NAME = 'Passend';

const FLASH_TYPE: Record<Flash['kind'], 'ok' | 'info' | 'error'> = {
  ok: 'ok',
  info: 'info',
  fout: 'error',
};

/**
 * The title in the browser tab: "Fout: " when the form has errors, then the page, then the site.
 *
 * @param title - the page title
 * @param hasErrors - whether the page shows validation errors
 * @returns e.g. "Fout: Nieuwe aanmelding – Passend"
 */
export function pageTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? 'Fout: ' : ''}${title} – ${SITE_NAME}`;
}

function DemoBanner(): JSX.Element {
  return (
    <div class="passend-demo-banner">
      <div class="passend-container passend-demo-banner__content">
        <p class="utrecht-paragraph passend-demo-banner__text">
          <strong class="passend-demo-banner__title">Demo — fictieve leerlinggegevens</strong>{' '}
          Dit is een demonstratie van Passend. Alle leerlingen, ouders en dossiers zijn verzonnen. Vul hier
          geen echte gegevens in.
        </p>
      </div>
    </div>
  );
}

function Account(props: { user?: LayoutUser | null; csrfToken?: string }): JSX.Element {
  if (!props.user) {
    return (
      <div class="passend-account">
        <a class="utrecht-link utrecht-link--html-a" href="/inloggen">
          Inloggen
        </a>
      </div>
    );
  }
  return (
    <div class="passend-account">
      <p class="utrecht-paragraph passend-account__user">
        <span class="passend-visually-hidden">Ingelogd als </span>
        <strong>{props.user.naam}</strong> <span class="passend-account__role">({props.user.rolLabel})</span>
      </p>
      {/* Logging out changes state, so it is a POST with the CSRF token, not a link. */}
      <form class="passend-account__form" method="post" action="/uitloggen">
        <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action utrecht-button--submit">
          Uitloggen
        </button>
      </form>
    </div>
  );
}

function MainNav(props: { items: NavItem[] }): JSX.Element {
  return (
    <nav class="utrecht-nav-bar passend-nav" aria-label="Hoofdmenu">
      <div class="utrecht-nav-bar__content passend-container">
        <ul class="utrecht-nav-list" role="list">
          {props.items.map((item) => (
            <li class="utrecht-nav-list__item">
              <a
                class="utrecht-link utrecht-link--html-a utrecht-nav-list__link"
                href={safeHref(item.href)}
                aria-current={item.current ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/**
 * A complete HTML5 document in Dutch with the NL Design System theme.
 *
 * Landmarks: header (site name, account, main menu), main (#inhoud, target of the skip link),
 * footer. Each page supplies its own single h1 as the first thing in `children`.
 *
 * @param props - {@link LayoutProps}
 * @returns the document, starting with `<!DOCTYPE html>`
 * @throws when the CSS assets cannot be read (their content hash is part of the URLs)
 */
export function Layout(props: LayoutProps): JSX.Element {
  const nav = props.nav ?? [];
  return (
    <>
      {/* A fixed string, not user input: hono/jsx has no other way to emit a doctype. */}
      {raw('<!DOCTYPE html>')}
      <html lang="nl" class="utrecht-root voorbeeld-theme passend-theme">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{pageTitle(props.title, props.hasErrors)}</title>
          <link rel="stylesheet" href={assetUrl('utrecht.css')} />
          <link rel="stylesheet" href={assetUrl('theme.css')} />
        </head>
        <body class="utrecht-body utrecht-document passend-body">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
            Naar de inhoud
          </a>
          <header class="utrecht-page-header passend-header">
            {props.isDemo && <DemoBanner />}
            <div class="passend-container passend-header__bar">
              <a class="passend-header__site-name" href="/">
                {SITE_NAME}
              </a>
              <Account user={props.user} csrfToken={props.csrfToken} />
            </div>
            {nav.length > 0 && <MainNav items={nav} />}
          </header>
          <main id="inhoud" class="utrecht-page-body passend-main">
            <div class="passend-container passend-main__content">
              {props.flash && (
                <Alert type={FLASH_TYPE[props.flash.kind]} role="status" class="passend-flash">
                  <p class="utrecht-paragraph">{props.flash.text}</p>
                </Alert>
              )}
              {props.children}
            </div>
          </main>
          <footer class="utrecht-page-footer passend-footer">
            <div class="passend-container passend-footer__content">
              <ul class="passend-footer__list" role="list">
                <li>
                  <a class="utrecht-link utrecht-link--html-a" href="/toegankelijkheid">
                    Toegankelijkheid
                  </a>
                </li>
                <li>
                  <a class="utrecht-link utrecht-link--html-a" href="/privacy">
                    Privacy
                  </a>
                </li>
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
