-- Tenancy and checks of opp_herinnering (migration 0016): pupil-related, tenant-only, append-only for the app.
SELECT passend_tenant_table('opp_herinnering');
--> statement-breakpoint
GRANT SELECT, INSERT ON opp_herinnering TO passend_app;
--> statement-breakpoint
ALTER TABLE opp_herinnering ADD CONSTRAINT opp_herinnering_soort_check CHECK (
  soort IN ('vaststellen-binnenkort', 'vaststellen-verlopen', 'evaluatie-binnenkort', 'evaluatie-achterstallig'));
