import { lazy } from 'react';
import type { SheetView } from '../../../schemas/sheet-edit';

/**
 * Does the sheet offer this user anything beyond reading it (an action, or the workflow around
 * it)? The public's never does, so its sheet page never loads the staff tools below.
 */
export function offersStaffTools(sheet: SheetView): boolean {
  return (
    sheet.workflow !== null ||
    Object.entries(sheet.permissions).some(([permission, granted]) => granted && permission !== 'read')
  );
}

/** The staff tools' chunk (the sheet route's loader awaits it for staff, so they come with the page). */
export const loadStaffTools = () => import('./SheetStaffTools');

// One chunk for all four, loaded at the first of them.
export const SheetActions = lazy(() => loadStaffTools().then((m) => ({ default: m.SheetActions })));
export const WorkflowNotices = lazy(() => loadStaffTools().then((m) => ({ default: m.WorkflowNotices })));
export const RevisionDialog = lazy(() => loadStaffTools().then((m) => ({ default: m.RevisionDialog })));
export const CorrectionDialog = lazy(() => loadStaffTools().then((m) => ({ default: m.CorrectionDialog })));
