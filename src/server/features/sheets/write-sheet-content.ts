import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { goals, indicators, indicatorValues, placements, sheets } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import type { Direction, Evaluation } from '../../../domain/evaluation';
import { AppError } from '../../app-error';
import { sheetsShowing } from './sheets-showing';

interface ContentCell {
  text: string | null;
  value: number | null;
}

interface ContentIndicator {
  /** The series it continues (must belong to the organization), or null for a new one. */
  indicatorId: string | null;
  /**
   * Results of earlier years, written only for a year with no sheet of its own showing the
   * series (a year before the system): a result belongs to its year's sheet, and once that
   * year is closed it changes only by a correction.
   */
  name: string;
  unit: string | null;
  direction: Direction;
  actuals: (ContentCell & { fiscalYear: number })[];
  target: ContentCell;
  result: ContentCell;
  note: string | null;
  achievement: string | null;
  evaluation: Evaluation | null;
  evaluationReason?: string | null | undefined;
  milestoneDone?: boolean | null | undefined;
}

export interface ContentGoal {
  no: number;
  parentNo: number | null;
  text: string;
  initiatives: string[];
  indicators: ContentIndicator[];
}

/**
 * Replace a sheet's goals and placements with `content`, and write its indicators' series and
 * yearly values. The one writer of sheet content, for the editor and for imports. Later
 * sheets showing this year's results in their 実績 columns are announced as changed too.
 * Returns the series id of each indicator, by goal and position.
 */
export async function writeSheetContent(
  tx: Tx,
  target: { sheetId: string; organizationId: string; fiscalYear: number },
  content: ContentGoal[],
): Promise<string[][]> {
  const { sheetId, organizationId, fiscalYear } = target;
  const series = await resolveSeries(tx, organizationId, content);
  await tx.delete(goals).where(eq(goals.sheetId, sheetId));
  if (content.length === 0) return series;

  const goalRows = await tx
    .insert(goals)
    .values(
      content.map((g) => ({
        sheetId,
        no: g.no,
        parentNo: g.parentNo,
        text: g.text,
        initiatives: g.initiatives,
      })),
    )
    .returning({ id: goals.id });
  const placementRows = content.flatMap((g, gi) =>
    g.indicators.map((ind, ii) => ({
      goalId: goalRows[gi]?.id ?? '',
      indicatorId: series[gi]?.[ii] ?? '',
      position: ii,
      note: ind.note,
      achievement: ind.achievement,
      evaluation: ind.evaluation,
      evaluationReason: ind.evaluationReason ?? null,
      milestoneDone: ind.milestoneDone ?? null,
    })),
  );
  if (placementRows.length > 0) await tx.insert(placements).values(placementRows);

  const kept = await yearsWithTheirOwnSheet(tx, series.flat(), content);
  const values = content.flatMap((g, gi) =>
    g.indicators.flatMap((ind, ii) => {
      const indicatorId = series[gi]?.[ii] ?? '';
      return [
        valueRow(indicatorId, fiscalYear, 'target', ind.target),
        valueRow(indicatorId, fiscalYear, 'result', ind.result),
        ...ind.actuals
          .filter((a) => !kept.has(`${indicatorId}:${a.fiscalYear}`))
          .map((a) => valueRow(indicatorId, a.fiscalYear, 'result', a)),
      ];
    }),
  );
  if (values.length > 0) {
    await tx
      .insert(indicatorValues)
      .values(values)
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.fiscalYear, indicatorValues.kind],
        set: { text: sql`excluded.text`, value: sql`excluded.value`, breakdown: sql`excluded.breakdown` },
      });
  }
  await notifySheetChanged(tx, [sheetId, ...(await sheetsShowing(tx, series.flat(), fiscalYear))]);
  return series;
}

/** `indicatorId:year` of each earlier-year result given whose year has a sheet showing the series. */
async function yearsWithTheirOwnSheet(
  tx: Tx,
  seriesIds: string[],
  content: { indicators: { actuals: { fiscalYear: number }[] }[] }[],
): Promise<Set<string>> {
  const years = [
    ...new Set(content.flatMap((g) => g.indicators.flatMap((i) => i.actuals.map((a) => a.fiscalYear)))),
  ];
  if (seriesIds.length === 0 || years.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ indicatorId: placements.indicatorId, fiscalYear: sheets.fiscalYear })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .innerJoin(sheets, eq(goals.sheetId, sheets.id))
    .where(and(inArray(placements.indicatorId, seriesIds), inArray(sheets.fiscalYear, years)));
  return new Set(rows.map((r) => `${r.indicatorId}:${r.fiscalYear}`));
}

function valueRow(indicatorId: string, fiscalYear: number, kind: 'target' | 'result', cell: ContentCell) {
  return {
    indicatorId,
    fiscalYear,
    kind,
    text: cell.text,
    value: cell.value,
    breakdown: parseCell(cell.text).breakdown,
  };
}

/** Existing series are checked to belong to the organization and updated; new ones created. */
async function resolveSeries(tx: Tx, organizationId: string, content: ContentGoal[]): Promise<string[][]> {
  const claimed = content.flatMap((g) => g.indicators.flatMap((i) => (i.indicatorId ? [i.indicatorId] : [])));
  if (new Set(claimed).size !== claimed.length) {
    throw new AppError('invalid', '同じ指標がシートに二度含まれています。', [
      { path: 'goals', message: '指標が重複しています' },
    ]);
  }
  if (claimed.length > 0) {
    const owned = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(inArray(indicators.id, claimed), eq(indicators.organizationId, organizationId)));
    const ownedIds = new Set(owned.map((o) => o.id));
    const issues = content.flatMap((g, gi) =>
      g.indicators.flatMap((ind, ii) =>
        ind.indicatorId && !ownedIds.has(ind.indicatorId)
          ? [{ path: `goals[${gi}].indicators[${ii}].indicatorId`, message: 'この組織の指標ではありません' }]
          : [],
      ),
    );
    if (issues.length > 0)
      throw new AppError('invalid', 'この組織のものではない指標が含まれています。', issues);
  }
  const result: string[][] = [];
  for (const goal of content) {
    const ids: string[] = [];
    for (const ind of goal.indicators) {
      const fields = { name: ind.name, unit: ind.unit, direction: ind.direction };
      if (ind.indicatorId) {
        await tx.update(indicators).set(fields).where(eq(indicators.id, ind.indicatorId));
        ids.push(ind.indicatorId);
      } else {
        const [row] = await tx
          .insert(indicators)
          .values({ organizationId, ...fields })
          .returning({ id: indicators.id });
        if (!row) throw new Error('insert returned no row');
        ids.push(row.id);
      }
    }
    result.push(ids);
  }
  return result;
}
