import type { ReactNode } from 'react';
import { sheetPdfUrl } from '../../lib/download-urls';

/**
 * The sheet's action bar, hidden in print: the actions given (a signed-in user's, see
 * `SheetActions`), then 印刷 and the PDF, which everyone has; `after` holds their dialogs.
 */
export function SheetActionBar({
  sheetId,
  children,
  after,
}: {
  sheetId: string;
  children?: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className="action-bar app-chrome">
      <ul className="action-bar__list" aria-label="このシートの操作">
        {children}
        <li>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            印刷
          </button>
        </li>
        <li>
          <a href={sheetPdfUrl(sheetId)} className="button button--secondary" download>
            PDF をダウンロード
          </a>
        </li>
      </ul>
      {after}
    </div>
  );
}
