ALTER TABLE "ward_years" ADD COLUMN "plan_deadline" date;--> statement-breakpoint
ALTER TABLE "ward_years" ADD COLUMN "revision_deadline" date;--> statement-breakpoint
ALTER TABLE "ward_years" ADD COLUMN "evaluation_deadline" date;