/**
 * Tenant isolation in the database. The tables come from the catalog (every table with a swv_id column), so a new
 * tenant table without RLS, or without a row builder here, fails this test. Matrix: table × select/insert/update/
 * delete × own/other/no tenant, as the app role, on every database kind.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.js';
import { buildTenant, buildUser, type TestTenant } from '../support/app.js';
import { rows, first, type Tx } from '../../src/platform/db/client.js';
import { tenantTables, tenancyProblems } from '../../src/platform/db/selftest.js';
import { recordAudit } from '../../src/platform/audit/audit.js';

interface Fixture {
  t: TestTenant;
  leerlingId: string;
  ouderId: string;
  gebruikerId: string;
}

type Builder = (tx: Tx, swvId: string, fx: Fixture) => Promise<string>;

/** The key column of each tenant table (audit_event is keyed by its chain position). */
const KEY: Record<string, string> = { audit_event: 'seq', swv_profiel: 'swv_id', opp_instelling: 'swv_id' };

/**
 * Tables the app may only append to (no UPDATE or DELETE right at all, not even on its own tenant's rows): the audit
 * log and the OPP's records that the law needs unaltered (migration 0015).
 */
const ALLEEN_TOEVOEGEN = new Set(['audit_event', 'opp_oogo', 'opp_instemming', 'opp_evaluatie', 'opp_herinnering']);
/** Tables the app may update in some columns only (the rest is fixed at insert) and never delete from. */
const BEPERKT_WIJZIGEN: Record<string, string> = { opp: 'versie', opp_versie: 'cvb_advies_op', opp_mening: 'versie' };

/** How to make one row of each tenant table for a given tenant. New tenant tables must be added here. */
const BUILDERS: Record<string, Builder> = {
  leerling: async (tx, swvId) =>
    (await first<{ id: string }>(tx, sql`insert into leerling (swv_id, voornaam, achternaam, geboortedatum)
      values (${swvId}, 'Rls', 'Matrix', '2015-01-01') returning id`))!.id,
  inschrijving: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into inschrijving (swv_id, leerling_id, vestiging_code, startdatum)
      values (${swvId}, ${fx.leerlingId}, ${fx.t.vestigingCode}, '2021-08-01') returning id`))!.id,
  ouder: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into ouder (swv_id, leerling_id, naam, relatie, heeft_gezag)
      values (${swvId}, ${fx.leerlingId}, 'Rls Ouder', 'ouder', true) returning id`))!.id,
  uitnodiging: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into uitnodiging (swv_id, ouder_id, token_hash, verloopt_op)
      values (${swvId}, ${fx.ouderId}, ${crypto.randomBytes(16).toString('hex')}, now() + interval '1 day') returning id`))!.id,
  rol_toekenning: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into rol_toekenning (gebruiker_id, rol, swv_id)
      values (${fx.gebruikerId}, 'swv-medewerker', ${swvId}) returning id`))!.id,
  // Concepts only: adopted/published rows are public on purpose (test/aanbod/publicatie.test.ts covers that).
  ondersteuningsaanbod: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into ondersteuningsaanbod (swv_id, vestiging_code, schooljaar)
      values (${swvId}, ${fx.t.vestigingCode}, '2026-2027') returning id`))!.id,
  basisondersteuning: async (tx, swvId) =>
    (await first<{ id: string }>(tx, sql`insert into basisondersteuning (swv_id, schooljaar)
      values (${swvId}, (select (2000 + count(*))::text || '-' || (2001 + count(*))::text from basisondersteuning where swv_id = ${swvId})) returning id`))!.id,
  swv_profiel: async (tx, swvId) =>
    (await first<{ swv_id: string }>(tx, sql`insert into swv_profiel (swv_id) values (${swvId})
      on conflict (swv_id) do update set versie = swv_profiel.versie returning swv_id`))!.swv_id,
  aanmelding: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into aanmelding (swv_id, leerling_id, vestiging_code, sector, ontvangen_op)
      values (${swvId}, ${fx.leerlingId}, ${fx.t.vestigingCode}, 'po', '2025-03-03') returning id`))!.id,
  plaatsingsverzoek: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into plaatsingsverzoek (swv_id, aanmelding_id, vestiging_code, gevraagd_op, vraag)
      values (${swvId}, ${await BUILDERS.aanmelding!(tx, swvId, fx)}, ${fx.t.vestigingCode}, '2025-03-10', 'Rls matrix') returning id`))!.id,
  aanmelding_advies: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into aanmelding_advies (swv_id, aanmelding_id, vraag, gevraagd_op)
      values (${swvId}, ${await BUILDERS.aanmelding!(tx, swvId, fx)}, 'Rls matrix', '2025-03-10') returning id`))!.id,
  aanmelding_herinnering: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into aanmelding_herinnering (swv_id, aanmelding_id, soort, termijn)
      values (${swvId}, ${await BUILDERS.aanmelding!(tx, swvId, fx)}, '7-dagen', '2025-04-14') returning id`))!.id,
  schorsing: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into schorsing (swv_id, leerling_id, vestiging_code, van, tot, reden, besluit_op, inspectie_melding_nodig)
      values (${swvId}, ${fx.leerlingId}, ${fx.t.vestigingCode}, '2025-03-10', '2025-03-11', 'Rls matrix', '2025-03-07', true) returning id`))!.id,
  verwijdering: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into verwijdering (swv_id, leerling_id, vestiging_code, sector, voornemen_op, reden, leerplichtig)
      values (${swvId}, ${fx.leerlingId}, ${fx.t.vestigingCode}, 'po', '2025-03-10', 'Rls matrix', true) returning id`))!.id,
  opp: async (tx, swvId, fx) => {
    // One running OPP per pupil and school: a fresh pupil for each row.
    const leerlingId = await BUILDERS.leerling!(tx, swvId, fx);
    return (await first<{ id: string }>(tx, sql`insert into opp (swv_id, leerling_id, vestiging_code, soort, aanleiding, ingeschreven_op, uiterlijk, gestart_op)
      values (${swvId}, ${leerlingId}, ${fx.t.vestigingCode}, 'bao', 'later', '2024-08-20', '2025-04-14', '2025-03-03') returning id`))!.id;
  },
  opp_versie: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into opp_versie (swv_id, opp_id, volgnummer) values (${swvId}, ${await BUILDERS.opp!(tx, swvId, fx)}, 1) returning id`))!.id,
  opp_oogo: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into opp_oogo (swv_id, opp_id, volgnummer, op, deelnemers, uitkomst)
      values (${swvId}, ${await BUILDERS.opp!(tx, swvId, fx)}, 1, '2025-03-10', 'Rls matrix', 'deels') returning id`))!.id,
  opp_instemming: async (tx, swvId, fx) => {
    const versieId = await BUILDERS.opp_versie!(tx, swvId, fx);
    return (await first<{ id: string }>(tx, sql`insert into opp_instemming (swv_id, opp_id, versie_id, volgnummer, uitkomst, op, bron, namens, door_rol)
      select ${swvId}, opp_id, id, 1, 'gezien', '2025-03-10', 'school', 'Rls matrix', 'intern-begeleider' from opp_versie where id = ${versieId} returning id`))!.id;
  },
  opp_mening: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into opp_mening (swv_id, opp_id, volgnummer, van, soort, vorm, gegeven_op, namens, door_rol)
      values (${swvId}, ${await BUILDERS.opp!(tx, swvId, fx)}, 1, 'ouder', 'mening', 'online', '2025-03-10', 'Rls matrix', 'ouder') returning id`))!.id,
  opp_evaluatie: async (tx, swvId, fx) => {
    const versieId = await BUILDERS.opp_versie!(tx, swvId, fx);
    return (await first<{ id: string }>(tx, sql`insert into opp_evaluatie (swv_id, opp_id, versie_id, volgnummer, op, deelnemers, met_ouders, conclusie)
      select ${swvId}, opp_id, id, 1, '2025-06-10', 'Rls matrix', true, 'doorgaan' from opp_versie where id = ${versieId} returning id`))!.id;
  },
  opp_herinnering: async (tx, swvId, fx) =>
    (await first<{ id: string }>(tx, sql`insert into opp_herinnering (swv_id, opp_id, soort, sleutel)
      values (${swvId}, ${await BUILDERS.opp!(tx, swvId, fx)}, 'vaststellen-verlopen', '2025-04-14') returning id`))!.id,
  opp_instelling: async (tx, swvId) =>
    (await first<{ swv_id: string }>(tx, sql`insert into opp_instelling (swv_id) values (${swvId})
      on conflict (swv_id) do update set versie = opp_instelling.versie returning swv_id`))!.swv_id,
  audit_event: async (tx, swvId) => {
    await recordAudit(tx, { swvId, actorGebruikerId: null, actorRol: 'test', actie: 'lezen', resultaat: 'ok', objectType: 'rls-matrix' });
    return String((await first<{ seq: number }>(tx, sql`select max(seq)::float8 as seq from audit_event where swv_id = ${swvId}`))!.seq);
  },
};

async function fixture(db: TestDatabase): Promise<Fixture> {
  const t = await buildTenant(db);
  const u = await buildUser(db, t, 'swv-medewerker');
  return db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
    const leerlingId = await BUILDERS.leerling!(tx, t.swvId, {} as Fixture);
    const ouderId = await BUILDERS.ouder!(tx, t.swvId, { t, leerlingId } as Fixture);
    return { t, leerlingId, ouderId, gebruikerId: u.id };
  });
}

/** Runs `fn` as the app role in a tenant (or none); returns its value, or the SQLSTATE of the error. */
async function as<T>(db: TestDatabase, swvId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T | { error: string }> {
  try {
    return await db.withTenant({ swvId, userId: null }, fn);
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return { error: e.code ?? e.cause?.code ?? 'unknown' };
  }
}

function ident(table: string) {
  return sql.raw(`"${table.replace(/"/g, '')}"`);
}

for (const kind of databaseKinds()) {
  describe(`tenant isolation in the database [${kind}]`, () => {
    let db: TestDatabase;
    let A: Fixture;
    let B: Fixture;
    before(async () => {
      db = await openTestDatabase(kind);
      A = await fixture(db);
      B = await fixture(db);
    });
    after(async () => db.close());

    it('every table with swv_id has RLS enabled and forced, a policy, and no PUBLIC grant', async () => {
      const tables = await tenantTables(db);
      assert.ok(tables.length >= 6, `found ${tables.length} tenant tables`);
      for (const t of tables) {
        assert.ok(t.rls, `${t.table}: RLS not enabled`);
        assert.ok(t.force, `${t.table}: RLS not forced`);
        assert.ok(t.policies > 0, `${t.table}: no policy`);
        assert.ok(!t.publicGrant, `${t.table}: grant to PUBLIC`);
      }
    });

    it('the boot self-test finds no problem, and would find a table without FORCE', async () => {
      assert.deepEqual(await tenancyProblems(db), []);
      if (kind === 'pglite') {
        // Only on the private in-memory database: break it on purpose and see the self-test notice.
        await db.owner.execute(sql`alter table ouder no force row level security`);
        const problems = await tenancyProblems(db);
        await db.owner.execute(sql`alter table ouder force row level security`);
        assert.ok(problems.some((p) => p.includes('ouder') && p.includes('FORCE')), problems.join('; '));
      }
    });

    it('every tenant table has a row builder in this test (so the matrix covers it)', async () => {
      const missing = (await tenantTables(db)).map((t) => t.table).filter((t) => !BUILDERS[t]);
      assert.deepEqual(missing, [], `add a builder for: ${missing.join(', ')}`);
    });

    it('matrix: select / insert / update / delete × own / other / no tenant', async () => {
      const tables = (await tenantTables(db)).map((t) => t.table);
      for (const table of tables) {
        const build = BUILDERS[table]!;
        const key = ident(KEY[table] ?? 'id');
        const T = ident(table);
        const idA = await db.withTenant({ swvId: A.t.swvId, userId: null }, (tx) => build(tx, A.t.swvId, A));
        const count = (swv: string | null) => as(db, swv, async (tx) => (await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${T} where ${key}::text = ${idA}`))[0]!.n);
        assert.equal(await count(A.t.swvId), 1, `${table}: own tenant sees its row`);
        assert.equal(await count(B.t.swvId), 0, `${table}: other tenant sees nothing`);
        assert.equal(await count(null), 0, `${table}: no tenant sees nothing`);

        // Insert: into another tenant, or without a tenant, is refused by the policy (SQLSTATE 42501).
        const crossInsert = await as(db, A.t.swvId, (tx) => build(tx, B.t.swvId, B));
        assert.deepEqual(crossInsert, { error: '42501' }, `${table}: insert for other tenant refused`);
        const noneInsert = await as(db, null, (tx) => build(tx, A.t.swvId, A));
        assert.deepEqual(noneInsert, { error: '42501' }, `${table}: insert without tenant refused`);

        const update = (swv: string | null) => as(db, swv, async (tx) => (await rows(tx, sql`update ${T} set swv_id = swv_id where ${key}::text = ${idA} returning 1`)).length);
        const del = (swv: string | null, id: string) => as(db, swv, async (tx) => (await rows(tx, sql`delete from ${T} where ${key}::text = ${id} returning 1`)).length);
        if (ALLEEN_TOEVOEGEN.has(table)) {
          for (const swv of [A.t.swvId, B.t.swvId, null]) {
            assert.deepEqual(await update(swv), { error: '42501' }, `${table}: update as ${swv}`);
            assert.deepEqual(await del(swv, idA), { error: '42501' }, `${table}: delete as ${swv}`);
          }
          assert.equal(await count(A.t.swvId), 1);
          continue;
        }
        const kolom = BEPERKT_WIJZIGEN[table];
        if (kolom) {
          const K = ident(kolom);
          const zet = (swv: string | null) => as(db, swv, async (tx) => (await rows(tx, sql`update ${T} set ${K} = ${K} where ${key}::text = ${idA} returning 1`)).length);
          assert.equal(await zet(B.t.swvId), 0, `${table}: other tenant updates nothing`);
          assert.equal(await zet(null), 0, `${table}: no tenant updates nothing`);
          assert.equal(await zet(A.t.swvId), 1, `${table}: own tenant updates ${kolom}`);
          assert.deepEqual(await update(A.t.swvId), { error: '42501' }, `${table}: the tenant column is fixed`);
          for (const swv of [A.t.swvId, B.t.swvId, null]) assert.deepEqual(await del(swv, idA), { error: '42501' }, `${table}: delete as ${swv}`);
          continue;
        }
        assert.equal(await update(B.t.swvId), 0, `${table}: other tenant updates nothing`);
        assert.equal(await update(null), 0, `${table}: no tenant updates nothing`);
        assert.equal(await update(A.t.swvId), 1, `${table}: own tenant updates its row`);
        const moved = await as(db, A.t.swvId, (tx) => rows(tx, sql`update ${T} set swv_id = ${B.t.swvId} where ${key}::text = ${idA} returning 1`));
        assert.ok('error' in (moved as object), `${table}: a row cannot be moved to another tenant`);
        // Delete a fresh row (no children depend on it).
        const fresh = table === 'leerling' || table === 'rol_toekenning' || table === 'uitnodiging' || table === 'inschrijving'
          ? await db.withTenant({ swvId: A.t.swvId, userId: null }, (tx) => build(tx, A.t.swvId, A))
          : idA;
        assert.equal(await del(B.t.swvId, fresh), 0, `${table}: other tenant deletes nothing`);
        assert.equal(await del(null, fresh), 0, `${table}: no tenant deletes nothing`);
        if (table !== 'ouder') assert.equal(await del(A.t.swvId, fresh), 1, `${table}: own tenant deletes its row`);
        else assert.equal(await count(A.t.swvId), 1, 'ouder row still there');
      }
    });

    it('no table has a column for a BSN or other persoonsgebonden nummer (security-notes §1.3, legal-rules §9.5)', async () => {
      const cols = await rows<{ t: string; c: string }>(db.owner, sql`select table_name as t, column_name as c
          from information_schema.columns where table_schema = 'public'
          and column_name ~* '(bsn|burgerservice|pgn|persoonsgebonden|onderwijsnummer|sofi)'`);
      assert.deepEqual(cols, []);
    });

    it('the register is readable by the app role but not writable', async () => {
      const read = await as(db, A.t.swvId, (tx) => rows(tx, sql`select code from vestiging where code = ${A.t.vestigingCode}`));
      assert.equal((read as unknown[]).length, 1);
      const write = await as(db, A.t.swvId, (tx) => rows(tx, sql`update vestiging set naam = 'x' where code = ${A.t.vestigingCode} returning 1`));
      assert.deepEqual(write, { error: '42501' });
    });
  });
}
