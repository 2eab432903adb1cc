CREATE TABLE "result_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"sheet_id" uuid,
	"proposed_on_sheet_id" uuid NOT NULL,
	"from_text" text,
	"from_value" double precision,
	"to_text" text,
	"to_value" double precision,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decision_comment" text,
	"corrected_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "result_corrections" ADD CONSTRAINT "result_corrections_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_corrections" ADD CONSTRAINT "result_corrections_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_corrections" ADD CONSTRAINT "result_corrections_proposed_on_sheet_id_sheets_id_fk" FOREIGN KEY ("proposed_on_sheet_id") REFERENCES "public"."sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_corrections" ADD CONSTRAINT "result_corrections_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_corrections" ADD CONSTRAINT "result_corrections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_corrections_indicator_year" ON "result_corrections" USING btree ("indicator_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "result_corrections_sheet" ON "result_corrections" USING btree ("sheet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_corrections_one_open" ON "result_corrections" USING btree ("indicator_id","fiscal_year") WHERE "result_corrections"."status" = 'proposed';