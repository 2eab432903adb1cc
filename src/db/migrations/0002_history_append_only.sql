-- 履歴 is append-only: no UPDATE or DELETE, whoever asks.
CREATE FUNCTION mokuhyo_refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sheet_history is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sheet_history_append_only
  BEFORE UPDATE OR DELETE ON sheet_history
  FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_history_change();
