import sample from '../db/seed/niigata-kita-2022.json';
import { createTestDatabase } from '../db/testing';
import type { SheetDetail, WardYearSheets } from '../schemas/sheet';
import { importWardYear } from '../server/features/interchange/import-ward-year';
import { getSheet } from '../server/features/sheets/get-sheet';
import { listWardSheets } from '../server/features/sheets/list-ward-sheets';

/** For tests: the sample 北区 令和4年度 as the read API returns it. */
export interface SampleWardYear {
  input: { municipality: string; ward: string; fiscalYear: number; sheets: SheetDetail[] };
  /** The list the public sees, with its counts. */
  list: WardYearSheets;
}

export async function loadSampleWardYear(): Promise<SampleWardYear> {
  const database = await createTestDatabase();
  try {
    await importWardYear(database.db, sample);
    const list = await listWardSheets(database.db, { ward: '北区', fiscalYear: 2022, actor: null });
    const sheets: SheetDetail[] = [];
    for (const summary of list.sheets) sheets.push(await getSheet(database.db, { id: summary.id }));
    return {
      input: { municipality: list.ward.municipality, ward: list.ward.name, fiscalYear: 2022, sheets },
      list,
    };
  } finally {
    await database.close();
  }
}

/** Every indicator of the sheets, with its goal and sheet. */
export function allIndicators(sheets: SheetDetail[]) {
  return sheets.flatMap((sheet) =>
    sheet.goals.flatMap((goal) => goal.indicators.map((indicator) => ({ sheet, goal, indicator }))),
  );
}
