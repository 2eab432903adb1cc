import { describe, expect, it } from 'vitest';
import seed from '../db/seed/niigata-kita-2022.json';
import { sheetFileTitled } from '../server/testing/finders';
import { type SheetFile, wardYearFileSchema } from './interchange';
import { fileSheetTitle, headerFromFile, headerToFile, sheetHeader, sheetTitle } from './sheet-header';

const file = wardYearFileSchema.parse(seed);
const headerOf = ({ goals: _goals, ...header }: SheetFile) => header;

describe('the sheet header, named by the file and by the stored sheet', () => {
  it.each(file.sheets.map((s) => [fileSheetTitle(s), s] as const))(
    '%s: file → stored → file keeps every field',
    (_t, s) => {
      const stored = headerFromFile(s);
      expect(stored.departmentName).toBe(s.department);
      expect(stored.organizationName).toBe(s.organization);
      expect(headerToFile(stored)).toEqual({ ...headerOf(s), status: s.status ?? 'published' });
    },
  );

  it('a file that does not say the state describes a published sheet; one that does keeps it', () => {
    const first = sheetFileTitled(file, '地域総務課');
    expect(headerFromFile({ ...first, status: undefined }).status).toBe('published');
    expect(headerFromFile({ ...first, status: 'draft' }).status).toBe('draft');
  });

  it('takes the header fields of a stored row and nothing else', () => {
    const stored = headerFromFile({ ...sheetFileTitled(file, '地域総務課'), status: 'approved' });
    const row = { ...stored, id: 'x', version: 3, fiscalYear: 2022 };
    expect(sheetHeader(row)).toEqual(stored);
    expect(Object.keys(sheetHeader(row)).sort()).toEqual(
      Object.keys(headerToFile(stored))
        .map((k) => (k === 'department' ? 'departmentName' : k === 'organization' ? 'organizationName' : k))
        .sort(),
    );
  });

  it('a sheet goes by its 課/機関 when printed, else its 部', () => {
    expect(sheetTitle({ departmentName: '北区役所', organizationName: '地域総務課' })).toBe('地域総務課');
    expect(sheetTitle({ departmentName: '北区役所', organizationName: null })).toBe('北区役所');
    expect(fileSheetTitle({ department: '北区役所', organization: null })).toBe('北区役所');
  });
});
