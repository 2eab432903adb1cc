CREATE TABLE "comment_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid,
	"subject_label" text NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"kind" text DEFAULT 'comment' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_comment_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_threads_sheet" ON "comment_threads" USING btree ("sheet_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_thread" ON "comments" USING btree ("thread_id","created_at");--> statement-breakpoint
-- コメント are records too: a comment is never changed or erased, a thread never erased (it is
-- resolved and reopened in place). See 0007 and src/db/app-role.ts.
CREATE TRIGGER comments_append_only
  BEFORE UPDATE OR DELETE ON comments
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_erasure('append-only');
--> statement-breakpoint
CREATE TRIGGER comments_no_truncate
  BEFORE TRUNCATE ON comments
  FOR EACH STATEMENT EXECUTE FUNCTION mokuhyo_refuse_erasure('append-only');
--> statement-breakpoint
CREATE TRIGGER comment_threads_never_erased
  BEFORE DELETE ON comment_threads
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_erasure('never erased');
--> statement-breakpoint
CREATE TRIGGER comment_threads_no_truncate
  BEFORE TRUNCATE ON comment_threads
  FOR EACH STATEMENT EXECUTE FUNCTION mokuhyo_refuse_erasure('never erased');
