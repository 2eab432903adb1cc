import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Evaluation } from '../../../domain/evaluation';
import { type Actor, roleReach } from '../../../domain/roles';
import { fold, searchTerms, snippet } from '../../../domain/search-text';
import { goalAnchor, indicatorAnchor, sheetAnchor } from '../../../domain/sheet-anchor';
import { sheetPolicy } from '../../../domain/sheet-policy';
import type { SheetStatus } from '../../../domain/sheet-status';
import { indicatorLabel } from '../../../domain/sheet-text';
import { type SearchAnswer, type SearchField, type SearchQuery, searchFields } from '../../../schemas/search';

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

/** A match's field is its number in the sheet's order (1-based) until the page is drawn. */
const fieldNo = (field: SearchField) => sql.raw(String(searchFields.indexOf(field) + 1));

/**
 * The text holds every term. A term of one or two characters is its own key, so the index has
 * said so already; a longer one is read in the text: as written first — a text that holds the
 * term as typed (ＩＣＴ) or folded (ict), or in lower case (ICT), needs no folding of its own,
 * which is most of the cost (NFKC over the whole text) — else folded.
 */
function confirmed(terms: string[], text: SQL) {
  const longer = terms.filter((term) => [...fold(term)].length > 2);
  if (longer.length === 0) return sql`true`;
  return sql.join(
    longer.map((term) => {
      const typed = fold(term) === term ? sql`` : sql`strpos(${text}, ${term}) > 0 OR `;
      return sql`(${typed}strpos(${text}, mokuhyo_fold(${term})) > 0 OR strpos(lower(${text}), mokuhyo_fold(${term})) > 0
        OR strpos(mokuhyo_fold(${text}), mokuhyo_fold(${term})) > 0)`;
    }),
    sql` AND `,
  );
}

/** The text, folded, holds every term: what the indexes find, read in the text itself. */
function holds(terms: string[], text: SQL) {
  return sql.join(
    terms.map((term) => sql`strpos(mokuhyo_fold(${text}), mokuhyo_fold(${term})) > 0`),
    sql` AND `,
  );
}

/**
 * A municipality's or 部区's sheets are read text by text, without the indexes, when they are
 * at most this many: one municipality of the 663-municipality size (144 sheets, ~4,800 texts)
 * is far cheaper to read than every municipality's matches, and a city's ten years (1,520
 * sheets) is far cheaper through the indexes.
 */
const scanLimit = 300;

/**
 * One statement: every searchable text that holds all the terms (each branch finds its
 * candidates through its n-gram index, migration 0014, and confirms them on the spot), of the
 * sheets the actor may read, narrowed by the filters — as ids and sort keys only; then their
 * number, the facets (from the distinct values), and one page of them in the sheet's order,
 * whose texts alone are read again for the snippets. Names sort by code point (COLLATE "C"):
 * the order of C.UTF-8, which both databases use, without the cost of a locale.
 */
function searchStatement(
  terms: string[],
  query: SearchQuery,
  actor: Actor | null,
  page: number,
  scoped: boolean,
) {
  // The terms' keys (migration 0014's mokuhyo_query_grams): an immutable function of constants,
  // worked out while the statement is planned, so each branch is planned on its index with the
  // keys themselves — and no statement of their own before this one.
  const grams = sql`(${sql.join(
    terms.map((term) => sql`mokuhyo_query_grams(${term})`),
    sql` || `,
  )})`;
  const filters = sql`
    ${query.fiscalYear === undefined ? sql`` : sql`AND s.fiscal_year = ${query.fiscalYear}`}
    ${query.ward === undefined ? sql`` : sql`AND w.name = ${query.ward}`}
    ${query.municipality === undefined ? sql`` : sql`AND m.name = ${query.municipality}`}
    ${query.organization === undefined ? sql`` : sql`AND coalesce(s.organization_name, s.department_name) = ${query.organization}`}`;
  // Through the n-gram indexes, or — `scoped`: a municipality's or 部区's few sheets named — by
  // reading the texts of those sheets alone: the indexes would hand over every match in every
  // municipality, to be thrown away but for the few here.
  const where = (text: SQL) =>
    scoped
      ? sql`${holds(terms, text)}`
      : sql`mokuhyo_search_grams(${text}) @> ${grams} AND ${confirmed(terms, text)}`;
  const sheets = scoped ? sql`scope s` : sql`sheets s`;
  const goals = scoped ? sql`scope s JOIN goals g ON g.sheet_id = s.id` : sql`goals g`;
  const placed = scoped
    ? sql`scope s JOIN goals g ON g.sheet_id = s.id JOIN placements p ON p.goal_id = g.id`
    : sql`placements p JOIN goals g ON g.id = p.goal_id`;
  const sheetText = (field: SearchField, column: 'purpose' | 'approach' | 'outcome') => sql`
    SELECT s.id AS sheet_id, ${fieldNo(field)}::int AS field_no, NULL::int AS goal_no, NULL::uuid AS goal_id,
      NULL::uuid AS placement_id, NULL::int AS placement_position, NULL::text AS evaluation
    FROM ${sheets} WHERE ${where(sql`s.${sql.raw(column)}`)}`;
  const placement = (field: SearchField, column: 'note' | 'achievement') => sql`
    SELECT g.sheet_id, ${fieldNo(field)}::int, g.no, g.id, p.id, p.position, p.evaluation
    FROM ${placed}
    WHERE ${where(sql`p.${sql.raw(column)}`)}`;
  const c = (name: string) => sql.raw(`${name} COLLATE "C"`);
  return sql`
    WITH ${
      scoped
        ? sql`scope AS MATERIALIZED (
      SELECT s.* FROM sheets s
      JOIN organizations w ON w.id = s.ward_id
      JOIN municipalities m ON m.id = w.municipality_id
      WHERE ${readable(actor)} ${filters}
    ),`
        : sql``
    }
    hit AS MATERIALIZED (
      ${sheetText('purpose', 'purpose')}
      UNION ALL
      SELECT g.sheet_id, ${fieldNo('goal')}::int, g.no, g.id, NULL, NULL, NULL
      FROM ${goals} WHERE ${where(sql`g.text`)}
      UNION ALL
      SELECT g.sheet_id, ${fieldNo('initiatives')}::int, g.no, g.id, NULL, NULL, NULL
      FROM ${goals} WHERE ${where(sql`mokuhyo_lines(g.initiatives)`)}
      UNION ALL
      SELECT g.sheet_id, ${fieldNo('indicator')}::int, g.no, g.id, p.id, p.position, p.evaluation
      FROM ${placed} JOIN indicators i ON i.id = p.indicator_id
      WHERE ${where(sql`i.name`)}
      UNION ALL
      ${placement('note', 'note')}
      UNION ALL
      ${placement('achievement', 'achievement')}
      UNION ALL
      ${sheetText('approach', 'approach')}
      UNION ALL
      ${sheetText('outcome', 'outcome')}
    ),
    sheet AS MATERIALIZED (
      SELECT s.id, s.status, s.fiscal_year, coalesce(s.organization_name, s.department_name) AS title,
        w.name AS ward, m.name AS municipality,
        row_number() OVER (ORDER BY s.fiscal_year DESC, ${c('m.name')}, ${c('w.name')}, s.position,
          ${c('s.department_name')}, ${c('s.organization_name')} NULLS FIRST, s.id) AS sheet_rank
      FROM sheets s
      JOIN organizations w ON w.id = s.ward_id
      JOIN municipalities m ON m.id = w.municipality_id
      WHERE s.id IN (SELECT sheet_id FROM hit) AND ${readable(actor)} ${filters}
    ),
    matched AS MATERIALIZED (
      SELECT hit.*, sheet.sheet_rank, sheet.status, sheet.fiscal_year, sheet.title, sheet.ward, sheet.municipality
      FROM hit JOIN sheet ON sheet.id = hit.sheet_id
      ${
        query.evaluation === undefined
          ? sql``
          : sql`WHERE hit.evaluation = ${query.evaluation} OR (hit.placement_id IS NULL AND EXISTS (
              SELECT 1 FROM placements p3 WHERE p3.goal_id = hit.goal_id AND p3.evaluation = ${query.evaluation}))`
      }
    ),
    ${
      query.evaluation === undefined
        ? sql`found AS (SELECT * FROM sheet),`
        : sql`found AS (SELECT * FROM sheet WHERE id IN (SELECT sheet_id FROM matched)),`
    }
    shown AS (
      SELECT * FROM matched
      ORDER BY sheet_rank, field_no, goal_no NULLS FIRST, placement_position NULLS FIRST
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    ),
    page AS (
      SELECT shown.sheet_id, (${`{${searchFields.join(',')}}`}::text[])[shown.field_no] AS field, shown.goal_no,
        shown.evaluation, shown.fiscal_year, shown.status, shown.title, shown.ward, shown.municipality,
        i.name AS indicator_name, i.unit AS indicator_unit,
        CASE shown.field_no
          WHEN ${fieldNo('purpose')} THEN st.purpose WHEN ${fieldNo('approach')} THEN st.approach
          WHEN ${fieldNo('outcome')} THEN st.outcome WHEN ${fieldNo('goal')} THEN g.text
          WHEN ${fieldNo('initiatives')} THEN mokuhyo_lines(g.initiatives) WHEN ${fieldNo('indicator')} THEN i.name
          WHEN ${fieldNo('note')} THEN p.note WHEN ${fieldNo('achievement')} THEN p.achievement
        END AS text,
        (SELECT count(*) FROM goals g2 WHERE g2.sheet_id = shown.sheet_id AND g2.no < shown.goal_no)::int AS goal_index,
        CASE WHEN shown.placement_id IS NOT NULL THEN (SELECT count(*) FROM placements p2
          WHERE p2.goal_id = shown.goal_id AND p2.position < shown.placement_position)::int END AS indicator_index,
        shown.sheet_rank, shown.field_no, shown.placement_position
      FROM shown
      JOIN sheets st ON st.id = shown.sheet_id
      LEFT JOIN goals g ON g.id = shown.goal_id
      LEFT JOIN placements p ON p.id = shown.placement_id
      LEFT JOIN indicators i ON i.id = p.indicator_id
    )
    SELECT
      (SELECT count(*)::int FROM matched) AS total,
      (SELECT coalesce(json_agg(fiscal_year ORDER BY fiscal_year DESC), '[]')
        FROM (SELECT DISTINCT fiscal_year FROM found) AS d) AS fiscal_years,
      (SELECT coalesce(json_agg(ward ORDER BY ward), '[]')
        FROM (SELECT DISTINCT ${c('ward')} AS ward FROM found) AS d) AS wards,
      (SELECT coalesce(json_agg(title ORDER BY title), '[]')
        FROM (SELECT DISTINCT ${c('title')} AS title FROM found) AS d) AS organizations,
      (SELECT coalesce(json_agg(row_to_json(page)
        ORDER BY sheet_rank, field_no, goal_no NULLS FIRST, placement_position NULLS FIRST), '[]') FROM page) AS hits`;
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
 * The statement of a search alone: the matches' number, facets and one page (see
 * `searchStatement`). The bench times this against the whole request.
 */
export async function findMatches(
  db: Db,
  actor: Actor | null,
  query: SearchQuery,
): Promise<Found & { terms: string[] }> {
  const terms = searchTerms(query.q);
  let scoped = false;
  if (query.municipality !== undefined || query.ward !== undefined) {
    const [scope] = (
      (await db.execute(sql`SELECT count(*)::int AS sheets FROM sheets s
        JOIN organizations w ON w.id = s.ward_id JOIN municipalities m ON m.id = w.municipality_id
        WHERE true
          ${query.municipality === undefined ? sql`` : sql`AND m.name = ${query.municipality}`}
          ${query.ward === undefined ? sql`` : sql`AND w.name = ${query.ward}`}
          ${query.fiscalYear === undefined ? sql`` : sql`AND s.fiscal_year = ${query.fiscalYear}`}`)) as unknown as {
        rows: { sheets: number }[];
      }
    ).rows;
    scoped = (scope?.sheets ?? 0) <= scanLimit;
  }
  // Both drivers answer a raw statement with its rows under `rows`.
  const [found] = (
    (await db.execute(searchStatement(terms, query, actor, query.page ?? 1, scoped))) as unknown as {
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
