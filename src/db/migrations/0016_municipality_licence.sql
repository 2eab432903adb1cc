ALTER TABLE "municipalities" ADD COLUMN "licence_name" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "licence_url" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_licence_whole" CHECK (("municipalities"."licence_name" is null) = ("municipalities"."licence_url" is null));