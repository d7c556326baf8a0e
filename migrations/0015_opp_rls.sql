-- Tenancy, rights and checks of the OPP tables of migration 0014 (hand-written: drizzle-kit cannot express RLS,
-- column grants or triggers). All are pupil data: tenant-only, no public policy. Must run on PostgreSQL 15 and PGlite.
SELECT passend_tenant_table('opp');
--> statement-breakpoint
SELECT passend_tenant_table('opp_versie');
--> statement-breakpoint
SELECT passend_tenant_table('opp_oogo');
--> statement-breakpoint
SELECT passend_tenant_table('opp_instemming');
--> statement-breakpoint
SELECT passend_tenant_table('opp_mening');
--> statement-breakpoint
SELECT passend_tenant_table('opp_evaluatie');
--> statement-breakpoint
SELECT passend_tenant_table('opp_instelling');
--> statement-breakpoint
-- An OPP is closed, never deleted (its start and end dates go to the ROD). A version's content never changes: the
-- app may only record its adoption. OOGO, consent and evaluations are append-only records; of a view only the
-- school's reaction can be added later.
GRANT SELECT, INSERT ON opp, opp_versie, opp_oogo, opp_instemming, opp_mening, opp_evaluatie TO passend_app;
--> statement-breakpoint
GRANT UPDATE (instemming_door, afgesloten_op, afsluit_reden, versie) ON opp TO passend_app;
--> statement-breakpoint
GRANT UPDATE (vastgesteld_op, vastgesteld_door, cvb_advies_op) ON opp_versie TO passend_app;
--> statement-breakpoint
GRANT UPDATE (reactie, reactie_op, reactie_door, versie) ON opp_mening TO passend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON opp_instelling TO passend_app;
--> statement-breakpoint
ALTER TABLE opp ADD CONSTRAINT opp_soort_check CHECK (soort IN ('bao', 'sbo', 'vo', 'pro', 'so', 'vso'));
--> statement-breakpoint
ALTER TABLE opp ADD CONSTRAINT opp_aanleiding_check CHECK (aanleiding IN ('inschrijving', 'later'));
--> statement-breakpoint
-- Only in (v)so may the adult pupil consent instead of the parents (WEC 41a lid 1).
ALTER TABLE opp ADD CONSTRAINT opp_instemming_door_check CHECK (
  instemming_door = 'ouders' OR (instemming_door = 'leerling' AND soort IN ('so', 'vso')));
--> statement-breakpoint
ALTER TABLE opp ADD CONSTRAINT opp_afgesloten_check CHECK (
  (afgesloten_op IS NULL) = (afsluit_reden IS NULL) AND (afgesloten_op IS NULL OR afgesloten_op >= gestart_op));
--> statement-breakpoint
ALTER TABLE opp_versie ADD CONSTRAINT opp_versie_volgnummer_check CHECK (volgnummer >= 1);
--> statement-breakpoint
ALTER TABLE opp_versie ADD CONSTRAINT opp_versie_vastgesteld_check CHECK ((vastgesteld_op IS NULL) = (vastgesteld_door IS NULL));
--> statement-breakpoint
ALTER TABLE opp_versie ADD CONSTRAINT opp_versie_inhoud_check CHECK (jsonb_typeof(factoren) = 'array' AND jsonb_typeof(handelingsdeel) = 'array');
--> statement-breakpoint
ALTER TABLE opp_oogo ADD CONSTRAINT opp_oogo_uitkomst_check CHECK (uitkomst IN ('overeenstemming', 'deels', 'geen-overeenstemming'));
--> statement-breakpoint
-- A refusal carries its reasons (the parents are pointed to the GPO and the onderwijsconsulenten).
ALTER TABLE opp_instemming ADD CONSTRAINT opp_instemming_uitkomst_check CHECK (
  uitkomst IN ('gezien', 'ingestemd', 'geweigerd') AND (uitkomst <> 'geweigerd' OR length(trim(reden)) > 0));
--> statement-breakpoint
ALTER TABLE opp_instemming ADD CONSTRAINT opp_instemming_bron_check CHECK (bron IN ('online', 'school'));
--> statement-breakpoint
ALTER TABLE opp_mening ADD CONSTRAINT opp_mening_soort_check CHECK (
  van IN ('leerling', 'ouder') AND soort IN ('mening', 'niet-gehoord') AND vorm IN ('gesprek', 'formulier', 'online')
  AND (soort <> 'niet-gehoord' OR (van = 'leerling' AND length(trim(reden)) > 0))
  AND jsonb_typeof(antwoorden) = 'array');
--> statement-breakpoint
ALTER TABLE opp_mening ADD CONSTRAINT opp_mening_reactie_check CHECK ((reactie IS NULL) = (reactie_op IS NULL));
--> statement-breakpoint
ALTER TABLE opp_evaluatie ADD CONSTRAINT opp_evaluatie_conclusie_check CHECK (
  conclusie IN ('doorgaan', 'bijstellen', 'afsluiten') AND jsonb_typeof(resultaten) = 'array');
--> statement-breakpoint
ALTER TABLE opp_instelling ADD CONSTRAINT opp_instelling_leeftijd_check CHECK (leerling_portaal_vanaf BETWEEN 8 AND 18);
--> statement-breakpoint
ALTER TABLE uitnodiging ADD CONSTRAINT uitnodiging_voor_check CHECK (
  (ouder_id IS NULL) <> (leerling_id IS NULL) AND (leerling_id IS NULL OR email IS NOT NULL));
--> statement-breakpoint
-- What the parents consented to must stay what they saw: a version's content is fixed at insert, and an adopted
-- version is final (also for the owner). Our own SQLSTATEs so the app can tell them apart.
CREATE OR REPLACE FUNCTION passend_opp_versie_vast() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'een versie van een ontwikkelingsperspectief kan niet worden verwijderd' USING ERRCODE = 'PS002';
  END IF;
  IF OLD.vastgesteld_op IS NOT NULL THEN
    RAISE EXCEPTION 'een vastgestelde versie kan niet meer worden gewijzigd' USING ERRCODE = 'PS001';
  END IF;
  IF (NEW.opp_id, NEW.swv_id, NEW.volgnummer, NEW.uitstroom, NEW.uitstroom_toelichting, NEW.factoren, NEW.handelingsdeel,
      NEW.afwijkingen, NEW.wijziging, NEW.evaluatie_id, NEW.gemaakt_door, NEW.gemaakt_op)
     IS DISTINCT FROM (OLD.opp_id, OLD.swv_id, OLD.volgnummer, OLD.uitstroom, OLD.uitstroom_toelichting, OLD.factoren,
      OLD.handelingsdeel, OLD.afwijkingen, OLD.wijziging, OLD.evaluatie_id, OLD.gemaakt_door, OLD.gemaakt_op) THEN
    RAISE EXCEPTION 'de inhoud van een versie verandert niet: maak een nieuwe versie' USING ERRCODE = 'PS002';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER opp_versie_vast BEFORE UPDATE OR DELETE ON opp_versie FOR EACH ROW EXECUTE FUNCTION passend_opp_versie_vast();
