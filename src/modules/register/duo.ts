/**
 * Reading DUO and CBS files into register rows. Pure: it gets the decoded text of each file and what the database
 * already holds, and returns rows, rejected lines and notes. Both the snapshot build (scripts/) and
 * `passend import-duo` use it, so the shipped snapshot and a DUO import follow the same rules.
 *
 * Files are recognised by their columns, not their names, so DUO's own download names work as well as ours. What
 * each file is and its quirks: /work/shared/data/README.md (DUO open onderwijsdata, CC-0; CBS, CC BY 4.0).
 */
import { parseDsv, type DsvRecord } from './rules/csv.js';
import { parseDuoAantal, telDuoAantallenOp, type DuoAantal } from './rules/aantal.js';
import { formatHuisnummer, normaliseerPc4, normaliseerPostcode, type Postcode } from './rules/postcode.js';
import { isPoSectorSoort, soortVanDuoType, swvSectorenVoorSoort, type Soort } from './rules/soort.js';
import { isLandelijkeSwv, parseSwvCode, swvNaam } from './rules/swv.js';
import { NaamWoordenboek } from './rules/naam.js';
import { parseBestuurNummer, parseVestigingscode } from './rules/vestigingscode.js';
import type { Afwijzing, BestuurRij, LeerlingenRij, Pc4Rij, RegisterData, SwvRij, VestigingRij } from './types.js';

/** One input file: its name relative to the import directory (for reports) and its decoded text. */
export interface DuoBestand {
  naam: string;
  tekst: string;
}

/** The kinds of file we read. */
export type DuoBestandSoort =
  | 'regio-indeling'
  | 'pc4-centroiden'
  | 'vestigingen-geocoded'
  | 'bo-adressen'
  | 'vo-adressen'
  | 'po-leerlingen-historisch'
  | 'vo-leerlingen-onderwijstype'
  | 'vo-swv-vsv';

/** Files we recognise but deliberately do not import (derived by us, or not register data). */
type NietGebruikt = 'po-afstand' | 'swv-afgeleid' | 'swv-po-leerlingen-afgeleid' | 'normbedragen';

/** What the database already holds; lets a partial DUO import keep what its files do not say. */
export interface RegisterContext {
  swvCodes: ReadonlySet<string>;
  pc4s: ReadonlyMap<string, Pc4Rij>;
  vestigingen: ReadonlyMap<string, VestigingRij>;
}

/** An empty database: the snapshot build, where only the files count. */
export const LEGE_CONTEXT: RegisterContext = { swvCodes: new Set(), pc4s: new Map(), vestigingen: new Map() };

/** One input file as used by an import. */
export interface GebruiktBestand {
  bestand: string;
  soort: DuoBestandSoort;
  rijen: number;
}

/** The outcome of reading a set of DUO files. */
export interface RegisterOpbouw {
  data: RegisterData;
  afgewezen: Afwijzing[];
  opmerkingen: string[];
  gebruikt: GebruiktBestand[];
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

interface Tabel {
  bestand: string;
  kolommen: string[];
  index: Map<string, number>;
  rijen: DsvRecord[];
  /** Year of the data: from the file name (…_2019.csv) or, for the historical file, its newest year column. */
  peiljaar: number;
}

/** Files without a year in their name are treated as DUO's current download: newer than any dated file. */
const ACTUEEL = Number.POSITIVE_INFINITY;

function jaarUitNaam(naam: string): number {
  const basis = naam.split('/').pop() ?? naam;
  const jaren = [...basis.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  return jaren.length ? Math.max(...jaren) : ACTUEEL;
}

function leesTabel(bestand: DuoBestand, afgewezen: Afwijzing[]): Tabel | null {
  const einde = bestand.tekst.indexOf('\n');
  const eersteRegel = einde === -1 ? bestand.tekst : bestand.tekst.slice(0, einde);
  const puntkomma = eersteRegel.split(';').length;
  const komma = eersteRegel.split(',').length;
  const scheiding = puntkomma > komma ? ';' : ',';
  const records = parseDsv(bestand.tekst, scheiding);
  const kop = records.shift();
  if (!kop) {
    afgewezen.push({ bestand: bestand.naam, regel: 0, reden: 'het bestand is leeg' });
    return null;
  }
  const kolommen = kop.velden.map((k) => k.trim().toUpperCase());
  const index = new Map<string, number>();
  kolommen.forEach((k, i) => {
    if (!index.has(k)) index.set(k, i);
  });
  const rijen: DsvRecord[] = [];
  for (const r of records) {
    if (r.velden.length === 1 && r.velden[0]!.trim() === '') continue;
    if (r.velden.length !== kolommen.length) {
      afgewezen.push({
        bestand: bestand.naam,
        regel: r.regel,
        reden: `de regel heeft ${r.velden.length} velden, de kopregel ${kolommen.length}`,
      });
      continue;
    }
    rijen.push(r);
  }
  return { bestand: bestand.naam, kolommen, index, rijen, peiljaar: jaarUitNaam(bestand.naam) };
}

/** A trimmed field ('' when the column is absent). DUO pads some fields with spaces and writes ' ' for empty. */
function veld(t: Tabel, r: DsvRecord, kolom: string): string {
  const i = t.index.get(kolom);
  return i === undefined ? '' : (r.velden[i] ?? '').trim();
}

function heeft(t: Tabel, ...kolommen: string[]): boolean {
  return kolommen.every((k) => t.index.has(k));
}

const HIST_JAAR = /^LEERLINGEN_(\d{4})$/;
const VO_TELKOLOM = /^LEER- OF VERBLIJFSJAAR \d+ - (MAN|VROUW)$/;

function herken(t: Tabel): DuoBestandSoort | NietGebruikt | null {
  if (heeft(t, 'PC4', 'RD_X', 'RD_Y', 'LAT', 'LON')) return 'pc4-centroiden';
  if (heeft(t, 'PC4', 'GEMEENTE', 'SWV_PO', 'SWV_VO')) return 'regio-indeling';
  if (heeft(t, 'VESTIGINGSCODE', 'SWV_PO_AFGELEID')) return 'swv-afgeleid';
  if (heeft(t, 'SWV_PO', 'TELJAAR')) return 'swv-po-leerlingen-afgeleid';
  if (heeft(t, 'BEDRAG_EUR')) return 'normbedragen';
  if (heeft(t, 'AFSTAND', 'BRIN_NUMMER')) return 'po-afstand';
  if (heeft(t, 'VESTIGINGSCODE', 'BRIN_NUMMER', 'TYPE', 'POSTCODE', 'LAT', 'LON')) return 'vestigingen-geocoded';
  if (heeft(t, 'VESTIGINGSCODE', 'SOORT_VESTIGING') && t.kolommen.some((k) => HIST_JAAR.test(k))) return 'po-leerlingen-historisch';
  if (heeft(t, 'INSTELLINGSCODE', 'VESTIGINGSCODE', 'VESTIGINGSNAAM', 'POSTCODE')) return 'bo-adressen';
  if (heeft(t, 'BRIN NUMMER', 'VESTIGINGSNUMMER', 'VESTIGINGSNAAM', 'POSTCODE', 'ONDERWIJSSTRUCTUUR')) return 'vo-adressen';
  if (heeft(t, 'BRIN NUMMER', 'VESTIGINGSNUMMER') && t.kolommen.some((k) => VO_TELKOLOM.test(k))) return 'vo-leerlingen-onderwijstype';
  if (heeft(t, 'SAMENWERKINGSVERBAND_NUMMER', 'BRIN_NUMMER', 'VESTIGINGS_NUMMER', 'AANTAL_LEERLINGEN')) return 'vo-swv-vsv';
  return null;
}

const NIET_GEBRUIKT_REDEN: Record<NietGebruikt, string> = {
  'po-afstand': 'afstanden woonadres–school horen niet in het register',
  'swv-afgeleid': 'afgeleid bestand; Passend leidt de samenwerkingsverbanden zelf af uit de regio-indeling',
  'swv-po-leerlingen-afgeleid': 'afgeleid bestand; Passend telt zelf op uit de leerlingen per vestiging',
  normbedragen: 'normbedragen horen bij de bekostiging, niet bij het register',
};

// ---------------------------------------------------------------------------------------------------------------
// Vestiging sources

/** What one line of one file says about a vestiging. Undefined: the file does not say. */
interface VestigingBron {
  bestand: string;
  regel: number;
  peiljaar: number;
  /** Address files decide which vestigingen exist; the historical pupil file only adds the active ones. */
  isAdres: boolean;
  /** The soorten this file lists completely (the newest such file decides which vestigingen exist). */
  dekking: readonly Soort[] | 'alle';
  code: string;
  instellingscode: string;
  soort?: Soort;
  onderwijsstructuur?: string;
  naam?: string;
  denominatie?: string;
  bestuurNummer?: string | null;
  straat?: string;
  huisnummer?: string;
  postcode?: Postcode;
  plaats?: string;
  gemeente?: string;
  internet?: string;
  lat?: number | null;
  lon?: number | null;
  /** Historical file: had pupils in its newest year. */
  isActief?: boolean;
}

function leesGetal(tekst: string): number | null | undefined {
  if (tekst === '') return null;
  const n = Number(tekst);
  return Number.isFinite(n) ? n : undefined;
}

/** Bounding box of the Netherlands (WGS84) with a margin: a coordinate outside it is a geocoding error. */
function ligtInNederland(lat: number, lon: number): boolean {
  return lat >= 50.6 && lat <= 53.7 && lon >= 3.2 && lon <= 7.3;
}

/** "1 vestiging", "2 vestigingen". */
function tal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? enkelvoud : meervoud}`;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Builds register rows from DUO/CBS files. `context` holds the current database content: what the files do not
 * say is kept from it (a DUO import of only a new address file keeps coordinates and pupil counts). With an
 * empty context (the snapshot build) the result depends on the files alone.
 */
export function bouwRegister(bestanden: readonly DuoBestand[], context: RegisterContext = LEGE_CONTEXT): RegisterOpbouw {
  const afgewezen: Afwijzing[] = [];
  const opmerkingen: string[] = [];
  const gebruikt: GebruiktBestand[] = [];
  const afwijzen = (bestand: string, regel: number, reden: string) => afgewezen.push({ bestand, regel, reden });

  // -- recognise files --------------------------------------------------------------------------------------------
  const perSoort = new Map<DuoBestandSoort, Tabel[]>();
  for (const b of [...bestanden].sort((x, y) => (x.naam < y.naam ? -1 : x.naam > y.naam ? 1 : 0))) {
    const t = leesTabel(b, afgewezen);
    if (!t) continue;
    const soort = herken(t);
    if (soort === null) {
      opmerkingen.push(`${b.naam}: niet herkend (onbekende kolommen), overgeslagen.`);
      continue;
    }
    if (soort in NIET_GEBRUIKT_REDEN) {
      opmerkingen.push(`${b.naam}: niet gebruikt (${NIET_GEBRUIKT_REDEN[soort as NietGebruikt]}).`);
      continue;
    }
    const s = soort as DuoBestandSoort;
    if (s === 'po-leerlingen-historisch') {
      const jaren = t.kolommen.map((k) => HIST_JAAR.exec(k)?.[1]).filter((j): j is string => !!j).map(Number);
      t.peiljaar = Math.max(...jaren);
    }
    gebruikt.push({ bestand: b.naam, soort: s, rijen: t.rijen.length });
    perSoort.set(s, [...(perSoort.get(s) ?? []), t]);
  }
  // Newest first, so "first wins" means "newest wins".
  for (const lijst of perSoort.values()) lijst.sort((a, b) => b.peiljaar - a.peiljaar || (a.bestand < b.bestand ? -1 : 1));
  const tabellen = (s: DuoBestandSoort): Tabel[] => perSoort.get(s) ?? [];

  // -- regio-indeling: which SWV covers which PC4 (Regeling regio-indeling, BWBR0032324) ------------------------
  interface Regio {
    gemeente: string;
    swvPo: string | null;
    swvVo: string | null;
  }
  const regio = new Map<string, Regio>();
  let europoort = 0;
  for (const t of tabellen('regio-indeling')) {
    const gezien = new Map<string, number>();
    for (const r of t.rijen) {
      const pc4 = normaliseerPc4(veld(t, r, 'PC4'));
      if (!pc4.ok) {
        afwijzen(t.bestand, r.regel, pc4.reden);
        continue;
      }
      const eerder = gezien.get(pc4.waarde);
      if (eerder !== undefined) {
        afwijzen(t.bestand, r.regel, `postcodegebied ${pc4.waarde} staat dubbel in het bestand (ook op regel ${eerder})`);
        continue;
      }
      gezien.set(pc4.waarde, r.regel);
      const codes: Record<'po' | 'vo', string | null> = { po: null, vo: null };
      let fout: string | null = null;
      let isEuropoort = false;
      for (const sector of ['po', 'vo'] as const) {
        const cel = veld(t, r, sector === 'po' ? 'SWV_PO' : 'SWV_VO');
        // PC4 3197–3199 (Europoort, Rotterdam): harbour area, no pupils live there, so the regeling names no SWV.
        if (cel.toLowerCase() === 'europoort') {
          isEuropoort = true;
          continue;
        }
        if (cel === '') continue;
        const code = parseSwvCode(cel);
        if (!code.ok) fout ??= `onbekende SWV-code: ${code.reden}`;
        else if (code.waarde.sector !== sector) fout ??= `SWV-code ${code.waarde.code} staat in de kolom swv_${sector}`;
        else if (code.waarde.isLandelijk) fout ??= `${code.waarde.code} is landelijk en heeft geen regio`;
        else codes[sector] = code.waarde.code;
      }
      if (fout) {
        afwijzen(t.bestand, r.regel, fout);
        continue;
      }
      if (isEuropoort) europoort++;
      if (!regio.has(pc4.waarde)) regio.set(pc4.waarde, { gemeente: veld(t, r, 'GEMEENTE'), swvPo: codes.po, swvVo: codes.vo });
    }
  }
  if (europoort) opmerkingen.push(`${tal(europoort, 'postcodegebied', 'postcodegebieden')} (Europoort) zonder samenwerkingsverband: de regio-indeling noemt er geen.`);

  const bekendeSwvs = new Set(context.swvCodes);
  for (const r of regio.values()) for (const code of [r.swvPo, r.swvVo]) if (code) bekendeSwvs.add(code);
  // The landelijke SWVs exist by law, also when only the database knows the others.
  if (bekendeSwvs.size) for (const code of ['PO0001', 'VO0001']) bekendeSwvs.add(code);

  // -- DUO's VO-SWV membership (vsv file): the only official school → SWV link we have -------------------------
  const lidVo = new Map<string, string>();
  let vsvZonderJaar = 0;
  const vsvLeerlingen: { code: string; teljaar: number; aantal: DuoAantal; bestand: string; regel: number }[] = [];
  for (const t of tabellen('vo-swv-vsv')) {
    for (const r of t.rijen) {
      const v = parseVestigingscode(veld(t, r, 'VESTIGINGS_NUMMER'), veld(t, r, 'BRIN_NUMMER'));
      if (!v.ok) {
        afwijzen(t.bestand, r.regel, v.reden);
        continue;
      }
      const swv = parseSwvCode(veld(t, r, 'SAMENWERKINGSVERBAND_NUMMER'));
      if (!swv.ok) {
        afwijzen(t.bestand, r.regel, `onbekende SWV-code: ${swv.reden}`);
        continue;
      }
      if (swv.waarde.sector !== 'vo') {
        afwijzen(t.bestand, r.regel, `${swv.waarde.code} is geen VO-samenwerkingsverband`);
        continue;
      }
      if (!bekendeSwvs.has(swv.waarde.code)) {
        afwijzen(t.bestand, r.regel, `onbekende SWV-code ${swv.waarde.code} (niet in de regio-indeling)`);
        continue;
      }
      if (!lidVo.has(v.waarde.code)) lidVo.set(v.waarde.code, swv.waarde.code);
      const aantal = parseDuoAantal(veld(t, r, 'AANTAL_LEERLINGEN'));
      if (!aantal.ok) afwijzen(t.bestand, r.regel, `aantal_leerlingen: ${aantal.reden}`);
      else if (aantal.waarde && t.peiljaar === ACTUEEL) vsvZonderJaar++;
      else if (aantal.waarde) {
        vsvLeerlingen.push({ code: v.waarde.code, teljaar: t.peiljaar, aantal: aantal.waarde, bestand: t.bestand, regel: r.regel });
      }
    }
  }

  if (vsvZonderJaar) {
    opmerkingen.push(`${tal(vsvZonderJaar, 'leerlingenaantal', 'leerlingenaantallen')} uit het vsv-bestand niet gebruikt: teljaar onbekend (zet het jaar in de bestandsnaam).`);
  }

  // -- PC4 centroids (CBS) -----------------------------------------------------------------------------------------
  interface Centroide {
    gemeente: string;
    plaats: string;
    lat: number | null;
    lon: number | null;
    rdX: number | null;
    rdY: number | null;
  }
  const centroiden = new Map<string, Centroide>();
  for (const t of tabellen('pc4-centroiden')) {
    for (const r of t.rijen) {
      const pc4 = normaliseerPc4(veld(t, r, 'PC4'));
      if (!pc4.ok) {
        afwijzen(t.bestand, r.regel, pc4.reden);
        continue;
      }
      const [lat, lon, rdX, rdY] = ['LAT', 'LON', 'RD_X', 'RD_Y'].map((k) => leesGetal(veld(t, r, k)));
      if (lat === undefined || lon === undefined || rdX === undefined || rdY === undefined) {
        afwijzen(t.bestand, r.regel, 'coördinaten zijn geen getallen');
        continue;
      }
      if (lat !== null && lon !== null && !ligtInNederland(lat, lon)) {
        afwijzen(t.bestand, r.regel, `coördinaten ${lat}, ${lon} liggen buiten Nederland`);
        continue;
      }
      if (centroiden.has(pc4.waarde)) continue;
      centroiden.set(pc4.waarde, { gemeente: veld(t, r, 'GEMEENTE'), plaats: veld(t, r, 'PLAATS'), lat, lon, rdX, rdY });
    }
  }

  // -- display names ---------------------------------------------------------------------------------------------
  const gemeenteNamen = new NaamWoordenboek();
  const plaatsNamen = new NaamWoordenboek();
  for (const [, c] of [...centroiden].sort(([a], [b]) => (a < b ? -1 : 1))) {
    gemeenteNamen.leer(c.gemeente);
    plaatsNamen.leer(c.plaats);
  }
  for (const [, r] of [...regio].sort(([a], [b]) => (a < b ? -1 : 1))) gemeenteNamen.leer(r.gemeente);
  for (const p of context.pc4s.values()) {
    gemeenteNamen.leer(p.gemeente);
    plaatsNamen.leer(p.plaats);
  }
  for (const t of tabellen('vestigingen-geocoded')) for (const r of t.rijen) plaatsNamen.leer(veld(t, r, 'PLAATS'));

  // -- SWVs: every code in the regio-indeling plus the two landelijke ones; names from the gemeenten they cover ----
  let swvs: SwvRij[] | undefined;
  if (tabellen('regio-indeling').length) {
    const dekking = new Map<string, Map<string, number>>();
    for (const r of regio.values()) {
      const gemeente = gemeenteNamen.toon(r.gemeente) ?? '';
      for (const code of [r.swvPo, r.swvVo]) {
        if (!code) continue;
        const g = dekking.get(code) ?? new Map<string, number>();
        g.set(gemeente, (g.get(gemeente) ?? 0) + 1);
        dekking.set(code, g);
      }
    }
    for (const code of ['PO0001', 'VO0001']) if (!dekking.has(code)) dekking.set(code, new Map());
    swvs = [...dekking.entries()]
      .map(([code, gemeenten]) => ({
        code,
        sector: code.startsWith('PO') ? ('po' as const) : ('vo' as const),
        naam: swvNaam(code, gemeenten),
        isLandelijk: isLandelijkeSwv(code),
      }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  // -- pc4 rows --------------------------------------------------------------------------------------------------
  let pc4s: Pc4Rij[] | undefined;
  const pc4Nieuw = new Map<string, Pc4Rij>();
  if (tabellen('regio-indeling').length || tabellen('pc4-centroiden').length) {
    const alle = new Set([...regio.keys(), ...centroiden.keys()]);
    for (const pc4 of [...alle].sort()) {
      const oud = context.pc4s.get(pc4);
      const c = centroiden.get(pc4);
      const g = regio.get(pc4);
      pc4Nieuw.set(pc4, {
        pc4,
        gemeente: gemeenteNamen.toon(c?.gemeente || g?.gemeente) ?? oud?.gemeente ?? null,
        plaats: plaatsNamen.toon(c?.plaats) ?? oud?.plaats ?? null,
        swvPo: g ? g.swvPo : (oud?.swvPo ?? null),
        swvVo: g ? g.swvVo : (oud?.swvVo ?? null),
        lat: c ? c.lat : (oud?.lat ?? null),
        lon: c ? c.lon : (oud?.lon ?? null),
        rdX: c ? c.rdX : (oud?.rdX ?? null),
        rdY: c ? c.rdY : (oud?.rdY ?? null),
      });
    }
    pc4s = [...pc4Nieuw.values()];
  }
  const pc4Info = (pc4: string | null): Pc4Rij | undefined => (pc4 ? (pc4Nieuw.get(pc4) ?? context.pc4s.get(pc4)) : undefined);

  // -- vestiging sources ---------------------------------------------------------------------------------------------
  const bronnen = new Map<string, VestigingBron[]>();
  const voegToe = (b: VestigingBron) => bronnen.set(b.code, [...(bronnen.get(b.code) ?? []), b]);
  let dubbelGeocoded = 0;

  for (const t of tabellen('vestigingen-geocoded')) {
    const gezien = new Set<string>();
    for (const r of t.rijen) {
      const v = parseVestigingscode(veld(t, r, 'VESTIGINGSCODE'), veld(t, r, 'BRIN_NUMMER'));
      if (!v.ok) {
        afwijzen(t.bestand, r.regel, v.reden);
        continue;
      }
      // Known quirk: the geocoder matched several BAG addresses for 74 vestigingen; the first one is DUO's address.
      if (gezien.has(v.waarde.code)) {
        dubbelGeocoded++;
        continue;
      }
      const type = veld(t, r, 'TYPE');
      const soort = soortVanDuoType(type);
      if (!soort) {
        afwijzen(t.bestand, r.regel, `onbekend schooltype '${type}'`);
        continue;
      }
      const postcode = normaliseerPostcode(veld(t, r, 'POSTCODE'));
      if (!postcode.ok) {
        afwijzen(t.bestand, r.regel, postcode.reden);
        continue;
      }
      const lat = leesGetal(veld(t, r, 'LAT'));
      const lon = leesGetal(veld(t, r, 'LON'));
      if (lat === undefined || lon === undefined) {
        afwijzen(t.bestand, r.regel, 'coördinaten zijn geen getallen');
        continue;
      }
      if (lat !== null && lon !== null && !ligtInNederland(lat, lon)) {
        afwijzen(t.bestand, r.regel, `coördinaten ${lat}, ${lon} liggen buiten Nederland`);
        continue;
      }
      gezien.add(v.waarde.code);
      voegToe({
        bestand: t.bestand,
        regel: r.regel,
        peiljaar: t.peiljaar,
        isAdres: true,
        dekking: 'alle',
        ...v.waarde,
        soort,
        onderwijsstructuur: soort === 'vo' ? type : undefined,
        naam: veld(t, r, 'NAAM'),
        denominatie: veld(t, r, 'DENOMINATIE'),
        straat: veld(t, r, 'STRAAT'),
        huisnummer: formatHuisnummer(veld(t, r, 'HUISNUMMER'), veld(t, r, 'HUISLETTER'), veld(t, r, 'HUISNUMMERTOEVOEGING')),
        postcode: postcode.waarde,
        plaats: veld(t, r, 'PLAATS'),
        gemeente: veld(t, r, 'GEMEENTE'),
        internet: veld(t, r, 'INTERNETADRES'),
        lat,
        lon,
      });
    }
  }

  const leesAdresbestand = (s: 'bo-adressen' | 'vo-adressen') => {
    for (const t of tabellen(s)) {
      const gezien = new Map<string, number>();
      for (const r of t.rijen) {
        const v =
          s === 'bo-adressen'
            ? parseVestigingscode(veld(t, r, 'VESTIGINGSCODE'), veld(t, r, 'INSTELLINGSCODE'))
            : parseVestigingscode(veld(t, r, 'VESTIGINGSNUMMER'), veld(t, r, 'BRIN NUMMER'));
        if (!v.ok) {
          afwijzen(t.bestand, r.regel, v.reden);
          continue;
        }
        const eerder = gezien.get(v.waarde.code);
        if (eerder !== undefined) {
          afwijzen(t.bestand, r.regel, `vestigingscode ${v.waarde.code} staat dubbel in het bestand (ook op regel ${eerder})`);
          continue;
        }
        const postcode = normaliseerPostcode(veld(t, r, 'POSTCODE'));
        if (!postcode.ok) {
          afwijzen(t.bestand, r.regel, postcode.reden);
          continue;
        }
        const bestuur = parseBestuurNummer(veld(t, r, 'BEVOEGD GEZAG NUMMER'));
        if (!bestuur.ok) {
          afwijzen(t.bestand, r.regel, bestuur.reden);
          continue;
        }
        gezien.set(v.waarde.code, r.regel);
        voegToe({
          bestand: t.bestand,
          regel: r.regel,
          peiljaar: t.peiljaar,
          isAdres: true,
          dekking: s === 'bo-adressen' ? ['bao'] : ['vo'],
          ...v.waarde,
          soort: s === 'bo-adressen' ? 'bao' : 'vo',
          onderwijsstructuur: s === 'vo-adressen' ? veld(t, r, 'ONDERWIJSSTRUCTUUR') : undefined,
          naam: veld(t, r, 'VESTIGINGSNAAM'),
          denominatie: veld(t, r, 'DENOMINATIE'),
          bestuurNummer: bestuur.waarde,
          straat: veld(t, r, 'STRAATNAAM'),
          huisnummer: veld(t, r, 'HUISNUMMER-TOEVOEGING'),
          postcode: postcode.waarde,
          plaats: veld(t, r, 'PLAATSNAAM'),
          gemeente: veld(t, r, 'GEMEENTENAAM'),
          internet: veld(t, r, 'INTERNETADRES'),
        });
      }
    }
  };
  leesAdresbestand('bo-adressen');
  leesAdresbestand('vo-adressen');

  // Historical PO pupil file: names, soort, board, and which vestigingen are active in its newest year.
  const histRijen: { t: Tabel; r: DsvRecord; code: string }[] = [];
  for (const t of tabellen('po-leerlingen-historisch')) {
    const gezien = new Map<string, number>();
    for (const r of t.rijen) {
      const v = parseVestigingscode(veld(t, r, 'VESTIGINGSCODE'), veld(t, r, 'INSTELLINGSCODE'));
      if (!v.ok) {
        afwijzen(t.bestand, r.regel, v.reden);
        continue;
      }
      const eerder = gezien.get(v.waarde.code);
      if (eerder !== undefined) {
        afwijzen(t.bestand, r.regel, `vestigingscode ${v.waarde.code} staat dubbel in het bestand (ook op regel ${eerder})`);
        continue;
      }
      const type = veld(t, r, 'SOORT_VESTIGING');
      const soort = soortVanDuoType(type);
      if (!soort || !isPoSectorSoort(soort)) {
        afwijzen(t.bestand, r.regel, `onbekend schooltype '${type}'`);
        continue;
      }
      const bestuur = parseBestuurNummer(veld(t, r, 'BEVOEGD_GEZAG_NUMMER'));
      if (!bestuur.ok) {
        afwijzen(t.bestand, r.regel, bestuur.reden);
        continue;
      }
      gezien.set(v.waarde.code, r.regel);
      const laatste = parseDuoAantal(veld(t, r, `LEERLINGEN_${t.peiljaar}`));
      histRijen.push({ t, r, code: v.waarde.code });
      voegToe({
        bestand: t.bestand,
        regel: r.regel,
        peiljaar: t.peiljaar,
        isAdres: false,
        dekking: [],
        ...v.waarde,
        soort,
        naam: veld(t, r, 'NAAM_VESTIGING'),
        denominatie: veld(t, r, 'DENOMINATIE_VESTIGING'),
        bestuurNummer: bestuur.waarde,
        gemeente: veld(t, r, 'GEMEENTENAAM_VESTIGING'),
        isActief: laatste.ok && !!laatste.waarde && (laatste.waarde.isKlein || (laatste.waarde.aantal ?? 0) > 0),
      });
    }
  }

  // -- which vestigingen exist -----------------------------------------------------------------------------------
  // For each soort, the newest address file that lists that soort completely decides: a vestiging found only in an
  // older file (e.g. DUO's VO list of 2020 next to the 2024 list) has closed since and is not added.
  const leidendJaar = new Map<Soort, number>();
  for (const s of ['vestigingen-geocoded', 'bo-adressen', 'vo-adressen'] as const) {
    for (const t of tabellen(s)) {
      const soorten: readonly Soort[] =
        s === 'bo-adressen' ? ['bao'] : s === 'vo-adressen' ? ['vo'] : ['bao', 'sbo', 'so', 'vso', 'so/vso', 'vo'];
      for (const soort of soorten) leidendJaar.set(soort, Math.max(leidendJaar.get(soort) ?? -1, t.peiljaar));
    }
  }

  const vestigingen: VestigingRij[] = [];
  let nietOpgenomen = 0;
  let zonderSwv = 0;
  const coordinaten = { adres: 0, bewaard: 0, pc4: 0, geen: 0 };
  for (const code of [...bronnen.keys()].sort()) {
    const lijst = bronnen
      .get(code)!
      .slice()
      .sort((a, b) => b.peiljaar - a.peiljaar || Number(b.isAdres) - Number(a.isAdres) || (a.bestand < b.bestand ? -1 : 1));
    const oud = context.vestigingen.get(code);
    const adressen = lijst.filter((b) => b.isAdres);
    const hist = lijst.find((b) => !b.isAdres);
    const adresSoort = adressen[0]?.soort;
    // DUO's pupil file knows the kind of a PO vestiging best (SO vs VSO vs SO/VSO); a VO address file knows VO.
    const soort = adresSoort === 'vo' || !hist?.soort ? (adresSoort ?? oud?.soort) : hist.soort;
    if (!soort) continue;
    const isLeidend = adressen.some((b) => b.peiljaar === leidendJaar.get(soort) && (b.dekking === 'alle' || b.dekking.includes(soort)));
    const isActief = !!hist?.isActief && isPoSectorSoort(soort);
    if (!oud && !isLeidend && !isActief) {
      nietOpgenomen++;
      continue;
    }
    const eerste = <K extends keyof VestigingBron>(k: K, bronLijst = lijst): VestigingBron[K] | undefined => {
      for (const b of bronLijst) {
        const w = b[k];
        if (w !== undefined && w !== null && w !== '') return w;
      }
      return undefined;
    };
    const naam = eerste('naam') ?? oud?.naam;
    if (!naam) {
      afwijzen(lijst[0]!.bestand, lijst[0]!.regel, `naam van vestiging ${code} ontbreekt`);
      continue;
    }
    const adres = adressen[0];
    const postcode = adres?.postcode ?? (oud?.postcode && oud.pc4 ? { postcode: oud.postcode, pc4: oud.pc4 } : undefined);
    // Coordinates: the geocoded address if it is still the current address; otherwise the centre of the PC4 area.
    let lat: number | null = null;
    let lon: number | null = null;
    const geo = lijst.find((b) => b.lat != null && b.lon != null && b.postcode?.postcode === postcode?.postcode);
    if (geo) {
      lat = geo.lat!;
      lon = geo.lon!;
      coordinaten.adres++;
    } else if (oud && oud.lat != null && oud.lon != null && oud.postcode === postcode?.postcode) {
      lat = oud.lat;
      lon = oud.lon;
      coordinaten.bewaard++;
    } else {
      const p = pc4Info(postcode?.pc4 ?? null);
      if (p?.lat != null && p.lon != null) {
        lat = p.lat;
        lon = p.lon;
        coordinaten.pc4++;
      } else coordinaten.geen++;
    }
    const sectoren = swvSectorenVoorSoort(soort);
    const gebied = pc4Info(postcode?.pc4 ?? null);
    // Membership of a landelijk SWV follows the school's grondslag, not its address: keep it once known.
    const swvPo = sectoren.po ? (oud?.swvPo && isLandelijkeSwv(oud.swvPo) ? oud.swvPo : (gebied?.swvPo ?? null)) : null;
    const swvVo = sectoren.vo
      ? (lidVo.get(code) ?? (oud?.swvVo && isLandelijkeSwv(oud.swvVo) ? oud.swvVo : (gebied?.swvVo ?? null)))
      : null;
    if ((sectoren.po && !swvPo) || (sectoren.vo && !swvVo)) zonderSwv++;
    const bestuurNummer = eerste('bestuurNummer');
    vestigingen.push({
      code,
      instellingscode: lijst[0]!.instellingscode,
      naam,
      soort,
      onderwijsstructuur: soort === 'vo' ? (eerste('onderwijsstructuur', adressen) ?? oud?.onderwijsstructuur ?? null) : null,
      denominatie: eerste('denominatie') ?? oud?.denominatie ?? null,
      bestuurNummer: bestuurNummer ?? oud?.bestuurNummer ?? null,
      straat: adres ? adres.straat || null : (oud?.straat ?? null),
      huisnummer: adres ? adres.huisnummer || null : (oud?.huisnummer ?? null),
      postcode: postcode?.postcode ?? null,
      pc4: postcode?.pc4 ?? null,
      plaats: adres ? plaatsNamen.toon(adres.plaats) : (oud?.plaats ?? null),
      // DUO spells gemeenten differently per file (NUENEN CA, NUENEN, GERWEN EN NEDERWETTEN): prefer one CBS knows.
      gemeente: gemeenteNamen.toon(lijst.find((b) => b.gemeente && gemeenteNamen.kent(b.gemeente))?.gemeente ?? eerste('gemeente')) ?? oud?.gemeente ?? null,
      internet: eerste('internet', adressen) ?? oud?.internet ?? null,
      lat,
      lon,
      swvPo,
      swvVo,
    });
  }
  if (dubbelGeocoded) opmerkingen.push(`${tal(dubbelGeocoded, 'dubbele regel', 'dubbele regels')} in het geocodeerde bestand overgeslagen (eerste adres per vestiging gebruikt).`);
  if (nietOpgenomen) opmerkingen.push(`${tal(nietOpgenomen, 'vestiging staat', 'vestigingen staan')} alleen in oudere bestanden (waarschijnlijk opgeheven) en niet in het register.`);
  if (coordinaten.pc4) opmerkingen.push(`${tal(coordinaten.pc4, 'vestiging', 'vestigingen')} zonder (actuele) geocodering: het midden van het postcodegebied is als locatie genomen.`);
  if (coordinaten.geen) opmerkingen.push(`${tal(coordinaten.geen, 'vestiging heeft', 'vestigingen hebben')} geen locatie (geen adres).`);
  if (zonderSwv) opmerkingen.push(`${tal(zonderSwv, 'vestiging heeft', 'vestigingen hebben')} geen samenwerkingsverband (postcodegebied niet in de regio-indeling, Europoort, of geen adres).`);

  // -- besturen --------------------------------------------------------------------------------------------------
  const besturen: BestuurRij[] = [...new Set(vestigingen.map((v) => v.bestuurNummer).filter((n): n is string => !!n))]
    .sort()
    .map((nummer) => ({ nummer, naam: null }));

  // -- leerlingen ------------------------------------------------------------------------------------------------
  const soortVan = new Map<string, Soort>();
  for (const [code, v] of context.vestigingen) soortVan.set(code, v.soort);
  for (const v of vestigingen) soortVan.set(v.code, v.soort);
  const leerlingen = new Map<string, LeerlingenRij>();
  let overgeslagen = 0;
  const voegTelToe = (code: string, teljaar: number, a: DuoAantal, moetPo: boolean) => {
    const soort = soortVan.get(code);
    if (!soort || isPoSectorSoort(soort) !== moetPo) {
      overgeslagen++;
      return;
    }
    // 0 in DUO's files means "no pupils counted": the vestiging did not exist yet or had closed. Not a count to keep.
    if (!a.isKlein && a.aantal === 0) return;
    const sleutel = `${code}|${teljaar}`;
    if (!leerlingen.has(sleutel)) leerlingen.set(sleutel, { vestigingCode: code, teljaar, aantal: a.aantal, isKlein: a.isKlein });
  };
  for (const { t, r, code } of histRijen) {
    for (const kolom of t.kolommen) {
      const jaar = HIST_JAAR.exec(kolom)?.[1];
      if (!jaar) continue;
      const a = parseDuoAantal(veld(t, r, kolom));
      if (!a.ok) afwijzen(t.bestand, r.regel, `${kolom}: ${a.reden}`);
      else if (a.waarde) voegTelToe(code, Number(jaar), a.waarde, true);
    }
  }
  for (const t of tabellen('vo-leerlingen-onderwijstype')) {
    if (t.peiljaar === ACTUEEL) {
      afwijzen(t.bestand, 0, 'teljaar onbekend: zet het jaar in de bestandsnaam (zoals DUO doet), bijvoorbeeld …-2019.csv');
      continue;
    }
    const telkolommen = t.kolommen.filter((k) => VO_TELKOLOM.test(k));
    const delen = new Map<string, (DuoAantal | null)[]>();
    for (const r of t.rijen) {
      const v = parseVestigingscode(veld(t, r, 'VESTIGINGSNUMMER'), veld(t, r, 'BRIN NUMMER'));
      if (!v.ok) {
        afwijzen(t.bestand, r.regel, v.reden);
        continue;
      }
      const lijst = delen.get(v.waarde.code) ?? [];
      for (const k of telkolommen) {
        const a = parseDuoAantal(veld(t, r, k));
        if (!a.ok) afwijzen(t.bestand, r.regel, `${k}: ${a.reden}`);
        else lijst.push(a.waarde);
      }
      delen.set(v.waarde.code, lijst);
    }
    for (const [code, lijst] of [...delen].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const totaal = telDuoAantallenOp(lijst);
      if (totaal && (totaal.isKlein || totaal.aantal !== null)) voegTelToe(code, t.peiljaar, totaal, false);
    }
  }
  for (const l of vsvLeerlingen) voegTelToe(l.code, l.teljaar, l.aantal, false);
  // EduGIS added DUO's VO counts of the October before the geocoding (file of Nov 2024 → teldatum 1 Oct 2023). Its
  // PO counts are not used: they count `<5` as 2 and the historical DUO file has the real ones.
  for (const t of tabellen('vestigingen-geocoded')) {
    if (t.peiljaar === ACTUEEL) continue;
    const gezien = new Set<string>();
    for (const r of t.rijen) {
      const code = veld(t, r, 'VESTIGINGSCODE').toUpperCase();
      if (gezien.has(code) || soortVanDuoType(veld(t, r, 'TYPE')) !== 'vo') continue;
      gezien.add(code);
      const a = parseDuoAantal(veld(t, r, 'LEERLINGEN'));
      if (!a.ok) afwijzen(t.bestand, r.regel, `leerlingen: ${a.reden}`);
      else if (a.waarde && soortVan.get(code) === 'vo') voegTelToe(code, t.peiljaar - 1, a.waarde, false);
    }
  }
  if (overgeslagen) opmerkingen.push(`${tal(overgeslagen, 'leerlingentelling', 'leerlingentellingen')} overgeslagen: de vestiging staat niet (meer) in het register of hoort bij de andere sector.`);

  const leerlingRijen = [...leerlingen.values()].sort((a, b) =>
    a.vestigingCode < b.vestigingCode ? -1 : a.vestigingCode > b.vestigingCode ? 1 : a.teljaar - b.teljaar,
  );

  // Report per file, in line order, however the checks above were ordered.
  afgewezen.sort((a, b) => (a.bestand < b.bestand ? -1 : a.bestand > b.bestand ? 1 : a.regel - b.regel));
  return {
    data: { swvs, besturen, pc4s, vestigingen, leerlingen: leerlingRijen },
    afgewezen,
    opmerkingen,
    gebruikt,
  };
}
