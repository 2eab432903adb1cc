import type { ReactNode } from 'react';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { SheetIndicator, ValueCell as ValueCellData } from '../../../schemas/sheet';
import { KeepNumbers } from './KeepNumbers';

/** Short numbers line up on the right like in the spreadsheet; sentences read from the left. */
function alignmentOf(cell: ValueCellData): string {
  const text = cell.text ?? '';
  return cell.value !== null && text.length <= 10 && !text.includes('\n') ? 'cell-value num' : 'cell-value';
}

/**
 * One 実績/結果 cell, showing the text exactly as written; ※ when a correction (正誤) changed
 * it, and an action such as 「訂正」 on screen.
 */
export function ValueCell({
  cell,
  label,
  corrected = false,
  action,
}: {
  cell: ValueCellData;
  /** The column's name (R3実績, R4結果), shown beside the value when the sheet reads as cards. */
  label: string;
  corrected?: boolean;
  action?: ReactNode;
}) {
  return (
    <td className={alignmentOf(cell)} data-label={label}>
      <KeepNumbers text={cell.text} />
      {corrected && (
        <span className="corrected-mark">
          ※<span className="visually-hidden">訂正あり（正誤を参照）</span>
        </span>
      )}
      {action}
    </td>
  );
}

/** The target cell, with every mid-year revision under it: 「修正: 旧 → 新（令和4年9月30日）理由」. */
export function TargetCell({
  indicator,
  label,
  action,
}: {
  indicator: SheetIndicator;
  label: string;
  action?: ReactNode;
}) {
  const { target, revisions } = indicator;
  return (
    <td className={alignmentOf(target)} data-label={label}>
      <KeepNumbers text={target.text} />
      {revisions.length > 0 && (
        <ul className="revisions">
          {revisions.map((revision) => (
            <li key={`${revision.revisedOn}:${revision.to.text ?? ''}`}>
              <KeepNumbers
                text={`修正: ${revision.from.text ?? '（なし）'} → ${revision.to.text ?? '（なし）'}（${formatSheetDate(revision.revisedOn)}）${revision.reason}`}
              />
            </li>
          ))}
        </ul>
      )}
      {action}
    </td>
  );
}
