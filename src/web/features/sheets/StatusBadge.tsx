import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { SheetView } from '../../../schemas/sheet-edit';

/** The sheet's state as a badge: the word carries the meaning. */
export function StatusBadge({ status }: { status: SheetView['status'] }) {
  return (
    <span className="status-badge" data-status={status}>
      <span className="visually-hidden">状態：</span>
      {sheetStatusLabels[status]}
    </span>
  );
}
