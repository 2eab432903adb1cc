CREATE TABLE "indicator_values" (
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"value" double precision,
	"breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "indicator_values_indicator_id_fiscal_year_kind_pk" PRIMARY KEY("indicator_id","fiscal_year","kind")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"direction" text DEFAULT 'higher' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"note" text,
	"achievement" text,
	"evaluation" text
);
--> statement-breakpoint
CREATE TABLE "target_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"from_text" text,
	"from_value" double precision,
	"to_text" text,
	"to_value" double precision,
	"revised_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "organization_lineage" (
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"from_fiscal_year" integer NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"ward_id" uuid,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"parent_no" integer,
	"text" text NOT NULL,
	"initiatives" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ward_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"department_name" text NOT NULL,
	"organization_name" text,
	"phone" text,
	"created_on" date,
	"revised_on" date,
	"evaluated_on" date,
	"purpose" text,
	"approach" text,
	"outcome" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ward_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"source" text,
	"uncertain" jsonb
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_lineage" ADD CONSTRAINT "organization_lineage_predecessor_id_organizations_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_lineage" ADD CONSTRAINT "organization_lineage_successor_id_organizations_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_ward_id_organizations_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheets" ADD CONSTRAINT "sheets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheets" ADD CONSTRAINT "sheets_ward_id_organizations_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_years" ADD CONSTRAINT "ward_years_ward_id_organizations_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_organization" ON "indicators" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_goal_position" ON "placements" USING btree ("goal_id","position");--> statement-breakpoint
CREATE INDEX "placements_indicator" ON "placements" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "target_revisions_indicator_year" ON "target_revisions" USING btree ("indicator_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_lineage_pair" ON "organization_lineage" USING btree ("predecessor_id","successor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_parent_name" ON "organizations" USING btree ("municipality_id",coalesce("parent_id", "municipality_id"),"name");--> statement-breakpoint
CREATE INDEX "organizations_ward" ON "organizations" USING btree ("ward_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_sheet_no" ON "goals" USING btree ("sheet_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "sheets_organization_year" ON "sheets" USING btree ("organization_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "sheets_ward_year" ON "sheets" USING btree ("ward_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "ward_years_ward_year" ON "ward_years" USING btree ("ward_id","fiscal_year");