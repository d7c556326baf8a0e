/**
 * Column lists of the register tables, used by both the snapshot (CSV columns, in this order) and the store
 * (upsert SQL). One list, so the snapshot can never drift from what the importer writes.
 */
import type { RegisterTabel } from './types.js';

/** PostgreSQL type of a column, used for the `unnest($1::type[])` batch insert. */
export type KolomType = 'text' | 'int4' | 'float8' | 'bool';

export interface KolomSpec {
  /** Column name in SQL and in the snapshot CSV header. */
  kolom: string;
  /** Property name in the row types of types.ts. */
  veld: string;
  type: KolomType;
  /** An import that does not know the value (null) keeps the one in the database (board names). */
  behoudBijNull?: boolean;
}

export interface TabelSpec {
  tabel: RegisterTabel;
  /** File name in data/register. */
  bestand: string;
  /** Primary key columns. */
  sleutel: string[];
  kolommen: KolomSpec[];
}

const k = (kolom: string, veld: string, type: KolomType, behoudBijNull = false): KolomSpec => ({ kolom, veld, type, behoudBijNull });

/** Key and columns of every register table, in snapshot CSV order. */
export const TABEL_SPECS: Record<RegisterTabel, TabelSpec> = {
  swv: {
    tabel: 'swv',
    bestand: 'swv.csv.gz',
    sleutel: ['code'],
    kolommen: [k('code', 'code', 'text'), k('sector', 'sector', 'text'), k('naam', 'naam', 'text'), k('is_landelijk', 'isLandelijk', 'bool')],
  },
  bestuur: {
    tabel: 'bestuur',
    bestand: 'bestuur.csv.gz',
    sleutel: ['nummer'],
    kolommen: [k('nummer', 'nummer', 'text'), k('naam', 'naam', 'text', true)],
  },
  pc4: {
    tabel: 'pc4',
    bestand: 'pc4.csv.gz',
    sleutel: ['pc4'],
    kolommen: [
      k('pc4', 'pc4', 'text'),
      k('gemeente', 'gemeente', 'text'),
      k('plaats', 'plaats', 'text'),
      k('swv_po', 'swvPo', 'text'),
      k('swv_vo', 'swvVo', 'text'),
      k('lat', 'lat', 'float8'),
      k('lon', 'lon', 'float8'),
      k('rd_x', 'rdX', 'float8'),
      k('rd_y', 'rdY', 'float8'),
    ],
  },
  vestiging: {
    tabel: 'vestiging',
    bestand: 'vestiging.csv.gz',
    sleutel: ['code'],
    kolommen: [
      k('code', 'code', 'text'),
      k('instellingscode', 'instellingscode', 'text'),
      k('naam', 'naam', 'text'),
      k('soort', 'soort', 'text'),
      k('onderwijsstructuur', 'onderwijsstructuur', 'text'),
      k('denominatie', 'denominatie', 'text'),
      k('bestuur_nummer', 'bestuurNummer', 'text'),
      k('straat', 'straat', 'text'),
      k('huisnummer', 'huisnummer', 'text'),
      k('postcode', 'postcode', 'text'),
      k('pc4', 'pc4', 'text'),
      k('plaats', 'plaats', 'text'),
      k('gemeente', 'gemeente', 'text'),
      k('internet', 'internet', 'text'),
      k('lat', 'lat', 'float8'),
      k('lon', 'lon', 'float8'),
      k('swv_po', 'swvPo', 'text'),
      k('swv_vo', 'swvVo', 'text'),
    ],
  },
  vestiging_leerlingen: {
    tabel: 'vestiging_leerlingen',
    bestand: 'vestiging_leerlingen.csv.gz',
    sleutel: ['vestiging_code', 'teljaar'],
    kolommen: [
      k('vestiging_code', 'vestigingCode', 'text'),
      k('teljaar', 'teljaar', 'int4'),
      k('aantal', 'aantal', 'int4'),
      k('is_klein', 'isKlein', 'bool'),
    ],
  },
};
