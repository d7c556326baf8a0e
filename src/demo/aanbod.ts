/**
 * The demo's ondersteuningsaanbod: a published SWV profile for PO2603, its basisondersteuning for the previous and
 * the current school year, and adopted offers of its real schools. All content is fictitious (is_demo = true, the
 * pages show a demo label) but reads like a real school wrote it, so the school finder, the school pages and the SWV
 * overview have something to show on a fresh install.
 *
 * Deterministic: the content of a school comes from a PRNG seeded by its vestigingscode, so every install (and the
 * benchmark, which reuses {@link maakDemoInhoud} for all schools of the country) gets the same texts. Idempotent
 * through its own app_meta mark ('demo-aanbod'), separate from the demo seed's mark, so a demo install made before
 * this existed gets the offers on its next start.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { first, rows, type Database } from '../platform/db/client.js';
import type { Clock } from '../platform/clock.js';
import { addDays, schoolYearOf, type CivilDate } from '../platform/civil-date.js';
import { basisondersteuning, ondersteuningsaanbod, swvProfiel } from '../modules/aanbod/schema.js';
import { DOMEIN_CODES, type DomeinCode, type Niveau, type VoorzieningCode } from '../modules/aanbod/rules/domeinen.js';
import type { AanbodInhoud, BasisBevestiging, BasisOnderdeel, DomeinAanbod, MrAdvies, SwvDocument } from '../modules/aanbod/rules/typen.js';
import { DEMO_SWV, DEMO_VESTIGING } from './logins.js';
import { isDemoDatabase, prng } from './seed.js';

/** The app_meta key that says the demo offers were written (value 'true'). */
export const DEMO_AANBOD_MARK = 'demo-aanbod';

/** The kinds of school location that describe an ondersteuningsaanbod (primary and special education). */
export const AANBOD_SOORTEN = ['bao', 'sbo', 'so', 'vso', 'so/vso'] as const;

/** Share of the demo schools (other than the demo school) that have no offer for the current year yet. */
const ZONDER_HUIDIG_AANDEEL = 0.15;
/** How many bao schools in Zeist get 'gedrag' and 'taal-lezen' at 'extra' for sure (the browser tests need ≥ 4). */
const ZEIST_GEGARANDEERD = 6;

// ---------------------------------------------------------------------------------------------------------------
// Seeds

/** A 32-bit seed from a string (FNV-1a), so a school's content depends only on its code. */
export function zaadVan(tekst: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tekst.length; i++) {
    h ^= tekst.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rnd = () => number;

const kies = <T,>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Picks `n` distinct items, each with its weight (no repeats). */
function kiesGewogen<T>(rnd: Rnd, gewichten: readonly (readonly [T, number])[], n: number): T[] {
  const over = gewichten.filter(([, g]) => g > 0).map(([x, g]) => [x, g] as [T, number]);
  const gekozen: T[] = [];
  while (gekozen.length < n && over.length) {
    const som = over.reduce((s, [, g]) => s + g, 0);
    let r = rnd() * som;
    let i = 0;
    while (i < over.length - 1 && r >= over[i]![1]) {
      r -= over[i]![1];
      i += 1;
    }
    gekozen.push(over[i]![0]);
    over.splice(i, 1);
  }
  return gekozen;
}

// ---------------------------------------------------------------------------------------------------------------
// The SWV's basisondersteuning (the same items in both demo years)

/**
 * The demo SWV's basisondersteuning: what every school of PO2603 offers. The items follow the subjects of the coming
 * national norm (reading and dyslexia, giftedness, learning behaviour; legal-rules §4.11) plus the usual ones.
 */
export const DEMO_BASIS: readonly BasisOnderdeel[] = [
  { code: 'b1', domein: 'taal-lezen', omschrijving: 'Wij werken met het dyslexieprotocol: wij zien leesproblemen vroeg en geven extra leeshulp, ook als een kind (nog) geen dyslexieverklaring heeft.' },
  { code: 'b2', domein: 'taal-lezen', omschrijving: 'Kinderen die achterlopen met lezen krijgen een paar keer per week leesbegeleiding in een klein groepje.' },
  { code: 'b3', domein: 'rekenen', omschrijving: 'Kinderen die moeite hebben met rekenen krijgen extra uitleg en meer oefentijd in de klas.' },
  { code: 'b4', domein: 'gedrag', omschrijving: 'Elke school heeft een aanpak tegen pesten en een vaste persoon bij wie kinderen en ouders met pestzorgen terechtkunnen.' },
  { code: 'b5', domein: 'sociaal-emotioneel', omschrijving: 'Wij volgen hoe het met elk kind gaat en nemen contact met u op als wij ons zorgen maken.' },
  { code: 'b6', domein: 'begaafdheid', omschrijving: 'Hoogbegaafdheid: kinderen die veel sneller leren krijgen verrijking in de klas, met minder herhaling en uitdagender werk.' },
  { code: 'b7', domein: 'leren', omschrijving: 'Kinderen die moeite hebben met plannen of zelfstandig werken krijgen hulpmiddelen, zoals een dagplanning of een stappenplan.' },
  { code: 'b8', domein: 'fysiek-medisch', omschrijving: 'Wij maken met ouders afspraken over medicijnen en medische handelingen op school, volgens een vast protocol.' },
];

// ---------------------------------------------------------------------------------------------------------------
// Texts per domain and level

interface Teksten {
  watWijDoen: readonly string[];
  expertise: readonly string[];
  grenzen: readonly string[];
}

const TEKSTEN: Record<DomeinCode, Record<Niveau, Teksten>> = {
  leren: {
    basis: {
      watWijDoen: ['Uw kind krijgt in de klas extra uitleg aan de instructietafel. De leerkracht helpt met plannen, bijvoorbeeld met een dagtaak op papier.',
        'Wij werken met een weektaak en korte stappenplannen, zodat kinderen leren om zelfstandig te werken.'],
      expertise: ['Alle leerkrachten geven uitleg op drie niveaus. De intern begeleider denkt mee met de leerkracht en met u.'],
      grenzen: ['Extra hulp gebeurt in de klas; wij hebben geen eigen remedial teacher.', 'Meer dan twee keer per week hulp buiten de klas kunnen wij niet bieden.'],
    },
    extra: {
      watWijDoen: ['Uw kind kan een paar keer per week werken in een kleine groep met een onderwijsassistent. Samen met u maken wij een plan met doelen en dat bespreken wij elke zes weken.',
        'Kinderen die het tempo van de groep niet kunnen volgen, krijgen voor één of twee vakken een eigen leerlijn, met hulp van de intern begeleider.'],
      expertise: ['Een leerkracht met een master Educational Needs en twee onderwijsassistenten.', 'De intern begeleider is ook orthopedagoog.'],
      grenzen: ['Een eigen leerlijn lukt voor één of twee vakken, niet voor alle vakken tegelijk.', 'De hele dag één-op-één begeleiding kunnen wij niet bieden.'],
    },
    specialistisch: {
      watWijDoen: ['Uw kind leert in een kleine groep van twaalf tot vijftien kinderen, met een leerkracht en een assistent. Elk kind heeft een eigen plan dat wij twee keer per jaar met u bespreken.',
        'Wij werken met een eigen leerlijn per kind, met veel herhaling en vaste routines door de dag heen.'],
      expertise: ['Een orthopedagoog, een psycholoog en leerkrachten met een specialistische opleiding.'],
      grenzen: ['Kinderen die vooral medische zorg nodig hebben, kunnen wij niet goed helpen.', 'Bij een grote achterstand op alle vakken tegelijk zoeken wij samen met u en het samenwerkingsverband naar een betere plek.'],
    },
  },
  'taal-lezen': {
    basis: {
      watWijDoen: ['Wij volgen het dyslexieprotocol. Kinderen die moeite hebben met lezen, oefenen extra in een klein groepje.',
        'Wij lezen elke dag met de hele klas. Kinderen die achterlopen, krijgen extra leestijd met een leesmaatje.'],
      expertise: ['Een leesspecialist in het team die leerkrachten helpt.', 'Alle leerkrachten kennen het dyslexieprotocol.'],
      grenzen: ['Onderzoek naar dyslexie doen wij niet zelf; daarvoor verwijzen wij u door.', 'Dyslexiebehandeling vindt buiten school plaats.'],
    },
    extra: {
      watWijDoen: ['Kinderen met dyslexie krijgen voorleessoftware en meer tijd bij toetsen. Drie keer per week oefenen zij in een klein groepje met een leesspecialist.',
        'Een leesspecialist begeleidt kinderen die ver achterlopen, een paar keer per week. De behandelaar van buiten school mag op school werken.'],
      expertise: ['Een leesspecialist met een opleiding dyslexie.', 'Twee leerkrachten met een opleiding taal- en leescoördinator.'],
      grenzen: ['Wij kunnen niet elke dag één-op-één leesbegeleiding geven.', 'De vergoede dyslexiezorg zelf regelt u via de gemeente; wij werken er wel mee samen.'],
    },
    specialistisch: {
      watWijDoen: ['Kinderen met ernstige lees- en taalproblemen krijgen elke dag les in een kleine groep, met een eigen leesplan en hulpmiddelen.'],
      expertise: ['Een logopedist en een dyslexiespecialist werken in de school.'],
      grenzen: ['Een plek in deze groep gaat in overleg met het samenwerkingsverband.'],
    },
  },
  rekenen: {
    basis: {
      watWijDoen: ['Kinderen die moeite hebben met rekenen krijgen extra uitleg en oefenen met materiaal dat zij kunnen vastpakken.'],
      expertise: ['Een rekencoördinator in het team.'],
      grenzen: ['Onderzoek naar dyscalculie doen wij niet zelf.'],
    },
    extra: {
      watWijDoen: ['Kinderen met dyscalculie of grote rekenproblemen krijgen twee keer per week rekenles in een klein groepje en mogen hulpmiddelen gebruiken, zoals een tafelkaart.',
        'Wij werken met een eigen rekenplan voor kinderen die ver achterlopen, met een rekenspecialist.'],
      expertise: ['Een rekenspecialist met een opleiding dyscalculie.'],
      grenzen: ['Een eigen rekenleerlijn kan, maar alleen in overleg met de intern begeleider en u.'],
    },
    specialistisch: {
      watWijDoen: ['Rekenen gebeurt in kleine groepen, op het niveau van het kind, met veel herhaling en concreet materiaal.'],
      expertise: ['Leerkrachten met een specialistische opleiding rekenen.'],
      grenzen: ['Een diploma op het niveau van de groep is niet voor elk kind haalbaar; wij werken met eigen doelen.'],
    },
  },
  gedrag: {
    basis: {
      watWijDoen: ['Wij werken met duidelijke regels die voor de hele school gelden. Bij ruzie of pesten grijpen wij snel in en praten wij met de kinderen en met u.',
        'Elke groep begint het jaar met afspraken over hoe wij met elkaar omgaan. Er is een vaste persoon voor pestzorgen.'],
      expertise: ['Alle leerkrachten zijn geschoold in een schoolbrede aanpak voor gedrag.'],
      grenzen: ['Als een kind zichzelf of anderen vaak pijn doet, kunnen wij de veiligheid niet altijd garanderen. Dan zoeken wij samen met u naar hulp.'],
    },
    extra: {
      watWijDoen: ['Een gedragsspecialist kijkt mee in de klas en maakt met de leerkracht en met u een plan. Er is een rustige plek waar een kind even kan bijkomen.',
        'Kinderen die snel boos worden, oefenen in een klein groepje met een training voor sociale vaardigheden. Wij bespreken elke week kort met u hoe het gaat.'],
      expertise: ['Een gedragsspecialist in het team.', 'Twee leerkrachten met een opleiding gedragsspecialist en een coach voor de klas.'],
      grenzen: ['Begeleiding de hele dag door één volwassene kunnen wij niet bieden.', 'In grote groepen (ruim dertig kinderen) lukt een eigen aanpak niet altijd.'],
    },
    specialistisch: {
      watWijDoen: ['Uw kind zit in een kleine groep met een vaste leerkracht en een assistent. Er is veel structuur, met een vast dagritme en een eigen plek om tot rust te komen.'],
      expertise: ['Een gedragswetenschapper, leerkrachten met een master gedrag en samenwerking met jeugdhulp in de school.'],
      grenzen: ['Kinderen die een gesloten of zeer beschermde omgeving nodig hebben, kunnen wij niet opvangen.'],
    },
  },
  'sociaal-emotioneel': {
    basis: {
      watWijDoen: ['Wij volgen twee keer per jaar hoe het met elk kind gaat. Kinderen die onzeker of angstig zijn, krijgen een vast aanspreekpunt.'],
      expertise: ['De intern begeleider en een schoolmaatschappelijk werker.'],
      grenzen: ['Therapie geven wij niet zelf; daarvoor verwijzen wij door.'],
    },
    extra: {
      watWijDoen: ['Kinderen die angstig of somber zijn, krijgen gesprekken met een coach op school en oefenen in een klein groepje met een weerbaarheidstraining.',
        'Wij maken samen met u en uw kind een plan voor moeilijke momenten, zoals het begin van de dag of het buitenspelen.'],
      expertise: ['Een kindercoach en een schoolmaatschappelijk werker.', 'Een leerkracht met een opleiding faalangstreductie.'],
      grenzen: ['Bij langdurige schoolangst hebben wij hulp van buiten nodig, zoals jeugdhulp.'],
    },
    specialistisch: {
      watWijDoen: ['In een kleine, rustige groep krijgt uw kind veel persoonlijke aandacht. Jeugdhulp werkt in de school, zodat hulp en onderwijs op één plek zijn.'],
      expertise: ['Een psycholoog en jeugdhulpverleners die in de school werken.'],
      grenzen: ['Kinderen die eerst behandeld moeten worden voordat zij weer kunnen leren, helpen wij samen met een zorgaanbieder.'],
    },
  },
  begaafdheid: {
    basis: {
      watWijDoen: ['Kinderen die sneller leren, slaan herhaling over en krijgen verrijkingswerk in de klas.'],
      expertise: ['Een leerkracht die zich heeft verdiept in (hoog)begaafdheid.'],
      grenzen: ['Een aparte groep voor hoogbegaafde kinderen hebben wij niet.'],
    },
    extra: {
      watWijDoen: ['Eén ochtend per week werken kinderen die veel sneller leren in een plusgroep aan uitdagende projecten. In de klas krijgen zij minder herhaling.',
        'Wij hebben een plusklas voor kinderen uit groep 5 tot en met 8, en wij kijken ook naar kinderen die onder hun niveau presteren.'],
      expertise: ['Een specialist hoogbegaafdheid in het team.'],
      grenzen: ['Een voltijds programma voor hoogbegaafde kinderen kunnen wij niet bieden.', 'Versnellen (een groep overslaan) doen wij alleen na overleg met de intern begeleider en u.'],
    },
    specialistisch: {
      watWijDoen: ['Kinderen die hoogbegaafd zijn en daarnaast vastlopen, krijgen les in een kleine groep met een eigen programma.'],
      expertise: ['Een specialist hoogbegaafdheid en een psycholoog.'],
      grenzen: ['Het aantal plekken is klein; wij bespreken een plaatsing altijd met het samenwerkingsverband.'],
    },
  },
  communicatie: {
    basis: {
      watWijDoen: ['Wij letten in de onderbouw op de taalontwikkeling en praten met u als wij ons zorgen maken.'],
      expertise: ['De intern begeleider werkt samen met de logopedist van de gemeente.'],
      grenzen: ['Logopedie op school hebben wij niet; dat gebeurt buiten school.'],
    },
    extra: {
      watWijDoen: ['Een logopedist werkt één dag per week op school. Kinderen met een taalontwikkelingsstoornis krijgen plaatjes en pictogrammen als hulp.'],
      expertise: ['Een logopedist en een leerkracht met kennis van taalontwikkelingsstoornissen.'],
      grenzen: ['Gebarentaal gebruiken wij niet in de klas.'],
    },
    specialistisch: {
      watWijDoen: ['Kinderen met ernstige spraak- of taalproblemen leren in een kleine groep, met logopedie in het lesprogramma.'],
      expertise: ['Logopedisten en leerkrachten met een specialistische opleiding taal en communicatie.'],
      grenzen: ['Een plek gaat in overleg met het samenwerkingsverband en een expertisecentrum.'],
    },
  },
  'fysiek-medisch': {
    basis: {
      watWijDoen: ['Wij maken met u afspraken over medicijnen en wat te doen bij een noodgeval.'],
      expertise: ['Meerdere collega\'s hebben een diploma bedrijfshulpverlening.'],
      grenzen: ['Medische handelingen (zoals sondevoeding) doen wij niet zelf.'],
    },
    extra: {
      watWijDoen: ['Kinderen met een lichamelijke beperking krijgen een aangepaste werkplek. Wij werken samen met de fysiotherapeut en met de ouders.'],
      expertise: ['Een onderwijsassistent met ervaring in zorg.'],
      grenzen: ['Verpleegkundige zorg door de dag heen kunnen wij niet bieden.', 'Het gebouw heeft delen die niet met een rolstoel bereikbaar zijn.'],
    },
    specialistisch: {
      watWijDoen: ['Onderwijs en zorg op één plek: een verpleegkundige en een fysiotherapeut werken in de school.'],
      expertise: ['Een verpleegkundige, een fysiotherapeut en een ergotherapeut in de school.'],
      grenzen: ['Bij zeer intensieve zorg kijken wij samen met u en de zorgverzekeraar wat mogelijk is.'],
    },
  },
  zintuiglijk: {
    basis: {
      watWijDoen: ['Een kind dat slecht ziet of hoort, krijgt een goede plek in de klas en materiaal in een grotere letter.'],
      expertise: ['De intern begeleider werkt samen met een ambulant begeleider van een expertisecentrum.'],
      grenzen: ['Braille of gebarentaal kunnen wij niet geven.'],
    },
    extra: {
      watWijDoen: ['Wij gebruiken geluidsversterking in de klas en werken met een ambulant begeleider van een expertisecentrum.'],
      expertise: ['Een leerkracht met ervaring met slechthorende kinderen.'],
      grenzen: ['Een tolk gebarentaal regelen wij niet zelf.'],
    },
    specialistisch: {
      watWijDoen: ['Kinderen die blind of slechtziend zijn, leren met aangepast materiaal, braille en hulpmiddelen, in kleine groepen.'],
      expertise: ['Specialisten voor zien en horen en een mobiliteitstrainer.'],
      grenzen: ['Een plek gaat in overleg met het landelijke expertisecentrum.'],
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// A school's offer

type SoortGroep = 'bao' | 'sbo' | 'so';

function groepVan(soort: string): SoortGroep {
  if (soort === 'bao') return 'bao';
  if (soort === 'sbo') return 'sbo';
  return 'so'; // so, vso, so/vso
}

const DOMEIN_GEWICHT: Record<SoortGroep, Record<DomeinCode, number>> = {
  bao: { leren: 3, 'taal-lezen': 4, rekenen: 3, gedrag: 3, 'sociaal-emotioneel': 3, begaafdheid: 2, communicatie: 1, 'fysiek-medisch': 1, zintuiglijk: 0.5 },
  sbo: { leren: 4, 'taal-lezen': 3, rekenen: 3, gedrag: 4, 'sociaal-emotioneel': 3, begaafdheid: 0.5, communicatie: 2, 'fysiek-medisch': 1, zintuiglijk: 0.5 },
  so: { leren: 2, 'taal-lezen': 1, rekenen: 1, gedrag: 4, 'sociaal-emotioneel': 3, begaafdheid: 0.5, communicatie: 2, 'fysiek-medisch': 2, zintuiglijk: 1.5 },
};

/** Probability of basis / extra (the rest is specialistisch): special schools offer more specialised support. */
const NIVEAU_KANS: Record<SoortGroep, [number, number]> = { bao: [0.4, 0.5], sbo: [0.05, 0.35], so: [0, 0.25] };

const VOORZIENING_GEWICHT: Record<SoortGroep, Partial<Record<VoorzieningCode, number>>> = {
  bao: { rustplek: 4, 'kleine-groep': 2, 'aangepast-toilet': 2, rolstoeltoegankelijk: 2, lift: 1, orthopedagoog: 1, gedragsspecialist: 1, 'prikkelarme-ruimte': 1, logopedist: 1 },
  sbo: { 'kleine-groep': 4, rustplek: 3, 'prikkelarme-ruimte': 3, orthopedagoog: 3, gedragsspecialist: 3, logopedist: 2, 'aangepast-toilet': 2, rolstoeltoegankelijk: 2, lift: 1 },
  so: { 'kleine-groep': 4, 'prikkelarme-ruimte': 3, orthopedagoog: 3, gedragsspecialist: 3, rolstoeltoegankelijk: 3, 'aangepast-toilet': 3, verzorgingsruimte: 2, logopedist: 2, lift: 2, 'zorg-op-school': 2, geluidsveldsysteem: 1, rustplek: 2 },
};

const VOORZIENING_ZIN: Partial<Record<VoorzieningCode, string>> = {
  lift: 'Sinds de verbouwing heeft het gebouw een lift naar de eerste verdieping.',
  rustplek: 'Op de gang is een rustige hoek waar een kind even kan bijkomen.',
  'prikkelarme-ruimte': 'Er is een prikkelarme ruimte met koptelefoons en gedimd licht.',
  'kleine-groep': 'Voor de kleine groepjes hebben wij een apart lokaal.',
  'aangepast-toilet': 'Op de begane grond is een aangepast toilet.',
  'zorg-op-school': 'Een verpleegkundige is elke ochtend op school.',
};

const TOELICHTING: Record<SoortGroep, { begin: readonly string[]; midden: readonly string[]; eind: readonly string[] }> = {
  bao: {
    begin: ['Wij zijn een basisschool in de wijk, waar kinderen met verschillende achtergronden samen leren.',
      'Wij zijn een basisschool waar elk kind gezien wordt; wij werken in vaste groepen met een vaste leerkracht.',
      'Onze school is niet groot, en dat merkt u: de leerkrachten kennen alle kinderen.'],
    midden: ['Wij vinden het belangrijk dat ouders en school samen optrekken: u kent uw kind het best.',
      'Heeft uw kind extra hulp nodig, dan bespreken wij dat altijd eerst met u.',
      'De intern begeleider is voor elke groep het vaste aanspreekpunt voor extra ondersteuning.'],
    eind: ['Heeft uw kind meer nodig dan wij kunnen bieden? Dan zoeken wij samen met u en het samenwerkingsverband naar een passende plek.',
      'Kom gerust langs voor een kennismaking; dan vertellen wij wat wij voor uw kind kunnen doen.'],
  },
  sbo: {
    begin: ['Wij zijn een school voor speciaal basisonderwijs: kinderen leren bij ons in kleinere groepen, met meer begeleiding.'],
    midden: ['Elk kind heeft een eigen plan (ontwikkelingsperspectief), dat wij twee keer per jaar met u bespreken.',
      'Wij werken samen met jeugdhulp en met de scholen in de buurt.'],
    eind: ['Voor een plek is een toelaatbaarheidsverklaring (TLV) van het samenwerkingsverband nodig; wij helpen u daarbij.'],
  },
  so: {
    begin: ['Wij zijn een school voor speciaal onderwijs, voor kinderen die veel extra ondersteuning nodig hebben.',
      'Onze school biedt onderwijs en zorg op één plek, in kleine groepen.'],
    midden: ['Elk kind heeft een eigen plan (ontwikkelingsperspectief), dat wij met u opstellen en bespreken.',
      'Zorgpartners werken in de school, zodat uw kind niet voor elke hulp weg hoeft.'],
    eind: ['Voor een plek is een toelaatbaarheidsverklaring (TLV) van het samenwerkingsverband nodig.'],
  },
};

const VOORNAMEN = ['Anke', 'Bas', 'Chantal', 'Dirk', 'Esra', 'Frank', 'Gerda', 'Hans', 'Ingrid', 'Jeroen', 'Karin', 'Lars',
  'Mirjam', 'Nadia', 'Olaf', 'Petra', 'Rik', 'Samira', 'Tamara', 'Wouter'];
const ACHTERNAMEN = ['de Jong', 'van der Meer', 'Bosman', 'Kramer', 'van Vliet', 'Hoekstra', 'Postma', 'de Graaf',
  'Verhoeven', 'Koster', 'Prins', 'van Wijk', 'Aydın', 'Boukhari', 'Schouten'];

/** A domain entry with texts for its level. */
function domeinAanbod(rnd: Rnd, domein: DomeinCode, niveau: Niveau): DomeinAanbod {
  const t = TEKSTEN[domein][niveau];
  return { domein, niveau, watWijDoen: kies(rnd, t.watWijDoen), expertise: kies(rnd, t.expertise), grenzen: kies(rnd, t.grenzen) };
}

/** A domain and the level it must have (for content that must show up in a search). */
export interface VastDomein {
  domein: DomeinCode;
  niveau: Niveau;
}

/**
 * The fictitious but plausible offer of one school location: 2–5 domains (special schools more often at the
 * specialistisch level), facilities, the SWV's basisondersteuning confirmed (now and then an item not offered yet,
 * with an explanation), a short introduction and a fictitious contact "(demo)". Pure and deterministic: the same
 * code, soort and basis give the same content (the PRNG is seeded by the code unless `rnd` is given).
 *
 * @param vast domains that must be present at the given level (replacing a drawn entry of the same domain, or
 *   taking the place of the last drawn one so there are never more than 5)
 */
export function maakDemoInhoud(code: string, soort: string, basis: readonly BasisOnderdeel[], rnd: Rnd = prng(zaadVan(code)), vast: readonly VastDomein[] = []): AanbodInhoud {
  const groep = groepVan(soort);
  const aantal = 2 + Math.floor(rnd() * 4); // 2..5
  const [kansBasis, kansExtra] = NIVEAU_KANS[groep];
  const getrokken = kiesGewogen(rnd, DOMEIN_CODES.map((d) => [d, DOMEIN_GEWICHT[groep][d]] as const), aantal);
  let domeinen = getrokken.map((d) => {
    const r = rnd();
    const niveau: Niveau = r < kansBasis ? 'basis' : r < kansBasis + kansExtra ? 'extra' : 'specialistisch';
    return domeinAanbod(rnd, d, niveau);
  });
  for (const v of vast) {
    const ander = domeinen.filter((d) => d.domein !== v.domein);
    const vrij = ander.filter((d) => !vast.some((w) => w.domein === d.domein));
    // Keep at most 5 entries: a fixed domain that was not drawn takes the place of the last free one.
    if (ander.length === domeinen.length && domeinen.length >= 5 && vrij.length) ander.splice(ander.indexOf(vrij[vrij.length - 1]!), 1);
    domeinen = [...ander, domeinAanbod(rnd, v.domein, v.niveau)];
  }
  domeinen.sort((a, b) => DOMEIN_CODES.indexOf(a.domein) - DOMEIN_CODES.indexOf(b.domein));

  const gewichten = Object.entries(VOORZIENING_GEWICHT[groep]) as [VoorzieningCode, number][];
  const voorzieningen = kiesGewogen(rnd, gewichten, groep === 'bao' ? 1 + Math.floor(rnd() * 3) : 3 + Math.floor(rnd() * 4));
  const zinnen = voorzieningen.map((v) => VOORZIENING_ZIN[v]).filter((z): z is string => Boolean(z)).slice(0, 2);

  const basisOnderdelen: BasisBevestiging[] = basis.map((b) => ({ ...b, geboden: rnd() >= 0.06 }));
  const nietGeboden = basisOnderdelen.filter((b) => b.geboden === false).length;
  const basisToelichting = nietGeboden === 0 ? '' : `${nietGeboden === 1 ? 'Eén onderdeel' : `${nietGeboden} onderdelen`} van de basisondersteuning bieden wij dit schooljaar nog niet helemaal. Wij werken eraan met hulp van het samenwerkingsverband en verwachten het volgend schooljaar wel te bieden.`;

  const t = TOELICHTING[groep];
  const toelichting = [kies(rnd, t.begin), ...(rnd() < 0.6 ? [kies(rnd, t.midden)] : []), kies(rnd, t.eind)].join(' ');
  const nummer = String(Math.floor(rnd() * 100)).padStart(2, '0');
  return {
    toelichting,
    contactNaam: `${kies(rnd, VOORNAMEN)} ${kies(rnd, ACHTERNAMEN)} (demo), intern begeleider`,
    contactEmail: `zorg.${code.toLowerCase()}@school.passend.test`,
    contactTelefoon: `030 000 ${nummer} 00 (demo)`,
    domeinen,
    voorzieningen: [...voorzieningen].sort((a, b) => gewichten.findIndex(([c]) => c === a) - gewichten.findIndex(([c]) => c === b)),
    voorzieningenToelichting: zinnen.join(' '),
    basisOnderdelen,
    basisToelichting,
  };
}

/** The same school a year earlier: its offer was a little smaller (one domain fewer when it had three or more). */
function vorigJaarInhoud(inhoud: AanbodInhoud): AanbodInhoud {
  return inhoud.domeinen.length >= 3 ? { ...inhoud, domeinen: inhoud.domeinen.slice(0, -1) } : inhoud;
}

// ---------------------------------------------------------------------------------------------------------------
// Adoption dates and the MR's advice

const MR_OPMERKINGEN = [
  'De MR vraagt de school om ouders eerder te vertellen wanneer hun kind extra begeleiding krijgt.',
  'De MR vraagt aandacht voor de werkdruk van leerkrachten bij het werken met kleine groepjes.',
  'De MR wil graag dat de school volgend jaar laat zien hoe de plusgroep is bevallen.',
];

/** The adoption of a version: MR advice a few weeks before; adopted before the school year or early in it, ≤ today. */
export interface DemoVaststelling {
  mrAdvies: MrAdvies;
  mrAdviesToelichting: string | null;
  mrAdviesDatum: CivilDate;
  vastgesteldOp: CivilDate;
}

/**
 * When and with what advice a school adopted its offer for the school year starting in `beginjaar`: in June/July
 * before it, or in September/October in it — never after `vandaag` (then June/July, which always lies before a
 * school year that has begun).
 */
export function demoVaststelling(rnd: Rnd, beginjaar: number, vandaag: CivilDate): DemoVaststelling {
  const dag = (maand: number, maxDag: number) => `${beginjaar}-${String(maand).padStart(2, '0')}-${String(1 + Math.floor(rnd() * maxDag)).padStart(2, '0')}`;
  const voor = rnd() < 0.5 ? dag(6, 30) : dag(7, 15);
  const erin = rnd() < 0.5 ? dag(9, 30) : dag(10, 31);
  const vastgesteldOp = rnd() < 0.7 || erin > vandaag ? voor : erin;
  const metOpmerkingen = rnd() < 0.2;
  return {
    mrAdvies: metOpmerkingen ? 'positief-met-opmerkingen' : 'positief',
    mrAdviesToelichting: metOpmerkingen ? kies(rnd, MR_OPMERKINGEN) : null,
    mrAdviesDatum: addDays(vastgesteldOp, -(14 + Math.floor(rnd() * 28))),
    vastgesteldOp,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding the demo SWV

/** The row values of one adopted demo version (camelCase, as the Drizzle table takes them). */
export function vastgesteldeVersie(v: {
  swvId: string; vestigingCode: string; schooljaar: string; inhoud: AanbodInhoud; vaststelling: DemoVaststelling; gebaseerdOp?: string | null; id?: string;
}): typeof ondersteuningsaanbod.$inferInsert {
  return {
    ...(v.id ? { id: v.id } : {}),
    swvId: v.swvId, vestigingCode: v.vestigingCode, schooljaar: v.schooljaar, volgnummer: 1, status: 'vastgesteld',
    ...v.inhoud, ...v.vaststelling, gebaseerdOp: v.gebaseerdOp ?? null, isDemo: true,
  };
}

function profiel(beginjaar: number): typeof swvProfiel.$inferInsert {
  const documenten: SwvDocument[] = [
    { titel: `Ondersteuningsplan ${beginjaar - 1}–${beginjaar + 3} (demo)`, url: 'https://example.org/demo/ondersteuningsplan.pdf', datum: `${beginjaar - 1}-06-20` },
    { titel: `Jaarverslag ${beginjaar - 1} (demo)`, url: 'https://example.org/demo/jaarverslag.pdf', datum: `${beginjaar}-06-12` },
  ];
  return {
    swvId: DEMO_SWV,
    telefoon: '030 000 00 00 (demo)',
    email: 'info@swv-demo.passend.test',
    website: 'https://example.org/demo/samenwerkingsverband',
    adres: 'Voorbeeldlaan 1, 3701 AA Zeist (demo)',
    steunpuntNaam: 'Ouder- en jeugdsteunpunt Heuvelrug (demo)',
    steunpuntTelefoon: '030 000 00 01 (demo)',
    steunpuntEmail: 'steunpunt@swv-demo.passend.test',
    steunpuntWebsite: 'https://example.org/demo/steunpunt',
    steunpuntToelichting: 'Heeft u vragen over de ondersteuning van uw kind, of zoekt u een school die past? Het ouder- en jeugdsteunpunt luistert naar u, legt uit hoe passend onderwijs werkt en denkt met u mee. Wij zijn onafhankelijk van de scholen en helpen u gratis. U kunt ons bellen of mailen; een gesprek kan ook bij u thuis of op school. (Dit is een demo: het steunpunt bestaat niet echt.)',
    documenten,
    isGepubliceerd: true,
    isDemo: true,
  };
}

/**
 * Seeds the demo's aanbod (see the top of this file) on a demo database, once. Returns null when the database is
 * not a demo or the demo offers were already written.
 * @throws when the demo SWV is not in the register
 */
export async function seedDemoAanbod(db: Database, clock: Clock): Promise<{ versies: number } | null> {
  if (!(await isDemoDatabase(db))) return null;
  const mark = await first<{ waarde: string }>(db.owner, sql`select waarde from app_meta where sleutel = ${DEMO_AANBOD_MARK}`);
  if (mark?.waarde === 'true') return null;
  const swv = await first<{ code: string }>(db.owner, sql`select code from swv where code = ${DEMO_SWV}`);
  if (!swv) throw new Error(`Het register bevat samenwerkingsverband ${DEMO_SWV} niet; importeer eerst het register.`);

  const vandaag = clock.today();
  const huidig = schoolYearOf(vandaag);
  const beginjaar = Number(huidig.slice(0, 4));
  const vorig = `${beginjaar - 1}-${beginjaar}`;
  const scholen = await rows<{ code: string; soort: string; plaats: string | null; pc4: string | null }>(
    db.owner,
    sql`select code, soort, plaats, pc4 from vestiging
        where swv_po = ${DEMO_SWV} and soort in ('bao', 'sbo', 'so', 'vso', 'so/vso') order by code`,
  );
  // The browser tests search Zeist for gedrag + taal-lezen: these schools always answer at 'extra'.
  const gegarandeerd = new Set(scholen
    .filter((s) => s.soort === 'bao' && s.plaats === 'Zeist' && s.pc4?.startsWith('37') && s.code !== DEMO_VESTIGING)
    .slice(0, ZEIST_GEGARANDEERD).map((s) => s.code));
  const vast: VastDomein[] = [{ domein: 'gedrag', niveau: 'extra' }, { domein: 'taal-lezen', niveau: 'extra' }];

  const versies: (typeof ondersteuningsaanbod.$inferInsert)[] = [];
  for (const s of scholen) {
    const rnd = prng(zaadVan(s.code));
    const inhoud = maakDemoInhoud(s.code, s.soort, DEMO_BASIS, rnd, gegarandeerd.has(s.code) ? vast : []);
    const vorigId = crypto.randomUUID();
    versies.push(vastgesteldeVersie({
      id: vorigId, swvId: DEMO_SWV, vestigingCode: s.code, schooljaar: vorig, inhoud: vorigJaarInhoud(inhoud),
      vaststelling: demoVaststelling(prng(zaadVan(`${s.code}:${vorig}`)), beginjaar - 1, vandaag),
    }));
    // The demo school leader adopts this year's offer himself; some other schools have none yet either, so the
    // finder also shows schools without an offer in Passend.
    const zonderHuidig = s.code === DEMO_VESTIGING || (!gegarandeerd.has(s.code) && prng(zaadVan(`${s.code}:zonder`))() < ZONDER_HUIDIG_AANDEEL);
    if (zonderHuidig) continue;
    versies.push(vastgesteldeVersie({
      swvId: DEMO_SWV, vestigingCode: s.code, schooljaar: huidig, inhoud, gebaseerdOp: vorigId,
      vaststelling: demoVaststelling(prng(zaadVan(`${s.code}:${huidig}`)), beginjaar, vandaag),
    }));
  }

  let ingevoegd = 0;
  await db.withTenant({ swvId: DEMO_SWV, userId: null }, async (tx) => {
    // ON CONFLICT DO NOTHING: work done by hand in an existing demo (a profile, a basis, an offer) stays as it is.
    await tx.insert(swvProfiel).values(profiel(beginjaar)).onConflictDoNothing();
    await tx.insert(basisondersteuning).values([vorig, huidig].map((schooljaar, i) => ({
      swvId: DEMO_SWV, schooljaar, status: 'vastgesteld', onderdelen: [...DEMO_BASIS], isDemo: true,
      toelichting: 'Dit is wat elke school in ons samenwerkingsverband biedt, zonder dat u daar iets voor hoeft aan te vragen. Heeft uw kind meer nodig, dan kijkt de school samen met u en met ons wat er nodig is.',
      vastgesteldOp: `${beginjaar - 1 + i}-06-${i ? '18' : '21'}`,
    }))).onConflictDoNothing();
    for (let i = 0; i < versies.length; i += 200) {
      const r = await tx.insert(ondersteuningsaanbod).values(versies.slice(i, i + 200)).onConflictDoNothing().returning({ id: ondersteuningsaanbod.id });
      ingevoegd += r.length;
    }
  });
  await db.owner.execute(sql`insert into app_meta (sleutel, waarde) values (${DEMO_AANBOD_MARK}, 'true') on conflict (sleutel) do update set waarde = 'true'`);
  return { versies: ingevoegd };
}
