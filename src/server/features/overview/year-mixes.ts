import type { Db } from '../../../db/client';
import { type EvaluationMix, emptyMix, sumMixes } from '../../../domain/evaluation-mix';
import type { Actor } from '../../../domain/roles';
import { can } from '../../../domain/sheet-policy';
import type { WardRef } from '../organizations/find-ward';
import { loadSheetRows, type SheetRow } from '../sheets/list-ward-sheets';

export interface YearMix {
  fiscalYear: number;
  sheetCount: number;
  evaluations: EvaluationMix;
}

const mixOfRow = (row: SheetRow): EvaluationMix => ({
  達成: row.achieved,
  一部未達成: row.partly,
  未達成: row.notAchieved,
  未評価: row.unevaluated,
});

/**
 * Per 部区 of one municipality, the sheets of a year the actor may read and their indicators'
 * 評価 — the same rows and counts as the 部区's year list (`loadSheetRows`), so an overview
 * never disagrees with the list. A 部区 with no readable sheet is left out.
 */
export async function readableYearMixes(
  db: Db,
  wards: readonly WardRef[],
  fiscalYear: number,
  actor: Actor | null,
): Promise<Map<string, YearMix>> {
  const mixes = new Map<string, YearMix>();
  if (wards.length === 0) return mixes;
  const municipalityOf = new Map(wards.map((ward) => [ward.id, ward.municipalityId]));
  const rows = await loadSheetRows(
    db,
    wards.map((ward) => ward.id),
    fiscalYear,
  );
  for (const row of rows) {
    const municipalityId = municipalityOf.get(row.wardId) ?? '';
    if (!can(actor, 'read', { ...row, municipalityId })) continue;
    const mix = mixes.get(row.wardId) ?? { fiscalYear, sheetCount: 0, evaluations: emptyMix() };
    mix.sheetCount += 1;
    mix.evaluations = sumMixes([mix.evaluations, mixOfRow(row)]);
    mixes.set(row.wardId, mix);
  }
  return mixes;
}

/** Several 部区's mixes of one year as one; null when none had a readable sheet. */
export function combinedMix(fiscalYear: number, mixes: Iterable<YearMix>): YearMix | null {
  const list = [...mixes];
  if (list.length === 0) return null;
  return {
    fiscalYear,
    sheetCount: list.reduce((n, mix) => n + mix.sheetCount, 0),
    evaluations: sumMixes(list.map((mix) => mix.evaluations)),
  };
}
