/**
 * The web application: platform middleware in a fixed order, then the modules' routes. Every route is added
 * through defineRoute with its policy (see src/platform/http/policy.ts).
 */
import { Hono } from 'hono';
import type { App, AppDeps, AppEnv } from './platform/http/env.js';
import { requestContext, securityHeaders, limitBody, session, csrf } from './platform/http/middleware.js';
import { onError, onNotFound } from './platform/http/errors.js';
import { mountPublic } from './platform/http/policy.js';
import { assetRoutes } from './platform/views/assets.js';
import { registerPlatformPages } from './platform/http/pages.js';
import { registerAuthRoutes } from './platform/auth/routes.js';
import { registerLeerlingRoutes } from './modules/leerlingen/routes.js';
import { registerRegisterRoutes } from './modules/register/routes.js';
import { registerAanbodPubliekRoutes } from './modules/aanbod/publiek.js';
import { registerAanbodRoutes } from './modules/aanbod/routes.js';
import { registerZorgplichtRoutes } from './modules/zorgplicht/routes.js';
import { registerAanmeldenRoutes } from './modules/zorgplicht/aanmelden.js';
import { registerSchorsingRoutes } from './modules/schorsing/routes.js';
import { registerOppRoutes } from './modules/opp/routes.js';
import { registerPortaalRoutes } from './modules/portaal/routes.js';

/** Builds the app for the given dependencies (tests build their own with a test database and clock). */
export function createApp(deps: AppDeps): App {
  const app = new Hono<AppEnv>();
  // 1. Dependencies first: everything below (also the error handler) reads c.var.deps.
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // 2. Request id and the log line; 3. security headers on every answer, errors included.
  app.use('*', requestContext);
  app.use('*', securityHeaders);
  // 4. Static assets need no session: mounted before the session lookup costs a database round trip.
  mountPublic(app, '/assets', assetRoutes, 'Stijlbladen en lettertypen');
  // 5. Body limit before anything reads the body; 6. session; 7. CSRF needs the session's token.
  app.use('*', limitBody);
  app.use('*', session);
  app.use('*', csrf);
  registerPlatformPages(app);
  registerAuthRoutes(app);
  registerRegisterRoutes(app);
  registerAanbodPubliekRoutes(app);
  registerAanbodRoutes(app);
  registerZorgplichtRoutes(app);
  registerAanmeldenRoutes(app);
  registerSchorsingRoutes(app);
  registerOppRoutes(app);
  registerPortaalRoutes(app);
  registerLeerlingRoutes(app);
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}
