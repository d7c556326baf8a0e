ALTER TABLE "aanmelding" ADD COLUMN "extra_ondersteuning_nodig" boolean;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "uitzondering" text;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "uitzondering_toelichting" text;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "beoordeeld_op" date;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "besluit" text;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "besluit_op" date;--> statement-breakpoint
ALTER TABLE "aanmelding" ADD COLUMN "besluit_toelichting" text;