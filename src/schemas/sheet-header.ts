import type { SheetStatus } from '../domain/sheet-status';
import type { SheetFile } from './interchange';

/**
 * A sheet's header — its printed names, phone, official dates (作成日・修正日・評価日), the three
 * narratives (組織の目的・取組の方針・成果) — and its state. The stored sheet and the read API name
 * the fields alike; the interchange file calls the printed names `department` and `organization`
 * and may leave out the state (a file describes published sheets). This is the one place where
 * the two namings meet: the export, the import and the read API all go through it.
 */
export interface SheetHeader {
  departmentName: string;
  organizationName: string | null;
  phone: string | null;
  createdOn: string | null;
  revisedOn: string | null;
  evaluatedOn: string | null;
  purpose: string | null;
  approach: string | null;
  outcome: string | null;
  status: SheetStatus;
}

/** The header as an interchange file writes it (a sheet of the file without its goals). */
export type SheetFileHeader = Omit<SheetFile, 'goals'>;

/** The state a file's sheet takes when the file does not say. */
const fileSheetStatusDefault: SheetStatus = 'published';

/** The name a sheet goes by in lists and titles: the 課/機関 when printed, else the 部. */
export function sheetTitle(sheet: Pick<SheetHeader, 'departmentName' | 'organizationName'>): string {
  return sheet.organizationName ?? sheet.departmentName;
}

/** The same name for a sheet of an interchange file. */
export function fileSheetTitle(sheet: Pick<SheetFileHeader, 'department' | 'organization'>): string {
  return sheetTitle({ departmentName: sheet.department, organizationName: sheet.organization });
}

/** The header fields of a stored sheet (or of anything that carries them), and nothing else. */
export function sheetHeader(sheet: SheetHeader): SheetHeader {
  return {
    departmentName: sheet.departmentName,
    organizationName: sheet.organizationName,
    phone: sheet.phone,
    createdOn: sheet.createdOn,
    revisedOn: sheet.revisedOn,
    evaluatedOn: sheet.evaluatedOn,
    purpose: sheet.purpose,
    approach: sheet.approach,
    outcome: sheet.outcome,
    status: sheet.status,
  };
}

/** A file's sheet header as stored. */
export function headerFromFile(sheet: SheetFileHeader): SheetHeader {
  return sheetHeader({
    ...sheet,
    departmentName: sheet.department,
    organizationName: sheet.organization,
    status: sheet.status ?? fileSheetStatusDefault,
  });
}

/** A stored sheet's header as a file writes it (the state always said). */
export function headerToFile(sheet: SheetHeader): Required<SheetFileHeader> {
  const { departmentName, organizationName, ...rest } = sheetHeader(sheet);
  return { department: departmentName, organization: organizationName, ...rest };
}
