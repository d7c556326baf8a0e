/**
 * Tables of the aanbod module: a school's yearly ondersteuningsaanbod (versions), the SWV's basisondersteuning per
 * school year, and the SWV's public profile (contact, ouder- en jeugdsteunpunt, documents).
 *
 * All three are tenant tables (swv_id, RLS forced, migrations/0005_aanbod_rls.sql). Unlike pupil data they are meant
 * to be public once adopted or published: an extra SELECT-only policy lets anyone read an adopted version, an
 * adopted basisondersteuning and a published profile. Concepts stay inside the SWV.
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, date, jsonb, timestamp, uuid, unique, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { swv, vestiging } from '../register/schema.js';
import { gebruiker } from '../../platform/db/schema.js';
import type { BasisBevestiging, BasisOnderdeel, DomeinAanbod, SwvDocument } from './rules/typen.js';
import type { VoorzieningCode } from './rules/domeinen.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * One version of a school location's ondersteuningsaanbod for a school year. A concept is edited by the school's
 * staff; the school leader adopts it (vastgesteld) after recording the MR's advice, and from then on the row is
 * read-only (a trigger refuses changes). A school year can have a later version (volgnummer 2, …) when the offer
 * changes mid-year; the next year starts from a copy (`gebaseerd_op`).
 */
export const ondersteuningsaanbod = pgTable(
  'ondersteuningsaanbod',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    /** `2026-2027`: school years run 1 August – 31 July. */
    schooljaar: text('schooljaar').notNull(),
    volgnummer: integer('volgnummer').notNull().default(1),
    status: text('status').notNull().default('concept'), // concept | vastgesteld
    toelichting: text('toelichting').notNull().default(''),
    contactNaam: text('contact_naam').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactTelefoon: text('contact_telefoon').notNull().default(''),
    domeinen: jsonb('domeinen').$type<DomeinAanbod[]>().notNull().default(sql`'[]'::jsonb`),
    voorzieningen: jsonb('voorzieningen').$type<VoorzieningCode[]>().notNull().default(sql`'[]'::jsonb`),
    voorzieningenToelichting: text('voorzieningen_toelichting').notNull().default(''),
    /** The SWV's basisondersteuning as this school confirmed it, frozen with the version. */
    basisOnderdelen: jsonb('basis_onderdelen').$type<BasisBevestiging[]>().notNull().default(sql`'[]'::jsonb`),
    basisToelichting: text('basis_toelichting').notNull().default(''),
    mrAdviesDatum: date('mr_advies_datum', { mode: 'string' }),
    mrAdvies: text('mr_advies'), // MrAdvies
    mrAdviesToelichting: text('mr_advies_toelichting'),
    /** Why the school leader adopts despite a negative advice. */
    reactieOpAdvies: text('reactie_op_advies'),
    vastgesteldOp: date('vastgesteld_op', { mode: 'string' }),
    vastgesteldDoor: uuid('vastgesteld_door').references(() => gebruiker.id),
    gebaseerdOp: uuid('gebaseerd_op'),
    /** Fictitious content of a demo install: every page that shows it says so. */
    isDemo: boolean('is_demo').notNull().default(false),
    versie: integer('versie').notNull().default(1),
    bijgewerktDoor: uuid('bijgewerkt_door').references(() => gebruiker.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('ondersteuningsaanbod_swv_id_key').on(t.swvId, t.id),
    unique('ondersteuningsaanbod_versie_key').on(t.vestigingCode, t.schooljaar, t.volgnummer),
    // At most one concept per school at a time: two people cannot start two different drafts.
    uniqueIndex('ondersteuningsaanbod_een_concept').on(t.vestigingCode).where(sql`status = 'concept'`),
    index('ondersteuningsaanbod_swv_idx').on(t.swvId, t.schooljaar),
  ],
);

/** The SWV's basisondersteuning for a school year: what every school of the SWV offers (legal-rules §4.5a). */
export const basisondersteuning = pgTable(
  'basisondersteuning',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    schooljaar: text('schooljaar').notNull(),
    status: text('status').notNull().default('concept'), // concept | vastgesteld
    onderdelen: jsonb('onderdelen').$type<BasisOnderdeel[]>().notNull().default(sql`'[]'::jsonb`),
    toelichting: text('toelichting').notNull().default(''),
    vastgesteldOp: date('vastgesteld_op', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    versie: integer('versie').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('basisondersteuning_swv_id_key').on(t.swvId, t.id), unique('basisondersteuning_jaar_key').on(t.swvId, t.schooljaar)],
);

/** The public face of an SWV: contact, its ouder- en jeugdsteunpunt (legal-rules §4.3) and published documents. */
export const swvProfiel = pgTable('swv_profiel', {
  swvId: text('swv_id').primaryKey().references(() => swv.code),
  telefoon: text('telefoon').notNull().default(''),
  email: text('email').notNull().default(''),
  website: text('website').notNull().default(''),
  adres: text('adres').notNull().default(''),
  steunpuntNaam: text('steunpunt_naam').notNull().default(''),
  steunpuntTelefoon: text('steunpunt_telefoon').notNull().default(''),
  steunpuntEmail: text('steunpunt_email').notNull().default(''),
  steunpuntWebsite: text('steunpunt_website').notNull().default(''),
  steunpuntToelichting: text('steunpunt_toelichting').notNull().default(''),
  documenten: jsonb('documenten').$type<SwvDocument[]>().notNull().default(sql`'[]'::jsonb`),
  isGepubliceerd: boolean('is_gepubliceerd').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  versie: integer('versie').notNull().default(1),
  updatedAt: updatedAt(),
});
