CREATE TABLE "app_meta" (
	"sleutel" text PRIMARY KEY NOT NULL,
	"waarde" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"seq" bigint PRIMARY KEY DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"swv_id" text,
	"actor_gebruiker_id" uuid,
	"actor_rol" text,
	"namens" text,
	"organisatie" text,
	"leerling_id" uuid,
	"leerling_ids" uuid[],
	"object_type" text,
	"object_id" text,
	"actie" text NOT NULL,
	"velden" text[],
	"grondslag" text,
	"resultaat" text NOT NULL,
	"request_id" text,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "eenmalige_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"gebruikt_op" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gebruiker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"wachtwoord_hash" text,
	"totp_secret" text,
	"totp_bevestigd_op" timestamp with time zone,
	"totp_laatste_stap" bigint,
	"is_actief" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"laatst_ingelogd_op" timestamp with time zone,
	CONSTRAINT "gebruiker_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "inschrijving" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"leerling_id" uuid NOT NULL,
	"vestiging_code" text NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inschrijving_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"soort" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sleutel" text,
	"uitvoeren_op" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'wachtend' NOT NULL,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"geclaimd_door" text,
	"geclaimd_op" timestamp with time zone,
	"klaar_op" timestamp with time zone,
	"laatste_fout" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_sleutel_unique" UNIQUE("sleutel")
);
--> statement-breakpoint
CREATE TABLE "leerling" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"voornaam" text NOT NULL,
	"tussenvoegsel" text,
	"achternaam" text NOT NULL,
	"geboortedatum" date NOT NULL,
	"woon_pc4" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leerling_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_bericht" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aan" text NOT NULL,
	"onderwerp" text NOT NULL,
	"tekst" text NOT NULL,
	"status" text DEFAULT 'wachtend' NOT NULL,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"laatste_fout" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verzonden_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ouder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"leerling_id" uuid NOT NULL,
	"naam" text NOT NULL,
	"email" text,
	"relatie" text NOT NULL,
	"heeft_gezag" boolean NOT NULL,
	"gebruiker_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ouder_swv_id_key" UNIQUE("swv_id","id")
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"sleutel" text NOT NULL,
	"venster_start" timestamp with time zone NOT NULL,
	"aantal" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_sleutel_venster_start_pk" PRIMARY KEY("sleutel","venster_start")
);
--> statement-breakpoint
CREATE TABLE "rol_toekenning" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"rol" text NOT NULL,
	"swv_id" text,
	"vestiging_code" text,
	"bestuur_nummer" text,
	"leerling_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessie" (
	"id" text PRIMARY KEY NOT NULL,
	"gebruiker_id" uuid NOT NULL,
	"rol_toekenning_id" uuid,
	"is_mfa_geldig" boolean DEFAULT false NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"laatst_gezien_op" timestamp with time zone DEFAULT now() NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uitnodiging" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"ouder_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL,
	"geaccepteerd_op" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uitnodiging_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "bestuur" (
	"nummer" text PRIMARY KEY NOT NULL,
	"naam" text
);
--> statement-breakpoint
CREATE TABLE "pc4" (
	"pc4" text PRIMARY KEY NOT NULL,
	"gemeente" text,
	"plaats" text,
	"swv_po" text,
	"swv_vo" text,
	"lat" double precision,
	"lon" double precision,
	"rd_x" double precision,
	"rd_y" double precision
);
--> statement-breakpoint
CREATE TABLE "register_import" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_import_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bron" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"samenvatting" text
);
--> statement-breakpoint
CREATE TABLE "swv" (
	"code" text PRIMARY KEY NOT NULL,
	"sector" text NOT NULL,
	"naam" text NOT NULL,
	"is_landelijk" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vestiging" (
	"code" text PRIMARY KEY NOT NULL,
	"instellingscode" text NOT NULL,
	"naam" text NOT NULL,
	"soort" text NOT NULL,
	"onderwijsstructuur" text,
	"denominatie" text,
	"bestuur_nummer" text,
	"straat" text,
	"huisnummer" text,
	"postcode" text,
	"pc4" text,
	"plaats" text,
	"gemeente" text,
	"internet" text,
	"lat" double precision,
	"lon" double precision,
	"swv_po" text,
	"swv_vo" text
);
--> statement-breakpoint
CREATE TABLE "vestiging_leerlingen" (
	"vestiging_code" text NOT NULL,
	"teljaar" integer NOT NULL,
	"aantal" integer,
	"is_klein" boolean DEFAULT false NOT NULL,
	CONSTRAINT "vestiging_leerlingen_vestiging_code_teljaar_pk" PRIMARY KEY("vestiging_code","teljaar")
);
--> statement-breakpoint
ALTER TABLE "eenmalige_code" ADD CONSTRAINT "eenmalige_code_gebruiker_id_gebruiker_id_fk" FOREIGN KEY ("gebruiker_id") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inschrijving" ADD CONSTRAINT "inschrijving_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inschrijving" ADD CONSTRAINT "inschrijving_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leerling" ADD CONSTRAINT "leerling_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ouder" ADD CONSTRAINT "ouder_gebruiker_id_gebruiker_id_fk" FOREIGN KEY ("gebruiker_id") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ouder" ADD CONSTRAINT "ouder_swv_id_leerling_id_leerling_swv_id_id_fk" FOREIGN KEY ("swv_id","leerling_id") REFERENCES "public"."leerling"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_toekenning" ADD CONSTRAINT "rol_toekenning_gebruiker_id_gebruiker_id_fk" FOREIGN KEY ("gebruiker_id") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_toekenning" ADD CONSTRAINT "rol_toekenning_swv_id_swv_code_fk" FOREIGN KEY ("swv_id") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_toekenning" ADD CONSTRAINT "rol_toekenning_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessie" ADD CONSTRAINT "sessie_gebruiker_id_gebruiker_id_fk" FOREIGN KEY ("gebruiker_id") REFERENCES "public"."gebruiker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessie" ADD CONSTRAINT "sessie_rol_toekenning_id_rol_toekenning_id_fk" FOREIGN KEY ("rol_toekenning_id") REFERENCES "public"."rol_toekenning"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitnodiging" ADD CONSTRAINT "uitnodiging_swv_id_ouder_id_ouder_swv_id_id_fk" FOREIGN KEY ("swv_id","ouder_id") REFERENCES "public"."ouder"("swv_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc4" ADD CONSTRAINT "pc4_swv_po_swv_code_fk" FOREIGN KEY ("swv_po") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc4" ADD CONSTRAINT "pc4_swv_vo_swv_code_fk" FOREIGN KEY ("swv_vo") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vestiging" ADD CONSTRAINT "vestiging_bestuur_nummer_bestuur_nummer_fk" FOREIGN KEY ("bestuur_nummer") REFERENCES "public"."bestuur"("nummer") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vestiging" ADD CONSTRAINT "vestiging_swv_po_swv_code_fk" FOREIGN KEY ("swv_po") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vestiging" ADD CONSTRAINT "vestiging_swv_vo_swv_code_fk" FOREIGN KEY ("swv_vo") REFERENCES "public"."swv"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vestiging_leerlingen" ADD CONSTRAINT "vestiging_leerlingen_vestiging_code_vestiging_code_fk" FOREIGN KEY ("vestiging_code") REFERENCES "public"."vestiging"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_leerling_idx" ON "audit_event" USING btree ("swv_id","leerling_id","at");--> statement-breakpoint
CREATE INDEX "audit_leerling_ids_idx" ON "audit_event" USING gin ("leerling_ids");--> statement-breakpoint
CREATE INDEX "inschrijving_vestiging_idx" ON "inschrijving" USING btree ("swv_id","vestiging_code");--> statement-breakpoint
CREATE INDEX "inschrijving_leerling_idx" ON "inschrijving" USING btree ("swv_id","leerling_id");--> statement-breakpoint
CREATE INDEX "job_wachtend_idx" ON "job" USING btree ("status","uitvoeren_op");--> statement-breakpoint
CREATE INDEX "leerling_swv_naam_idx" ON "leerling" USING btree ("swv_id","achternaam");--> statement-breakpoint
CREATE INDEX "ouder_leerling_idx" ON "ouder" USING btree ("swv_id","leerling_id");--> statement-breakpoint
CREATE INDEX "ouder_gebruiker_idx" ON "ouder" USING btree ("gebruiker_id");--> statement-breakpoint
CREATE INDEX "rol_toekenning_gebruiker_idx" ON "rol_toekenning" USING btree ("gebruiker_id");--> statement-breakpoint
CREATE INDEX "rol_toekenning_swv_idx" ON "rol_toekenning" USING btree ("swv_id");--> statement-breakpoint
CREATE INDEX "sessie_gebruiker_idx" ON "sessie" USING btree ("gebruiker_id");--> statement-breakpoint
CREATE INDEX "vestiging_swv_po_idx" ON "vestiging" USING btree ("swv_po");--> statement-breakpoint
CREATE INDEX "vestiging_swv_vo_idx" ON "vestiging" USING btree ("swv_vo");--> statement-breakpoint
CREATE INDEX "vestiging_pc4_idx" ON "vestiging" USING btree ("pc4");