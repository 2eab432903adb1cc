import ExcelJS from 'exceljs';
import { formatFiscalYear } from '../../domain/fiscal-year';
import { aboutField } from '../../exports/xlsx/codec';
import { keyColumn } from '../../exports/xlsx/layout';
import { type Metadata, metadataSheetName, readMetadata, type SheetMeta } from '../../exports/xlsx/metadata';
import { type SheetFile, type WardYearFile, wardYearFileSchema } from '../../schemas/interchange';
import { issuesFromZod } from '../../schemas/issues';
import { fileSheetTitle } from '../../schemas/sheet-header';
import { AppError } from '../../server/app-error';
import { checkWardYearFile } from '../../server/features/interchange/check-ward-year-file';
import { checkWorkbookBytes } from './bytes';
import { cellRef, Findings, readText } from './cells';
import { type RecognisedSheet, readSheet, recogniseSheet } from './read-worksheet';

/**
 * Reads a workbook written by wardYearWorkbook (or made from blankTemplate), as edited by a
 * person, back into the interchange format. Nothing is written anywhere: the caller hands the
 * file to importWardYear. Every problem is reported at once, each by worksheet and cell.
 */

export type ReadWorkbookOptions = {
  /** The municipality, for a workbook that does not record one (made from a blank template). */
  municipality?: string;
};

function fail(findings: Findings): never {
  const seen = new Set<string>();
  const issues = findings.issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  throw new AppError(
    'invalid',
    `Excel ファイルに誤りが${issues.length}件あります。何も取り込んでいません。誤りを直してからもう一度取り込んでください。`,
    issues,
  );
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; Node's Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    const message =
      'Excel ファイル（.xlsx）として読み込めませんでした。Excel で開いて保存し直してから取り込んでください';
    throw new AppError('invalid', message, [{ path: '', message }]);
  }
  return workbook;
}

/** Pairs each worksheet with its metadata: by the key in O1, else by the worksheet's name. */
function matchMetadata(sheets: RecognisedSheet[], metadata: Metadata | null, findings: Findings) {
  const unused = new Map((metadata?.sheets ?? []).map((meta, i) => [meta.key, { meta, row: 3 + i }]));
  const take = (key: string | undefined): SheetMeta | null => {
    const found = key === undefined ? undefined : unused.get(key);
    if (!found) return null;
    unused.delete(key ?? '');
    return found.meta;
  };
  const byName = (name: string) =>
    [...unused.values()].find((entry) => entry.meta.worksheet === name)?.meta.key;
  const metas = sheets.map(
    ({ sheet }) => take((readText(sheet, 1, keyColumn) ?? '').trim()) ?? take(byName(sheet.name)),
  );
  for (const { meta, row } of unused.values()) {
    findings.add(
      cellRef(metadataSheetName, row, 1),
      `書き出したときにあったワークシート『${meta.worksheet}』（${fileSheetTitle(meta)}）がありません。` +
        '削除したワークシートを元に戻してから取り込んでください',
    );
  }
  return metas;
}

/** The fiscal year and 部区 of the workbook: recorded, else the first worksheet's; every worksheet must agree. */
function workbookIdentity(sheets: RecognisedSheet[], metadata: Metadata | null, findings: Findings) {
  const fiscalYear =
    metadata?.workbook.fiscalYear ?? sheets.find((s) => s.fiscalYear !== null)?.fiscalYear ?? null;
  const ward = metadata?.workbook.ward || sheets.find((s) => s.ward !== '')?.ward || null;
  for (const s of sheets) {
    if (s.fiscalYear !== null && fiscalYear !== null && s.fiscalYear !== fiscalYear) {
      findings.add(
        s.fiscalYearRef,
        `年度：${formatFiscalYear(s.fiscalYear)}になっています。このファイルは${formatFiscalYear(fiscalYear)}のシートです`,
      );
    }
    if (s.ward === '') findings.add(s.wardRef, '部区：入力してください');
    else if (ward !== null && s.ward !== ward) {
      findings.add(
        s.wardRef,
        `部区：『${s.ward}』になっています。一つのファイルには『${ward}』のシートだけを入れてください`,
      );
    }
  }
  return { fiscalYear, ward };
}

/** Checks the file as importWardYear will, and reports each problem at the cell it came from. */
function validate(file: WardYearFile, findings: Findings): WardYearFile {
  const parsed = wardYearFileSchema.safeParse(file);
  const issues = parsed.success ? checkWardYearFile(parsed.data) : issuesFromZod(parsed.error);
  // A cell already reported unreadable was filled with a placeholder: its schema issue says nothing new.
  const reported = new Set(findings.issues.map((issue) => issue.path));
  for (const issue of issues) {
    const location = findings.find(issue.path);
    if (location && reported.has(location.ref)) continue;
    if (location) findings.add(location.ref, aboutField(location.label, issue.message));
    else findings.add(issue.path, issue.message);
  }
  if (!parsed.success || findings.issues.length > 0) fail(findings);
  return parsed.data;
}

export async function readWardYearWorkbook(
  bytes: Buffer,
  options: ReadWorkbookOptions = {},
): Promise<WardYearFile> {
  const workbook = await load(bytes);
  const findings = new Findings();
  let metadata: Metadata | null = null;
  const metaSheet = workbook.getWorksheet(metadataSheetName);
  if (metaSheet) {
    const read = readMetadata(metaSheet);
    if ('message' in read) findings.add(cellRef(metadataSheetName, read.row, 2), read.message);
    else metadata = read;
  }
  const worksheets = workbook.worksheets.filter((sheet) => sheet.name !== metadataSheetName);
  if (worksheets.length === 0) {
    findings.add('', '組織目標管理シートのワークシートがありません');
    fail(findings);
  }
  const recognised: RecognisedSheet[] = [];
  for (const sheet of worksheets) {
    const found = recogniseSheet(sheet, findings);
    if (found) recognised.push(found);
    else findings.add(cellRef(sheet.name, 1, 1), 'このワークシートは組織目標管理シートの形式ではありません');
  }
  const metas = matchMetadata(recognised, metadata, findings);
  const { fiscalYear, ward } = workbookIdentity(recognised, metadata, findings);
  const municipality = metadata?.workbook.municipality || options.municipality || null;
  if (municipality === null) {
    findings.add(
      '',
      '自治体がわかりません。mokuhyo から書き出したファイルか、mokuhyo の様式を使ってください',
    );
  }
  if (fiscalYear === null || ward === null || municipality === null || findings.issues.length > 0)
    fail(findings);
  const sheets: SheetFile[] = recognised.map((sheet, sheetIndex) =>
    readSheet({ recognised: sheet, meta: metas[sheetIndex] ?? null, fiscalYear, sheetIndex, findings }),
  );
  const first = recognised[0];
  if (first) findings.locate('ward', { ref: first.wardRef, label: '部区' });
  const file: WardYearFile = { municipality, ward, fiscalYear, sheets };
  if (metadata && 'source' in metadata.workbook) file.source = metadata.workbook.source;
  if (metadata?.workbook.uncertain !== undefined) file.uncertain = metadata.workbook.uncertain;
  if (metadata?.workbook.licence !== undefined) file.licence = metadata.workbook.licence;
  return validate(file, findings);
}
