/**
 * Register tables: the public DUO school register. These are national reference data (CC-0 open data), not
 * tenant data: every SWV and the public may read them, so they carry no `swv_id` and no RLS.
 */
import { pgTable, text, integer, doublePrecision, boolean, primaryKey, index, timestamp } from 'drizzle-orm/pg-core';

/** A samenwerkingsverband passend onderwijs (the tenant). Code is DUO's: PO/VO + 4 digits. */
export const swv = pgTable('swv', {
  code: text('code').primaryKey(),
  sector: text('sector').notNull(), // 'po' | 'vo'
  naam: text('naam').notNull(),
  /** PO0001/VO0001: national SWVs without a region (Regeling regio-indeling). */
  isLandelijk: boolean('is_landelijk').notNull().default(false),
});

/** Bevoegd gezag (school board), identified by DUO's bevoegd-gezagnummer. */
export const bestuur = pgTable('bestuur', {
  nummer: text('nummer').primaryKey(),
  naam: text('naam'),
});

/** A school location (vestiging) from DUO's address files, with its derived SWV(s). */
export const vestiging = pgTable(
  'vestiging',
  {
    code: text('code').primaryKey(), // vestigingscode, 6 chars: instellingscode + 2 digits
    instellingscode: text('instellingscode').notNull(),
    naam: text('naam').notNull(),
    /** bao | sbo | so | vso | so/vso | vo */
    soort: text('soort').notNull(),
    onderwijsstructuur: text('onderwijsstructuur'),
    denominatie: text('denominatie'),
    bestuurNummer: text('bestuur_nummer').references(() => bestuur.nummer),
    straat: text('straat'),
    huisnummer: text('huisnummer'),
    postcode: text('postcode'),
    pc4: text('pc4'),
    plaats: text('plaats'),
    gemeente: text('gemeente'),
    internet: text('internet'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    swvPo: text('swv_po').references(() => swv.code),
    swvVo: text('swv_vo').references(() => swv.code),
  },
  (t) => [index('vestiging_swv_po_idx').on(t.swvPo), index('vestiging_swv_vo_idx').on(t.swvVo), index('vestiging_pc4_idx').on(t.pc4)],
);

/**
 * Pupil count of a vestiging on a teldatum (1 October of `teljaar`). DUO publishes 1–4 as "<5": we store
 * `aantal` NULL with `isKlein` true rather than inventing a number.
 */
export const vestigingLeerlingen = pgTable(
  'vestiging_leerlingen',
  {
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    teljaar: integer('teljaar').notNull(),
    aantal: integer('aantal'),
    isKlein: boolean('is_klein').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.vestigingCode, t.teljaar] })],
);

/** Four-digit postcode area: centroid (CBS 2020) and the SWVs whose region covers it (Regeling regio-indeling). */
export const pc4 = pgTable('pc4', {
  pc4: text('pc4').primaryKey(),
  gemeente: text('gemeente'),
  plaats: text('plaats'),
  swvPo: text('swv_po').references(() => swv.code),
  swvVo: text('swv_vo').references(() => swv.code),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  rdX: doublePrecision('rd_x'),
  rdY: doublePrecision('rd_y'),
});

/** One row per register import run, for the beheerder and for idempotency reports. */
export const registerImport = pgTable('register_import', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  bron: text('bron').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  samenvatting: text('samenvatting'),
});
