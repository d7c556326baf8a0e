/**
 * Outcome of a rule that checks input from outside (a DUO file, a form): either the value or a plain-Dutch reason
 * that an import report or a form can show as is.
 */
export type Resultaat<T> = { ok: true; waarde: T } | { ok: false; reden: string };

/** A successful outcome. */
export function gelukt<T>(waarde: T): Resultaat<T> {
  return { ok: true, waarde };
}

/** A rejected input with its Dutch reason. */
export function mislukt<T = never>(reden: string): Resultaat<T> {
  return { ok: false, reden };
}
