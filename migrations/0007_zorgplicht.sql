CREATE TABLE "aanmelding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"leerling_id" uuid NOT NULL,
	"vestiging_code" text NOT NULL,
	"sector" text NOT NULL,
	"ontvangen_op" date NOT NULL,
	"gewenste_startdatum" date,
	"andere_scholen" text DEFAULT '' NOT NULL,
	"is_eerste_voorkeur" boolean DEFAULT true NOT NULL,
	"extra_ondersteuning_verwacht" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'ontvangen' NOT NULL,
	"verlengd_tot" date,
	"verlenging_reden" text,
	"verlengd_op" date,
	"geregistreerd_door" uuid,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aanmelding_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
ALTER TABLE "aanmelding" ADD CONSTRAINT "aanmelding_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD CONSTRAINT "aanmelding_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD CONSTRAINT "aanmelding_geregistreerd_door_gebruiker_id_fk" FOREIGN KEY ("geregistreerd_door") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD CONSTRAINT "aanmelding_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aanmelding_swv_status_idx" ON "aanmelding" USING btree ("swv_id","status");--> statement-breakpoint
CREATE INDEX "aanmelding_vestiging_idx" ON "aanmelding" USING btree ("swv_id","vestiging_code");