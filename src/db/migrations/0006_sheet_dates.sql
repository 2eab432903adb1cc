CREATE TABLE "nominal_dates" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"created_on" text NOT NULL,
	"revised_on" text NOT NULL,
	"evaluated_on" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sheets" ADD COLUMN "dates_set_individually" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ward_years" ADD COLUMN "created_on" date;--> statement-breakpoint
ALTER TABLE "ward_years" ADD COLUMN "revised_on" date;--> statement-breakpoint
ALTER TABLE "ward_years" ADD COLUMN "evaluated_on" date;--> statement-breakpoint
ALTER TABLE "nominal_dates" ADD CONSTRAINT "nominal_dates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;