import type { Db } from '../../../db/client';
import type { Actor } from '../../../domain/roles';
import type { WardYearOverview } from '../../../schemas/overview';
import type { SheetDetail } from '../../../schemas/sheet';
import { findWard, type WardRef } from '../organizations/find-ward';
import { readableWardYearDetails } from '../sheets/load-ward-year';
import { readableYearMixes } from './year-mixes';

/** A sheet's goals as the overview shows them: each indicator's years, target, result and 評価. */
function goalsOf(sheet: SheetDetail): WardYearOverview['sheets'][number] {
  return {
    id: sheet.id,
    goals: sheet.goals.map((goal) => ({
      id: goal.id,
      no: goal.no,
      parentNo: goal.parentNo,
      text: goal.text,
      indicators: goal.indicators.map((indicator) => ({
        placementId: indicator.placementId,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        actuals: indicator.actuals,
        target: indicator.target,
        result: indicator.result,
        evaluation: indicator.evaluation,
      })),
    })),
  };
}

/**
 * What a 部区's year looks like at a glance, beyond its list: every readable sheet's goals with
 * their indicators (the public reads the sheets as published), and the year before's mix.
 */
export async function wardYearOverview(
  db: Db,
  options: { actor: Actor | null; ward: string; municipality?: string | undefined; fiscalYear: number },
): Promise<{ ward: WardRef; overview: WardYearOverview }> {
  const ward = await findWard(db, options);
  const [sheets, before] = await Promise.all([
    readableWardYearDetails(db, ward, options),
    readableYearMixes(db, [ward], options.fiscalYear - 1, options.actor),
  ]);
  const overview = {
    fiscalYear: options.fiscalYear,
    sheets: sheets.map(goalsOf),
    previous: before.get(ward.id) ?? null,
  };
  return { ward, overview };
}
