CREATE TABLE "basisondersteuning" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"schooljaar" text NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"onderdelen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	"vastgesteld_op" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "basisondersteuning_swv_id_key" UNIQUE("swv_id","id"),
	CONSTRAINT "basisondersteuning_jaar_key" UNIQUE("swv_id","schooljaar")
);
--> statement-breakpoint
CREATE TABLE "ondersteuningsaanbod" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"vestiging_code" text NOT NULL,
	"schooljaar" text NOT NULL,
	"volgnummer" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	"contact_naam" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_telefoon" text DEFAULT '' NOT NULL,
	"domeinen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"voorzieningen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"voorzieningen_toelichting" text DEFAULT '' NOT NULL,
	"basis_onderdelen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis_toelichting" text DEFAULT '' NOT NULL,
	"mr_advies_datum" date,
	"mr_advies" text,
	"mr_advies_toelichting" text,
	"reactie_op_advies" text,
	"vastgesteld_op" date,
	"vastgesteld_door" uuid,
	"gebaseerd_op" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"bijgewerkt_door" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ondersteuningsaanbod_swv_id_key" UNIQUE("swv_id","id"),
	CONSTRAINT "ondersteuningsaanbod_versie_key" UNIQUE("vestiging_code","schooljaar","volgnummer")
);
--> statement-breakpoint
CREATE TABLE "swv_profiel" (
	"swv_id" text PRIMARY KEY NOT NULL,
	"telefoon" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"adres" text DEFAULT '' NOT NULL,
	"steunpunt_naam" text DEFAULT '' NOT NULL,
	"steunpunt_telefoon" text DEFAULT '' NOT NULL,
	"steunpunt_email" text DEFAULT '' NOT NULL,
	"steunpunt_website" text DEFAULT '' NOT NULL,
	"steunpunt_toelichting" text DEFAULT '' NOT NULL,
	"documenten" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_gepubliceerd" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "basisondersteuning" ADD CONSTRAINT "basisondersteuning_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ondersteuningsaanbod" ADD CONSTRAINT "ondersteuningsaanbod_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ondersteuningsaanbod" ADD CONSTRAINT "ondersteuningsaanbod_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ondersteuningsaanbod" ADD CONSTRAINT "ondersteuningsaanbod_vastgesteld_door_gebruiker_id_fk" FOREIGN KEY ("vastgesteld_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ondersteuningsaanbod" ADD CONSTRAINT "ondersteuningsaanbod_bijgewerkt_door_gebruiker_id_fk" FOREIGN KEY ("bijgewerkt_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swv_profiel" ADD CONSTRAINT "swv_profiel_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ondersteuningsaanbod_een_concept" ON "ondersteuningsaanbod" USING btree ("vestiging_code") WHERE status = 'concept';--> statement-breakpoint
CREATE INDEX "ondersteuningsaanbod_swv_idx" ON "ondersteuningsaanbod" USING btree ("swv_id","schooljaar");