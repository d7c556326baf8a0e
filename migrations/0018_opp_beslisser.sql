ALTER TABLE "opp_instemming" ADD COLUMN "beslisser" text DEFAULT 'ouders' NOT NULL;--> statement-breakpoint
ALTER TABLE opp_instemming ADD CONSTRAINT opp_instemming_beslisser_check CHECK (beslisser IN ('ouders', 'leerling'));
