/**
 * Tables of the ontwikkelingsperspectief (OPP, issue 6; legal-rules §2). An `opp` belongs to one pupil at one school
 * location; its content lives in `opp_versie` rows that never change once written (a change is a new version, so
 * what the parents consented to stays exactly what they saw — WPO 40a, instemming on the handelingsdeel). The
 * decisions and talks around it are separate dated records: OOGO with the parents (`opp_oogo`), the parents' (or the
 * adult pupil's) decision on the handelingsdeel of one version (`opp_instemming`), the pupil's heard view and the
 * parents' own view (`opp_mening`), and the yearly evaluation (`opp_evaluatie`). `opp_instelling` holds the SWV's
 * choices (the age from which pupils use the portal).
 *
 * All are tenant tables with RLS forced; append-only where the law needs a trustworthy record (migration 0015).
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, date, timestamp, uuid, jsonb, unique, index, foreignKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { swv, vestiging } from '../register/schema.js';
import { gebruiker, leerling } from '../../platform/db/schema.js';
import type { Factor, Handeling, Antwoord, Resultaat } from './rules/inhoud.js';

export const opp = pgTable(
  'opp',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    leerlingId: uuid('leerling_id').notNull(),
    /** The school location that draws up the OPP (where the pupil is enrolled). */
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    /** Kind of education (rules/termijn.ts Onderwijssoort): decides when an OPP is required and the exit destinations. */
    soort: text('soort').notNull(),
    /** 'inschrijving': new at the school (the law's 6 weeks); 'later': the need arose later (our 6-week target). */
    aanleiding: text('aanleiding').notNull(),
    ingeschrevenOp: date('ingeschreven_op', { mode: 'string' }).notNull(),
    /** After a provisional placement by law: the day it became definitive (the 6 weeks count from then). */
    definitiefOp: date('definitief_op', { mode: 'string' }),
    /** The last day to adopt the first version (rules/termijn.ts). */
    uiterlijk: date('uiterlijk', { mode: 'string' }).notNull(),
    /** Who consents on the handelingsdeel: 'ouders', or 'leerling' (the adult, competent pupil in (v)so). */
    instemmingDoor: text('instemming_door').notNull().default('ouders'),
    gestartOp: date('gestart_op', { mode: 'string' }).notNull(),
    gestartDoor: uuid('gestart_door').references(() => gebruiker.id),
    /** End date for the ROD (legal-rules §2.8), with the reason. */
    afgeslotenOp: date('afgesloten_op', { mode: 'string' }),
    afsluitReden: text('afsluit_reden'),
    versie: integer('versie').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opp_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
    index('opp_vestiging_idx').on(t.swvId, t.vestigingCode),
    index('opp_leerling_idx').on(t.swvId, t.leerlingId),
    // One running OPP per pupil per school: a second would split the consent and the evaluations.
    uniqueIndex('opp_lopend_uniek').on(t.swvId, t.leerlingId, t.vestigingCode).where(sql`afgesloten_op is null`),
  ],
);

export const oppVersie = pgTable(
  'opp_versie',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    oppId: uuid('opp_id').notNull(),
    volgnummer: integer('volgnummer').notNull(),
    /** Expected exit destination: a code of rules/uitstroom.ts and the school's reasoning (onderbouwing). */
    uitstroom: text('uitstroom').notNull().default(''),
    uitstroomToelichting: text('uitstroom_toelichting').notNull().default(''),
    /** Hindering and supporting factors per support domain. */
    factoren: jsonb('factoren').$type<Factor[]>().notNull().default([]),
    /** The handelingsdeel: goals with the support, who gives it and how often. */
    handelingsdeel: jsonb('handelingsdeel').$type<Handeling[]>().notNull().default([]),
    /** Deviations from the regular programme (where applicable). */
    afwijkingen: text('afwijkingen').notNull().default(''),
    /** What changed compared with the previous version, in the author's words (optional). */
    wijziging: text('wijziging').notNull().default(''),
    /** The evaluation this version starts from (rules: the next version starts from the evaluation). */
    evaluatieId: uuid('evaluatie_id'),
    gemaaktDoor: uuid('gemaakt_door').references(() => gebruiker.id),
    gemaaktOp: timestamp('gemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    vastgesteldOp: date('vastgesteld_op', { mode: 'string' }),
    vastgesteldDoor: uuid('vastgesteld_door').references(() => gebruiker.id),
    /** (v)so: the day the commissie voor de begeleiding advised (WEC art. 41a lid 1, 40b), recorded at adoption. */
    cvbAdviesOp: date('cvb_advies_op', { mode: 'string' }),
  },
  (t) => [
    unique('opp_versie_swv_id_key').on(t.swvId, t.id),
    unique('opp_versie_volgnummer_key').on(t.swvId, t.oppId, t.volgnummer),
    foreignKey({ columns: [t.swvId, t.oppId], foreignColumns: [opp.swvId, opp.id] }),
  ],
);

/** OOGO with the parents (or the adult pupil): the whole OPP is adopted after it (WPO 40a lid 1 and 4). */
export const oppOogo = pgTable(
  'opp_oogo',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    oppId: uuid('opp_id').notNull(),
    /** The version that was discussed. */
    volgnummer: integer('volgnummer').notNull(),
    op: date('op', { mode: 'string' }).notNull(),
    deelnemers: text('deelnemers').notNull(),
    uitkomst: text('uitkomst').notNull(), // overeenstemming | deels | geen-overeenstemming
    verslag: text('verslag').notNull().default(''),
    vastgelegdDoor: uuid('vastgelegd_door').references(() => gebruiker.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opp_oogo_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.oppId], foreignColumns: [opp.swvId, opp.id] }),
    index('opp_oogo_opp_idx').on(t.swvId, t.oppId),
  ],
);

/**
 * A decision on the handelingsdeel of ONE version: 'gezien', 'ingestemd' or 'geweigerd' (with reasons). Separate,
 * dated, append-only records; the newest per version counts (rules/vaststelling.ts instemmingVoor).
 */
export const oppInstemming = pgTable(
  'opp_instemming',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    oppId: uuid('opp_id').notNull(),
    versieId: uuid('versie_id').notNull(),
    volgnummer: integer('volgnummer').notNull(),
    uitkomst: text('uitkomst').notNull(), // gezien | ingestemd | geweigerd
    op: date('op', { mode: 'string' }).notNull(),
    reden: text('reden'),
    /** 'online' (the parent or pupil in Passend) or 'school' (recorded by the school, e.g. signed on paper). */
    bron: text('bron').notNull(),
    /** The name of the parent or pupil who decided. */
    namens: text('namens').notNull(),
    /** Who decided on the handelingsdeel when this was recorded ('ouders' or the adult pupil, opp.instemming_door): a
     *  decision counts only while the same party decides. */
    beslisser: text('beslisser').notNull().default('ouders'),
    doorGebruiker: uuid('door_gebruiker').references(() => gebruiker.id),
    doorRol: text('door_rol').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opp_instemming_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.oppId], foreignColumns: [opp.swvId, opp.id] }),
    foreignKey({ columns: [t.swvId, t.versieId], foreignColumns: [oppVersie.swvId, oppVersie.id] }),
    index('opp_instemming_opp_idx').on(t.swvId, t.oppId),
  ],
);

/**
 * A view on the OPP: the pupil's own view (hoorrecht, in the pupil's words, or why it could not be obtained) or the
 * parents' own view. The school records what it did with it (`reactie`), and the pupil or parent sees that.
 */
export const oppMening = pgTable(
  'opp_mening',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    oppId: uuid('opp_id').notNull(),
    /** The version that was current when the view was given. */
    volgnummer: integer('volgnummer').notNull(),
    van: text('van').notNull(), // leerling | ouder
    soort: text('soort').notNull(), // mening | niet-gehoord
    /** The answers to the questions of the form that fits the pupil's age (rules/hoorrecht.ts), in their words. */
    antwoorden: jsonb('antwoorden').$type<Antwoord[]>().notNull().default([]),
    /** With 'niet-gehoord': why the view could not be obtained. */
    reden: text('reden'),
    /** How the view was given: gesprek | formulier | online. */
    vorm: text('vorm').notNull(),
    gegevenOp: date('gegeven_op', { mode: 'string' }).notNull(),
    namens: text('namens').notNull(),
    doorGebruiker: uuid('door_gebruiker').references(() => gebruiker.id),
    doorRol: text('door_rol').notNull(),
    /** What the school did with this view; shown to the pupil or parent. */
    reactie: text('reactie'),
    reactieOp: date('reactie_op', { mode: 'string' }),
    reactieDoor: uuid('reactie_door').references(() => gebruiker.id),
    versie: integer('versie').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opp_mening_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.oppId], foreignColumns: [opp.swvId, opp.id] }),
    index('opp_mening_opp_idx').on(t.swvId, t.oppId),
  ],
);

/** The yearly evaluation with the parents (WPO 40a lid 3): results per goal of the adopted version. */
export const oppEvaluatie = pgTable(
  'opp_evaluatie',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    oppId: uuid('opp_id').notNull(),
    versieId: uuid('versie_id').notNull(),
    volgnummer: integer('volgnummer').notNull(),
    op: date('op', { mode: 'string' }).notNull(),
    deelnemers: text('deelnemers').notNull(),
    metOuders: boolean('met_ouders').notNull(),
    resultaten: jsonb('resultaten').$type<Resultaat[]>().notNull().default([]),
    conclusie: text('conclusie').notNull(), // doorgaan | bijstellen | afsluiten
    toelichting: text('toelichting').notNull().default(''),
    vastgelegdDoor: uuid('vastgelegd_door').references(() => gebruiker.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opp_evaluatie_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.oppId], foreignColumns: [opp.swvId, opp.id] }),
    foreignKey({ columns: [t.swvId, t.versieId], foreignColumns: [oppVersie.swvId, oppVersie.id] }),
    index('opp_evaluatie_opp_idx').on(t.swvId, t.oppId),
  ],
);

/** The SWV's own OPP settings: from which age a pupil uses the pupil portal (default 12, rules/hoorrecht.ts). */
export const oppInstelling = pgTable('opp_instelling', {
  swvId: text('swv_id').primaryKey().references(() => swv.code),
  leerlingPortaalVanaf: integer('leerling_portaal_vanaf').notNull().default(12),
  versie: integer('versie').notNull().default(1),
});

/** A signal mailed to the school about one OPP, once per kind and key (rules/signalen.ts). */
export const oppHerinnering = pgTable(
  'opp_herinnering',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    oppId: uuid('opp_id').notNull(),
    soort: text('soort').notNull(),
    sleutel: text('sleutel').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opp_herinnering_uniek').on(t.swvId, t.oppId, t.soort, t.sleutel),
    foreignKey({ columns: [t.swvId, t.oppId], foreignColumns: [opp.swvId, opp.id] }),
  ],
);
