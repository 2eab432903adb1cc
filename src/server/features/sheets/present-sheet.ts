import {
  defaultEvaluationRule,
  type EvaluationRule,
  suggestEvaluation,
} from '../../../domain/evaluation-rule';
import { actualYears } from '../../../domain/fiscal-year';
import type { SheetDetail, ValueCell } from '../../../schemas/sheet';
import { sheetHeader, sheetTitle } from '../../../schemas/sheet-header';
import type { WardRef } from '../organizations/find-ward';
import { type PlacedIndicator, type SheetRecord, storedValue, type ValueRow } from './load-sheets';

/** A sheet as the read API shows it. */
export function presentSheet(
  { sheet, goals }: SheetRecord,
  ward: Pick<WardRef, 'id' | 'name' | 'municipalityName'>,
  rule: EvaluationRule = defaultEvaluationRule,
  /** Goal texts of the 部区's own sheet of the year, by number. */
  wardGoals: ReadonlyMap<number, string> = new Map(),
): SheetDetail {
  const fy = sheet.fiscalYear;
  return {
    id: sheet.id,
    organizationId: sheet.organizationId,
    fiscalYear: fy,
    municipality: ward.municipalityName,
    ward: { id: ward.id, name: ward.name },
    ...sheetHeader(sheet),
    title: sheetTitle(sheet),
    version: sheet.version,
    goals: goals.map(({ goal, indicators }) => ({
      id: goal.id,
      no: goal.no,
      parentNo: goal.parentNo,
      parentGoalText: goal.parentNo === null ? null : (wardGoals.get(goal.parentNo) ?? null),
      text: goal.text,
      initiatives: goal.initiatives,
      indicators: indicators.map(({ placement, indicator, values, revisions, corrections }) => {
        const target = valueCell(storedValue(values, fy, 'target'));
        const result = valueCell(storedValue(values, fy, 'result'));
        const suggestion = suggestEvaluation(
          { direction: indicator.direction, target, result, milestoneDone: placement.milestoneDone },
          rule,
        );
        return {
          placementId: placement.id,
          indicatorId: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          actuals: actualYears(fy).map((year) => ({
            fiscalYear: year,
            ...valueCell(storedValue(values, year, 'result')),
          })),
          target,
          result,
          note: placement.note,
          achievement: placement.achievement,
          evaluation: placement.evaluation,
          evaluationReason: placement.evaluationReason,
          milestoneDone: placement.milestoneDone,
          suggestion: suggestion && { evaluation: suggestion.evaluation, basis: suggestion.basis },
          revisions: revisions.map(presentRevision),
          corrections: corrections.map((r) => ({
            fiscalYear: r.fiscalYear,
            from: r.fromText,
            to: r.toText,
            reason: r.reason,
            correctedOn: r.correctedOn ?? '',
          })),
        };
      }),
    })),
  };
}

function valueCell(row: ValueRow | null): ValueCell {
  return { text: row?.text ?? null, value: row?.value ?? null, breakdown: row?.breakdown ?? [] };
}

/** A target revision as the read API and the interchange file both write it: cells from → to. */
export function presentRevision(r: PlacedIndicator['revisions'][number]) {
  return {
    from: { text: r.fromText, value: r.fromValue },
    to: { text: r.toText, value: r.toValue },
    revisedOn: r.revisedOn,
    reason: r.reason,
  };
}
