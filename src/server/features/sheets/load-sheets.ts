import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import {
  goals,
  indicators,
  indicatorValues,
  placements,
  resultCorrections,
  type sheets,
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
 * Everything a sheet shows, for many sheets in four queries per 20 sheets (never one per row):
 * goals with their placed indicators, values, revisions, corrections. Sheets come back in the
 * order of `sheetRows`. A few sheets at a time: PGlite reads a query's whole answer in one go on
 * the server's thread, and 150 sheets' values at once held it for about 300 ms, when no other
 * request was answered.
 */
export async function loadSheetRecords(db: Db | Tx, sheetRows: SheetRow[]): Promise<SheetRecord[]> {
  const records: SheetRecord[] = [];
  for (let start = 0; start < sheetRows.length; start += sheetsPerRead) {
    records.push(...(await readSheetRecords(db, sheetRows.slice(start, start + sheetsPerRead))));
  }
  return records;
}

async function readSheetRecords(db: Db | Tx, sheetRows: SheetRow[]): Promise<SheetRecord[]> {
  if (sheetRows.length === 0) return [];
  const goalsBySheet = await placedGoals(
    db,
    sheetRows.map((s) => s.id),
  );
  const indicatorIds = [
    ...new Set([...goalsBySheet.values()].flat().flatMap((g) => g.indicators.map((p) => p.indicator.id))),
  ];
  const years = sheetRows.map((s) => s.fiscalYear);
  // One query after another: in a transaction they share one connection, where pg 9 refuses a queue.
  const none = indicatorIds.length === 0;
  const valueRows = await valuesOf(db, indicatorIds, Math.min(...years) - 3, Math.max(...years));
  const revisionRows = none
    ? []
    : await db
        .select()
        .from(targetRevisions)
        .where(
          and(inArray(targetRevisions.indicatorId, indicatorIds), eq(targetRevisions.status, 'approved')),
        )
        .orderBy(asc(targetRevisions.revisedOn), asc(targetRevisions.createdAt));
  const correctionRows = none
    ? []
    : await db
        .select()
        .from(resultCorrections)
        .where(
          and(
            inArray(resultCorrections.indicatorId, indicatorIds),
            eq(resultCorrections.status, 'approved'),
            between(resultCorrections.fiscalYear, Math.min(...years) - 3, Math.max(...years)),
          ),
        )
        .orderBy(asc(resultCorrections.decidedAt));

  const valuesByIndicator = groupBy(valueRows, (v) => v.indicatorId);
  const revisionsByIndicator = groupBy(revisionRows, (r) => r.indicatorId);
  const correctionsByIndicator = groupBy(correctionRows, (r) => r.indicatorId);

  return sheetRows.map((sheet) => {
    const fy = sheet.fiscalYear;
    return {
      sheet,
      goals: (goalsBySheet.get(sheet.id) ?? []).map(({ goal, indicators }) => ({
        goal,
        indicators: indicators.map(({ placement, indicator }) => ({
          placement,
          indicator,
          values: (valuesByIndicator.get(indicator.id) ?? []).filter(
            (v) => v.fiscalYear >= fy - 3 && v.fiscalYear <= fy,
          ),
          revisions: (revisionsByIndicator.get(indicator.id) ?? []).filter((r) => r.fiscalYear === fy),
          corrections: (correctionsByIndicator.get(indicator.id) ?? []).filter(
            (r) => r.fiscalYear >= fy - 3 && r.fiscalYear <= fy,
          ),
        })),
      })),
    };
  });
}

type PlacedGoal = { goal: GoalRow; indicators: { placement: PlacementRow; indicator: IndicatorRow }[] };

/**
 * The goals of these sheets, by sheet and in number order, each with its placed indicators in
 * position order: one statement (goals joined to their placements and series).
 */
async function placedGoals(db: Db | Tx, sheetIds: string[]): Promise<Map<string, PlacedGoal[]>> {
  const rows = await db
    .select({ goal: goals, placement: placements, indicator: indicators })
    .from(goals)
    .leftJoin(placements, eq(placements.goalId, goals.id))
    .leftJoin(indicators, eq(placements.indicatorId, indicators.id))
    .where(inArray(goals.sheetId, sheetIds))
    .orderBy(asc(goals.sheetId), asc(goals.no), asc(placements.position));
  const bySheet = new Map<string, PlacedGoal[]>();
  for (const { goal, placement, indicator } of rows) {
    let sheetGoals = bySheet.get(goal.sheetId);
    if (!sheetGoals) {
      sheetGoals = [];
      bySheet.set(goal.sheetId, sheetGoals);
    }
    let last = sheetGoals.at(-1);
    if (last?.goal.id !== goal.id) {
      last = { goal, indicators: [] };
      sheetGoals.push(last);
    }
    if (placement && indicator) last.indicators.push({ placement, indicator });
  }
  return bySheet;
}

/** The values of these indicators from `from` to `to` (fiscal years, inclusive); none asks nothing. */
async function valuesOf(db: Db | Tx, indicatorIds: string[], from: number, to: number): Promise<ValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(indicatorValues)
    .where(
      and(inArray(indicatorValues.indicatorId, indicatorIds), between(indicatorValues.fiscalYear, from, to)),
    );
}

/**
 * A sheet's stored content in two statements (goals with their placed indicators, then their
 * values): what a save reads, inside the transaction that holds the sheet, to diff the edited
 * document against and to write only what changed.
 */
export async function loadSheetContent(db: Db | Tx, sheet: SheetRow): Promise<SheetContent> {
  return { sheet, goals: await loadContentGoals(db, sheet) };
}

/** The goals of `sheet` with their placed indicators and values (see `loadSheetContent`). */
export async function loadContentGoals(
  db: Db | Tx,
  sheet: { id: string; fiscalYear: number },
): Promise<SheetContent['goals']> {
  const sheetGoals = (await placedGoals(db, [sheet.id])).get(sheet.id) ?? [];
  const indicatorIds = [...new Set(sheetGoals.flatMap((g) => g.indicators.map((p) => p.indicator.id)))];
  const valuesByIndicator = groupBy(
    await valuesOf(db, indicatorIds, sheet.fiscalYear - 3, sheet.fiscalYear),
    (v) => v.indicatorId,
  );
  return sheetGoals.map(({ goal, indicators }) => ({
    goal,
    indicators: indicators.map(({ placement, indicator }) => ({
      placement,
      indicator,
      values: valuesByIndicator.get(indicator.id) ?? [],
    })),
  }));
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

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** The stored value of one kind for one year, or null. */
export function storedValue(values: ValueRow[], fiscalYear: number, kind: ValueRow['kind']): ValueRow | null {
  return values.find((v) => v.fiscalYear === fiscalYear && v.kind === kind) ?? null;
}
