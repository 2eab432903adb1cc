import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import { diffSheetHeader, diffSheets, type SheetChange } from '../../../domain/sheet-diff';
import type { SheetDetail, SheetIndicator } from '../../../schemas/sheet';
import { toSheetDocument } from '../../../schemas/sheet-edit';

/**
 * Every difference an import makes to a sheet, as the history shows it: the content (the same
 * diffSheets as an edit), plus what only a file carries — printed names, dates and state, goal
 * numbers, the numbers read from the value cells, and the target revisions. No change at all
 * means the sheet is left as it is.
 */
export function diffImportedSheet(before: SheetDetail, after: SheetDetail): SheetChange[] {
  const fy = after.fiscalYear;
  const changes = [
    ...diffSheetHeader(before, after),
    ...diffSheets(toSheetDocument(before), toSheetDocument(after), fy),
  ];
  const beforeIndicators = new Map<string, SheetIndicator>();
  for (const goal of before.goals)
    for (const ind of goal.indicators) beforeIndicators.set(ind.indicatorId, ind);
  after.goals.forEach((goal, gi) => {
    const previousGoal = before.goals[gi];
    if (previousGoal && previousGoal.no !== goal.no) {
      changes.push(change(`goals[${gi}].no`, `目標${gi + 1} › No.`, previousGoal.no, goal.no));
    }
    goal.indicators.forEach((ind, ii) => {
      const previous = beforeIndicators.get(ind.indicatorId);
      if (!previous) return;
      const path = `goals[${gi}].indicators[${ii}]`;
      const label = `目標${gi + 1} › 指標「${ind.name}」`;
      const short = formatFiscalYearShort(fy);
      // The number read from a cell shows only when its text stayed the same (else the text says it).
      type Cell = { text: string | null; value: number | null };
      const cells: [string, string, Cell | undefined, Cell][] = [
        ...ind.actuals.map((a): [string, string, Cell | undefined, Cell] => [
          `actuals.${a.fiscalYear}`,
          `${formatFiscalYearShort(a.fiscalYear)}実績`,
          previous.actuals.find((p) => p.fiscalYear === a.fiscalYear),
          a,
        ]),
        ['target', `${short}目標`, previous.target, ind.target],
        ['result', `${short}結果`, previous.result, ind.result],
      ];
      for (const [field, name, b, a] of cells) {
        if ((b?.text ?? null) === a.text && (b?.value ?? null) !== a.value) {
          changes.push(change(`${path}.${field}.value`, `${label} › ${name}（数値）`, b?.value, a.value));
        }
      }
      const revisions = (i: SheetIndicator) =>
        i.revisions
          .map((r) => `${r.from.text ?? ''} → ${r.to.text ?? ''}（${r.revisedOn}）${r.reason}`)
          .join('\n');
      const [rb, ra] = [revisions(previous), revisions(ind)];
      if (rb !== ra) changes.push(change(`${path}.revisions`, `${label} › 目標の修正`, rb, ra));
    });
  });
  return changes;
}

function change(path: string, label: string, before: unknown, after: unknown): SheetChange {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return { path, label, before: show(before), after: show(after), part: 'any' };
}
