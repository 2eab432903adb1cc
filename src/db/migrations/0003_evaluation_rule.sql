CREATE TABLE "evaluation_rules" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"achieved" double precision DEFAULT 1 NOT NULL,
	"partly" double precision DEFAULT 0.8 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "evaluation_reason" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "milestone_done" boolean;--> statement-breakpoint
ALTER TABLE "evaluation_rules" ADD CONSTRAINT "evaluation_rules_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;