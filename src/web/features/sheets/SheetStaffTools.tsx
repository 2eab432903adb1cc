/**
 * What a sheet page shows only to staff, in one chunk the page loads when the sheet offers them
 * something (`sheet-staff-tools.ts`): the public's first load carries none of it.
 */
export { CorrectionDialog } from './CorrectionDialog';
export { RevisionDialog } from './RevisionDialog';
export { SheetActions } from './SheetActions';
export { WorkflowNotices } from './WorkflowNotices';
