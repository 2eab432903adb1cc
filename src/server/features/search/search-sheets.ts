import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Evaluation } from '../../../domain/evaluation';
import type { Actor } from '../../../domain/roles';
import { searchTerms, snippet } from '../../../domain/search-text';
import { goalAnchor, indicatorAnchor, sheetAnchor } from '../../../domain/sheet-anchor';
import { can, publicStatuses } from '../../../domain/sheet-policy';
import type { SheetStatus } from '../../../domain/sheet-status';
import { indicatorLabel } from '../../../domain/sheet-text';
import type { SearchAnswer, SearchField, SearchHit, SearchQuery } from '../../../schemas/search';
import { sheetTitle } from '../../../schemas/sheet-header';

/** At most this many matches are read and shown over the pages; more asks for narrower words. */
const searchCap = 1000;
const pageSize = 50;

const fieldLabels: Record<SearchField, string> = {
  purpose: '組織の目的',
  goal: '組織目標',
  initiatives: '主な取組（事業）',
  indicator: '指標の項目',
  note: '補足・参考指標',
  achievement: '目標達成状況',
  approach: '取り組みについて',
  outcome: '取り組みの結果について',
};

interface MatchRow {
  sheet_id: string;
  field: SearchField;
  goal_no: number | null;
  goal_index: number | null;
  indicator_index: number | null;
  indicator_name: string | null;
  indicator_unit: string | null;
  text: string;
  evaluation: Evaluation | null;
  fiscal_year: number;
  status: SheetStatus;
  submitted_by: string | null;
  ward_id: string;
  organization_id: string;
  department_name: string;
  organization_name: string | null;
  ward: string;
  municipality_id: string;
  municipality: string;
}

/**
 * Every searchable text that holds all the terms: each branch finds its candidates through its
 * n-gram index (migration 0014) and the folded text confirms them. The public reads published
 * sheets only; a signed-in reader's candidates are narrowed by the sheet policy afterwards.
 */
function matchQuery(terms: string[], keys: string[], query: SearchQuery, publicOnly: boolean) {
  const termsJson = JSON.stringify(terms);
  // The keys go in as a constant array, so that the planner reads each branch through its index.
  const literal = `{${keys.map((key) => `"${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
  const grams = sql`${literal}::text[]`;
  const placement = (field: SearchField, column: 'note' | 'achievement') => sql`
    SELECT g.sheet_id, ${field}::text AS field, g.no AS goal_no, g.id AS goal_id, p.position AS placement_position,
      i.name AS indicator_name, i.unit AS indicator_unit, p.${sql.raw(column)} AS text, p.evaluation::text
    FROM placements p, goals g, indicators i
    WHERE mokuhyo_search_grams(p.${sql.raw(column)}) @> ${grams} AND g.id = p.goal_id AND i.id = p.indicator_id`;
  const sheetText = (field: SearchField, column: 'purpose' | 'approach' | 'outcome') => sql`
    SELECT s.id AS sheet_id, ${field}::text AS field, NULL::int AS goal_no, NULL::uuid AS goal_id,
      NULL::int AS placement_position, NULL::text AS indicator_name, NULL::text AS indicator_unit,
      s.${sql.raw(column)} AS text, NULL::text AS evaluation
    FROM sheets s WHERE mokuhyo_search_grams(s.${sql.raw(column)}) @> ${grams}`;
  return sql`
    WITH terms AS (SELECT jsonb_array_elements_text(${termsJson}::jsonb) AS t),
    hit AS MATERIALIZED (
      ${sheetText('purpose', 'purpose')}
      UNION ALL
      SELECT g.sheet_id, 'goal', g.no, g.id, NULL, NULL, NULL, g.text, NULL
      FROM goals g WHERE mokuhyo_search_grams(g.text) @> ${grams}
      UNION ALL
      SELECT g.sheet_id, 'initiatives', g.no, g.id, NULL, NULL, NULL, mokuhyo_lines(g.initiatives), NULL
      FROM goals g WHERE mokuhyo_search_grams(mokuhyo_lines(g.initiatives)) @> ${grams}
      UNION ALL
      SELECT g.sheet_id, 'indicator', g.no, g.id, p.position, i.name, i.unit, i.name, p.evaluation
      FROM indicators i, placements p, goals g
      WHERE mokuhyo_search_grams(i.name) @> ${grams} AND p.indicator_id = i.id AND g.id = p.goal_id
      UNION ALL
      ${placement('note', 'note')}
      UNION ALL
      ${placement('achievement', 'achievement')}
      UNION ALL
      ${sheetText('approach', 'approach')}
      UNION ALL
      ${sheetText('outcome', 'outcome')}
    )
    SELECT hit.sheet_id, hit.field, hit.goal_no, hit.indicator_name, hit.indicator_unit, hit.text, hit.evaluation,
      (SELECT count(*) FROM goals g2 WHERE g2.sheet_id = hit.sheet_id AND g2.no < hit.goal_no)::int AS goal_index,
      CASE WHEN hit.placement_position IS NOT NULL THEN (SELECT count(*) FROM placements p2
        WHERE p2.goal_id = hit.goal_id AND p2.position < hit.placement_position)::int END AS indicator_index,
      s.fiscal_year, s.status, s.submitted_by, s.ward_id, s.organization_id, s.department_name, s.organization_name,
      w.name AS ward, w.municipality_id, m.name AS municipality
    FROM hit
    JOIN sheets s ON s.id = hit.sheet_id
    JOIN organizations w ON w.id = s.ward_id
    JOIN municipalities m ON m.id = w.municipality_id
    WHERE (SELECT bool_and(strpos(mokuhyo_fold(hit.text), mokuhyo_fold(t)) > 0) FROM terms)
      ${
        publicOnly
          ? sql`AND s.status IN (${sql.join(
              publicStatuses.map((status) => sql`${status}`),
              sql`, `,
            )})`
          : sql``
      }
      ${query.fiscalYear === undefined ? sql`` : sql`AND s.fiscal_year = ${query.fiscalYear}`}
      ${query.ward === undefined ? sql`` : sql`AND w.name = ${query.ward}`}
      ${query.municipality === undefined ? sql`` : sql`AND m.name = ${query.municipality}`}
      ${query.organization === undefined ? sql`` : sql`AND coalesce(s.organization_name, s.department_name) = ${query.organization}`}
      ${
        query.evaluation === undefined
          ? sql``
          : sql`AND (hit.evaluation = ${query.evaluation} OR (hit.placement_position IS NULL AND EXISTS (
              SELECT 1 FROM placements p3 WHERE p3.goal_id = hit.goal_id AND p3.evaluation = ${query.evaluation})))`
      }
    ORDER BY s.fiscal_year DESC, m.name, w.name, s.position, s.department_name, s.organization_name NULLS FIRST,
      array_position(ARRAY['purpose','goal','initiatives','indicator','note','achievement','approach','outcome'], hit.field),
      hit.goal_no NULLS FIRST, hit.placement_position NULLS FIRST
    LIMIT ${publicOnly ? searchCap + 1 : searchCap * 4}`;
}

function placeOf(row: MatchRow): { place: string; anchor: string } {
  const label = fieldLabels[row.field];
  if (row.goal_index === null || row.goal_no === null)
    return { place: label, anchor: sheetAnchor(row.field) };
  const goal = `組織目標${row.goal_no}`;
  if (row.indicator_index === null)
    return { place: `${goal} › ${label}`, anchor: goalAnchor(row.goal_index) };
  const indicator = `指標「${indicatorLabel(row.indicator_name ?? '', row.indicator_unit)}」`;
  return {
    place: row.field === 'indicator' ? `${goal} › ${indicator}` : `${goal} › ${indicator} › ${label}`,
    anchor: indicatorAnchor(row.goal_index, row.indicator_index),
  };
}

/** 検索: what the reader may see that holds every word, a page at a time, with the facets of the matches. */
export async function searchSheets(db: Db, actor: Actor | null, query: SearchQuery): Promise<SearchAnswer> {
  const terms = searchTerms(query.q);
  const [found] = (
    (await db.execute(sql`SELECT array(SELECT DISTINCT k FROM jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb) AS t,
        unnest(mokuhyo_query_grams(t)) AS k) AS grams`)) as unknown as { rows: { grams: string[] }[] }
  ).rows;
  const grams = found?.grams ?? [];
  // Both drivers answer a raw statement with its rows under `rows`.
  const result = (await db.execute(matchQuery(terms, grams, query, actor === null))) as unknown as {
    rows: MatchRow[];
  };
  const rows = result.rows.filter(
    (row) =>
      actor === null ||
      can(actor, 'read', {
        municipalityId: row.municipality_id,
        wardId: row.ward_id,
        organizationId: row.organization_id,
        status: row.status,
        submittedBy: row.submitted_by,
      }),
  );
  const matches = rows.slice(0, searchCap);
  const page = query.page ?? 1;
  const hits: SearchHit[] = matches.slice((page - 1) * pageSize, page * pageSize).map((row) => ({
    sheetId: row.sheet_id,
    fiscalYear: row.fiscal_year,
    municipality: row.municipality,
    ward: row.ward,
    title: sheetTitle({ departmentName: row.department_name, organizationName: row.organization_name }),
    status: row.status,
    field: row.field,
    ...placeOf(row),
    evaluation: row.evaluation,
    snippet: snippet(row.text, terms),
  }));
  const distinct = <T>(values: T[]) => [...new Set(values)];
  return {
    terms,
    total: matches.length,
    capped: rows.length > searchCap,
    page,
    pageSize,
    hits,
    facets: {
      fiscalYears: distinct(matches.map((row) => row.fiscal_year)),
      wards: distinct(matches.map((row) => row.ward)),
      organizations: distinct(
        matches.map((row) =>
          sheetTitle({ departmentName: row.department_name, organizationName: row.organization_name }),
        ),
      ),
    },
  };
}
