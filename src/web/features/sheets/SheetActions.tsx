import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type Transition, transitionRules, transitions } from '../../../domain/sheet-lifecycle';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { SheetView } from '../../../schemas/sheet-edit';
import { downloadUrls } from '../../lib/api-downloads';
import { SheetDatesDialog } from '../sheet-dates/SheetDatesDialog';
import { TransitionDialog } from './TransitionDialog';

/** Moves that undo someone's work read as secondary, so the next step stands out. */
const backwards: ReadonlySet<Transition> = new Set(['return', 'reopen']);

/** The sheet's state as a badge: the word carries the meaning. */
export function StatusBadge({ status }: { status: SheetView['status'] }) {
  return (
    <span className="status-badge" data-status={status}>
      <span className="visually-hidden">状態：</span>
      {sheetStatusLabels[status]}
    </span>
  );
}

/**
 * What the user may do with the sheet now, exactly as the API's permissions say: 編集, each
 * permitted transition, 履歴, 印刷, PDF. Hidden in print.
 */
export function SheetActions({ sheet }: { sheet: SheetView }) {
  const [open, setOpen] = useState<Transition | null>(null);
  const [datesOpen, setDatesOpen] = useState(false);
  const permitted = transitions.filter((transition) => sheet.permissions[transition]);
  return (
    <div className="action-bar app-chrome">
      <ul className="action-bar__list" aria-label="このシートの操作">
        {sheet.permissions.edit && (
          <li>
            <Link to="/sheets/$sheetId/edit" params={{ sheetId: sheet.id }} className="button">
              編集
            </Link>
          </li>
        )}
        {permitted.map((transition) => (
          <li key={transition}>
            <button
              type="button"
              className={backwards.has(transition) ? 'button button--secondary' : 'button'}
              onClick={() => setOpen(transition)}
            >
              {transitionRules[transition].label}
            </button>
          </li>
        ))}
        {sheet.permissions.setDates && (
          <li>
            <button type="button" className="button button--secondary" onClick={() => setDatesOpen(true)}>
              作成日・修正日・評価日
            </button>
          </li>
        )}
        {sheet.permissions.readHistory && (
          <li>
            <Link
              to="/sheets/$sheetId/history"
              params={{ sheetId: sheet.id }}
              className="button button--secondary"
            >
              履歴
            </Link>
          </li>
        )}
        <li>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            印刷
          </button>
        </li>
        <li>
          <a href={downloadUrls.sheetPdf(sheet.id)} className="button button--secondary" download>
            PDF をダウンロード
          </a>
        </li>
      </ul>
      <TransitionDialog sheet={sheet} transition={open} onClose={() => setOpen(null)} />
      <SheetDatesDialog sheet={sheet} open={datesOpen} onClose={() => setDatesOpen(false)} />
    </div>
  );
}
