import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { goals, indicators, indicatorValues, organizations, placements, sheets } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import { can } from '../../../domain/sheet-policy';
import type { IndicatorSeries } from '../../../schemas/indicator-series';
import { AppError } from '../../app-error';
import { subjectOf } from '../sheets/sheet-access';

/**
 * Every year of one indicator series, for its history chart. A year's target shows when the
 * actor may read that year's sheet; its result also when a later sheet that prints it as 実績
 * (up to three years on) is readable. Nothing of a sheet the actor may not read leaks.
 */
export async function indicatorSeries(
  db: Db,
  actor: Actor | null,
  indicatorId: string,
): Promise<IndicatorSeries> {
  const [indicator] = await db.select().from(indicators).where(eq(indicators.id, indicatorId));
  if (!indicator) throw new AppError('not_found', 'お探しの指標は見つかりませんでした。');
  const placed = await db
    .select({ sheet: sheets, municipalityId: organizations.municipalityId })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .innerJoin(sheets, eq(goals.sheetId, sheets.id))
    .innerJoin(organizations, eq(sheets.wardId, organizations.id))
    .where(eq(placements.indicatorId, indicatorId));
  const readableYears = new Set(
    placed
      .filter((p) => can(actor, 'read', subjectOf(p.sheet, p.municipalityId)))
      .map((p) => p.sheet.fiscalYear),
  );
  if (readableYears.size === 0) throw new AppError('not_found', 'お探しの指標は見つかりませんでした。');
  const values = await db
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId))
    .orderBy(asc(indicatorValues.fiscalYear));
  const shownAsActual = (year: number) => [1, 2, 3].some((d) => readableYears.has(year + d));
  const years = [...new Set(values.map((v) => v.fiscalYear))].sort((a, b) => a - b);
  const cell = (year: number, kind: 'target' | 'result') => {
    const v = values.find((x) => x.fiscalYear === year && x.kind === kind);
    return v && (v.text !== null || v.value !== null) ? { text: v.text, value: v.value } : null;
  };
  return {
    indicator: {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
    },
    points: years
      .map((year) => ({
        fiscalYear: year,
        target: readableYears.has(year) ? cell(year, 'target') : null,
        result: readableYears.has(year) || shownAsActual(year) ? cell(year, 'result') : null,
      }))
      .filter((p) => p.target !== null || p.result !== null),
  };
}
