/**
 * Boot self-test for tenant isolation: Passend refuses to start when the app role could bypass row-level
 * security, or when any table with a swv_id column lacks RLS + FORCE + a policy. The same catalog query backs
 * the test that fails when a new tenant table forgets its RLS migration.
 */
import { sql } from 'drizzle-orm';
import { APP_ROLE, rows, type Database } from './client.js';

export interface TenantTableStatus {
  table: string;
  rls: boolean;
  force: boolean;
  policies: number;
  publicGrant: boolean;
}

/** Reads every table in schema public that has a swv_id column, with its RLS state, from the catalog. */
export async function tenantTables(database: Database): Promise<TenantTableStatus[]> {
  return rows<TenantTableStatus>(
    database.owner,
    sql`select c.relname as "table", c.relrowsecurity as rls, c.relforcerowsecurity as force,
          (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
          exists (select 1 from aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
                  where a.grantee = 0) as "publicGrant"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'swv_id'
                      and not a.attisdropped)
        order by 1`,
  );
}

/** Lists everything wrong with tenant isolation; empty means safe. Messages are Dutch for the operator. */
export async function tenancyProblems(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const [role] = await rows<{ rolsuper: boolean; rolbypassrls: boolean; memberships: number; owned: number }>(
    database.owner,
    sql`select r.rolsuper, r.rolbypassrls,
          (select count(*)::int from pg_auth_members m where m.member = r.oid) as memberships,
          (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
        from pg_roles r where r.rolname = ${APP_ROLE}`,
  );
  if (!role) return [`De database-rol ${APP_ROLE} bestaat niet (migraties niet gedraaid?).`];
  if (role.rolsuper) problems.push(`De rol ${APP_ROLE} is superuser en zou de rijbeveiliging (RLS) omzeilen.`);
  if (role.rolbypassrls) problems.push(`De rol ${APP_ROLE} heeft BYPASSRLS.`);
  if (role.memberships > 0) problems.push(`De rol ${APP_ROLE} is lid van andere rollen en kan zo rechten erven.`);
  if (role.owned > 0) problems.push(`De rol ${APP_ROLE} is eigenaar van tabellen; eigenaars kunnen RLS uitzetten.`);
  for (const t of await tenantTables(database)) {
    if (!t.rls) problems.push(`Tabel ${t.table} heeft swv_id maar geen row-level security.`);
    if (!t.force) problems.push(`Tabel ${t.table} heeft geen FORCE ROW LEVEL SECURITY.`);
    if (t.policies < 1) problems.push(`Tabel ${t.table} heeft geen RLS-policy.`);
    if (t.publicGrant) problems.push(`Tabel ${t.table} geeft rechten aan PUBLIC.`);
  }
  // Inside a request transaction the effective role must really be the app role, without superuser rights.
  const [inTx] = await database.withTenant({ swvId: null, userId: null }, (tx) =>
    rows<{ who: string; su: string; visible: number }>(
      tx,
      sql`select current_user as who, current_setting('is_superuser') as su,
            (select count(*)::int from leerling) as visible`,
    ),
  );
  if (inTx?.who !== APP_ROLE) problems.push(`Verzoeken draaien als ${inTx?.who}, niet als ${APP_ROLE}.`);
  if (inTx?.su === 'on') problems.push('Verzoeken draaien met superuser-rechten.');
  if (inTx && inTx.visible !== 0) problems.push('Zonder gekozen samenwerkingsverband zijn toch leerlingen zichtbaar.');
  return problems;
}
