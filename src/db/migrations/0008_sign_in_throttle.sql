CREATE TABLE "sign_in_throttle_clearings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_in_throttle_clearings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"login_id" text,
	"address" text,
	"failures" integer NOT NULL,
	"cleared_by" uuid NOT NULL,
	"cleared_by_name" text NOT NULL,
	"cleared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sign_in_throttle_clearings" ADD CONSTRAINT "sign_in_throttle_clearings_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_throttle_clearings_at" ON "sign_in_throttle_clearings" USING btree ("cleared_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_at" ON "sign_in_failures" USING btree ("at");