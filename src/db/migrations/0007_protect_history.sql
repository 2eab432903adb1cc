-- Records that are never erased, whoever asks (the app's role has no right to; this stops the
-- owner too, short of dropping the trigger): 履歴 refuses TRUNCATE as well as UPDATE and DELETE
-- (0002); the 作成・修正・評価 snapshots and the 過年度実績の訂正 may be superseded in place
-- (a later approval, a decision) but never deleted or truncated. src/db/app-role.ts reads these
-- triggers to decide what the app's role may do with each table.
CREATE FUNCTION mokuhyo_refuse_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is %: % is refused', TG_TABLE_NAME, TG_ARGV[0], TG_OP
    USING HINT = 'These rows are the record of what happened; nothing erases them.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sheet_history_no_truncate
  BEFORE TRUNCATE ON sheet_history
  FOR EACH STATEMENT EXECUTE FUNCTION mokuhyo_refuse_erasure('append-only');
--> statement-breakpoint
CREATE TRIGGER sheet_snapshots_never_erased
  BEFORE DELETE ON sheet_snapshots
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_erasure('never erased');
--> statement-breakpoint
CREATE TRIGGER sheet_snapshots_no_truncate
  BEFORE TRUNCATE ON sheet_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION mokuhyo_refuse_erasure('never erased');
--> statement-breakpoint
CREATE TRIGGER result_corrections_never_erased
  BEFORE DELETE ON result_corrections
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_erasure('never erased');
--> statement-breakpoint
CREATE TRIGGER result_corrections_no_truncate
  BEFORE TRUNCATE ON result_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION mokuhyo_refuse_erasure('never erased');
