/**
 * Turning errors into answers: API clients get application/problem+json (RFC 9457) in Dutch, browsers a Dutch
 * page with the right status. Unexpected errors are logged with the request id and shown as a 500 page with that
 * id as reference; their details never reach the user.
 */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, AppContext } from './env.js';
import { AppError } from '../errors.js';
import { wantsJson } from './policy.js';
import { layoutProps } from './render.js';
import { NotFoundPage, ForbiddenPage, ServerErrorPage, TooManyRequestsPage } from '../views/pages.js';
import { Layout } from '../views/layout.js';
import { Heading, Paragraph, Link } from '../views/components.js';

/** The problem+json body for an AppError. */
export function problemBody(err: AppError, instance?: string) {
  return {
    type: `/problemen/${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.detail ?? err.title,
    ...(err.fields ? { velden: err.fields } : {}),
    ...(instance ? { instance } : {}),
  };
}

function problem(c: AppContext, err: AppError) {
  if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
  return c.body(JSON.stringify(problemBody(err, c.var.requestId ? `urn:passend:verzoek:${c.var.requestId}` : undefined)), err.status as 400, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}

async function page(c: AppContext, err: AppError) {
  // The error page must render even when the request never got as far as the session middleware.
  const props = c.var.deps ? await layoutProps(c, err.title).catch(() => ({ title: err.title })) : { title: err.title };
  const { title: _t, ...rest } = props;
  let body;
  switch (err.code) {
    case 'not_found':
      body = <NotFoundPage {...rest} />;
      break;
    case 'forbidden':
      body = <ForbiddenPage {...rest} reden={err.detail} />;
      break;
    case 'rate_limited':
      if (err.retryAfter) c.header('Retry-After', String(err.retryAfter));
      body = <TooManyRequestsPage {...rest} retryAfterSeconds={err.retryAfter} />;
      break;
    case 'internal':
      body = <ServerErrorPage {...rest} referenceId={c.var.requestId} />;
      break;
    default:
      body = (
        <Layout {...rest} title={err.title}>
          <Heading level={1}>{err.title}</Heading>
          <Paragraph>{err.detail ?? 'Probeer het opnieuw.'}</Paragraph>
          <Paragraph>
            <Link href="/">Ga naar de startpagina</Link>
          </Paragraph>
        </Layout>
      );
  }
  return c.html(String(body), err.status as 400);
}

/** Answers an AppError in the form the client expects. */
export function respondError(c: AppContext, err: AppError) {
  return wantsJson(c) ? problem(c, err) : page(c, err);
}

/** PostgreSQL errors about the *value* sent (bad encoding, bad number/date text): the input was wrong, not us. */
const INPUT_SQLSTATES = new Set(['22021', '22P05', '22P02', '22007', '22008', '22003', '22001', '54000']);

function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.cause?.code === 'string' ? e.cause.code : typeof e.code === 'string' ? e.code : undefined;
  return code;
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return respondError(c, err);
  const state = sqlState(err);
  if (state && INPUT_SQLSTATES.has(state)) return respondError(c, new AppError('bad_request', { detail: 'De invoer bevat tekens of waarden die Passend niet kan verwerken.' }));
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'bad_request';
    return respondError(c, new AppError(code));
  }
  // Only the error's kind, SQLSTATE and stack frames: a database error's message carries the query parameters,
  // which can be pupil or parent data, and logs must never hold those.
  c.var.deps?.logger.error(
    { reqId: c.var.requestId, error: (err as Error).name, sqlstate: state, stack: (err as Error).stack?.split('\n').slice(1, 8).join('\n') },
    'onverwachte fout',
  );
  return respondError(c, new AppError('internal'));
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) => respondError(c, new AppError('not_found'));
