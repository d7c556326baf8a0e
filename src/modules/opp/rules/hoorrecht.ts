/**
 * Hoorrecht and the parents' own view (issue 6, items 3, 6 and 7). Pure.
 *
 * - Wet versterking positie ouders en leerlingen in het passend onderwijs (Kamerstuk 36 443; legal-rules §2.9): a
 *   pupil who needs extra support may freely give their view on the support in their OPP. How it must be recorded is
 *   UNCONFIRMED: we record it in the pupil's own words, or the reason it could not be obtained, and what the school
 *   did with it (required from the date in parameters.ts HOORRECHT).
 * - The form fits the pupil's age: short questions in simple words for young pupils, more for older ones. The age
 *   limit of 12 between the two, and the default age of 12 for the pupil portal, are our choices (in line with the
 *   age from which pupils are heard in the WMS and join the leerlingenraad); the SWV can set the portal age between
 *   8 and 18.
 */
import type { Antwoord } from './inhoud.js';

export type MeningVan = 'leerling' | 'ouder';
export type MeningVorm = 'gesprek' | 'formulier' | 'online';

export interface Vraag {
  code: string;
  tekst: string;
  /** A hint under the question. */
  hulp?: string;
}

/** The pupil portal's default age (the SWV may change it). */
export const LEERLING_PORTAAL_STANDAARD = 12;
export const LEERLING_PORTAAL_MIN = 8;
export const LEERLING_PORTAAL_MAX = 18;
/** From this age the longer form is used. */
export const OUDERE_LEERLING_VANAF = 12;

const JONG: Vraag[] = [
  { code: 'goed', tekst: 'Wat gaat goed op school?' },
  { code: 'moeilijk', tekst: 'Wat vind je moeilijk?' },
  { code: 'helpt', tekst: 'Wat helpt jou?', hulp: 'Bijvoorbeeld: iemand die naast je zit, een rustig plekje, extra uitleg.' },
  { code: 'wens', tekst: 'Wat wil je dat er anders gaat?' },
];

const OUDER: Vraag[] = [
  { code: 'goed', tekst: 'Wat gaat goed op school?' },
  { code: 'moeilijk', tekst: 'Waar loop je tegenaan?' },
  { code: 'ondersteuning', tekst: 'Wat vind je van de hulp die je nu krijgt?', hulp: 'Helpt het? Is het te veel of te weinig?' },
  { code: 'wens', tekst: 'Wat wil je anders, of wat wil je zelf leren?' },
  { code: 'later', tekst: 'Wat wil je later gaan doen?' },
];

const OUDERS: Vraag[] = [
  { code: 'herkenning', tekst: 'Herkent u uw kind in dit ontwikkelingsperspectief?' },
  { code: 'thuis', tekst: 'Wat ziet u thuis dat de school moet weten?' },
  { code: 'ondersteuning', tekst: 'Wat vindt u van de ondersteuning die de school voorstelt?' },
  { code: 'wens', tekst: 'Wat wilt u anders?' },
];

/** The questions of the view form for a pupil of `leeftijd`, or for the parents. */
export function vragenVoor(van: MeningVan, leeftijd: number): readonly Vraag[] {
  if (van === 'ouder') return OUDERS;
  return leeftijd >= OUDERE_LEERLING_VANAF ? OUDER : JONG;
}

/** Whether a pupil of this age may use the pupil portal under the SWV's setting. */
export function magLeerlingPortaal(leeftijd: number, vanafLeeftijd: number): boolean {
  return leeftijd >= vanafLeeftijd;
}

/** The SWV's portal age: a whole number from 8 to 18, else a Dutch message. */
export function controleerPortaalLeeftijd(n: number): string | null {
  return Number.isInteger(n) && n >= LEERLING_PORTAAL_MIN && n <= LEERLING_PORTAAL_MAX
    ? null
    : `Kies een leeftijd van ${LEERLING_PORTAAL_MIN} tot en met ${LEERLING_PORTAAL_MAX} jaar.`;
}

/** The answers that were filled in, with the question's text (so the record reads without the form). */
export function antwoordenVan(vragen: readonly Vraag[], ingevuld: Record<string, string | undefined>): Antwoord[] {
  return vragen
    .map((v) => ({ vraag: v.tekst, antwoord: (ingevuld[v.code] ?? '').trim() }))
    .filter((a) => a.antwoord.length > 0);
}

/**
 * Messages for a view that cannot be recorded: a view needs at least one answer in the person's words; "could not be
 * heard" needs the reason. Keyed by form field.
 */
export function controleerMening(m: { soort: 'mening' | 'niet-gehoord'; antwoorden: readonly Antwoord[]; reden?: string | null }, eersteVraag: string): Record<string, string> {
  if (m.soort === 'niet-gehoord') {
    return (m.reden ?? '').trim() ? {} : { reden: 'Schrijf op waarom de mening van de leerling niet gevraagd kon worden.' };
  }
  return m.antwoorden.length > 0 ? {} : { [eersteVraag]: 'Beantwoord ten minste één vraag.' };
}
