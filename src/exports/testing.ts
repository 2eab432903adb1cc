import { loadSampleIfEmpty } from '../db/seed/load-sample';
import { createTestDatabase } from '../db/testing';
import type { SheetDetail, WardYearSheets } from '../schemas/sheet';
import { loadSheetDetail } from '../server/features/sheets/get-sheet';
import { listWardSheets } from '../server/features/sheets/list-ward-sheets';
import { sheetTitled } from '../server/testing/finders';

/** For tests: the sample 北区 令和4年度 as the read API returns it. */
export interface SampleWardYear {
  input: { municipality: string; ward: string; fiscalYear: number; sheets: SheetDetail[] };
  /** The list the public sees, with its counts. */
  list: WardYearSheets;
}

export async function loadSampleWardYear(): Promise<SampleWardYear> {
  const database = await createTestDatabase();
  try {
    await loadSampleIfEmpty(database.db);
    const list = await listWardSheets(database.db, { ward: '北区', fiscalYear: 2022, actor: null });
    const sheets: SheetDetail[] = [];
    for (const summary of list.sheets) sheets.push(await loadSheetDetail(database.db, summary.id));
    return {
      input: { municipality: list.ward.municipality, ward: list.ward.name, fiscalYear: 2022, sheets },
      list,
    };
  } finally {
    await database.close();
  }
}

/** A copy, free to edit, of the sample's sheet titled `title` (地域総務課, 北区郷土博物館 …). */
export function sampleSheetTitled(sample: SampleWardYear, title: string): SheetDetail {
  return structuredClone(sheetTitled(sample.input.sheets, title));
}

/** Every indicator of the sheets, with its goal and sheet. */
export function allIndicators(sheets: SheetDetail[]) {
  return sheets.flatMap((sheet) =>
    sheet.goals.flatMap((goal) => goal.indicators.map((indicator) => ({ sheet, goal, indicator }))),
  );
}

/** A strict RFC 4180 reader: CRLF between records, bare CR or LF only inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === '') {
      const end = readQuoted(text, i + 1);
      field = end.value;
      i = end.next;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r')
        throw new Error(`text after a quote at ${i}`);
      continue;
    }
    if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (char === '\r' || char === '\n' || char === '"') {
      throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
    }
    i++;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

function readQuoted(text: string, start: number): { value: string; next: number } {
  let value = '';
  let i = start;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new Error('unterminated quote');
    value += text.slice(i, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      i = quote + 2;
    } else {
      return { value, next: quote + 1 };
    }
  }
}
