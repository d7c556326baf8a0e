-- Tenancy of the aanmelding table (hand-written: drizzle-kit cannot express RLS). Pupil data: tenant-only, no
-- public policy. The status values are the states of the legal clock (rules/termijnen.ts, issue 5).
SELECT passend_tenant_table('aanmelding');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON aanmelding TO passend_app;
--> statement-breakpoint
ALTER TABLE aanmelding ADD CONSTRAINT aanmelding_status_check
  CHECK (status IN ('ontvangen', 'in-onderzoek', 'verlengd', 'besluit-genomen', 'tijdelijk-geplaatst', 'ingetrokken'));
--> statement-breakpoint
ALTER TABLE aanmelding ADD CONSTRAINT aanmelding_sector_check CHECK (sector IN ('po', 'vo', 'wec'));
--> statement-breakpoint
-- An extension is recorded whole (date, reason, day); its limits are a rule (rules/termijnen.ts), because a vo
-- suspension moves them.
ALTER TABLE aanmelding ADD CONSTRAINT aanmelding_verlenging_check CHECK (
  (verlengd_tot IS NULL AND verlenging_reden IS NULL AND verlengd_op IS NULL)
  OR (verlengd_tot IS NOT NULL AND verlenging_reden IS NOT NULL AND verlengd_op IS NOT NULL));
