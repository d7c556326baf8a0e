/**
 * The request pipeline, in order (the order matters; see createApp):
 *   request id → log line → security headers (CSP with no inline script/style) → body limit → session →
 *   CSRF check on every unsafe method → route policy (per route) → handler.
 */
import crypto from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv, AppContext } from './env.js';
import { authDeps } from './env.js';
import { loadSession } from '../auth/service.js';
import { hmac, randomToken, safeEqual } from '../auth/secrets.js';
import { AppError } from '../errors.js';

/** Session cookie name: `__Host-` binds it to this host, path / and HTTPS (ASVS 7, security-notes §6). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-passend' : 'passend';
}

function preCookieName(secure: boolean): string {
  return secure ? '__Host-passend-pre' : 'passend-pre';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure; no Max-Age (ends with the browser; server expires it). */
export function setSessionCookie(c: AppContext, token: string): void {
  const secure = c.var.deps.config.COOKIE_SECURE;
  setCookie(c, sessionCookieName(secure), token, { path: '/', httpOnly: true, secure, sameSite: 'Lax' });
}

export function clearSessionCookie(c: AppContext): void {
  const secure = c.var.deps.config.COOKIE_SECURE;
  setCookie(c, sessionCookieName(secure), '', { path: '/', httpOnly: true, secure, sameSite: 'Lax', maxAge: 0 });
}

export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  c.set('requestId', incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID());
  let ip = '127.0.0.1';
  try {
    ip = getConnInfo(c).remote.address ?? ip;
  } catch {
    // app.request() in tests has no socket
  }
  if (c.var.deps.config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((p) => p.trim()).filter(Boolean);
    if (forwarded?.length) ip = forwarded[forwarded.length - 1]!.slice(0, 64);
  }
  c.set('clientIp', ip);
  const started = performance.now();
  await next();
  c.header('X-Request-Id', c.var.requestId);
  // Path and status only: no query strings (could hold names) and never pupil data.
  c.var.deps.logger.info(
    { reqId: c.var.requestId, method: c.req.method, path: c.req.routePath ?? c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
    'verzoek',
  );
};

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
});

export const limitBody = bodyLimit({
  maxSize: 1024 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', { detail: 'Het verzoek is groter dan 1 MB.' });
  },
});

/** Reads the session cookie; sets `auth` (or null) and the CSRF token forms must carry. */
export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.var.deps;
  const secure = deps.config.COOKIE_SECURE;
  const token = getCookie(c, sessionCookieName(secure));
  const auth = await loadSession(authDeps(deps), token);
  c.set('auth', auth);
  if (token && !auth) clearSessionCookie(c);
  if (auth) {
    c.set('csrfToken', auth.csrfToken);
  } else {
    // Anonymous forms (login) get a token bound to a random pre-session cookie (double submit with HMAC).
    let pre = getCookie(c, preCookieName(secure));
    if (!pre || pre.length > 100) {
      pre = randomToken(18);
      setCookie(c, preCookieName(secure), pre, { path: '/', httpOnly: true, secure, sameSite: 'Lax' });
    }
    c.set('csrfToken', hmac(deps.secret, 'csrf', pre));
  }
  await next();
  // Pages seen while logged in may show pupil data: never from a cache (shared school PCs, back button after
  // logout; ASVS 14.3.2). Exports set their own no-store.
  if (auth && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection on every unsafe request: the Origin (or Sec-Fetch-Site) must be our own site, and the request
 * must carry the token of its session — form field `_csrf` or header `X-CSRF-Token`.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const host = c.req.header('host');
  if (origin && origin !== 'null') {
    let sameHost = false;
    try {
      sameHost = new URL(origin).host === host;
    } catch {
      sameHost = false;
    }
    if (!sameHost) throw new AppError('csrf_failed', { detail: 'Dit verzoek komt niet van een pagina van Passend.' });
  } else if (site && site !== 'same-origin' && site !== 'none') {
    throw new AppError('csrf_failed', { detail: 'Dit verzoek komt niet van een pagina van Passend.' });
  }
  let sent = c.req.header('x-csrf-token');
  if (!sent) {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      try {
        const body = await c.req.parseBody(); // cached by Hono: the handler reads it again for free
        sent = typeof body._csrf === 'string' ? body._csrf : undefined;
      } catch {
        sent = undefined;
      }
    }
  }
  if (!sent || !safeEqual(sent, c.var.csrfToken)) {
    throw new AppError('csrf_failed', {
      detail: 'Het formulier is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
    });
  }
  return next();
};
