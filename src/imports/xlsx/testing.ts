import ExcelJS from 'exceljs';

/**
 * For tests: editing a workbook the way a person does in Excel. exceljs does not move merged
 * ranges when rows are inserted or deleted, so these helpers do, as Excel would.
 */

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no worksheet ${name}`);
  return sheet;
}

/** The first row whose cell in `column` holds exactly `text`. */
export function rowOf(sheet: ExcelJS.Worksheet, column: number, text: string): number {
  for (let row = 1; row <= sheet.rowCount; row++) {
    const cell = sheet.getCell(row, column);
    if (!cell.isMerged || cell.master === cell) {
      if (cell.value === text) return row;
    }
  }
  throw new Error(`no row with ${text} in column ${column}`);
}

type Merge = { top: number; left: number; bottom: number; right: number };

function merges(sheet: ExcelJS.Worksheet): Merge[] {
  return sheet.model.merges.map((range) => {
    const [from = '', to = from] = range.split(':');
    const a = sheet.getCell(from);
    const b = sheet.getCell(to);
    return { top: Number(a.row), left: Number(a.col), bottom: Number(b.row), right: Number(b.col) };
  });
}

/** Re-merges after rows moved: `shift` maps each merge to its new rows, or null to drop it. */
function moveRows(sheet: ExcelJS.Worksheet, change: () => void, shift: (m: Merge) => Merge | null): void {
  const before = merges(sheet);
  const masters = before.map((m) => sheet.getCell(m.top, m.left).value);
  for (const m of before) sheet.unMergeCells(m.top, m.left, m.bottom, m.right);
  // Unmerging copies the value into every cell; only the first cell of each range keeps it.
  before.forEach((m, i) => {
    for (let row = m.top; row <= m.bottom; row++) {
      for (let column = m.left; column <= m.right; column++) {
        sheet.getCell(row, column).value = row === m.top && column === m.left ? (masters[i] ?? null) : null;
      }
    }
  });
  change();
  for (const m of before.map(shift)) {
    if (m && (m.bottom > m.top || m.right > m.left)) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  }
}

/** Inserts an empty row at `at` (Excel's 行の挿入): a merge across it grows, ones below move down. */
export function insertRow(sheet: ExcelJS.Worksheet, at: number): void {
  moveRows(
    sheet,
    () => sheet.insertRow(at, [], 'i'),
    (m) => {
      if (m.bottom < at) return m;
      if (m.top >= at) return { ...m, top: m.top + 1, bottom: m.bottom + 1 };
      return { ...m, bottom: m.bottom + 1 };
    },
  );
}

/** Deletes row `at` (Excel's 行の削除): a merge across it shrinks, ones below move up. */
export function deleteRow(sheet: ExcelJS.Worksheet, at: number): void {
  moveRows(
    sheet,
    () => sheet.spliceRows(at, 1),
    (m) => {
      if (m.bottom < at) return m;
      if (m.top > at) return { ...m, top: m.top - 1, bottom: m.bottom - 1 };
      if (m.top === m.bottom) return null;
      return { ...m, bottom: m.bottom - 1 };
    },
  );
}
