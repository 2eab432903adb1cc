CREATE TABLE "user_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "system_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_signed_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_changes" ADD CONSTRAINT "user_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_changes" ADD CONSTRAINT "user_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_changes" ADD CONSTRAINT "user_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_changes_user" ON "user_changes" USING btree ("user_id","changed_at");--> statement-breakpoint
CREATE INDEX "user_changes_municipality" ON "user_changes" USING btree ("municipality_id","changed_at");--> statement-breakpoint
-- The account record is never changed or erased (src/db/app-role.ts reads these triggers).
CREATE TRIGGER user_changes_never_changed
  BEFORE UPDATE ON user_changes
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_erasure('append-only');
--> statement-breakpoint
CREATE TRIGGER user_changes_never_erased
  BEFORE DELETE ON user_changes
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_erasure('append-only');
--> statement-breakpoint
CREATE TRIGGER user_changes_no_truncate
  BEFORE TRUNCATE ON user_changes
  FOR EACH STATEMENT EXECUTE FUNCTION mokuhyo_refuse_erasure('append-only');
