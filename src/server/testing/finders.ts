import sample from '../../db/seed/niigata-kita-2022.json';
import type { SheetFile, WardYearFile } from '../../schemas/interchange';
import { type SheetDetail, sheetDetailSchema, wardYearSheetsSchema } from '../../schemas/sheet';
import { fileSheetTitle } from '../../schemas/sheet-header';

/**
 * Fixtures by what they are, not where they sit: a test names the sheet (by its organization),
 * the goal (by its number) or the indicator (by its name) it needs, so reordering the sample
 * or adding to it never silently points a test at something else. Each finder throws, naming
 * what it looked for, when there is none or more than one.
 */

/** A copy of the Niigata Kita sample (令和4年度, 北区) as an interchange file, free to edit. */
export function sampleFile(): WardYearFile {
  return structuredClone(sample) as WardYearFile;
}

function only<T>(found: T[], what: string): T {
  const [first, second] = found;
  if (first === undefined) throw new Error(`no ${what}`);
  if (second !== undefined) throw new Error(`more than one ${what}`);
  return first;
}

/** The sheet of an interchange file titled `title` (its organization, else its department). */
export function sheetFileTitled(file: Pick<WardYearFile, 'sheets'>, title: string): SheetFile {
  return only(
    file.sheets.filter((sheet) => fileSheetTitle(sheet) === title),
    `sheet titled ${title}`,
  );
}

/** The sheet titled `title` of a list of sheets: the ward year's list, the sample's details. */
export function sheetTitled<S extends { title: string }>(sheets: S[], title: string): S {
  return only(
    sheets.filter((sheet) => sheet.title === title),
    `sheet titled ${title}`,
  );
}

/** Goal number `no` (目標1, 目標2 …) of a sheet in any shape: file, document or detail. */
export function goalNumbered<G extends { no: number }>(sheet: { goals: G[] }, no: number): G {
  return only(
    sheet.goals.filter((goal) => goal.no === no),
    `goal ${no}`,
  );
}

/** The indicator named `name` of a sheet (file, document or detail) or of one of its goals. */
export function indicatorNamed<I extends { name: string }>(
  within: { goals: { indicators: I[] }[] } | { indicators: I[] },
  name: string,
): I {
  const indicators = 'goals' in within ? within.goals.flatMap((goal) => goal.indicators) : within.indicators;
  return only(
    indicators.filter((indicator) => indicator.name === name),
    `indicator ${name}`,
  );
}

/** The one indicator of a goal a test built with exactly one (throws when it has none or several). */
export function soleIndicator<I>(goal: { indicators: I[] }): I {
  return only(goal.indicators, 'sole indicator of the goal');
}

/** Anything that answers a request of the API (the test app, one of its signed-in clients). */
type Requester = { request(path: string, init?: RequestInit): Promise<Response> };

/** The id of the sheet titled `title` of a ward's year (the sample's 北区, 令和4年度, by default). */
export async function sheetIdTitled(
  client: Requester,
  title: string,
  { fiscalYear = 2022, ward = '北区' }: { fiscalYear?: number; ward?: string } = {},
): Promise<string> {
  const query = `fiscalYear=${fiscalYear}&ward=${encodeURIComponent(ward)}`;
  const res = await client.request(`/api/v1/sheets?${query}`);
  if (res.status !== 200) throw new Error(`sheets of ${ward} ${fiscalYear}: ${res.status}`);
  const list = wardYearSheetsSchema.parse(await res.json());
  return only(
    list.sheets.filter((sheet) => sheet.title === title),
    `sheet titled ${title} in ${ward} ${fiscalYear}`,
  ).id;
}

/** The sheet titled `title` as the API shows it (`GET /api/v1/sheets/{id}`). */
export async function sheetDetailTitled(
  client: Requester,
  title: string,
  options: { fiscalYear?: number; ward?: string } = {},
): Promise<SheetDetail> {
  const id = await sheetIdTitled(client, title, options);
  return sheetDetailSchema.parse(await (await client.request(`/api/v1/sheets/${id}`)).json());
}
