/**
 * One error type for the whole app: a stable code maps to an HTTP status and a Dutch title. Routes turn it into
 * application/problem+json (API) or a Dutch error page (HTML). Never throw strings.
 */
export const ERROR_CODES = {
  validation_failed: { status: 422, title: 'De invoer klopt niet' },
  bad_request: { status: 400, title: 'Het verzoek klopt niet' },
  unauthenticated: { status: 401, title: 'Log eerst in' },
  mfa_required: { status: 401, title: 'Bevestig eerst met uw tweede stap (code uit uw app)' },
  forbidden: { status: 403, title: 'Geen toegang' },
  csrf_failed: { status: 403, title: 'Het formulier is verlopen of komt niet van Passend' },
  not_found: { status: 404, title: 'Niet gevonden' },
  method_not_allowed: { status: 405, title: 'Deze actie kan hier niet' },
  conflict: { status: 409, title: 'Iemand anders heeft dit intussen gewijzigd' },
  payload_too_large: { status: 413, title: 'Het verzoek is te groot' },
  unsupported_media_type: { status: 415, title: 'Dit soort gegevens kan Passend hier niet lezen' },
  rate_limited: { status: 429, title: 'Te veel pogingen' },
  database_locked: { status: 503, title: 'De database is al in gebruik' },
  database_unreadable: { status: 503, title: 'De database kan niet worden geopend' },
  internal: { status: 500, title: 'Er ging iets mis bij ons' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  /** Plain-Dutch explanation for the user. */
  detail?: string;
  /** Per-field Dutch messages (validation). */
  fields?: Record<string, string>;
  cause?: unknown;
  /** Seconds until a retry may succeed (429). */
  retryAfter?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly fields?: Record<string, string>;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, opts: AppErrorOptions = {}) {
    super(opts.detail ?? ERROR_CODES[code].title, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
    this.detail = opts.detail;
    this.fields = opts.fields;
    this.retryAfter = opts.retryAfter;
  }
}

/** Rejects with a rule's Dutch messages (422, keyed by field) when there are any; nothing is saved then. */
export function weigerBijFouten(fouten: Record<string, string>): void {
  if (Object.keys(fouten).length) throw new AppError('validation_failed', { fields: fouten, detail: Object.values(fouten).join(' ') });
}
