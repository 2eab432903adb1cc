import type ExcelJS from 'exceljs';
import { sheetStatuses } from '../../domain/sheet-status';
import { indicatorSchema } from '../../schemas/interchange';
import { z } from '../../schemas/zod';

/**
 * The hidden worksheet `_mokuhyo`: what a workbook needs to be read back exactly, beyond what
 * its visible cells show (documented in xlsx-format.md).
 *
 *   A1 説明, B1 what the worksheet is for
 *   A2 workbook, B2… JSON: format, version, municipality, ward, fiscalYear, source, uncertain, licence
 *   A3… sheet, B… JSON per organization worksheet (SheetMeta), in worksheet order
 *
 * Each JSON is split over as many cells to the right as it needs (a cell holds 32,767 characters).
 */

export const metadataSheetName = '_mokuhyo';
export const metadataFormat = 'mokuhyo.ward-year.xlsx';
export const metadataVersion = 1;

const overrideSchema = z.object({ seen: z.string(), was: z.unknown().optional() });
const fieldsSchema = z.record(z.string(), overrideSchema);

const indicatorExtraSchema = indicatorSchema
  .pick({ direction: true, evaluationReason: true, milestoneDone: true, revisions: true })
  .partial();
export type IndicatorExtra = z.infer<typeof indicatorExtraSchema>;

const sheetMetaSchema = z.object({
  /** The key in the worksheet's hidden cell O1. */
  key: z.string(),
  /** The worksheet's name when written. */
  worksheet: z.string(),
  /** The sheet's organization when written (for people reading this; the cells decide). */
  department: z.string(),
  organization: z.string().nullable(),
  status: z.enum(sheetStatuses).optional(),
  /** Overrides of header and footer fields, by field name. */
  fields: fieldsSchema,
  /** Overrides of goal fields, by goal key (g0, g1, …). */
  goals: z.record(z.string(), fieldsSchema),
  /** Per indicator key (g0.i0, …): overrides and the fields no cell shows. */
  indicators: z.record(z.string(), z.object({ fields: fieldsSchema, extra: indicatorExtraSchema })),
});
export type SheetMeta = z.infer<typeof sheetMetaSchema>;

const workbookMetaSchema = z.object({
  format: z.literal(metadataFormat),
  version: z.number().int(),
  municipality: z.string().nullable(),
  ward: z.string().nullable(),
  fiscalYear: z.number().int(),
  source: z.string().nullable().optional(),
  uncertain: z.array(z.string()).optional(),
  /** The licence the workbook was published under (also its document properties' description). */
  licence: z.object({ name: z.string(), url: z.string() }).optional(),
});
type WorkbookMeta = z.infer<typeof workbookMetaSchema>;

export type Metadata = { workbook: WorkbookMeta; sheets: SheetMeta[] };

const chunkLength = 30_000;
const description =
  'このワークシートは mokuhyo が書き出した取り込み用の管理情報です（画面に出ない項目、空欄と未入力の区別など）。' +
  '編集・削除しないでください。各組織のワークシートの内容は、見えているセルの値が優先されます。';

function writeRecord(sheet: ExcelJS.Worksheet, row: number, kind: string, record: unknown): void {
  const json = JSON.stringify(record);
  sheet.getCell(row, 1).value = kind;
  for (let at = 0, column = 2; at < json.length || column === 2; at += chunkLength, column++) {
    sheet.getCell(row, column).value = json.slice(at, at + chunkLength);
  }
}

/** Adds the hidden `_mokuhyo` worksheet as the last one of the workbook. */
export function writeMetadata(workbook: ExcelJS.Workbook, metadata: Metadata): void {
  const sheet = workbook.addWorksheet(metadataSheetName, { state: 'hidden' });
  sheet.getCell(1, 1).value = '説明';
  sheet.getCell(1, 2).value = description;
  writeRecord(sheet, 2, 'workbook', metadata.workbook);
  metadata.sheets.forEach((meta, i) => {
    writeRecord(sheet, 3 + i, 'sheet', meta);
  });
}

export type MetadataProblem = { row: number; message: string };

/** A cell's text; another program may save it as rich text runs. */
function cellString(value: ExcelJS.CellValue): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText.map((run) => run.text).join('');
  return '';
}

/** Reads `_mokuhyo`; a problem names the row it is in. */
export function readMetadata(sheet: ExcelJS.Worksheet): Metadata | MetadataProblem {
  const broken = (row: number): MetadataProblem => ({
    row,
    message: `取り込み用の管理情報（${metadataSheetName} ワークシート）が壊れています。書き出し直したファイルを使ってください`,
  });
  let workbook: WorkbookMeta | null = null;
  const sheets: SheetMeta[] = [];
  for (let row = 2; row <= sheet.rowCount; row++) {
    const cells = sheet.getRow(row);
    const kind = cellString(cells.getCell(1).value);
    if (kind === '') continue;
    let json = '';
    for (let column = 2; column <= cells.cellCount; column++) json += cellString(cells.getCell(column).value);
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      return broken(row);
    }
    if (kind === 'workbook') {
      const parsed = workbookMetaSchema.safeParse(data);
      if (!parsed.success) return broken(row);
      if (parsed.data.version > metadataVersion) {
        return {
          row,
          message:
            'このファイルは新しい版の mokuhyo で書き出されています。mokuhyo を更新してから取り込んでください',
        };
      }
      workbook = parsed.data;
    } else if (kind === 'sheet') {
      const parsed = sheetMetaSchema.safeParse(data);
      if (!parsed.success) return broken(row);
      sheets.push(parsed.data);
    } else {
      return broken(row);
    }
  }
  return workbook ? { workbook, sheets } : broken(2);
}
