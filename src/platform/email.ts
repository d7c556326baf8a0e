/**
 * The one check of an e-mail address's form (something@domain.tld, no spaces): used by zod fields, hand-written
 * form parsers and commands that take input from the API or imports.
 */
export const EMAIL_PATROON = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True when the text looks like an e-mail address. */
export function isEmailadres(s: string): boolean {
  return EMAIL_PATROON.test(s);
}
