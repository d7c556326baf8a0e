/**
 * Login, second factor, role choice, logout and the account page. All plain GET/POST forms (POST → redirect →
 * GET); failed forms re-render with inline Dutch messages (422) and keep what was typed (never the password).
 */
import { z } from 'zod';
import type { App, AppContext } from '../http/env.js';
import { authDeps } from '../http/env.js';
import { defineRoute } from '../http/policy.js';
import { readForm, validate, fields, type FormValues } from '../http/forms.js';
import { layoutProps, sendPage, setFlash } from '../http/render.js';
import { setSessionCookie, clearSessionCookie } from '../http/middleware.js';
import { AppError } from '../errors.js';
import { Layout } from '../views/layout.js';
import { Heading, Paragraph, Form, FormField, Button, ErrorSummary, Link, RadioGroup, Alert, DataList } from '../views/components.js';
import * as auth from './service.js';
import { totpUri } from './totp.js';
import { ROL_INFO } from './roles.js';

/** Only local paths are allowed as a return address (no open redirect). */
export function safeReturnPath(p: string | undefined): string {
  // Browsers drop tabs and newlines and read "\" as "/", so "/\t/evil.example" would become "//evil.example".
  if (!p || !p.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(p)) return '/';
  if (new URL(p, 'http://passend.invalid').origin !== 'http://passend.invalid' || p.startsWith('//')) return '/';
  return p.slice(0, 500);
}

const ZLogin = z.object({
  email: fields.email(),
  wachtwoord: z.string({ error: 'Vul uw wachtwoord in.' }).min(1, { error: 'Vul uw wachtwoord in.' }).max(1000),
  terug: z.string().optional(),
});

const ZCode = z.object({ code: z.string({ error: 'Vul de code in.' }).trim().regex(/^\d{3}\s?\d{3}$/, { error: 'Vul de 6 cijfers van de code in.' }) });
const ZEmailOnly = z.object({ email: fields.email() });
const ZEmailCode = ZEmailOnly.extend(ZCode.shape);

async function loginPage(c: AppContext, values: FormValues, errors: Record<string, string>, status: 200 | 422 | 429 = 200) {
  const hasErrors = Object.keys(errors).length > 0;
  const props = await layoutProps(c, 'Inloggen', { hasErrors });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Inloggen</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>Voor medewerkers van scholen, samenwerkingsverbanden en andere organisaties.</Paragraph>
      <Form action="/inloggen" csrfToken={c.var.csrfToken} aria-label="Inloggen met wachtwoord">
        <input type="hidden" name="terug" value={safeReturnPath(values.terug ?? c.req.query('terug'))} />
        <FormField name="email" type="email" label="E-mailadres" value={values.email} error={errors.email} autocomplete="username" required spellcheck={false} />
        <FormField name="wachtwoord" type="password" label="Wachtwoord" error={errors.wachtwoord} autocomplete="current-password" required />
        <Button>Inloggen</Button>
      </Form>
      <Heading level={2}>Bent u ouder, verzorger of leerling?</Heading>
      <Paragraph>
        U heeft geen wachtwoord nodig. <Link href="/inloggen/code">Log in met een code die u per e-mail krijgt</Link>.
      </Paragraph>
    </Layout>,
    status,
  );
}

async function codeRequestPage(c: AppContext, values: FormValues, errors: Record<string, string>, status: 200 | 422 = 200) {
  const props = await layoutProps(c, 'Inloggen met een code', { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Inloggen met een code</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>Vul het e-mailadres in waarop u de uitnodiging van school kreeg. U krijgt een code van 6 cijfers.</Paragraph>
      <Form action="/inloggen/code" csrfToken={c.var.csrfToken}>
        <FormField name="email" type="email" label="E-mailadres" value={values.email} error={errors.email} autocomplete="email" required spellcheck={false} />
        <Button>Stuur mij een code</Button>
      </Form>
    </Layout>,
    status,
  );
}

async function codeEnterPage(c: AppContext, values: FormValues, errors: Record<string, string>, status: 200 | 422 = 200) {
  const props = await layoutProps(c, 'Code invullen', { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Code invullen</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>
        Als uw e-mailadres bij ons bekend is, heeft u een mail met een code gekregen. Kijk ook in uw map met ongewenste
        mail. De code werkt 15 minuten.
      </Paragraph>
      {c.var.deps.isDemo && (
        <Alert type="info">
          <Paragraph>
            Dit is een demo: de mail staat in de <Link href="/demo/mailbox">demo-mailbox</Link>.
          </Paragraph>
        </Alert>
      )}
      <Form action="/inloggen/code/invoeren" csrfToken={c.var.csrfToken}>
        <FormField name="email" type="email" label="E-mailadres" value={values.email} error={errors.email} autocomplete="email" required spellcheck={false} />
        <FormField name="code" label="Code" description="6 cijfers" value={values.code} error={errors.code} autocomplete="one-time-code" inputmode="numeric" required />
        <Button>Inloggen</Button>
      </Form>
      <Paragraph>
        <Link href="/inloggen/code">Een nieuwe code aanvragen</Link>
      </Paragraph>
    </Layout>,
    status,
  );
}

async function mfaPage(c: AppContext, errors: Record<string, string>, status: 200 | 422 = 200) {
  const props = await layoutProps(c, 'Code uit uw app', { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Code uit uw app</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>Open de app voor inlogcodes op uw telefoon (bijvoorbeeld Microsoft Authenticator of FreeOTP) en vul de code van 6 cijfers in.</Paragraph>
      <Form action="/mfa" csrfToken={c.var.csrfToken}>
        <FormField name="code" label="Code" description="6 cijfers" error={errors.code} autocomplete="one-time-code" inputmode="numeric" required />
        <Button>Bevestigen</Button>
      </Form>
    </Layout>,
    status,
  );
}

async function mfaSetupPage(c: AppContext, secret: string, errors: Record<string, string>, status: 200 | 422 = 200) {
  const a = c.var.auth!;
  const props = await layoutProps(c, 'Tweestapsverificatie instellen', { hasErrors: Object.keys(errors).length > 0 });
  const grouped = secret.match(/.{1,4}/g)!.join(' ');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Tweestapsverificatie instellen</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>
        In Passend staan gegevens over de ondersteuning van leerlingen. Daarom logt u naast uw wachtwoord ook in met een
        code uit een app op uw telefoon.
      </Paragraph>
      <Heading level={2}>Stap 1: voeg Passend toe aan uw app</Heading>
      <Paragraph>Kies in uw app voor inlogcodes "account toevoegen" en "sleutel invoeren". Vul deze sleutel in:</Paragraph>
      <DataList items={[{ key: 'Account', value: a.gebruiker.email }, { key: 'Sleutel', value: <code class="passend-code">{grouped}</code> }, { key: 'Soort', value: 'Op tijd gebaseerd (TOTP), 6 cijfers, 30 seconden' }]} />
      <Paragraph>
        Werkt uw app met links? <a class="utrecht-link utrecht-link--html-a" href={totpUri(secret, a.gebruiker.email)}>Open de sleutel in uw app</a>.
      </Paragraph>
      <Heading level={2}>Stap 2: vul de code uit uw app in</Heading>
      <Form action="/mfa/instellen" csrfToken={c.var.csrfToken}>
        <FormField name="code" label="Code" description="6 cijfers" error={errors.code} autocomplete="one-time-code" inputmode="numeric" required />
        <Button>Instellen</Button>
      </Form>
    </Layout>,
    status,
  );
}

async function mfaReplacePage(c: AppContext) {
  const props = await layoutProps(c, 'Nieuwe app voor inlogcodes');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Nieuwe app voor inlogcodes</Heading>
      <Paragraph>
        U heeft al een app voor inlogcodes. Heeft u een nieuwe telefoon? Dan kunt u hier een nieuwe sleutel maken. Uw huidige
        app blijft werken tot u de nieuwe heeft bevestigd met een code.
      </Paragraph>
      <Form action="/mfa/instellen/nieuw" csrfToken={c.var.csrfToken}>
        <Button appearance="secondary">Nieuwe sleutel maken</Button>
      </Form>
      <Paragraph>
        <Link href="/account">Terug naar mijn account</Link>
      </Paragraph>
    </Layout>,
  );
}

async function roleChoicePage(c: AppContext, errors: Record<string, string>, status: 200 | 422 = 200) {
  const a = c.var.auth!;
  const props = await layoutProps(c, 'Kies uw rol', { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Kies uw rol</Heading>
      <ErrorSummary errors={errors} />
      {a.rollen.length === 0 ? (
        <Paragraph>U heeft nog geen rol in Passend. Vraag de beheerder van uw samenwerkingsverband om u een rol te geven.</Paragraph>
      ) : (
        <Form action="/rol-kiezen" csrfToken={c.var.csrfToken}>
          <RadioGroup
            name="rol"
            legend="In welke rol wilt u werken?"
            value={a.actief?.id}
            error={errors.rol}
            options={a.rollen.map((r) => ({
              value: r.id,
              label: [ROL_INFO[r.rol].label, r.vestigingNaam, r.swvNaam ?? r.swvId].filter(Boolean).join(' — '),
            }))}
          />
          <Button>Verder</Button>
        </Form>
      )}
    </Layout>,
    status,
  );
}

function afterLogin(a: auth.AuthContext | null, terug: string): string {
  return terug !== '/' ? terug : a && a.rollen.length > 1 && !a.actief ? '/rol-kiezen' : '/';
}

/** Registers the account routes. */
export function registerAuthRoutes(app: App): void {
  defineRoute(app, 'GET', '/inloggen', { access: 'publiek', summary: 'Inlogformulier voor medewerkers' }, (c) => loginPage(c, {}, {}));

  defineRoute(app, 'POST', '/inloggen', { access: 'publiek', summary: 'Inloggen met e-mail en wachtwoord' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZLogin, values);
    if (!v.ok) return loginPage(c, values, v.errors, 422);
    try {
      const r = await auth.loginWithPassword(authDeps(c.var.deps), { ...v.data, ip: c.var.clientIp, requestId: c.var.requestId });
      setSessionCookie(c, r.token);
      const terug = safeReturnPath(v.data.terug);
      return c.redirect(terug === '/' ? r.next : `${r.next}?terug=${encodeURIComponent(terug)}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') return loginPage(c, values, err.fields ?? {}, 422);
      if (err instanceof AppError && err.code === 'rate_limited') {
        if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
        return loginPage(c, values, { email: err.detail ?? err.title }, 429);
      }
      throw err;
    }
  });

  defineRoute(app, 'GET', '/inloggen/code', { access: 'publiek', summary: 'Code per e-mail aanvragen (ouders, leerlingen)' }, (c) =>
    codeRequestPage(c, { email: c.req.query('email') ?? '' }, {}),
  );

  defineRoute(app, 'POST', '/inloggen/code', { access: 'publiek', summary: 'Stuurt een eenmalige inlogcode' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZEmailOnly, values);
    if (!v.ok) return codeRequestPage(c, values, v.errors, 422);
    try {
      await auth.requestEmailCode(authDeps(c.var.deps), { email: v.data.email, ip: c.var.clientIp });
    } catch (err) {
      if (err instanceof AppError && err.code === 'rate_limited') return codeRequestPage(c, values, { email: err.detail ?? err.title }, 422);
      throw err;
    }
    return codeEnterPage(c, { email: v.data.email }, {});
  });

  defineRoute(app, 'GET', '/inloggen/code/invoeren', { access: 'publiek', summary: 'Formulier om de e-mailcode in te vullen' }, (c) =>
    codeEnterPage(c, { email: c.req.query('email') ?? '' }, {}),
  );

  defineRoute(app, 'POST', '/inloggen/code/invoeren', { access: 'publiek', summary: 'Inloggen met de e-mailcode' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZEmailCode, values);
    if (!v.ok) return codeEnterPage(c, values, v.errors, 422);
    try {
      const r = await auth.loginWithEmailCode(authDeps(c.var.deps), { ...v.data, ip: c.var.clientIp, requestId: c.var.requestId });
      setSessionCookie(c, r.token);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation_failed' || err.code === 'rate_limited')) {
        return codeEnterPage(c, values, err.fields ?? { code: err.detail ?? err.title }, 422);
      }
      throw err;
    }
    return c.redirect('/', 303);
  });

  defineRoute(app, 'GET', '/mfa', { access: 'ingelogd', allowWithoutMfa: true, allowWithoutRole: true, summary: 'Tweede stap: TOTP-code' }, (c) => {
    const a = c.var.auth!;
    if (!a.heeftTotp) return c.redirect('/mfa/instellen', 303);
    return mfaPage(c, {});
  });

  defineRoute(app, 'POST', '/mfa', { access: 'ingelogd', allowWithoutMfa: true, allowWithoutRole: true, summary: 'Controleert de TOTP-code' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZCode, values);
    if (!v.ok) return mfaPage(c, v.errors, 422);
    try {
      await auth.verifySecondFactor(authDeps(c.var.deps), c.var.auth!, v.data.code, c.var.requestId);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation_failed' || err.code === 'rate_limited')) {
        return mfaPage(c, err.fields ?? { code: err.detail ?? err.title }, 422);
      }
      throw err;
    }
    return c.redirect(afterLogin(c.var.auth, safeReturnPath(c.req.query('terug'))), 303);
  });

  defineRoute(app, 'GET', '/mfa/instellen', { access: 'ingelogd', allowWithoutMfa: true, allowWithoutRole: true, summary: 'TOTP instellen (of een nieuwe app klaarzetten)' }, async (c) => {
    const a = c.var.auth!;
    // With a confirmed factor this page changes nothing: the user first passes the current factor, then asks
    // for a new key with a POST. Only then is a new key pending; the old one works until the new one is confirmed.
    if (a.heeftTotp && !a.isMfaGeldig) return c.redirect('/mfa', 303);
    const deps = authDeps(c.var.deps);
    const pending = await auth.pendingTotpSecret(deps, a);
    if (pending) return mfaSetupPage(c, pending, {});
    if (a.heeftTotp) return mfaReplacePage(c);
    return mfaSetupPage(c, await auth.beginTotpSetup(deps, a), {});
  });

  defineRoute(app, 'POST', '/mfa/instellen/nieuw', { access: 'ingelogd', allowWithoutRole: true, summary: 'Zet een nieuwe TOTP-sleutel klaar (oude blijft geldig tot bevestiging)' }, async (c) => {
    await auth.beginTotpSetup(authDeps(c.var.deps), c.var.auth!);
    return c.redirect('/mfa/instellen', 303);
  });

  defineRoute(app, 'POST', '/mfa/instellen', { access: 'ingelogd', allowWithoutMfa: true, allowWithoutRole: true, summary: 'Bevestigt de nieuwe TOTP-sleutel' }, async (c) => {
    const a = c.var.auth!;
    if (a.heeftTotp && !a.isMfaGeldig) return c.redirect('/mfa', 303);
    const deps = authDeps(c.var.deps);
    const values = await readForm(c);
    const secret = await auth.pendingTotpSecret(deps, a);
    if (!secret) return c.redirect('/mfa/instellen', 303);
    const v = validate(ZCode, values);
    if (!v.ok) return mfaSetupPage(c, secret, v.errors, 422);
    try {
      await auth.verifySecondFactor(deps, a, v.data.code, c.var.requestId, { setup: true });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation_failed' || err.code === 'rate_limited')) {
        return mfaSetupPage(c, secret, err.fields ?? { code: err.detail ?? err.title }, 422);
      }
      throw err;
    }
    await setFlash(c, { kind: 'ok', text: 'Tweestapsverificatie is ingesteld. Voortaan vraagt Passend bij het inloggen om een code uit uw app.' });
    return c.redirect(afterLogin(a, '/'), 303);
  });

  defineRoute(app, 'GET', '/rol-kiezen', { access: 'ingelogd', allowWithoutRole: true, summary: 'Rol kiezen' }, (c) => roleChoicePage(c, {}));

  defineRoute(app, 'POST', '/rol-kiezen', { access: 'ingelogd', allowWithoutRole: true, summary: 'Zet de actieve rol van de sessie' }, async (c) => {
    const values = await readForm(c);
    try {
      await auth.chooseRole(authDeps(c.var.deps), c.var.auth!, values.rol ?? '');
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') return roleChoicePage(c, err.fields ?? {}, 422);
      throw err;
    }
    return c.redirect('/', 303);
  });

  defineRoute(app, 'POST', '/uitloggen', { access: 'ingelogd', allowWithoutMfa: true, allowWithoutRole: true, summary: 'Uitloggen' }, async (c) => {
    await auth.logout(authDeps(c.var.deps), c.var.auth!, c.var.requestId);
    clearSessionCookie(c);
    c.header('Clear-Site-Data', '"cache"');
    await setFlash(c, { kind: 'ok', text: 'U bent uitgelogd.' });
    return c.redirect('/', 303);
  });

  defineRoute(app, 'GET', '/account', { access: 'ingelogd', allowWithoutRole: true, summary: 'Eigen account en rollen' }, async (c) => {
    const a = c.var.auth!;
    const props = await layoutProps(c, 'Mijn account');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Mijn account</Heading>
        <DataList
          items={[
            { key: 'Naam', value: a.gebruiker.naam },
            { key: 'E-mailadres', value: a.gebruiker.email },
            { key: 'Inloggen', value: a.heeftWachtwoord ? 'Wachtwoord en code uit app' : 'Code per e-mail' },
            { key: 'Huidige rol', value: a.actief ? ROL_INFO[a.actief.rol].label : 'Nog niet gekozen' },
          ]}
        />
        {a.rollen.length > 1 && (
          <Paragraph>
            <Link href="/rol-kiezen">Andere rol kiezen</Link>
          </Paragraph>
        )}
        {a.heeftWachtwoord && (
          <Paragraph>
            <Link href="/mfa/instellen">App voor inlogcodes opnieuw instellen</Link>
          </Paragraph>
        )}
      </Layout>,
    );
  });
}
