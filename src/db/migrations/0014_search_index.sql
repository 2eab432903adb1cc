-- 検索: Japanese text found as people type it, on the embedded database and on PostgreSQL alike.
-- PGlite has neither pg_bigm nor PGroonga, and pg_trgm makes no trigrams of Japanese in the C
-- locale, so the index is the database's own GIN over n-grams of each searchable text: every
-- character and every pair of neighbouring characters, after NFKC and lower case (ＡＢＣ = abc,
-- ｶﾀｶﾅ = カタカナ, １５ = 15). A two-character word (防災) is one key; a longer one is all of its
-- pairs, and the text itself then confirms the match. The indexes follow the content tables,
-- so nothing is written twice and nothing is ever out of date.
CREATE FUNCTION mokuhyo_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT lower(normalize(coalesce(t, ''), NFKC)) $$;
--> statement-breakpoint
-- (Index builds run with a search_path of pg_catalog only: the functions keep the one they were
-- made with.) The pairs come from two passes of a regular expression, at offsets 0 and 1, and
-- the characters from one split: both in C, several times faster than a loop over the text —
-- what a save pays for each text it changes. GIN keeps each key once, so repeats cost nothing.
-- Not marked parallel safe: a search is small, and a parallel plan's workers cost PostgreSQL
-- more time to start than the whole answer takes. Its COST tells the planner what a call costs (about a thousand times an operator), so that
-- it reads the index rather than compute the keys of every row — with or without statistics,
-- which an embedded database never gathers by itself.
CREATE FUNCTION mokuhyo_search_grams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE COST 1000 SET search_path FROM CURRENT
  AS $$
    SELECT array(SELECT m[1] FROM regexp_matches(f, '(..)', 'g') AS m)
      || array(SELECT m[1] FROM regexp_matches(substr(f, 2), '(..)', 'g') AS m)
      || regexp_split_to_array(f, '')
    FROM (SELECT mokuhyo_fold(t) AS f) AS folded
  $$;
--> statement-breakpoint
-- The keys a search term needs: itself when it is one character, else pairs that cover it side
-- by side (定時退庁推進日実施率 → 定時 退庁 推進 日実 施率; an odd one ends with its last pair).
-- Fewer keys, fewer lists for GIN to intersect; the text confirms the whole term afterwards.
CREATE FUNCTION mokuhyo_query_grams(q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT
  AS $$
    SELECT CASE WHEN length(f) <= 1 THEN ARRAY[f]
      ELSE (SELECT array_agg(DISTINCT substr(f, least(i, length(f) - 1), 2)) FROM generate_series(1, length(f), 2) AS i)
    END
    FROM (SELECT mokuhyo_fold(q) AS f) folded
  $$;
--> statement-breakpoint
-- 主な取組 are a JSON array: searched as their lines.
CREATE FUNCTION mokuhyo_lines(j jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT string_agg(value, E'\n' ORDER BY n) FROM jsonb_array_elements_text(j) WITH ORDINALITY AS e(value, n) $$;
--> statement-breakpoint
-- fastupdate off: each write goes into the index at once, rather than into a pending list every
-- search then reads through (nothing merges that list on PGlite, which has no autovacuum).
CREATE INDEX goals_text_search ON goals USING gin (mokuhyo_search_grams(text)) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX goals_initiatives_search ON goals USING gin (mokuhyo_search_grams(mokuhyo_lines(initiatives))) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX indicators_name_search ON indicators USING gin (mokuhyo_search_grams(name)) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX placements_note_search ON placements USING gin (mokuhyo_search_grams(note)) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX placements_achievement_search ON placements USING gin (mokuhyo_search_grams(achievement)) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX sheets_purpose_search ON sheets USING gin (mokuhyo_search_grams(purpose)) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX sheets_approach_search ON sheets USING gin (mokuhyo_search_grams(approach)) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX sheets_outcome_search ON sheets USING gin (mokuhyo_search_grams(outcome)) WITH (fastupdate = off);
