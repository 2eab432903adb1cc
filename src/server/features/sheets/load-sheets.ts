import { type AnyColumn, and, asc, between, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedOnce } from '../../../db/prepared';
import type {
  goals,
  indicators,
  indicatorValues,
  placements,
  resultCorrections,
  sheets,
  targetRevisions,
} from '../../../db/schema';
import { actualYears } from '../../../domain/fiscal-year';
import type { SheetDocument } from '../../../domain/sheet-document';

export type SheetRow = typeof sheets.$inferSelect;
type GoalRow = typeof goals.$inferSelect;
type IndicatorRow = typeof indicators.$inferSelect;
type PlacementRow = typeof placements.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;
type RevisionRow = typeof targetRevisions.$inferSelect;
type CorrectionRow = typeof resultCorrections.$inferSelect;

/** An indicator as placed on a sheet, with what its editable document shows. */
interface PlacedContent {
  placement: PlacementRow;
  indicator: IndicatorRow;
  /** Every stored value of the indicator from three years before the sheet's year to its year. */
  values: ValueRow[];
}

/** A sheet's stored content: its goals and placed indicators with their values (what a save diffs). */
export interface SheetContent {
  sheet: SheetRow;
  goals: { goal: GoalRow; indicators: PlacedContent[] }[];
}

export interface PlacedIndicator extends PlacedContent {
  /** The approved target revisions of the sheet's year (the ledger printed on the sheet). */
  revisions: RevisionRow[];
  /** Approved corrections of its results from three years before the sheet's year to its year. */
  corrections: CorrectionRow[];
}

export interface SheetRecord extends SheetContent {
  goals: { goal: GoalRow; indicators: PlacedIndicator[] }[];
}

const sheetsPerRead = 20;

/**
 * Everything a sheet shows, for many sheets in one statement per 20 sheets (never one per row):
 * goals with their placed indicators, each series' values, approved revisions and corrections.
 * Sheets come back in the order of `sheetRows`. A few sheets at a time: PGlite reads a query's
 * whole answer in one go on the server's thread, and 150 sheets' values at once held it for
 * about 300 ms, when no other request was answered.
 */
export async function loadSheetRecords(db: Db | Tx, sheetRows: SheetRow[]): Promise<SheetRecord[]> {
  const records: SheetRecord[] = [];
  for (let start = 0; start < sheetRows.length; start += sheetsPerRead) {
    const batch = sheetRows.slice(start, start + sheetsPerRead);
    const goalsBySheet = await placedGoals(db, batch, { ledger: true });
    records.push(...batch.map((sheet) => ({ sheet, goals: goalsBySheet.get(sheet.id) ?? [] })));
  }
  return records;
}

/**
 * A sheet's stored content in one statement: what a save reads, inside the transaction that
 * holds the sheet, to diff the edited document against and to write only what changed.
 */
export async function loadSheetContent(db: Db | Tx, sheet: SheetRow): Promise<SheetContent> {
  return { sheet, goals: await loadContentGoals(db, sheet) };
}

/** The goals of `sheet` with their placed indicators and values (see `loadSheetContent`). */
export async function loadContentGoals(
  db: Db | Tx,
  sheet: { id: string; fiscalYear: number },
): Promise<SheetContent['goals']> {
  return (await placedGoals(db, [sheet], { ledger: false })).get(sheet.id) ?? [];
}

/**
 * The goals of the sheets `sheetIds` with their placed series and the values of years `from` to
 * `to`; with `ledger`, also the approved revisions and corrections of those years.
 */
function placedGoalsQuery(db: Db | Tx, ledger: boolean) {
  const inYears = (column: AnyColumn) => between(column, sql.placeholder('from'), sql.placeholder('to'));
  return db.query.goals
    .findMany({
      where: (g) => sql`${g.sheetId} = any(${sql.placeholder('sheetIds')})`,
      orderBy: (g) => [asc(g.sheetId), asc(g.no)],
      with: {
        placements: {
          orderBy: (p) => [asc(p.position)],
          with: {
            indicator: {
              with: {
                values: { where: (v) => inYears(v.fiscalYear) },
                revisions: {
                  where: (r) => (ledger ? and(eq(r.status, 'approved'), inYears(r.fiscalYear)) : sql`false`),
                  orderBy: (r) => [asc(r.revisedOn), asc(r.createdAt)],
                },
                corrections: {
                  where: (c) => (ledger ? and(eq(c.status, 'approved'), inYears(c.fiscalYear)) : sql`false`),
                  orderBy: (c) => [asc(c.decidedAt)],
                },
              },
            },
          },
        },
      },
    })
    .prepare('');
}
const goalsWithLedger = (db: Db | Tx) => placedGoalsQuery(db, true);
const goalsWithValues = (db: Db | Tx) => placedGoalsQuery(db, false);

/**
 * The goals of these sheets, by sheet and in number order, each with its placed indicators in
 * position order and what each series holds for the sheet's year and the three before it: one
 * statement (drizzle's relational query, which nests the rows as JSON). With `ledger`, also the
 * approved revisions and corrections the sheet prints; without (what a save diffs), none.
 */
async function placedGoals(
  db: Db | Tx,
  sheetRows: { id: string; fiscalYear: number }[],
  { ledger }: { ledger: boolean },
): Promise<Map<string, SheetRecord['goals']>> {
  if (sheetRows.length === 0) return new Map();
  const years = sheetRows.map((s) => s.fiscalYear);
  const rows = await preparedOnce(db, ledger ? goalsWithLedger : goalsWithValues).execute({
    sheetIds: [...new Set(sheetRows.map((s) => s.id))],
    from: Math.min(...years) - 3,
    to: Math.max(...years),
  });
  const yearOf = new Map(sheetRows.map((s) => [s.id, s.fiscalYear]));
  const bySheet = new Map<string, SheetRecord['goals']>();
  for (const { placements: placed, ...goal } of rows) {
    const fy = yearOf.get(goal.sheetId) ?? 0;
    const shown = (year: number) => year >= fy - 3 && year <= fy;
    let sheetGoals = bySheet.get(goal.sheetId);
    if (!sheetGoals) {
      sheetGoals = [];
      bySheet.set(goal.sheetId, sheetGoals);
    }
    sheetGoals.push({
      goal,
      indicators: placed.map(
        ({ indicator: { values, revisions, corrections, ...indicator }, ...placement }) => ({
          placement,
          indicator,
          values: values.filter((v) => shown(v.fiscalYear)),
          revisions: revisions.filter((r) => r.fiscalYear === fy),
          corrections: corrections.filter((c) => shown(c.fiscalYear)),
        }),
      ),
    });
  }
  return bySheet;
}

/** The editable document of a sheet's records: its header texts, goals and placed indicators. */
export function sheetDocumentOf({ sheet, goals }: SheetContent): SheetDocument {
  const fy = sheet.fiscalYear;
  const text = (values: ValueRow[], year: number, kind: ValueRow['kind']) =>
    storedValue(values, year, kind)?.text ?? null;
  return {
    phone: sheet.phone,
    purpose: sheet.purpose,
    approach: sheet.approach,
    outcome: sheet.outcome,
    goals: goals.map(({ goal, indicators }) => ({
      parentNo: goal.parentNo,
      text: goal.text,
      initiatives: goal.initiatives,
      indicators: indicators.map(({ placement, indicator, values }) => ({
        indicatorId: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        actuals: actualYears(fy).map((year) => ({ fiscalYear: year, text: text(values, year, 'result') })),
        target: { text: text(values, fy, 'target') },
        result: { text: text(values, fy, 'result') },
        note: placement.note,
        achievement: placement.achievement,
        evaluation: placement.evaluation,
        evaluationReason: placement.evaluationReason,
        milestoneDone: placement.milestoneDone,
      })),
    })),
  };
}

/** The stored value of one kind for one year, or null. */
export function storedValue(values: ValueRow[], fiscalYear: number, kind: ValueRow['kind']): ValueRow | null {
  return values.find((v) => v.fiscalYear === fiscalYear && v.kind === kind) ?? null;
}
