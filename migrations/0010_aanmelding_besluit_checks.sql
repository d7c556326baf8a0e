-- A decision is complete and never before receipt; an exception names a known reason and its explanation.
ALTER TABLE "aanmelding" ADD CONSTRAINT "aanmelding_besluit_check" CHECK (
  (besluit IS NULL AND besluit_op IS NULL) OR (besluit IN ('toegelaten', 'geweigerd') AND besluit_op IS NOT NULL AND besluit_op >= ontvangen_op));
--> statement-breakpoint
ALTER TABLE "aanmelding" ADD CONSTRAINT "aanmelding_uitzondering_check" CHECK (
  uitzondering IS NULL OR (uitzondering IN ('geen-plaatsruimte', 'grondslag-geweigerd', 'toelatingseisen-vo') AND uitzondering_toelichting IS NOT NULL));
