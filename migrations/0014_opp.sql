CREATE TABLE "opp" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"leerling_id" uuid NOT NULL,
	"vestiging_code" text NOT NULL,
	"soort" text NOT NULL,
	"aanleiding" text NOT NULL,
	"ingeschreven_op" date NOT NULL,
	"definitief_op" date,
	"uiterlijk" date NOT NULL,
	"instemming_door" text DEFAULT 'ouders' NOT NULL,
	"gestart_op" date NOT NULL,
	"gestart_door" uuid,
	"afgesloten_op" date,
	"afsluit_reden" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_evaluatie" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"opp_id" uuid NOT NULL,
	"versie_id" uuid NOT NULL,
	"volgnummer" integer NOT NULL,
	"op" date NOT NULL,
	"deelnemers" text NOT NULL,
	"met_ouders" boolean NOT NULL,
	"resultaten" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conclusie" text NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	"vastgelegd_door" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_evaluatie_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_instelling" (
	"swv_id" text PRIMARY KEY NOT NULL,
	"leerling_portaal_vanaf" integer DEFAULT 12 NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opp_instemming" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"opp_id" uuid NOT NULL,
	"versie_id" uuid NOT NULL,
	"volgnummer" integer NOT NULL,
	"uitkomst" text NOT NULL,
	"op" date NOT NULL,
	"reden" text,
	"bron" text NOT NULL,
	"namens" text NOT NULL,
	"door_gebruiker" uuid,
	"door_rol" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_instemming_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_mening" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"opp_id" uuid NOT NULL,
	"volgnummer" integer NOT NULL,
	"van" text NOT NULL,
	"soort" text NOT NULL,
	"antwoorden" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reden" text,
	"vorm" text NOT NULL,
	"gegeven_op" date NOT NULL,
	"namens" text NOT NULL,
	"door_gebruiker" uuid,
	"door_rol" text NOT NULL,
	"reactie" text,
	"reactie_op" date,
	"reactie_door" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_mening_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_oogo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"opp_id" uuid NOT NULL,
	"volgnummer" integer NOT NULL,
	"op" date NOT NULL,
	"deelnemers" text NOT NULL,
	"uitkomst" text NOT NULL,
	"verslag" text DEFAULT '' NOT NULL,
	"vastgelegd_door" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_oogo_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "opp_versie" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"opp_id" uuid NOT NULL,
	"volgnummer" integer NOT NULL,
	"uitstroom" text DEFAULT '' NOT NULL,
	"uitstroom_toelichting" text DEFAULT '' NOT NULL,
	"factoren" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handelingsdeel" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"afwijkingen" text DEFAULT '' NOT NULL,
	"wijziging" text DEFAULT '' NOT NULL,
	"evaluatie_id" uuid,
	"gemaakt_door" uuid,
	"gemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"vastgesteld_op" date,
	"vastgesteld_door" uuid,
	"cvb_advies_op" date,
	CONSTRAINT "opp_versie_swv_id_key" UNIQUE("swv_id","id"),
	CONSTRAINT "opp_versie_volgnummer_key" UNIQUE("swv_id","opp_id","volgnummer")
);
--> statement-breakpoint
ALTER TABLE "uitnodiging" ALTER COLUMN "ouder_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "uitnodiging" ADD COLUMN "leerling_id" uuid;--> statement-breakpoint
ALTER TABLE "uitnodiging" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "opp" ADD CONSTRAINT "opp_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp" ADD CONSTRAINT "opp_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp" ADD CONSTRAINT "opp_gestart_door_gebruiker_id_fk" FOREIGN KEY ("gestart_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp" ADD CONSTRAINT "opp_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_evaluatie" ADD CONSTRAINT "opp_evaluatie_vastgelegd_door_gebruiker_id_fk" FOREIGN KEY ("vastgelegd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_evaluatie" ADD CONSTRAINT "opp_evaluatie_swv_id_opp_id_opp_swv_id_id_fk" FOREIGN KEY ("swv_id","opp_id") REFERENCES "public"."opp"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_evaluatie" ADD CONSTRAINT "opp_evaluatie_swv_id_versie_id_opp_versie_swv_id_id_fk" FOREIGN KEY ("swv_id","versie_id") REFERENCES "public"."opp_versie"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_instelling" ADD CONSTRAINT "opp_instelling_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_instemming" ADD CONSTRAINT "opp_instemming_door_gebruiker_gebruiker_id_fk" FOREIGN KEY ("door_gebruiker") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_instemming" ADD CONSTRAINT "opp_instemming_swv_id_opp_id_opp_swv_id_id_fk" FOREIGN KEY ("swv_id","opp_id") REFERENCES "public"."opp"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_instemming" ADD CONSTRAINT "opp_instemming_swv_id_versie_id_opp_versie_swv_id_id_fk" FOREIGN KEY ("swv_id","versie_id") REFERENCES "public"."opp_versie"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_mening" ADD CONSTRAINT "opp_mening_door_gebruiker_gebruiker_id_fk" FOREIGN KEY ("door_gebruiker") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_mening" ADD CONSTRAINT "opp_mening_reactie_door_gebruiker_id_fk" FOREIGN KEY ("reactie_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_mening" ADD CONSTRAINT "opp_mening_swv_id_opp_id_opp_swv_id_id_fk" FOREIGN KEY ("swv_id","opp_id") REFERENCES "public"."opp"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_oogo" ADD CONSTRAINT "opp_oogo_vastgelegd_door_gebruiker_id_fk" FOREIGN KEY ("vastgelegd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_oogo" ADD CONSTRAINT "opp_oogo_swv_id_opp_id_opp_swv_id_id_fk" FOREIGN KEY ("swv_id","opp_id") REFERENCES "public"."opp"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_versie" ADD CONSTRAINT "opp_versie_gemaakt_door_gebruiker_id_fk" FOREIGN KEY ("gemaakt_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_versie" ADD CONSTRAINT "opp_versie_vastgesteld_door_gebruiker_id_fk" FOREIGN KEY ("vastgesteld_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opp_versie" ADD CONSTRAINT "opp_versie_swv_id_opp_id_opp_swv_id_id_fk" FOREIGN KEY ("swv_id","opp_id") REFERENCES "public"."opp"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opp_vestiging_idx" ON "opp" USING btree ("swv_id","vestiging_code");--> statement-breakpoint
CREATE INDEX "opp_leerling_idx" ON "opp" USING btree ("swv_id","leerling_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opp_lopend_uniek" ON "opp" USING btree ("swv_id","leerling_id","vestiging_code") WHERE afgesloten_op is null;--> statement-breakpoint
CREATE INDEX "opp_evaluatie_opp_idx" ON "opp_evaluatie" USING btree ("swv_id","opp_id");--> statement-breakpoint
CREATE INDEX "opp_instemming_opp_idx" ON "opp_instemming" USING btree ("swv_id","opp_id");--> statement-breakpoint
CREATE INDEX "opp_mening_opp_idx" ON "opp_mening" USING btree ("swv_id","opp_id");--> statement-breakpoint
CREATE INDEX "opp_oogo_opp_idx" ON "opp_oogo" USING btree ("swv_id","opp_id");--> statement-breakpoint
ALTER TABLE "uitnodiging" ADD CONSTRAINT "uitnodiging_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;