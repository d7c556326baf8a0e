/**
 * The school finder for parents (public, no login): from a postcode and the child's needs to three lists of schools
 * near by — schools that describe support for every need, schools that describe some, and schools that have not put
 * their offer in Passend yet. The page and the JSON API both call {@link zoekScholen}, so they always agree.
 *
 * Steps: the centre of the postcode area (PC4 centroid from the register) → a lat/lon box around it (cheap SQL
 * prefilter) → candidates with their current adopted offer → the exact school-type filter → the matching rules
 * (exact straight-line distance, coverage, order) → at most {@link PER_LIJST} per list. When no school fits, the
 * answer names the ouder- en jeugdsteunpunt of the SWV(s) of the postcode, because that is where a parent gets help.
 */
import { PUBLIEK, type Database } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { schoolYearOf } from '../../platform/civil-date.js';
import { findPc4 } from '../register/store.js';
import { omhullendeBox } from './rules/afstand.js';
import { DOMEINEN } from './rules/domeinen.js';
import { pastBijSchooltype, soortenVoorSql, type SchooltypeFilter } from './rules/schooltype.js';
import { zoekScholen as verdeelOverLijsten, type Treffer } from './rules/matching.js';
import type { Zoekvraag } from './rules/zoekvraag.js';
import { swvsMetSteunpunt, zoekKandidaten, type KandidaatRij, type SwvSteunpunt } from './publiek-store.js';


/** Longest list shown (per list): a parent reads the nearest schools; a shorter distance narrows the rest. */
export const PER_LIJST = 25;

/** A school in a result list: the register row with its current adopted offer. */
export type SchoolTreffer = Treffer<KandidaatRij>;

/** One of the three lists: the first {@link PER_LIJST} schools and how many there were in all. */
export interface Lijst {
  scholen: SchoolTreffer[];
  totaal: number;
}

/** The answer of the finder. */
export type ZoekUitkomst =
  | {
      soort: 'onbekende-postcode';
      pc4: string;
      /** Plain Dutch, for next to the postcode field. */
      melding: string;
    }
  | {
      soort: 'resultaat';
      vraag: Zoekvraag;
      /** The postcode area measured from. */
      herkomst: { pc4: string; plaats: string | null; gemeente: string | null; lat: number; lon: number };
      huidigSchooljaar: string;
      passend: Lijst;
      deels: Lijst;
      onbekend: Lijst;
      /**
       * Set when no school fits every need: a sentence for the empty state, and the SWV(s) of the postcode with
       * their published ouder- en jeugdsteunpunt.
       */
      geenPassende: { melding: string; steunpunten: SwvSteunpunt[] } | null;
    };

/** The message for a postcode the register does not know. */
export function onbekendePostcodeMelding(pc4: string): string {
  return `We kennen postcode ${pc4} niet. Controleer de postcode of probeer een postcode in de buurt.`;
}

/** "10 km", with a Dutch decimal comma should a distance ever have decimals. */
export function kmTekst(km: number): string {
  return `${String(km).replace('.', ',')} km`;
}

/** "a", "a en b", "a, b en c". */
export function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen.join('');
  return `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
}

const PO_TYPEN: readonly SchooltypeFilter[] = ['bao', 'sbo', 'so'];

/**
 * Which SWV(s) of the postcode area help with this question: the PO one for (speciaal) basisonderwijs and so, the VO
 * one for the secondary types, both when the parent chose no type or a mix.
 */
export function relevanteSwvs(pc4: { swvPo: string | null; swvVo: string | null }, typen: readonly SchooltypeFilter[]): string[] {
  const po = typen.length === 0 || typen.some((t) => PO_TYPEN.includes(t));
  const vo = typen.length === 0 || typen.some((t) => !PO_TYPEN.includes(t));
  const codes = [po ? pc4.swvPo : null, vo ? pc4.swvVo : null].filter((c): c is string => Boolean(c));
  return [...new Set(codes)];
}

/** Most schools one list shows when the parent asks for all of them (a 100 km radius around a city is thousands). */
export const MAX_PER_LIJST = 500;

function lijst(scholen: SchoolTreffer[], perLijst: number): Lijst {
  return { scholen: scholen.slice(0, perLijst), totaal: scholen.length };
}

/** The empty-state sentence when no school fits every need (or none was found at all). */
function geenPassendeMelding(vraag: Zoekvraag): string {
  const km = kmTekst(vraag.maxKm);
  if (vraag.behoeften.length === 0) return `We vonden binnen ${km} geen school die past bij uw keuzes.`;
  // Labels in quotes: some contain a comma themselves ("Taal, lezen en dyslexie").
  const wat = opsomming(vraag.behoeften.map((b) => `‘${DOMEINEN[b].label}’`));
  // "volgens Passend": schools that have not put their offer in Passend may still offer it.
  const niveau = vraag.minNiveau === 'basis' ? '' : vraag.minNiveau === 'extra' ? 'extra ' : 'specialistische ';
  return `Geen school binnen ${km} biedt volgens Passend ${niveau}ondersteuning bij ${wat}.`;
}

/**
 * Runs the finder for a validated question (see leesZoekvraag). Reads only public data, in one short transaction.
 *
 * @param db - the database (read as the public, without tenant)
 * @param clock - for the current school year: a version adopted for next year is not current yet
 * @param vraag - the parent's question
 * @param opties - `alle`: show up to {@link MAX_PER_LIJST} per list instead of {@link PER_LIJST}
 * @returns the three lists, or 'onbekende-postcode' when the register has no centre for the postcode area
 */
export async function zoekScholen(db: Database, clock: Clock, vraag: Zoekvraag, opties: { alle?: boolean } = {}): Promise<ZoekUitkomst> {
  const perLijst = opties.alle ? MAX_PER_LIJST : PER_LIJST;
  const huidigSchooljaar = schoolYearOf(clock.today());
  return db.withTenant(PUBLIEK, async (tx) => {
    const gebied = await findPc4(tx, vraag.pc4);
    if (!gebied || gebied.lat === null || gebied.lon === null) {
      return { soort: 'onbekende-postcode', pc4: vraag.pc4, melding: onbekendePostcodeMelding(vraag.pc4) };
    }
    const herkomst = { lat: gebied.lat, lon: gebied.lon };
    const rijen = await zoekKandidaten(tx, {
      box: omhullendeBox(herkomst, vraag.maxKm),
      soorten: soortenVoorSql(vraag.schooltypen),
      denominatie: vraag.denominatie,
      huidigSchooljaar,
    });
    const kandidaten = rijen
      // The SQL only narrowed by soort; a VO level (vmbo, havo, …) needs the onderwijsstructuur.
      .filter((r) => pastBijSchooltype(r, vraag.schooltypen))
      .map((r) => ({ lat: r.lat, lon: r.lon, naam: r.naam, aanbod: r.aanbod, data: r }));
    const lijsten = verdeelOverLijsten(kandidaten, { herkomst, behoeften: vraag.behoeften, maxKm: vraag.maxKm, minNiveau: vraag.minNiveau });
    const geenPassende = lijsten.passend.length === 0
      ? { melding: geenPassendeMelding(vraag), steunpunten: await swvsMetSteunpunt(tx, relevanteSwvs(gebied, vraag.schooltypen)) }
      : null;
    return {
      soort: 'resultaat',
      vraag,
      herkomst: { pc4: gebied.pc4, plaats: gebied.plaats, gemeente: gebied.gemeente, ...herkomst },
      huidigSchooljaar,
      passend: lijst(lijsten.passend, perLijst),
      deels: lijst(lijsten.deels, perLijst),
      onbekend: lijst(lijsten.onbekend, perLijst),
      geenPassende,
    };
  });
}
