/**
 * Tables of the zorgplicht module. An `aanmelding` is a written application of a child at a school location; its
 * legal clock (rules/termijnen.ts) runs from `ontvangen_op`. The child is a `leerling` of the SWV (not yet enrolled
 * at this school). Tenant table: RLS forced (migrations/0008_zorgplicht_rls.sql); access by relationship is in the
 * store's WHERE clause (rules/toegang.ts).
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, date, timestamp, uuid, unique, index, foreignKey } from 'drizzle-orm/pg-core';
import { swv, vestiging } from '../register/schema.js';
import { gebruiker, leerling } from '../../platform/db/schema.js';

export const aanmelding = pgTable(
  'aanmelding',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    leerlingId: uuid('leerling_id').notNull(),
    /** The school applied to; with first preference it carries the zorgplicht. */
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    sector: text('sector').notNull(), // po | vo | wec
    ontvangenOp: date('ontvangen_op', { mode: 'string' }).notNull(),
    gewensteStartdatum: date('gewenste_startdatum', { mode: 'string' }),
    /** The other schools the parents applied to, as they wrote them (WPO 40 lid 2: they must say so). */
    andereScholen: text('andere_scholen').notNull().default(''),
    isEersteVoorkeur: boolean('is_eerste_voorkeur').notNull().default(true),
    /** The parents expect that the child needs extra support (their information with the application). */
    extraOndersteuningVerwacht: boolean('extra_ondersteuning_verwacht').notNull().default(false),
    /** What the parents tell about the support their child needs (WPO 40 lid 3: the school may ask for it). */
    ouderInformatie: text('ouder_informatie'),
    status: text('status').notNull().default('ontvangen'),
    verlengdTot: date('verlengd_tot', { mode: 'string' }),
    verlengingReden: text('verlenging_reden'),
    verlengdOp: date('verlengd_op', { mode: 'string' }),
    /** The school's assessment (WPO 40 lid 3 c.s.): null until assessed. */
    extraOndersteuningNodig: boolean('extra_ondersteuning_nodig'),
    /** Why the zorgplicht does not apply (rules/zorgplicht.ts Uitzondering), with the school's reasons. */
    uitzondering: text('uitzondering'),
    uitzonderingToelichting: text('uitzondering_toelichting'),
    beoordeeldOp: date('beoordeeld_op', { mode: 'string' }),
    besluit: text('besluit'), // toegelaten | geweigerd
    besluitOp: date('besluit_op', { mode: 'string' }),
    besluitToelichting: text('besluit_toelichting'),
    /** Suspension of the term (vo only, WVO 27 lid 2g): from the invitation to complete until completion or expiry. */
    opgeschortVan: date('opgeschort_van', { mode: 'string' }),
    opgeschortTot: date('opgeschort_tot', { mode: 'string' }),
    opschortingReden: text('opschorting_reden'),
    /** Withdrawn by the parents (or on their behalf); the clock stops. */
    ingetrokkenOp: date('ingetrokken_op', { mode: 'string' }),
    intrekkingReden: text('intrekking_reden'),
    /** Provisional placement by law (WPO 40 lid 7 c.s.), set by the daily job; the enrolment it created. */
    tijdelijkGeplaatstVanaf: date('tijdelijk_geplaatst_vanaf', { mode: 'string' }),
    inschrijvingId: uuid('inschrijving_id'),
    /** 'school' (registered by staff) or 'ouder' (applied online by a parent). */
    bron: text('bron').notNull().default('school'),
    geregistreerdDoor: uuid('geregistreerd_door').references(() => gebruiker.id),
    versie: integer('versie').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('aanmelding_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
    index('aanmelding_swv_status_idx').on(t.swvId, t.status),
    index('aanmelding_vestiging_idx').on(t.swvId, t.vestigingCode),
  ],
);

/**
 * A request to another school to admit the pupil (WPO 40 lid 4 c.s.: "bereid is"). The other school sees the
 * request and what it needs to answer, not the application itself. Only 'bereid' lifts the block on a refusal.
 */
export const plaatsingsverzoek = pgTable(
  'plaatsingsverzoek',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    aanmeldingId: uuid('aanmelding_id').notNull(),
    /** The school asked. */
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    gevraagdOp: date('gevraagd_op', { mode: 'string' }).notNull(),
    /** What the other school needs to know: the support the child needs, written for this request. */
    vraag: text('vraag').notNull(),
    status: text('status').notNull().default('gevraagd'), // gevraagd | overweegt | bereid | afgewezen | ingetrokken
    antwoordOp: date('antwoord_op', { mode: 'string' }),
    antwoordToelichting: text('antwoord_toelichting'),
    gevraagdDoor: uuid('gevraagd_door').references(() => gebruiker.id),
    beantwoordDoor: uuid('beantwoord_door').references(() => gebruiker.id),
    versie: integer('versie').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('plaatsingsverzoek_swv_id_key').on(t.swvId, t.id),
    unique('plaatsingsverzoek_school_key').on(t.swvId, t.aanmeldingId, t.vestigingCode),
    foreignKey({ columns: [t.swvId, t.aanmeldingId], foreignColumns: [aanmelding.swvId, aanmelding.id] }),
    index('plaatsingsverzoek_vestiging_idx').on(t.swvId, t.vestigingCode, t.status),
  ],
);

/** A request for advice to the SWV about an application ("the SWV can be asked for advice at any step"). */
export const aanmeldingAdvies = pgTable(
  'aanmelding_advies',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    aanmeldingId: uuid('aanmelding_id').notNull(),
    vraag: text('vraag').notNull(),
    gevraagdOp: date('gevraagd_op', { mode: 'string' }).notNull(),
    gevraagdDoor: uuid('gevraagd_door').references(() => gebruiker.id),
    advies: text('advies'),
    adviesOp: date('advies_op', { mode: 'string' }),
    geadviseerdDoor: uuid('geadviseerd_door').references(() => gebruiker.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('aanmelding_advies_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.aanmeldingId], foreignColumns: [aanmelding.swvId, aanmelding.id] }),
  ],
);

/**
 * Reminders sent to the school before a deadline (2 weeks, 1 week). One row per application, kind and deadline, so
 * the daily job never mails twice and an extension (a new deadline) gets its own reminders.
 */
export const aanmeldingHerinnering = pgTable(
  'aanmelding_herinnering',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    aanmeldingId: uuid('aanmelding_id').notNull(),
    soort: text('soort').notNull(), // 14-dagen | 7-dagen
    termijn: date('termijn', { mode: 'string' }).notNull(),
    verstuurdOp: timestamp('verstuurd_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('aanmelding_herinnering_key').on(t.swvId, t.aanmeldingId, t.soort, t.termijn),
    foreignKey({ columns: [t.swvId, t.aanmeldingId], foreignColumns: [aanmelding.swvId, aanmelding.id] }),
  ],
);
