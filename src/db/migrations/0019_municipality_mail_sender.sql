ALTER TABLE "municipalities" ADD COLUMN "mail_from_address" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "mail_from_name" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_mail_from_named" CHECK ("municipalities"."mail_from_name" is null or "municipalities"."mail_from_address" is not null);