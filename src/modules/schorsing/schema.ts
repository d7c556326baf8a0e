/**
 * Tables of schorsing (suspension) and verwijdering (removal) of an enrolled pupil (legal-rules §1.13–1.17). Both
 * are decisions of the school's board about one pupil at one school location; tenant tables with RLS forced
 * (migrations/0012_schorsing_rls.sql). Rules: rules/schorsing.ts, rules/verwijdering.ts.
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, date, timestamp, uuid, unique, index, foreignKey } from 'drizzle-orm/pg-core';
import { swv, vestiging } from '../register/schema.js';
import { gebruiker, leerling } from '../../platform/db/schema.js';

/** A suspension: at most one week, with reasons, in writing to the parents; the inspectie told when > 1 day. */
export const schorsing = pgTable(
  'schorsing',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    leerlingId: uuid('leerling_id').notNull(),
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    /** First and last day (inclusive). */
    van: date('van', { mode: 'string' }).notNull(),
    tot: date('tot', { mode: 'string' }).notNull(),
    reden: text('reden').notNull(),
    besluitOp: date('besluit_op', { mode: 'string' }).notNull(),
    /** The day the letter to the parents (and the adult pupil) was sent or handed over. */
    ouderGeinformeerdOp: date('ouder_geinformeerd_op', { mode: 'string' }),
    /** Task for suspensions longer than one day: the written notice to the inspectie, with reasons. */
    inspectieMeldingNodig: boolean('inspectie_melding_nodig').notNull(),
    inspectieGemeldOp: date('inspectie_gemeld_op', { mode: 'string' }),
    /** Withdrawn (e.g. after a bezwaar): kept for the record, not counted. */
    ingetrokkenOp: date('ingetrokken_op', { mode: 'string' }),
    vastgelegdDoor: uuid('vastgelegd_door').references(() => gebruiker.id),
    versie: integer('versie').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('schorsing_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
    index('schorsing_vestiging_idx').on(t.swvId, t.vestigingCode),
    index('schorsing_leerling_idx').on(t.swvId, t.leerlingId),
  ],
);

/**
 * A removal: "voorgenomen" until what the law requires is on record (hearing; another school willing for po and
 * leerplichtige vo/(v)so pupils; vo: inspectie consulted), then "definitief"; or "ingetrokken".
 */
export const verwijdering = pgTable(
  'verwijdering',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    leerlingId: uuid('leerling_id').notNull(),
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    sector: text('sector').notNull(), // po | vo | wec
    status: text('status').notNull().default('voorgenomen'), // voorgenomen | definitief | ingetrokken
    voornemenOp: date('voornemen_op', { mode: 'string' }).notNull(),
    reden: text('reden').notNull(),
    leerplichtig: boolean('leerplichtig').notNull(),
    /** Hearing: the group teacher (po, WEC) or the pupil and, under 18, the parents (vo). */
    gehoordOp: date('gehoord_op', { mode: 'string' }),
    hoorVerslag: text('hoor_verslag'),
    /** The school that confirmed it is willing to admit the pupil. */
    andereSchoolCode: text('andere_school_code').references(() => vestiging.code),
    andereSchoolBereidOp: date('andere_school_bereid_op', { mode: 'string' }),
    inspectieGeraadpleegdOp: date('inspectie_geraadpleegd_op', { mode: 'string' }),
    /** WEC cluster 1/2 instelling: the day the search for another school started. */
    cluster12ZoektochtSinds: date('cluster12_zoektocht_sinds', { mode: 'string' }),
    /** The day the removal became definitive (the bezwaar term runs from the letter of that day). */
    besluitOp: date('besluit_op', { mode: 'string' }),
    ingetrokkenOp: date('ingetrokken_op', { mode: 'string' }),
    vastgelegdDoor: uuid('vastgelegd_door').references(() => gebruiker.id),
    versie: integer('versie').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('verwijdering_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
    index('verwijdering_vestiging_idx').on(t.swvId, t.vestigingCode),
  ],
);
