CREATE TABLE "opp_herinnering" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"swv_id" text NOT NULL,
	"opp_id" uuid NOT NULL,
	"soort" text NOT NULL,
	"sleutel" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opp_herinnering_uniek" UNIQUE("swv_id","opp_id","soort","sleutel")
);
--> statement-breakpoint
ALTER TABLE "opp_herinnering" ADD CONSTRAINT "opp_herinnering_swv_id_opp_id_opp_swv_id_id_fk" FOREIGN KEY ("swv_id","opp_id") REFERENCES "public"."opp"("swv_id","id") ON DELETE no action ON UPDATE no action;