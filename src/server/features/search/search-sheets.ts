import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Evaluation } from '../../../domain/evaluation';
import { type Actor, roleReach } from '../../../domain/roles';
import { fold, searchTerms, snippet } from '../../../domain/search-text';
import { goalAnchor, indicatorAnchor, sheetAnchor } from '../../../domain/sheet-anchor';
import { sheetPolicy } from '../../../domain/sheet-policy';
import type { SheetStatus } from '../../../domain/sheet-status';
import { indicatorLabel } from '../../../domain/sheet-text';
import type { SearchAnswer, SearchField, SearchQuery } from '../../../schemas/search';

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
  title: string;
  ward: string;
  municipality: string;
}

/**
 * Every searchable text that holds all the terms: each branch finds its candidates through its
 * n-gram index (migration 0014) and the folded text confirms them. The public reads published
 * sheets only; a signed-in reader's candidates are narrowed by the sheet policy afterwards.
 */
/**
 * Who may read which sheets, as SQL over `s` (the sheet) and `w` (its 部区): the sheet
 * policy's `read` rule itself — its public states, and for each of the actor's grants the
 * states its role may read where the grant reaches.
 */
function readable(actor: Actor | null) {
  const rule = sheetPolicy.read;
  const statuses = (list: readonly SheetStatus[]) =>
    sql.join(
      list.map((status) => sql`${status}`),
      sql`, `,
    );
  const parts = [sql`s.status IN (${statuses(rule.public ?? [])})`];
  for (const grant of actor?.grants ?? []) {
    const allowed = rule.grants[grant.role] ?? [];
    if (allowed.length === 0 || !actor) continue;
    const reach = roleReach[grant.role];
    const place =
      reach === 'municipality'
        ? sql`true`
        : reach === 'ward'
          ? sql`s.ward_id = ${grant.organizationId}`
          : sql`s.organization_id = ${grant.organizationId}`;
    parts.push(
      sql`(w.municipality_id = ${actor.municipalityId} AND ${place} AND s.status IN (${statuses(allowed)}))`,
    );
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * The text holds every term. A term of one or two characters is its own key, so the index has
 * said so already; a longer one is read in the folded text.
 */
function confirmed(terms: string[]) {
  const longer = terms.filter((term) => [...fold(term)].length > 2);
  if (longer.length === 0) return sql`true`;
  return sql.join(
    longer.map((term) => sql`strpos(mokuhyo_fold(hit.text), mokuhyo_fold(${term})) > 0`),
    sql` AND `,
  );
}

/**
 * One statement: every searchable text that holds all the terms (each branch finds its
 * candidates through its n-gram index, migration 0014, and the folded text confirms them), of
 * the sheets the actor may read, narrowed by the filters; then their number, the facets, and
 * one page of them in the sheet's order with where they are.
 */
function searchStatement(
  terms: string[],
  keys: string[],
  query: SearchQuery,
  actor: Actor | null,
  page: number,
) {
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
  const order = sql`s.fiscal_year DESC, m.name, w.name, s.position, s.department_name, s.organization_name NULLS FIRST,
      array_position(ARRAY['purpose','goal','initiatives','indicator','note','achievement','approach','outcome'], hit.field),
      hit.goal_no NULLS FIRST, hit.placement_position NULLS FIRST`;
  return sql`
    WITH hit AS MATERIALIZED (
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
    ),
    matched AS MATERIALIZED (
      SELECT hit.sheet_id, hit.field, hit.goal_no, hit.goal_id, hit.placement_position, hit.indicator_name,
        hit.indicator_unit, hit.text, hit.evaluation, s.fiscal_year, s.status,
        coalesce(s.organization_name, s.department_name) AS title, w.name AS ward, m.name AS municipality,
        row_number() OVER (ORDER BY ${order}) AS rank
      FROM hit
      JOIN sheets s ON s.id = hit.sheet_id
      JOIN organizations w ON w.id = s.ward_id
      JOIN municipalities m ON m.id = w.municipality_id
      WHERE ${confirmed(terms)}
        AND ${readable(actor)}
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
    ),
    shown AS (
      SELECT matched.*,
        (SELECT count(*) FROM goals g2 WHERE g2.sheet_id = matched.sheet_id AND g2.no < matched.goal_no)::int AS goal_index,
        CASE WHEN matched.placement_position IS NOT NULL THEN (SELECT count(*) FROM placements p2
          WHERE p2.goal_id = matched.goal_id AND p2.position < matched.placement_position)::int END AS indicator_index
      FROM matched WHERE rank > ${(page - 1) * pageSize} AND rank <= ${page * pageSize}
    )
    SELECT
      (SELECT count(*)::int FROM matched) AS total,
      (SELECT coalesce(json_agg(DISTINCT fiscal_year ORDER BY fiscal_year DESC), '[]') FROM matched) AS fiscal_years,
      (SELECT coalesce(json_agg(DISTINCT ward ORDER BY ward), '[]') FROM matched) AS wards,
      (SELECT coalesce(json_agg(DISTINCT title ORDER BY title), '[]') FROM matched) AS organizations,
      (SELECT coalesce(json_agg(row_to_json(shown) ORDER BY rank), '[]') FROM shown) AS hits`;
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

interface Found {
  total: number;
  fiscal_years: number[];
  wards: string[];
  organizations: string[];
  hits: MatchRow[];
}

/**
 * The statements of a search alone: the terms' keys, then the matches' number, facets and one
 * page (see `searchStatement`). The bench times this against the whole request.
 */
export async function findMatches(
  db: Db,
  actor: Actor | null,
  query: SearchQuery,
): Promise<Found & { terms: string[] }> {
  const terms = searchTerms(query.q);
  const [keys] = (
    (await db.execute(sql`SELECT array(SELECT DISTINCT k FROM jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb) AS t,
        unnest(mokuhyo_query_grams(t)) AS k) AS grams`)) as unknown as { rows: { grams: string[] }[] }
  ).rows;
  // Both drivers answer a raw statement with its rows under `rows`.
  const [found] = (
    (await db.execute(
      searchStatement(terms, keys?.grams ?? [], query, actor, query.page ?? 1),
    )) as unknown as {
      rows: Found[];
    }
  ).rows;
  return { ...(found ?? { total: 0, fiscal_years: [], wards: [], organizations: [], hits: [] }), terms };
}

/** 検索: what the reader may see that holds every word, a page at a time, with the facets of the matches. */
export async function searchSheets(db: Db, actor: Actor | null, query: SearchQuery): Promise<SearchAnswer> {
  const found = await findMatches(db, actor, query);
  const { terms } = found;
  return {
    terms,
    total: found.total,
    page: query.page ?? 1,
    pageSize,
    hits: found.hits.map((row) => ({
      sheetId: row.sheet_id,
      fiscalYear: row.fiscal_year,
      municipality: row.municipality,
      ward: row.ward,
      title: row.title,
      status: row.status,
      field: row.field,
      ...placeOf(row),
      evaluation: row.evaluation,
      snippet: snippet(row.text, terms),
    })),
    facets: { fiscalYears: found.fiscal_years, wards: found.wards, organizations: found.organizations },
  };
}
