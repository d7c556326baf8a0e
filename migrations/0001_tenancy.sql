-- Tenancy, the app role and the audit chain. Hand-written and reviewed (drizzle-kit cannot express FORCE RLS,
-- roles or triggers). Must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- The samenwerkingsverband (SWV) is the tenant. Every request's database work runs in one transaction that does
-- set_config('role', 'passend_app', true) and set_config('app.swv_id', <tenant>, true) (src/platform/db/client.ts).
-- passend_app is neither superuser nor BYPASSRLS, and every table with a swv_id column has RLS ENABLED and FORCED
-- with a policy on current_setting('app.swv_id'). The boot self-test and test/integration/tenancy-catalog.test.ts
-- check this from the catalog.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'passend_app') THEN
    CREATE ROLE passend_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;
--> statement-breakpoint
-- The login user (the owner that runs migrations) must be able to switch to passend_app per transaction.
GRANT passend_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO passend_app;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
--> statement-breakpoint
-- The public DUO register: read-only for the app; written only by the importer (owner).
GRANT SELECT ON swv, bestuur, vestiging, vestiging_leerlingen, pc4, register_import, app_meta TO passend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON gebruiker, rol_toekenning, sessie, eenmalige_code, rate_limit, job,
  mail_bericht, leerling, inschrijving, ouder, uitnodiging TO passend_app;
--> statement-breakpoint
-- Audit log: append-only for the app role (no UPDATE/DELETE grant, and a trigger refuses them for everyone).
GRANT SELECT, INSERT ON audit_event TO passend_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO passend_app;
--> statement-breakpoint
-- Standard tenant isolation for a table with swv_id; later migrations call this for every new tenant table.
CREATE OR REPLACE FUNCTION passend_tenant_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (swv_id = current_setting(''app.swv_id'', true)) '
    'WITH CHECK (swv_id = current_setting(''app.swv_id'', true))', t);
END $$;
--> statement-breakpoint
SELECT passend_tenant_table('leerling');
--> statement-breakpoint
SELECT passend_tenant_table('inschrijving');
--> statement-breakpoint
SELECT passend_tenant_table('ouder');
--> statement-breakpoint
SELECT passend_tenant_table('uitnodiging');
--> statement-breakpoint
-- Role grants: a user reads their own grants at login (before a tenant is chosen); tenant staff see the grants of
-- their SWV. National grants (swv_id NULL: inspectie, beheerder) are written only in the 'systeem' scope (CLI).
ALTER TABLE rol_toekenning ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rol_toekenning FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rol_toekenning
  USING (swv_id = current_setting('app.swv_id', true)
         OR gebruiker_id::text = current_setting('app.user_id', true)
         OR current_setting('app.scope', true) = 'systeem')
  WITH CHECK (swv_id = current_setting('app.swv_id', true)
              OR current_setting('app.scope', true) = 'systeem');
--> statement-breakpoint
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_event FOR SELECT
  USING (swv_id = current_setting('app.swv_id', true)
         OR (swv_id IS NULL AND actor_gebruiker_id::text = current_setting('app.user_id', true))
         OR current_setting('app.scope', true) = 'systeem');
--> statement-breakpoint
CREATE POLICY audit_append ON audit_event FOR INSERT
  WITH CHECK (swv_id IS NULL OR swv_id = current_setting('app.swv_id', true));
--> statement-breakpoint
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Canonical hash of one event: sha256 over the previous hash and a jsonb object of the fields (jsonb text output
-- is deterministic; the timestamp is rendered in UTC explicitly so the session TimeZone cannot change it).
CREATE OR REPLACE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(e.prev_hash || jsonb_build_object(
    'seq', e.seq,
    'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'swv', e.swv_id, 'actor', e.actor_gebruiker_id, 'rol', e.actor_rol, 'namens', e.namens,
    'organisatie', e.organisatie, 'leerling', e.leerling_id, 'leerlingen', e.leerling_ids, 'type', e.object_type, 'object', e.object_id,
    'actie', e.actie, 'velden', e.velden, 'grondslag', e.grondslag, 'resultaat', e.resultaat,
    'request', e.request_id)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Runs as the table owner (SECURITY DEFINER) because the app role may not touch audit_chain_head. The UPDATE takes
-- the head row's lock until commit, so concurrent writers chain in commit order.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  UPDATE audit_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash INTO head_seq, head_hash;
  NEW.seq := head_seq;
  NEW.at := clock_timestamp();
  NEW.prev_hash := head_hash;
  NEW.hash := audit_event_hash(NEW);
  UPDATE audit_chain_head SET hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
