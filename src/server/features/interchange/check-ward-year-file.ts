import { actualYears } from '../../../domain/fiscal-year';
import type { WardYearFile } from '../../../schemas/interchange';
import type { FieldIssue } from '../../../schemas/issues';
import { fileSheetTitle } from '../../../schemas/sheet-header';

/**
 * Rules a well-formed file must also follow, beyond the shape of each field: one sheet per
 * organization, goal numbers unique, 実績 only for the three previous years, dates in order.
 */
export function checkWardYearFile(file: WardYearFile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const years = new Set(actualYears(file.fiscalYear).map(String));
  const seenUnits = new Map<string, number>();
  file.sheets.forEach((sheet, s) => {
    const key = `${sheet.department}\u0000${sheet.organization ?? ''}`;
    const earlier = seenUnits.get(key);
    if (earlier !== undefined) {
      issues.push({
        path: `sheets[${s}].organization`,
        message: `「${fileSheetTitle(sheet)}」のシートが sheets[${earlier}] と重複しています`,
      });
    }
    seenUnits.set(key, s);
    const dates: [string, string | null][] = [
      ['createdOn', sheet.createdOn],
      ['revisedOn', sheet.revisedOn],
      ['evaluatedOn', sheet.evaluatedOn],
    ];
    const labels: Record<string, string> = {
      createdOn: '作成日',
      revisedOn: '修正日',
      evaluatedOn: '評価日',
    };
    let latest: [string, string] | null = null;
    for (const [field, date] of dates) {
      if (!date) continue;
      if (latest && date < latest[1]) {
        issues.push({
          path: `sheets[${s}].${field}`,
          message: `${labels[field]}（${date}）が${labels[latest[0]]}（${latest[1]}）より前になっています`,
        });
      }
      latest = [field, date];
    }
    const seenNos = new Set<number>();
    sheet.goals.forEach((goal, g) => {
      if (seenNos.has(goal.no)) {
        issues.push({ path: `sheets[${s}].goals[${g}].no`, message: `目標番号 ${goal.no} が重複しています` });
      }
      seenNos.add(goal.no);
      goal.indicators.forEach((indicator, i) => {
        for (const year of Object.keys(indicator.actuals)) {
          if (!years.has(year)) {
            issues.push({
              path: `sheets[${s}].goals[${g}].indicators[${i}].actuals.${year}`,
              message: `実績は${[...years].join('・')}年度のものだけを指定できます（${year}年度は対象外です）`,
            });
          }
        }
      });
    });
  });
  return issues;
}
