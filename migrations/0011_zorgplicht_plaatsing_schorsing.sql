CREATE TABLE "schorsing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"leerling_id" uuid NOT NULL,
	"vestiging_code" text NOT NULL,
	"van" date NOT NULL,
	"tot" date NOT NULL,
	"reden" text NOT NULL,
	"besluit_op" date NOT NULL,
	"ouder_geinformeerd_op" date,
	"inspectie_melding_nodig" boolean NOT NULL,
	"inspectie_gemeld_op" date,
	"ingetrokken_op" date,
	"vastgelegd_door" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schorsing_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "verwijdering" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"leerling_id" uuid NOT NULL,
	"vestiging_code" text NOT NULL,
	"sector" text NOT NULL,
	"status" text DEFAULT 'voorgenomen' NOT NULL,
	"voornemen_op" date NOT NULL,
	"reden" text NOT NULL,
	"leerplichtig" boolean NOT NULL,
	"gehoord_op" date,
	"hoor_verslag" text,
	"andere_school_code" text,
	"andere_school_bereid_op" date,
	"inspectie_geraadpleegd_op" date,
	"cluster12_zoektocht_sinds" date,
	"besluit_op" date,
	"ingetrokken_op" date,
	"vastgelegd_door" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verwijdering_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "aanmelding_advies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"aanmelding_id" uuid NOT NULL,
	"vraag" text NOT NULL,
	"gevraagd_op" date NOT NULL,
	"gevraagd_door" uuid,
	"advies" text,
	"advies_op" date,
	"geadviseerd_door" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aanmelding_advies_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "aanmelding_herinnering" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"aanmelding_id" uuid NOT NULL,
	"soort" text NOT NULL,
	"termijn" date NOT NULL,
	"verstuurd_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aanmelding_herinnering_key" UNIQUE("swv_id","aanmelding_id","soort","termijn")
);
--> statement-breakpoint
CREATE TABLE "plaatsingsverzoek" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"aanmelding_id" uuid NOT NULL,
	"vestiging_code" text NOT NULL,
	"gevraagd_op" date NOT NULL,
	"vraag" text NOT NULL,
	"status" text DEFAULT 'gevraagd' NOT NULL,
	"antwoord_op" date,
	"antwoord_toelichting" text,
	"gevraagd_door" uuid,
	"beantwoord_door" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plaatsingsverzoek_swv_id_key" UNIQUE("swv_id","id"),
	CONSTRAINT "plaatsingsverzoek_school_key" UNIQUE("swv_id","aanmelding_id","vestiging_code")
);
--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "opgeschort_van" date;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "opgeschort_tot" date;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "opschorting_reden" text;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "ingetrokken_op" date;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "intrekking_reden" text;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "tijdelijk_geplaatst_vanaf" date;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "inschrijving_id" uuid;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "bron" text DEFAULT 'school' NOT NULL;--> statement-breakpoint
ALTER TABLE "schorsing" ADD CONSTRAINT "schorsing_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schorsing" ADD CONSTRAINT "schorsing_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schorsing" ADD CONSTRAINT "schorsing_vastgelegd_door_gebruiker_id_fk" FOREIGN KEY ("vastgelegd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schorsing" ADD CONSTRAINT "schorsing_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijdering" ADD CONSTRAINT "verwijdering_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijdering" ADD CONSTRAINT "verwijdering_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijdering" ADD CONSTRAINT "verwijdering_andere_school_code_vestiging_code_fk" FOREIGN KEY ("andere_school_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijdering" ADD CONSTRAINT "verwijdering_vastgelegd_door_gebruiker_id_fk" FOREIGN KEY ("vastgelegd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verwijdering" ADD CONSTRAINT "verwijdering_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding_advies" ADD CONSTRAINT "aanmelding_advies_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding_advies" ADD CONSTRAINT "aanmelding_advies_gevraagd_door_gebruiker_id_fk" FOREIGN KEY ("gevraagd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding_advies" ADD CONSTRAINT "aanmelding_advies_geadviseerd_door_gebruiker_id_fk" FOREIGN KEY ("geadviseerd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding_advies" ADD CONSTRAINT "aanmelding_advies_swv_id_aanmelding_id_aanmelding_swv_id_id_fk" FOREIGN KEY ("swv_id","aanmelding_id") REFERENCES "public"."aanmelding"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding_herinnering" ADD CONSTRAINT "aanmelding_herinnering_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding_herinnering" ADD CONSTRAINT "aanmelding_herinnering_swv_id_aanmelding_id_aanmelding_swv_id_id_fk" FOREIGN KEY ("swv_id","aanmelding_id") REFERENCES "public"."aanmelding"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plaatsingsverzoek" ADD CONSTRAINT "plaatsingsverzoek_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plaatsingsverzoek" ADD CONSTRAINT "plaatsingsverzoek_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plaatsingsverzoek" ADD CONSTRAINT "plaatsingsverzoek_gevraagd_door_gebruiker_id_fk" FOREIGN KEY ("gevraagd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plaatsingsverzoek" ADD CONSTRAINT "plaatsingsverzoek_beantwoord_door_gebruiker_id_fk" FOREIGN KEY ("beantwoord_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plaatsingsverzoek" ADD CONSTRAINT "plaatsingsverzoek_swv_id_aanmelding_id_aanmelding_swv_id_id_fk" FOREIGN KEY ("swv_id","aanmelding_id") REFERENCES "public"."aanmelding"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schorsing_vestiging_idx" ON "schorsing" USING btree ("swv_id","vestiging_code");--> statement-breakpoint
CREATE INDEX "schorsing_leerling_idx" ON "schorsing" USING btree ("swv_id","leerling_id");--> statement-breakpoint
CREATE INDEX "verwijdering_vestiging_idx" ON "verwijdering" USING btree ("swv_id","vestiging_code");--> statement-breakpoint
CREATE INDEX "plaatsingsverzoek_vestiging_idx" ON "plaatsingsverzoek" USING btree ("swv_id","vestiging_code","status");