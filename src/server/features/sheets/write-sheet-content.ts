import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { goals, indicators, indicatorValues, placements, sheets } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import type { Direction, Evaluation } from '../../../domain/evaluation';
import { AppError } from '../../app-error';
import {
  deleteGoals,
  deletePlacements,
  type PlacementFields,
  type SeriesFields,
  sameGoal,
  samePlacement,
  sameSeries,
  updateGoals,
  updatePlacements,
  updateSeries,
} from './content-rows';
import { loadContentGoals, type SheetContent } from './load-sheets';

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
 * Make a sheet's goals, placements, series and yearly values what `content` says, writing only
 * what differs from what is stored: goals matched by number, placements by position, values by
 * series, year and kind; each kind of row in one statement. The one writer of sheet content,
 * for the editor and for imports; `stored` is the sheet's content when the caller has already
 * read it in this transaction (a save), else it is read here. Later sheets showing this year's
 * results in their 実績 columns are announced as changed too. Returns the series id of each
 * indicator, by goal and position.
 */
export async function writeSheetContent(
  tx: Tx,
  target: { sheetId: string; organizationId: string; fiscalYear: number },
  content: ContentGoal[],
  stored?: SheetContent['goals'],
): Promise<string[][]> {
  const { sheetId, organizationId, fiscalYear } = target;
  const before = stored ?? (await loadContentGoals(tx, { id: sheetId, fiscalYear }));
  const series = await resolveSeries(tx, organizationId, content, before);
  const goalIds = await writeGoals(tx, sheetId, content, before);
  await writePlacements(tx, content, before, goalIds, series);
  await writeValues(tx, fiscalYear, content, before, series);
  await notifySheetChanged(tx, [sheetId], { series: series.flat(), afterYear: fiscalYear });
  return series;
}

/** Goals matched by number: changed ones updated, missing ones inserted, dropped ones deleted. */
async function writeGoals(
  tx: Tx,
  sheetId: string,
  content: ContentGoal[],
  before: SheetContent['goals'],
): Promise<string[]> {
  const storedByNo = new Map(before.map((g) => [g.goal.no, g.goal]));
  const wanted = new Set(content.map((g) => g.no));
  await deleteGoals(
    tx,
    before.filter((g) => !wanted.has(g.goal.no)).map((g) => g.goal.id),
  );
  await updateGoals(
    tx,
    content.flatMap((g) => {
      const stored = storedByNo.get(g.no);
      return stored && !sameGoal(stored, g) ? [{ ...g, id: stored.id }] : [];
    }),
  );
  const added = content.filter((g) => !storedByNo.has(g.no));
  const inserted =
    added.length === 0
      ? []
      : await tx
          .insert(goals)
          .values(
            added.map((g) => ({
              sheetId,
              no: g.no,
              parentNo: g.parentNo,
              text: g.text,
              initiatives: g.initiatives,
            })),
          )
          .returning({ id: goals.id, no: goals.no });
  const insertedByNo = new Map(inserted.map((g) => [g.no, g.id]));
  return content.map((g) => storedByNo.get(g.no)?.id ?? insertedByNo.get(g.no) ?? '');
}

/** Placements matched by goal and position (a kept goal keeps its rows; a new goal has none). */
async function writePlacements(
  tx: Tx,
  content: ContentGoal[],
  before: SheetContent['goals'],
  goalIds: string[],
  series: string[][],
): Promise<void> {
  const storedByGoal = new Map(before.map((g) => [g.goal.id, g.indicators.map((i) => i.placement)]));
  const updates: (PlacementFields & { id: string })[] = [];
  const inserts: (typeof placements.$inferInsert)[] = [];
  const dropped: string[] = [];
  content.forEach((g, gi) => {
    const goalId = goalIds[gi] ?? '';
    const stored = storedByGoal.get(goalId) ?? [];
    g.indicators.forEach((ind, ii) => {
      const fields: PlacementFields = {
        indicatorId: series[gi]?.[ii] ?? '',
        note: ind.note,
        achievement: ind.achievement,
        evaluation: ind.evaluation,
        evaluationReason: ind.evaluationReason ?? null,
        milestoneDone: ind.milestoneDone ?? null,
      };
      const existing = stored.find((p) => p.position === ii);
      if (!existing) inserts.push({ ...fields, goalId, position: ii });
      else if (!samePlacement(existing, fields)) updates.push({ ...fields, id: existing.id });
    });
    dropped.push(...stored.filter((p) => p.position >= g.indicators.length).map((p) => p.id));
  });
  await deletePlacements(tx, dropped);
  await updatePlacements(tx, updates);
  if (inserts.length > 0) await tx.insert(placements).values(inserts);
}

/**
 * This year's target and result of each indicator, and earlier results given for years with no
 * sheet of their own: each written unless the same text, number and breakdown is stored.
 */
async function writeValues(
  tx: Tx,
  fiscalYear: number,
  content: ContentGoal[],
  before: SheetContent['goals'],
  series: string[][],
): Promise<void> {
  const stored = new Map(
    before
      .flatMap((g) => g.indicators.flatMap((i) => i.values))
      .map((v) => [`${v.indicatorId}:${v.fiscalYear}:${v.kind}`, v]),
  );
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
  const changed = values.filter((v) => {
    const was = stored.get(`${v.indicatorId}:${v.fiscalYear}:${v.kind}`);
    return (
      !was ||
      was.text !== v.text ||
      was.value !== v.value ||
      JSON.stringify(was.breakdown) !== JSON.stringify(v.breakdown)
    );
  });
  if (changed.length === 0) return;
  await tx
    .insert(indicatorValues)
    .values(changed)
    .onConflictDoUpdate({
      target: [indicatorValues.indicatorId, indicatorValues.fiscalYear, indicatorValues.kind],
      set: { text: sql`excluded.text`, value: sql`excluded.value`, breakdown: sql`excluded.breakdown` },
    });
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

/**
 * Existing series are checked to belong to the organization (those the sheet already places
 * are known to) and updated where their name, unit or direction differ; new ones created.
 */
async function resolveSeries(
  tx: Tx,
  organizationId: string,
  content: ContentGoal[],
  before: SheetContent['goals'],
): Promise<string[][]> {
  const claimed = content.flatMap((g) => g.indicators.flatMap((i) => (i.indicatorId ? [i.indicatorId] : [])));
  if (new Set(claimed).size !== claimed.length) {
    throw new AppError('invalid', '同じ指標がシートに二度含まれています。', [
      { path: 'goals', message: '指標が重複しています' },
    ]);
  }
  const placed = new Map(
    before
      .flatMap((g) => g.indicators.map((i) => i.indicator))
      .filter((i) => i.organizationId === organizationId)
      .map((i) => [i.id, i]),
  );
  const unknown = claimed.filter((id) => !placed.has(id));
  if (unknown.length > 0) {
    const owned = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(inArray(indicators.id, unknown), eq(indicators.organizationId, organizationId)));
    const ownedIds = new Set([...placed.keys(), ...owned.map((o) => o.id)]);
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
  const fieldsOf = (ind: ContentIndicator): SeriesFields => ({
    name: ind.name,
    unit: ind.unit,
    direction: ind.direction,
  });
  const all = content.flatMap((g) => g.indicators);
  await updateSeries(
    tx,
    all.flatMap((ind) => {
      if (!ind.indicatorId) return [];
      const stored = placed.get(ind.indicatorId);
      return stored && sameSeries(stored, fieldsOf(ind)) ? [] : [{ ...fieldsOf(ind), id: ind.indicatorId }];
    }),
  );
  const fresh = all.filter((ind) => !ind.indicatorId);
  const created =
    fresh.length === 0
      ? []
      : await tx
          .insert(indicators)
          .values(fresh.map((ind) => ({ organizationId, ...fieldsOf(ind) })))
          .returning({ id: indicators.id });
  if (created.length !== fresh.length) throw new Error('insert returned fewer rows');
  let next = 0;
  return content.map((g) => g.indicators.map((ind) => ind.indicatorId ?? created[next++]?.id ?? ''));
}
