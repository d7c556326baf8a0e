/**
 * Platform tables every module needs. Tenant tables carry `swv_id` (the samenwerkingsverband is the tenant) and a
 * unique key `(swv_id, id)` so child tables can reference them with a composite foreign key: a row can never point
 * at another tenant's pupil, and the schema is ready to be distributed by `swv_id` (Citus) later.
 * Row-level security for these tables is in the reviewed custom migration `0001_tenancy.sql`.
 *
 * No BSN or other persoonsgebonden nummer is stored anywhere (security-notes §1.3, legal-rules §9.5): pupils are
 * identified by internal UUIDs only.
 */
import { sql } from 'drizzle-orm';
import {
  pgTable, text, uuid, date, timestamp, boolean, integer, bigint, jsonb, primaryKey, unique, index, foreignKey,
} from 'drizzle-orm/pg-core';
import { swv, vestiging } from '../../modules/register/schema.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Key/value facts about this installation (e.g. whether it holds demo data). */
export const appMeta = pgTable('app_meta', {
  sleutel: text('sleutel').primaryKey(),
  waarde: text('waarde').notNull(),
});

/** A person who can log in. Global (not tenant) because one person may hold roles in several SWVs. */
export const gebruiker = pgTable('gebruiker', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(),
  naam: text('naam').notNull(),
  /** scrypt hash; NULL for parents and pupils, who log in with an e-mailed one-time code. */
  wachtwoordHash: text('wachtwoord_hash'),
  /** TOTP secret, AES-GCM encrypted with a key derived from PASSEND_SECRET. */
  totpSecret: text('totp_secret'),
  totpBevestigdOp: timestamp('totp_bevestigd_op', { withTimezone: true }),
  /**
   * A new TOTP secret being set up (sealed). The confirmed secret above stays the only valid factor until the new
   * one is confirmed with a code, so opening the set-up page can never switch the second factor off.
   */
  totpNieuwSecret: text('totp_nieuw_secret'),
  /** Last accepted TOTP time step: a code is accepted once (ASVS 6.5.1). */
  totpLaatsteStap: bigint('totp_laatste_stap', { mode: 'number' }),
  isActief: boolean('is_actief').notNull().default(true),
  createdAt: createdAt(),
  laatstIngelogdOp: timestamp('laatst_ingelogd_op', { withTimezone: true }),
});

/**
 * A role a person holds, scoped to an SWV and optionally a school location, board or pupil. National roles
 * (inspectie, beheerder) have no SWV.
 */
export const rolToekenning = pgTable(
  'rol_toekenning',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    gebruikerId: uuid('gebruiker_id').notNull().references(() => gebruiker.id),
    rol: text('rol').notNull(),
    swvId: text('swv_id').references(() => swv.code),
    vestigingCode: text('vestiging_code').references(() => vestiging.code),
    bestuurNummer: text('bestuur_nummer'),
    leerlingId: uuid('leerling_id'),
    createdAt: createdAt(),
  },
  (t) => [index('rol_toekenning_gebruiker_idx').on(t.gebruikerId), index('rol_toekenning_swv_idx').on(t.swvId)],
);

/** Server-side session; the cookie holds a random token, the table only its SHA-256. */
export const sessie = pgTable(
  'sessie',
  {
    id: text('id').primaryKey(),
    gebruikerId: uuid('gebruiker_id').notNull().references(() => gebruiker.id),
    rolToekenningId: uuid('rol_toekenning_id').references(() => rolToekenning.id),
    /** True once the second factor (TOTP, or the e-mailed code for parents) was given in this session. */
    isMfaGeldig: boolean('is_mfa_geldig').notNull().default(false),
    /** Which second factor was given: 'totp' (staff) or 'email' (parents, pupils). Staff roles need 'totp'. */
    factor: text('factor'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    laatstGezienOp: timestamp('laatst_gezien_op', { withTimezone: true }).notNull().defaultNow(),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessie_gebruiker_idx').on(t.gebruikerId)],
);

/** E-mailed one-time login code for parents and pupils (stored hashed, short-lived, limited attempts). */
export const eenmaligeCode = pgTable('eenmalige_code', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  gebruikerId: uuid('gebruiker_id').notNull().references(() => gebruiker.id),
  codeHash: text('code_hash').notNull(),
  verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
  pogingen: integer('pogingen').notNull().default(0),
  gebruiktOp: timestamp('gebruikt_op', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Fixed-window rate-limit buckets in the database, so limits hold across app processes. */
export const rateLimit = pgTable(
  'rate_limit',
  {
    sleutel: text('sleutel').notNull(),
    vensterStart: timestamp('venster_start', { withTimezone: true }).notNull(),
    aantal: integer('aantal').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sleutel, t.vensterStart] })],
);

/** Background job queue; workers claim rows with FOR UPDATE SKIP LOCKED. Payloads hold ids, never pupil data. */
export const job = pgTable(
  'job',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    soort: text('soort').notNull(),
    payload: jsonb('payload').notNull().default({}),
    /** Optional idempotency key: one pending job per key. */
    sleutel: text('sleutel').unique(),
    uitvoerenOp: timestamp('uitvoeren_op', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').notNull().default('wachtend'), // wachtend | bezig | klaar | mislukt
    pogingen: integer('pogingen').notNull().default(0),
    geclaimdDoor: text('geclaimd_door'),
    geclaimdOp: timestamp('geclaimd_op', { withTimezone: true }),
    klaarOp: timestamp('klaar_op', { withTimezone: true }),
    laatsteFout: text('laatste_fout'),
    createdAt: createdAt(),
  },
  (t) => [index('job_wachtend_idx').on(t.status, t.uitvoerenOp)],
);

/**
 * Mail outbox. Mails never contain pupil support data: they say that something needs attention and link into
 * Passend (health data stays behind the login, AVG art. 9 and 32).
 */
export const mailBericht = pgTable('mail_bericht', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  aan: text('aan').notNull(),
  onderwerp: text('onderwerp').notNull(),
  tekst: text('tekst').notNull(),
  status: text('status').notNull().default('wachtend'), // wachtend | verzonden | mislukt
  pogingen: integer('pogingen').notNull().default(0),
  laatsteFout: text('laatste_fout'),
  createdAt: createdAt(),
  verzondenOp: timestamp('verzonden_op', { withTimezone: true }),
});

/**
 * Append-only, hash-chained audit log (NEN 7513 model, security-notes §1.5). Field *names* only, never values.
 * The chain hash is computed by a trigger (migration 0001) so no code path can forget it.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    /** Position in the chain; assigned by the trigger under the chain-head row lock (commit order). */
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(0),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    swvId: text('swv_id'),
    actorGebruikerId: uuid('actor_gebruiker_id'),
    actorRol: text('actor_rol'),
    namens: text('namens'),
    organisatie: text('organisatie'),
    leerlingId: uuid('leerling_id'),
    /** For list views: every pupil that was on the list (one event per list, not per row). */
    leerlingIds: uuid('leerling_ids').array(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    actie: text('actie').notNull(),
    velden: text('velden').array(),
    grondslag: text('grondslag'),
    resultaat: text('resultaat').notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_leerling_idx').on(t.swvId, t.leerlingId, t.at),
    index('audit_leerling_ids_idx').using('gin', t.leerlingIds),
  ],
);

/**
 * The head of the audit chain: one row, updated by the audit trigger. Its row lock serialises audit writes so the
 * chain follows commit order even with several app processes. Not granted to the app role.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** A pupil (leerling) within an SWV. Internal id only; no BSN (legal-rules §9, security-notes §1.3). */
export const leerling = pgTable(
  'leerling',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull().references(() => swv.code),
    voornaam: text('voornaam').notNull(),
    tussenvoegsel: text('tussenvoegsel'),
    achternaam: text('achternaam').notNull(),
    geboortedatum: date('geboortedatum', { mode: 'string' }).notNull(),
    /** Home PC4: decides the responsible SWV for pupils not enrolled anywhere (legal-rules §3.7). */
    woonPc4: text('woon_pc4'),
    versie: integer('versie').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('leerling_swv_id_key').on(t.swvId, t.id), index('leerling_swv_naam_idx').on(t.swvId, t.achternaam)],
);

/** Enrolment of a pupil at a school location; `einddatum` NULL while enrolled. */
export const inschrijving = pgTable(
  'inschrijving',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    leerlingId: uuid('leerling_id').notNull(),
    vestigingCode: text('vestiging_code').notNull().references(() => vestiging.code),
    startdatum: date('startdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('inschrijving_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
    index('inschrijving_vestiging_idx').on(t.swvId, t.vestigingCode),
    index('inschrijving_leerling_idx').on(t.swvId, t.leerlingId),
  ],
);

/**
 * A parent or guardian of a pupil. `heeftGezag` matters: a parent without gezag has no right of inzage in the
 * dossier, only to important information (security-notes §1.2).
 */
export const ouder = pgTable(
  'ouder',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    leerlingId: uuid('leerling_id').notNull(),
    naam: text('naam').notNull(),
    email: text('email'),
    relatie: text('relatie').notNull(), // ouder | voogd | verzorger
    heeftGezag: boolean('heeft_gezag').notNull(),
    gebruikerId: uuid('gebruiker_id').references(() => gebruiker.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('ouder_swv_id_key').on(t.swvId, t.id),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
    index('ouder_leerling_idx').on(t.swvId, t.leerlingId),
    index('ouder_gebruiker_idx').on(t.gebruikerId),
  ],
);

/**
 * Invitation for a parent to follow their child's file, or for a pupil to use the pupil portal (issue 6: from the
 * age the SWV sets); exactly one of `ouderId` / `leerlingId` (check in migration 0015). The link carries a random
 * token (stored hashed). A pupil's e-mail address lives only here and on the account it creates.
 */
export const uitnodiging = pgTable(
  'uitnodiging',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    swvId: text('swv_id').notNull(),
    ouderId: uuid('ouder_id'),
    leerlingId: uuid('leerling_id'),
    /** The pupil's address (a parent's is on the `ouder` row). */
    email: text('email'),
    tokenHash: text('token_hash').notNull().unique(),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
    geaccepteerdOp: timestamp('geaccepteerd_op', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.swvId, t.ouderId], foreignColumns: [ouder.swvId, ouder.id] }),
    foreignKey({ columns: [t.swvId, t.leerlingId], foreignColumns: [leerling.swvId, leerling.id] }),
  ],
);
