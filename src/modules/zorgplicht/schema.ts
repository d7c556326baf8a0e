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
