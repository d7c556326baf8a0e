-- Tenancy and checks of the tables of migration 0011 (hand-written: drizzle-kit cannot express RLS). All are pupil
-- data: tenant-only, no public policy.
SELECT passend_tenant_table('plaatsingsverzoek');
--> statement-breakpoint
SELECT passend_tenant_table('aanmelding_advies');
--> statement-breakpoint
SELECT passend_tenant_table('aanmelding_herinnering');
--> statement-breakpoint
SELECT passend_tenant_table('schorsing');
--> statement-breakpoint
SELECT passend_tenant_table('verwijdering');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plaatsingsverzoek, aanmelding_advies, aanmelding_herinnering, schorsing, verwijdering TO passend_app;
--> statement-breakpoint
ALTER TABLE plaatsingsverzoek ADD CONSTRAINT plaatsingsverzoek_status_check
  CHECK (status IN ('gevraagd', 'overweegt', 'bereid', 'afgewezen', 'ingetrokken'));
--> statement-breakpoint
-- A final answer has its day; 'bereid' is what lifts the block on a refusal (WPO 40 lid 4 c.s.).
ALTER TABLE plaatsingsverzoek ADD CONSTRAINT plaatsingsverzoek_antwoord_check
  CHECK (status IN ('gevraagd', 'ingetrokken') OR antwoord_op IS NOT NULL);
--> statement-breakpoint
ALTER TABLE aanmelding_advies ADD CONSTRAINT aanmelding_advies_check
  CHECK ((advies IS NULL AND advies_op IS NULL) OR (advies IS NOT NULL AND advies_op IS NOT NULL));
--> statement-breakpoint
ALTER TABLE aanmelding_herinnering ADD CONSTRAINT aanmelding_herinnering_soort_check CHECK (soort IN ('14-dagen', '7-dagen'));
--> statement-breakpoint
ALTER TABLE aanmelding ADD CONSTRAINT aanmelding_bron_check CHECK (bron IN ('school', 'ouder'));
--> statement-breakpoint
-- A suspension of the term is vo only (WVO 27 lid 2g) and a whole period.
ALTER TABLE aanmelding ADD CONSTRAINT aanmelding_opschorting_check CHECK (
  (opgeschort_van IS NULL AND opgeschort_tot IS NULL AND opschorting_reden IS NULL)
  OR (sector = 'vo' AND opgeschort_van IS NOT NULL AND opgeschort_tot IS NOT NULL AND opgeschort_tot >= opgeschort_van
      AND opgeschort_van >= ontvangen_op AND opschorting_reden IS NOT NULL));
--> statement-breakpoint
ALTER TABLE aanmelding ADD CONSTRAINT aanmelding_intrekking_check CHECK (
  (ingetrokken_op IS NULL) = (intrekking_reden IS NULL) AND (ingetrokken_op IS NULL OR ingetrokken_op >= ontvangen_op));
--> statement-breakpoint
ALTER TABLE schorsing ADD CONSTRAINT schorsing_periode_check CHECK (tot >= van AND tot - van <= 6);
--> statement-breakpoint
ALTER TABLE verwijdering ADD CONSTRAINT verwijdering_status_check CHECK (status IN ('voorgenomen', 'definitief', 'ingetrokken'));
--> statement-breakpoint
ALTER TABLE verwijdering ADD CONSTRAINT verwijdering_sector_check CHECK (sector IN ('po', 'vo', 'wec'));
--> statement-breakpoint
ALTER TABLE verwijdering ADD CONSTRAINT verwijdering_definitief_check CHECK (status <> 'definitief' OR (besluit_op IS NOT NULL AND gehoord_op IS NOT NULL));
