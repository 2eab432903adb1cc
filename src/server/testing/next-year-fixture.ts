import type { WardYearFile } from '../../schemas/interchange';
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
