/**
 * Why a school fits what a parent's child needs, and the school finder's lists.
 *
 * A need (a support domain the parent ticks) is covered when the school's adopted offer describes that domain, or
 * — when it does not — when the school confirmed an item of the SWV's basisondersteuning in that domain. The SWV
 * agrees basisondersteuning for all its schools (WPO art. 18a lid 8 sub a; WVO art. 17a lid 8 sub a; legal-rules
 * §4.5), but a school may state honestly that it does not (yet) deliver an item; only confirmed items count.
 *
 * The finder never ranks schools by "quality": it lists the schools that describe support for every need, then the
 * ones that describe some, then the ones without a published offer, each by straight-line distance.
 */
import { afstandKm as berekenAfstand, type Punt } from './afstand.js';
import { niveauRang, type DomeinCode, type Niveau } from './domeinen.js';
import type { BasisBevestiging, DomeinAanbod } from './typen.js';

/** One covered need and the school's own words for it. */
export interface Reden {
  domein: DomeinCode;
  niveau: Niveau;
  /** The school's "wat wij doen" for the domain, or the omschrijving of the confirmed basis item(s). */
  tekst: string;
}

/** How far a school's offer covers the needs. */
export type Dekking = 'geen-behoefte' | 'volledig' | 'deels' | 'geen' | 'onbekend';

export interface Beoordeling {
  dekking: Dekking;
  /** Covered needs, in the order the parent gave them. */
  redenen: Reden[];
  /** Needs the offer does not mention, in the order the parent gave them. */
  ontbreekt: DomeinCode[];
}

/** The parts of an offer the finder compares. */
export interface AanbodVoorMatching {
  domeinen: DomeinAanbod[];
  basisOnderdelen: BasisBevestiging[];
}

/**
 * Compares a school's offer (null: the school has not published one) with the needs. Duplicate needs count once.
 * When the offer has two entries for one domain (the content checks forbid it, but old data may have it) the first
 * one counts. `minNiveau` lets a parent ask for more than basisondersteuning: a need then only counts as covered
 * by an entry of at least that level (basis items are level 'basis').
 */
export function beoordeelAanbod(aanbod: AanbodVoorMatching | null, behoeften: readonly DomeinCode[], minNiveau: Niveau = 'basis'): Beoordeling {
  const uniek = [...new Set(behoeften)];
  if (uniek.length === 0) {
    if (minNiveau === 'basis') return { dekking: 'geen-behoefte', redenen: [], ontbreekt: [] };
    // No need named, but more than the basis asked for: the school fits when it offers that level in any domain.
    if (aanbod === null) return { dekking: 'onbekend', redenen: [], ontbreekt: [] };
    const redenen = aanbod.domeinen
      .filter((d) => niveauRang(d.niveau) >= niveauRang(minNiveau))
      .map((d) => ({ domein: d.domein, niveau: d.niveau, tekst: d.watWijDoen }));
    return { dekking: redenen.length > 0 ? 'volledig' : 'geen', redenen, ontbreekt: [] };
  }
  if (aanbod === null) return { dekking: 'onbekend', redenen: [], ontbreekt: uniek };
  const redenen: Reden[] = [];
  const ontbreekt: DomeinCode[] = [];
  for (const domein of uniek) {
    const eigen = aanbod.domeinen.find((d) => d.domein === domein);
    if (eigen && niveauRang(eigen.niveau) >= niveauRang(minNiveau)) {
      redenen.push({ domein, niveau: eigen.niveau, tekst: eigen.watWijDoen });
      continue;
    }
    const basis = aanbod.basisOnderdelen.filter((b) => b.domein === domein && b.geboden === true);
    if (!eigen && minNiveau === 'basis' && basis.length > 0) {
      redenen.push({ domein, niveau: 'basis', tekst: basis.map((b) => b.omschrijving).join('; ') });
      continue;
    }
    ontbreekt.push(domein);
  }
  const dekking: Dekking = ontbreekt.length === 0 ? 'volledig' : redenen.length === 0 ? 'geen' : 'deels';
  return { dekking, redenen, ontbreekt };
}

/** A school the finder considers; `data` is whatever the caller wants back (code, address, …). */
export interface Kandidaat<T> {
  lat: number | null;
  lon: number | null;
  naam: string;
  aanbod: AanbodVoorMatching | null;
  data: T;
}

export interface Treffer<T> {
  kandidaat: Kandidaat<T>;
  /** Straight-line ("hemelsbreed") distance from the parent's postcode, in km. */
  afstandKm: number;
  beoordeling: Beoordeling;
}

const NAAMVOLGORDE = new Intl.Collator('nl');

function vergelijk<T>(a: Treffer<T>, b: Treffer<T>): number {
  return a.afstandKm - b.afstandKm || NAAMVOLGORDE.compare(a.kandidaat.naam, b.kandidaat.naam);
}

/**
 * The finder's three lists. Schools without coordinates or farther than `maxKm` are left out, and so are schools
 * whose offer covers none of the needs. 'passend': covers every need (or the parent named none); 'deels': covers
 * some; 'onbekend': no published offer. Each list is sorted by distance, then by name (Dutch collation).
 */
export function zoekScholen<T>(
  kandidaten: readonly Kandidaat<T>[],
  criteria: { herkomst: Punt; behoeften: readonly DomeinCode[]; maxKm: number; minNiveau?: Niveau },
): { passend: Treffer<T>[]; deels: Treffer<T>[]; onbekend: Treffer<T>[] } {
  const passend: Treffer<T>[] = [];
  const deels: Treffer<T>[] = [];
  const onbekend: Treffer<T>[] = [];
  for (const kandidaat of kandidaten) {
    const { lat, lon } = kandidaat;
    if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const afstand = berekenAfstand(criteria.herkomst, { lat, lon });
    if (!(afstand <= criteria.maxKm)) continue;
    const beoordeling = beoordeelAanbod(kandidaat.aanbod, criteria.behoeften, criteria.minNiveau);
    const treffer: Treffer<T> = { kandidaat, afstandKm: afstand, beoordeling };
    switch (beoordeling.dekking) {
      case 'volledig':
      case 'geen-behoefte':
        passend.push(treffer);
        break;
      case 'deels':
        deels.push(treffer);
        break;
      case 'onbekend':
        onbekend.push(treffer);
        break;
      case 'geen':
        break;
    }
  }
  return { passend: passend.sort(vergelijk), deels: deels.sort(vergelijk), onbekend: onbekend.sort(vergelijk) };
}
