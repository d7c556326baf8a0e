/**
 * Reading and validating input. Forms re-render with inline Dutch messages (422) and keep what was typed; API
 * calls get application/problem+json. Nothing here throws a 500 on user input.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import { EMAIL_PATROON } from '../email.js';
import { isCivilDate } from '../civil-date.js';
import type { AppContext } from './env.js';

// Fallback messages in Dutch for any schema without its own message; our schemas set plain-Dutch ones.
z.config(z.locales.nl());

export type FormValues = Record<string, string>;

/** NUL and other control characters (tab, newline and return excepted) never belong in a form or a query. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A query-string value, with control characters removed and a length cap: safe to search with. */
export function queryText(c: AppContext, name: string, max = 100): string {
  return (c.req.query(name) ?? '').replace(new RegExp(CONTROL.source, 'g'), '').trim().slice(0, max);
}

/** Maximum size of one field: generous for free text, small enough to refuse junk. */
const MAX_FIELD = 20_000;

/** Reads an urlencoded or multipart form as strings (files ignored). 415 for other content types. */
export async function readForm(c: AppContext): Promise<FormValues> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type', { detail: 'Stuur dit formulier als gewoon webformulier.' });
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError('bad_request', { detail: 'Het formulier kon niet worden gelezen.' });
  }
  const out: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && CONTROL.test(value)) {
      throw new AppError('bad_request', { detail: 'Het formulier bevat onzichtbare of ongeldige tekens. Typ de tekst opnieuw.' });
    }
    // A field sent twice (parameter pollution, ASVS 15.3.7): take the first string.
    const v = Array.isArray(value) ? value.find((x) => typeof x === 'string') : value;
    if (typeof v === 'string') out[key] = v.slice(0, MAX_FIELD);
  }
  return out;
}

/**
 * The text of an uploaded file from a multipart form (after readForm). `undefined` when no file was chosen, `null`
 * when it is larger than `maxBytes`. Control characters other than tab/newline/return → 400, as in form fields.
 */
export async function readUpload(c: AppContext, name: string, maxBytes: number): Promise<string | null | undefined> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError('bad_request', { detail: 'Het formulier kon niet worden gelezen.' });
  }
  const value = body[name];
  const file = Array.isArray(value) ? value.find((x) => x instanceof File) : value;
  if (!(file instanceof File) || file.size === 0) return undefined;
  if (file.size > maxBytes) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
  if (CONTROL.test(text)) {
    throw new AppError('bad_request', { detail: 'Het bestand bevat onzichtbare of ongeldige tekens. Sla het op als gewone tekst (UTF-8) en probeer het opnieuw.' });
  }
  return text;
}

/** Reads a JSON body: 415 when it is not JSON, 400 when it does not parse or is not an object. */
export async function readJson(c: AppContext): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    throw new AppError('unsupported_media_type', { detail: 'Stuur de gegevens als JSON (Content-Type: application/json).' });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('bad_request', { detail: 'De JSON in het verzoek is niet geldig.' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('bad_request', { detail: 'Stuur een JSON-object met de velden.' });
  }
  return body as Record<string, unknown>;
}

/** Zod issues → one Dutch message per field (the first issue of each field wins). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** Validates input with a schema; never throws on bad input. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrors(r.error) };
}

/** Validates or throws a 422 AppError with field messages (for API routes). */
export function validateOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = validate(schema, input);
  if (!r.ok) throw new AppError('validation_failed', { fields: r.errors, detail: Object.values(r.errors).join(' ') });
  return r.data;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot exist: answer 404 before it reaches the database (which would error). */
export function uuidParam(c: AppContext, name = 'id'): string {
  const v = c.req.param(name) ?? '';
  if (!UUID_RE.test(v)) throw new AppError('not_found');
  return v.toLowerCase();
}

/** Reusable field schemas with plain-Dutch messages. */
export const fields = {
  requiredText: (label: string, max = 200) =>
    z.string({ error: `Vul ${label} in.` }).trim().min(1, { error: `Vul ${label} in.` }).max(max, { error: `${capitalize(label)} mag hoogstens ${max} tekens zijn.` }),
  optionalText: (label: string, max = 200) =>
    z.string().trim().max(max, { error: `${capitalize(label)} mag hoogstens ${max} tekens zijn.` }).optional()
      .transform((v) => (v ? v : undefined)),
  /** A required civil date (YYYY-MM-DD); `voorbeeld` is the example date shown in the message. */
  civilDate: (label: string, voorbeeld: string) =>
    z.string({ error: `Vul ${label} in.` }).trim().min(1, { error: `Vul ${label} in.` })
      .refine(isCivilDate, { error: `Vul ${label} in als jaar-maand-dag, bijvoorbeeld ${voorbeeld}.` }),
  email: (label = 'het e-mailadres') =>
    z.string({ error: `Vul ${label} in.` }).trim().min(1, { error: `Vul ${label} in.` })
      .max(254, { error: 'Dit e-mailadres is te lang.' })
      .regex(EMAIL_PATROON, { error: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' })
      .transform((v) => v.toLowerCase()),
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** How a command behind a form ended when it did not succeed: the rule's messages (422) or a conflict (409). */
export interface FormulierFout {
  errors: Record<string, string>;
  status: 409 | 422;
  /** The reason of a 409, in Dutch. */
  melding?: string;
}

/**
 * Runs a command behind a form. Null when it succeeded; a validation error or a conflict (someone else saved, or
 * the state changed) comes back as a FormulierFout, so the page re-renders with the input kept; anything else is thrown.
 */
export async function probeerFormulier(fn: () => Promise<void>): Promise<FormulierFout | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') return { errors: err.fields ?? {}, status: 422 };
    if (err instanceof AppError && err.code === 'conflict') return { errors: {}, status: 409, melding: err.detail };
    throw err;
  }
}
