import { formatFiscalYear, formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { SheetFile } from '../../../schemas/interchange';
import type { FieldIssue } from '../../../schemas/issues';
import type { SheetDetail } from '../../../schemas/sheet';

/**
 * The 実績 of the file that were not taken because their year has its own sheet (a result
 * belongs to its year; a closed year changes only by a correction): each listed by path, as a
 * warning of the preview and the result, where the file differs from the record.
 */
export function keptPastResults(sheetIndex: number, file: SheetFile, written: SheetDetail): FieldIssue[] {
  return file.goals.flatMap((goal, g) => {
    const writtenGoal = written.goals.find((w) => w.no === goal.no);
    return goal.indicators.flatMap((indicator, i) => {
      const shown = writtenGoal?.indicators[i]?.actuals ?? [];
      return Object.entries(indicator.actuals).flatMap(([year, cell]) => {
        const recorded = shown.find((a) => a.fiscalYear === Number(year));
        if (!recorded || (recorded.text ?? null) === (cell.text ?? null)) return [];
        const fy = Number(year);
        return [
          {
            path: `sheets[${sheetIndex}].goals[${g}].indicators[${i}].actuals.${year}`,
            message:
              `${formatFiscalYearShort(fy)}実績「${cell.text ?? ''}」は取り込みません。${formatFiscalYear(fy)}のシートの記録` +
              `「${recorded.text ?? '（なし）'}」のままです。誤りは「実績の訂正」から申請してください`,
          },
        ];
      });
    });
  });
}
