import ExcelJS from 'exceljs';
import { licenceLine } from '../../domain/licence';
import type { WardYearFile } from '../../schemas/interchange';
import { fileSheetTitle } from '../../schemas/sheet-header';
import {
  type Metadata,
  metadataFormat,
  metadataSheetName,
  metadataVersion,
  type SheetMeta,
  writeMetadata,
} from './metadata';
import { uniqueSheetNames } from './sheet-names';
import { writeOrganizationSheet } from './worksheet';

/**
 * A 部区's sheets of one year as an Excel workbook: one worksheet per organization, laid out like
 * the official sheet, and the hidden worksheet `_mokuhyo` that lets readWardYearWorkbook give
 * back exactly the same WardYearFile while the visible cells are unchanged.
 */

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mokuhyo';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const sheetOptions: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: 'normal', zoomScale: 100, showGridLines: false }],
};

export async function wardYearWorkbook(file: WardYearFile): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.title = `組織目標管理シート ${file.ward}`;
  if (file.licence) workbook.description = licenceLine(file.licence);
  const names = uniqueSheetNames(file.sheets.map(fileSheetTitle), [metadataSheetName]);
  const sheets: SheetMeta[] = file.sheets.map((sheet, s) => {
    const worksheet = names[s] ?? `シート${s + 1}`;
    const key = `s${s}`;
    const written = writeOrganizationSheet(workbook.addWorksheet(worksheet, sheetOptions), {
      sheet,
      fiscalYear: file.fiscalYear,
      ward: file.ward,
      key,
      rowsPerGoal: 1,
      emptyRowLines: 1,
    });
    const meta: SheetMeta = {
      key,
      worksheet,
      department: sheet.department,
      organization: sheet.organization,
      ...written,
    };
    if (sheet.status !== undefined) meta.status = sheet.status;
    return meta;
  });
  const metadata: Metadata = {
    workbook: {
      format: metadataFormat,
      version: metadataVersion,
      municipality: file.municipality,
      ward: file.ward,
      fiscalYear: file.fiscalYear,
    },
    sheets,
  };
  if (file.source !== undefined) metadata.workbook.source = file.source;
  if (file.uncertain !== undefined) metadata.workbook.uncertain = file.uncertain;
  if (file.licence !== undefined) metadata.workbook.licence = file.licence;
  writeMetadata(workbook, metadata);
  return toBuffer(workbook);
}

export type BlankTemplateOptions = { municipality?: string; ward?: string };

const blankGoalCount = 5;
const blankRowsPerGoal = 2;

/** A workbook with one empty organization worksheet, for an organization's first sheet. */
export async function blankTemplate(fiscalYear: number, options: BlankTemplateOptions = {}): Promise<Buffer> {
  const workbook = newWorkbook();
  const name = '新しい組織';
  writeOrganizationSheet(workbook.addWorksheet(name, sheetOptions), {
    sheet: {
      department: '',
      organization: null,
      phone: null,
      createdOn: null,
      revisedOn: null,
      evaluatedOn: null,
      purpose: null,
      approach: null,
      outcome: null,
      goals: Array.from({ length: blankGoalCount }, (_, i) => ({
        no: i + 1,
        parentNo: null,
        text: '',
        initiatives: [],
        indicators: [],
      })),
    },
    fiscalYear,
    ward: options.ward ?? '',
    key: null,
    rowsPerGoal: blankRowsPerGoal,
    emptyRowLines: 2,
  });
  writeMetadata(workbook, {
    workbook: {
      format: metadataFormat,
      version: metadataVersion,
      municipality: options.municipality ?? null,
      ward: options.ward ?? null,
      fiscalYear,
    },
    sheets: [],
  });
  return toBuffer(workbook);
}
