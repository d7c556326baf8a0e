/**
 * Every route declares who may use it. `defineRoute` is the only way routes are added; the route-policy test
 * reads `app.routes` from the router and fails when a route has no declared policy.
 */
import type { MiddlewareHandler, Handler } from 'hono';
import type { App, AppContext, AppEnv } from './env.js';
import type { Rol } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { needsSecondFactor } from '../auth/service.js';
import { recordAuditSeparately } from '../audit/audit.js';

export interface RoutePolicy {
  /** 'publiek': anyone; 'ingelogd': any logged-in user; or the roles that may use the route. */
  access: 'publiek' | 'ingelogd' | readonly Rol[];
  /** The route reads or writes pupil data: it must write an audit event (checked by the audit test). */
  pupilData?: 'lezen' | 'schrijven';
  /** Usable before the second factor is given (the MFA pages themselves, logout). */
  allowWithoutMfa?: boolean;
  /** Usable before a role is chosen (role chooser, account pages). */
  allowWithoutRole?: boolean;
  /** One line for the route overview and reviewers. */
  summary: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const registries = new WeakMap<object, Map<string, RoutePolicy>>();

/** The declared policies of an app, keyed by `METHOD path`. */
export function routePolicies(app: App): Map<string, RoutePolicy> {
  let map = registries.get(app);
  if (!map) {
    map = new Map();
    registries.set(app, map);
  }
  return map;
}

/** True when the request expects JSON (API clients) rather than an HTML page. */
export function wantsJson(c: AppContext): boolean {
  if (c.req.path.startsWith('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function enforce(policy: RoutePolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (policy.access === 'publiek') return next();
    const auth = c.var.auth;
    if (!auth) {
      if (!wantsJson(c) && c.req.method === 'GET') {
        return c.redirect(`/inloggen?terug=${encodeURIComponent(c.req.path)}`, 303);
      }
      throw new AppError('unauthenticated');
    }
    if (!policy.allowWithoutMfa && needsSecondFactor(auth)) {
      if (!wantsJson(c) && c.req.method === 'GET') {
        return c.redirect(auth.heeftWachtwoord && !auth.heeftTotp ? '/mfa/instellen' : '/mfa', 303);
      }
      throw new AppError('mfa_required');
    }
    if (!policy.allowWithoutRole && !auth.actief) {
      if (!wantsJson(c) && c.req.method === 'GET') return c.redirect('/rol-kiezen', 303);
      throw new AppError('forbidden', { detail: 'Kies eerst in welke rol u werkt.' });
    }
    if (Array.isArray(policy.access) && !(auth.actief && policy.access.includes(auth.actief.rol))) {
      if (policy.pupilData) {
        await recordAuditSeparately(c.var.deps.db, {
          swvId: auth.actief?.swvId ?? null, actorGebruikerId: auth.gebruiker.id, actorRol: auth.actief?.rol ?? null,
          objectType: 'route', objectId: `${c.req.method} ${c.req.routePath}`, actie: policy.pupilData === 'lezen' ? 'lezen' : 'wijzigen',
          resultaat: 'geweigerd', grondslag: 'rol heeft geen toegang', requestId: c.var.requestId,
        });
      }
      throw new AppError('forbidden', { detail: 'Uw rol heeft geen toegang tot deze pagina.' });
    }
    return next();
  };
}

/** Adds a route with its policy. */
export function defineRoute(app: App, method: Method, path: string, policy: RoutePolicy, handler: Handler<AppEnv>): void {
  const key = `${method} ${path}`;
  const registry = routePolicies(app);
  if (registry.has(key)) throw new Error(`Route ${key} is twice defined`);
  registry.set(key, policy);
  app.on(method, path, enforce(policy), handler);
}

const mounts = new WeakMap<object, Map<string, RoutePolicy>>();

/** Mounted sub-apps (static assets): one declared policy for every route under the prefix. */
export function mountedPolicies(app: App): Map<string, RoutePolicy> {
  let map = mounts.get(app);
  if (!map) {
    map = new Map();
    mounts.set(app, map);
  }
  return map;
}

/** Mounts a sub-app whose routes are all public and carry no pupil data (static files). */
export function mountPublic(app: App, prefix: string, sub: Parameters<App['route']>[1], summary: string): void {
  mountedPolicies(app).set(prefix, { access: 'publiek', summary });
  app.route(prefix, sub);
}
