import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type Transition, transitionRules, transitions } from '../../../domain/sheet-lifecycle';
import type { SheetView } from '../../../schemas/sheet-edit';
import { SheetDatesDialog } from '../sheet-dates/SheetDatesDialog';
import { SheetActionBar } from './SheetActionBar';
import { TransitionDialog } from './TransitionDialog';

/** Moves that undo someone's work read as secondary, so the next step stands out. */
const backwards: ReadonlySet<Transition> = new Set(['return', 'reopen']);

/**
 * What the user may do with the sheet now, exactly as the API's permissions say: 編集, each
 * permitted transition, the dates, 履歴 (then 印刷 and PDF, as for everyone). Hidden in print.
 */
export function SheetActions({ sheet }: { sheet: SheetView }) {
  const [open, setOpen] = useState<Transition | null>(null);
  const [datesOpen, setDatesOpen] = useState(false);
  const permitted = transitions.filter((transition) => sheet.permissions[transition]);
  return (
    <SheetActionBar
      sheetId={sheet.id}
      after={
        <>
          <TransitionDialog sheet={sheet} transition={open} onClose={() => setOpen(null)} />
          <SheetDatesDialog sheet={sheet} open={datesOpen} onClose={() => setDatesOpen(false)} />
        </>
      }
    >
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
    </SheetActionBar>
  );
}
