import { type ComponentType, createElement, lazy, useState } from 'react';
import type { SheetView } from '../../../schemas/sheet-edit';
import { SheetActionBar } from './SheetActionBar';

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

type StaffTools = typeof import('./SheetStaffTools');
let loaded: StaffTools | undefined;

/** The staff tools' chunk (the sheet route's loader awaits it for staff, so they come with the page). */
export async function loadStaffTools(): Promise<StaffTools> {
  loaded ??= await import('./SheetStaffTools');
  return loaded;
}

/**
 * One of the staff tools: drawn at once when the chunk is loaded (React would otherwise show the
 * fallback first, and reveal the tool only up to 300 ms later), else loaded on first use; when it
 * cannot be loaded (the network dropped, or a newer build replaced it), `unavailable` instead.
 */
function staffTool<P extends object>(
  pick: (tools: StaffTools) => ComponentType<P>,
  unavailable: ComponentType<P> = () => null,
): ComponentType<P> {
  const Lazy = lazy(() =>
    loadStaffTools().then(
      (tools) => ({ default: pick(tools) }),
      () => ({ default: unavailable }),
    ),
  );
  // biome-ignore lint/correctness/noComponentHookFactories: made once per tool when the module loads, never in a render
  return function StaffTool(props: P) {
    // Chosen once per use: a tool that came through `Lazy` stays there, keeping its state.
    const [Tool] = useState<ComponentType<P>>(() => (loaded ? pick(loaded) : Lazy));
    return createElement(Tool, props);
  };
}

// One chunk for all four.
export const SheetActions = staffTool(
  (tools) => tools.SheetActions,
  ({ sheet }) => (
    <>
      <SheetActionBar sheetId={sheet.id} />
      <p role="alert" className="form-field__error">
        このシートの操作を読み込めませんでした。再読み込みしてからもう一度お試しください。
      </p>
    </>
  ),
);
export const WorkflowNotices = staffTool((tools) => tools.WorkflowNotices);
export const RevisionDialog = staffTool((tools) => tools.RevisionDialog);
export const CorrectionDialog = staffTool((tools) => tools.CorrectionDialog);
