/**
 * The shared vocabulary of support: the domains (ondersteuningsdomeinen) a school describes its offer in, the
 * levels of support, and the facilities a building can have. The OPP (ondersteuningsbehoefte) and the TLV use the
 * same domain list, so a parent's need, a pupil's OPP and a school's offer can be compared word for word.
 *
 * Sources: the domain list of the issue (ondersteuningsaanbod per school); the three subjects of the coming
 * national norm for basisondersteuning — lezen/spellen en dyslexie, (hoog)begaafdheid, leergedrag (Kamerbrief
 * 24-04-2025 "De volgende stap in de verbetering van passend onderwijs", legal-rules §4.11, not law yet);
 * basisondersteuning at all schools of an SWV (WPO 18a lid 8 sub a, WVO 17a lid 8 sub a; legal-rules §4.5).
 */

export const DOMEIN_CODES = [
  'leren',
  'taal-lezen',
  'rekenen',
  'gedrag',
  'sociaal-emotioneel',
  'begaafdheid',
  'communicatie',
  'fysiek-medisch',
  'zintuiglijk',
] as const;

export type DomeinCode = (typeof DOMEIN_CODES)[number];

export interface DomeinInfo {
  code: DomeinCode;
  /** Plain Dutch label, as a parent would say it. */
  label: string;
  /** One sentence (B1) that says what falls under it. */
  uitleg: string;
}

export const DOMEINEN: Record<DomeinCode, DomeinInfo> = {
  leren: { code: 'leren', label: 'Leren en ontwikkeling', uitleg: 'Voor kinderen die moeite hebben met leren, met plannen of met werken zonder hulp.' },
  'taal-lezen': { code: 'taal-lezen', label: 'Taal, lezen en dyslexie', uitleg: 'Voor kinderen die moeite hebben met lezen of spellen, ook bij dyslexie.' },
  rekenen: { code: 'rekenen', label: 'Rekenen en dyscalculie', uitleg: 'Voor kinderen die moeite hebben met rekenen, ook bij dyscalculie.' },
  gedrag: { code: 'gedrag', label: 'Gedrag', uitleg: 'Voor kinderen die vaak botsen met anderen, snel boos worden of moeilijk stil kunnen zitten.' },
  'sociaal-emotioneel': { code: 'sociaal-emotioneel', label: 'Sociaal en emotioneel', uitleg: 'Voor kinderen die angstig, somber of erg onzeker zijn, of moeilijk contact maken.' },
  begaafdheid: { code: 'begaafdheid', label: '(Hoog)begaafdheid', uitleg: 'Voor kinderen die veel sneller leren dan anderen en meer uitdaging nodig hebben.' },
  communicatie: { code: 'communicatie', label: 'Spraak, taal en communicatie', uitleg: 'Voor kinderen die moeite hebben met praten of met begrijpen wat anderen zeggen.' },
  'fysiek-medisch': { code: 'fysiek-medisch', label: 'Lichamelijk en medisch', uitleg: 'Voor kinderen met een lichamelijke beperking, een ziekte of medische zorg op school.' },
  zintuiglijk: { code: 'zintuiglijk', label: 'Zien en horen', uitleg: 'Voor kinderen die slecht zien of slecht horen.' },
};

/** True for a known domain code. */
export function isDomeinCode(s: string): s is DomeinCode {
  return (DOMEIN_CODES as readonly string[]).includes(s);
}

/**
 * Levels of support, lightest first. "Basis" is what every school of the SWV offers (basisondersteuning, legal-rules
 * §4.5a); "extra" is the school's own additional offer; "specialistisch" needs specialised staff or a setting such
 * as sbo/(v)so.
 */
export const NIVEAU_CODES = ['basis', 'extra', 'specialistisch'] as const;
export type Niveau = (typeof NIVEAU_CODES)[number];

export const NIVEAUS: Record<Niveau, { label: string; uitleg: string }> = {
  basis: { label: 'Basisondersteuning', uitleg: 'Wat elke school in het samenwerkingsverband biedt.' },
  extra: { label: 'Extra ondersteuning', uitleg: 'Meer dan de basis, op deze school zelf.' },
  specialistisch: { label: 'Specialistische ondersteuning', uitleg: 'Met specialisten of in een speciale groep.' },
};

/** True for a known level. */
export function isNiveau(s: string): s is Niveau {
  return (NIVEAU_CODES as readonly string[]).includes(s);
}

/** Rank of a level: 0 basis, 1 extra, 2 specialistisch. */
export function niveauRang(n: Niveau): number {
  return NIVEAU_CODES.indexOf(n);
}

/** Facilities a school building or team can have; free text beside them covers the rest. */
export const VOORZIENING_CODES = [
  'lift',
  'rolstoeltoegankelijk',
  'aangepast-toilet',
  'verzorgingsruimte',
  'prikkelarme-ruimte',
  'rustplek',
  'kleine-groep',
  'geluidsveldsysteem',
  'orthopedagoog',
  'logopedist',
  'gedragsspecialist',
  'zorg-op-school',
] as const;
export type VoorzieningCode = (typeof VOORZIENING_CODES)[number];

export const VOORZIENINGEN: Record<VoorzieningCode, string> = {
  lift: 'Lift',
  rolstoeltoegankelijk: 'Toegankelijk met een rolstoel',
  'aangepast-toilet': 'Aangepast toilet',
  verzorgingsruimte: 'Verzorgingsruimte',
  'prikkelarme-ruimte': 'Prikkelarme ruimte',
  rustplek: 'Rustige plek om even bij te komen',
  'kleine-groep': 'Les in een kleine groep',
  geluidsveldsysteem: 'Geluidsversterking in de klas (voor slechthorende kinderen)',
  orthopedagoog: 'Orthopedagoog of psycholoog in het team',
  logopedist: 'Logopedist op school',
  gedragsspecialist: 'Gedragsspecialist in het team',
  'zorg-op-school': 'Medische zorg of verpleging op school',
};

/** True for a known facility code. */
export function isVoorzieningCode(s: string): s is VoorzieningCode {
  return (VOORZIENING_CODES as readonly string[]).includes(s);
}
