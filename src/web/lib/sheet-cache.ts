import type { QueryClient } from '@tanstack/react-query';
import type { SheetView } from '../../schemas/sheet-edit';
import { sheetQuery } from './queries';

/**
 * After an action on a sheet: keep the sheet the API answered with, and let lists, counts and
 * history read again (status and evaluations may have changed).
 */
export async function afterSheetChange(queryClient: QueryClient, sheet: SheetView): Promise<void> {
  queryClient.setQueryData(sheetQuery(sheet.id).queryKey, sheet);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['sheet', sheet.id], exact: false, refetchType: 'none' }),
    queryClient.invalidateQueries({ queryKey: ['ward-year-sheets'] }),
    queryClient.invalidateQueries({ queryKey: ['wards'] }),
  ]);
}
