import type { SheetFile, WardYearFile } from '../../schemas/interchange';
import { fileSheetTitle } from '../../schemas/sheet-header';
import { sampleFile, sheetFileTitled } from './finders';

/**
 * The sample moved to 令和5年度, as a city would stand in its evaluation season: every sheet
 * published except 地域総務課 (承認済み, results not yet entered) and 健康福祉課 (下書き).
 * The R2–R4実績 come from the sample's R2, R3 and its R4結果.
 */
export function nextYearFixture(): WardYearFile {
  const file = sampleFile();
  file.fiscalYear = 2023;
  file.source = 'テスト用に令和4年度のサンプルから作成';
  file.uncertain = [];
  for (const sheet of file.sheets) {
    sheet.status = 'published';
    sheet.createdOn = '2023-04-01';
    sheet.revisedOn = null;
    sheet.evaluatedOn = null;
    for (const ind of sheet.goals.flatMap((g) => g.indicators)) {
      const none = { text: null, value: null };
      ind.actuals = {
        '2020': ind.actuals['2020'] ?? none,
        '2021': ind.actuals['2021'] ?? none,
        '2022': ind.result,
      };
    }
  }
  for (const [title, status] of [
    ['地域総務課', 'approved'],
    ['健康福祉課', 'draft'],
  ] as const) {
    const sheet = sheetFileTitled(file, title);
    sheet.status = status;
    sheet.outcome = null;
    for (const ind of sheet.goals.flatMap((g) => g.indicators)) {
      ind.result = { text: null, value: null };
      ind.achievement = null;
      ind.evaluation = null;
    }
  }
  return file;
}

/**
 * The sample as an earlier year's file, for a journey that needs a year of its own on a shared
 * server: each sheet in the state `statusOf` gives it (by its title), each indicator's result
 * that year's 実績 of its series as the 2022 sheets show it — so nothing those sheets show
 * changes — and no target or earlier 実績.
 */
export function pastYearFixture(
  fiscalYear: number,
  statusOf: (title: string, sheet: SheetFile) => SheetFile['status'],
): WardYearFile {
  const file = sampleFile();
  file.fiscalYear = fiscalYear;
  file.sheets = file.sheets.map((sheet) => ({
    ...sheet,
    status: statusOf(fileSheetTitle(sheet), sheet),
    goals: sheet.goals.map((goal) => ({
      ...goal,
      indicators: goal.indicators.map((ind) => ({
        ...ind,
        actuals: {},
        target: { text: null, value: null },
        result: ind.actuals[String(fiscalYear)] ?? { text: null, value: null },
      })),
    })),
  }));
  return file;
}

/** 令和5年度's deadlines as the 企画担当 of 北区 sets them: 作成 4/28, 修正 10/31, 評価 3/29. */
export const nextYearDeadlines = {
  ward: '北区',
  fiscalYear: 2023,
  deadlines: { plan: '2023-04-28', revision: '2023-10-31', evaluation: '2024-03-29' },
};
