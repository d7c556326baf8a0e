-- Tenancy and publication of the aanbod tables. Hand-written and reviewed (drizzle-kit cannot express RLS policies
-- or triggers). Must run on PostgreSQL 15 and on PGlite.
--
-- The three tables are tenant tables (standard isolation). They differ from pupil data in one way: once adopted
-- (ondersteuningsaanbod, basisondersteuning) or published (swv_profiel) a row is public information, so a second,
-- SELECT-only policy lets anyone — including the public pages, which run without a tenant — read it. Policies are
-- permissive, so a tenant sees its own concepts plus everyone's adopted versions; writing stays tenant-only.
SELECT passend_tenant_table('ondersteuningsaanbod');
--> statement-breakpoint
SELECT passend_tenant_table('basisondersteuning');
--> statement-breakpoint
SELECT passend_tenant_table('swv_profiel');
--> statement-breakpoint
CREATE POLICY publiek_vastgesteld ON ondersteuningsaanbod FOR SELECT USING (status = 'vastgesteld');
--> statement-breakpoint
CREATE POLICY publiek_vastgesteld ON basisondersteuning FOR SELECT USING (status = 'vastgesteld');
--> statement-breakpoint
CREATE POLICY publiek_gepubliceerd ON swv_profiel FOR SELECT USING (is_gepubliceerd);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ondersteuningsaanbod, basisondersteuning, swv_profiel TO passend_app;
--> statement-breakpoint
ALTER TABLE ondersteuningsaanbod ADD CONSTRAINT ondersteuningsaanbod_status_check CHECK (status IN ('concept', 'vastgesteld'));
--> statement-breakpoint
ALTER TABLE ondersteuningsaanbod ADD CONSTRAINT ondersteuningsaanbod_schooljaar_check CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$');
--> statement-breakpoint
-- An adopted version is complete: who adopted it, when, and the MR's advice with its date.
ALTER TABLE ondersteuningsaanbod ADD CONSTRAINT ondersteuningsaanbod_vastgesteld_check CHECK (
  status = 'concept' OR (vastgesteld_op IS NOT NULL AND mr_advies IS NOT NULL AND mr_advies_datum IS NOT NULL));
--> statement-breakpoint
ALTER TABLE basisondersteuning ADD CONSTRAINT basisondersteuning_status_check CHECK (status IN ('concept', 'vastgesteld'));
--> statement-breakpoint
ALTER TABLE basisondersteuning ADD CONSTRAINT basisondersteuning_schooljaar_check CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$');
--> statement-breakpoint
-- Once adopted, a version is read-only for everyone (also the owner): history must stay what was published.
-- A change means a new version. The SQLSTATE is our own so the app can tell it apart.
CREATE OR REPLACE FUNCTION passend_vastgesteld_is_alleen_lezen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'vastgesteld' THEN
    RAISE EXCEPTION 'een vastgestelde versie kan niet meer worden gewijzigd' USING ERRCODE = 'PS001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ondersteuningsaanbod_alleen_lezen BEFORE UPDATE OR DELETE ON ondersteuningsaanbod
  FOR EACH ROW EXECUTE FUNCTION passend_vastgesteld_is_alleen_lezen();
--> statement-breakpoint
CREATE TRIGGER basisondersteuning_alleen_lezen BEFORE UPDATE OR DELETE ON basisondersteuning
  FOR EACH ROW EXECUTE FUNCTION passend_vastgesteld_is_alleen_lezen();
