/**
 * Row and report types of the register module, shared by the DUO reader, the snapshot and the store. They mirror
 * the tables in schema.ts (camelCase), with `soort` and `sector` narrowed to their allowed values.
 */
import type { Soort } from './rules/soort.js';
import type { SwvSector } from './rules/swv.js';

export interface SwvRij {
  code: string;
  sector: SwvSector;
  naam: string;
  isLandelijk: boolean;
}

export interface BestuurRij {
  nummer: string;
  /** DUO's open data has no board names: null until a source with names is imported. */
  naam: string | null;
}

export interface VestigingRij {
  code: string;
  instellingscode: string;
  naam: string;
  soort: Soort;
  onderwijsstructuur: string | null;
  denominatie: string | null;
  bestuurNummer: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  pc4: string | null;
  plaats: string | null;
  gemeente: string | null;
  internet: string | null;
  lat: number | null;
  lon: number | null;
  swvPo: string | null;
  swvVo: string | null;
}

/** Pupils of a vestiging on 1 October of `teljaar`; `aantal` is null when DUO published `<5` (`isKlein`). */
export interface LeerlingenRij {
  vestigingCode: string;
  teljaar: number;
  aantal: number | null;
  isKlein: boolean;
}

export interface Pc4Rij {
  pc4: string;
  gemeente: string | null;
  plaats: string | null;
  swvPo: string | null;
  swvVo: string | null;
  lat: number | null;
  lon: number | null;
  rdX: number | null;
  rdY: number | null;
}

/** The register tables, in the order they must be written (foreign keys). */
export const REGISTER_TABELLEN = ['swv', 'bestuur', 'pc4', 'vestiging', 'vestiging_leerlingen'] as const;
export type RegisterTabel = (typeof REGISTER_TABELLEN)[number];

/** Everything one import writes. A table that is absent (undefined) is left alone. */
export interface RegisterData {
  swvs?: SwvRij[];
  besturen: BestuurRij[];
  pc4s?: Pc4Rij[];
  vestigingen: VestigingRij[];
  leerlingen: LeerlingenRij[];
}

/** A row of an input file that was not imported, with the reason in Dutch. */
export interface Afwijzing {
  bestand: string;
  /** Line in the file (1 = header); 0 when the whole file is meant. */
  regel: number;
  reden: string;
}

/** What an upsert did. */
export interface Telling {
  ingevoegd: number;
  bijgewerkt: number;
  ongewijzigd: number;
}

/** The report of an import run (snapshot or DUO directory); shown by the CLI and stored in register_import. */
export interface ImportRapport {
  /** What was imported: 'snapshot' or 'duo'. */
  soort: 'snapshot' | 'duo';
  /** Directory it came from. */
  bron: string;
  /** The input files that were read (relative to `bron`). */
  bestanden: string[];
  ingevoegd: number;
  bijgewerkt: number;
  ongewijzigd: number;
  afgewezen: Afwijzing[];
  perTabel: Record<RegisterTabel, Telling>;
  /** Notes for the beheerder: files skipped, known quirks handled. */
  opmerkingen: string[];
  duurMs: number;
}

/** Progress of a long import, for a CLI progress line. `stap` is a Dutch step name. */
export interface ImportVoortgang {
  stap: string;
  gedaan: number;
  totaal: number;
}
