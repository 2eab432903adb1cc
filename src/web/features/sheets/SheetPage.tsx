import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { SheetIndicator } from '../../../schemas/sheet';
import { sheetQuery } from '../../lib/queries';
import { useAnchorFocus } from '../../lib/use-anchor-focus';
import { useDocumentTitle } from '../../lib/use-document-title';
import type { Correcting } from './CorrectionDialog';
import { SheetActionBar } from './SheetActionBar';
import { SheetArticle, SheetToolbar, sheetPageTitle } from './SheetArticle';
import { SheetBreadcrumbs } from './SheetBreadcrumbs';
import {
  CorrectionDialog,
  offersStaffTools,
  RevisionDialog,
  SheetActions,
  WorkflowNotices,
} from './sheet-staff-tools';

const route = getRouteApi('/sheets/$sheetId');

/** コメント: staff only, read after the sheet is drawn, in a chunk of its own. */
const SheetComments = lazy(() =>
  import('./SheetComments').then(
    (module) => ({ default: module.SheetComments }),
    () => ({
      default: () => (
        <p role="alert" className="form-field__error app-chrome">
          コメントを読み込めませんでした。再読み込みしてください。
        </p>
      ),
    }),
  ),
);

/**
 * `/sheets/:id`: one organization's sheet in the official layout, ready to print on A4
 * landscape, with what the signed-in user may do with it (hidden in print).
 */
export function SheetPage() {
  const { sheetId } = route.useParams();
  const { data: sheet } = useSuspenseQuery(sheetQuery(sheetId));
  const [revising, setRevising] = useState<SheetIndicator | null>(null);
  const [correcting, setCorrecting] = useState<Correcting | null>(null);
  const correctable = new Set(
    (sheet.workflow?.correctable ?? []).map((c) => `${c.indicatorId}:${c.fiscalYear}`),
  );
  useDocumentTitle(sheetPageTitle(sheet));
  // Opened from the 点検表 at one row (`#at-goal-3-indicator-0`).
  useAnchorFocus(sheet.id);
  const staff = offersStaffTools(sheet);
  const publicActions = <SheetActionBar sheetId={sheet.id} />;

  return (
    <>
      <SheetBreadcrumbs sheet={sheet} />
      <SheetToolbar
        sheet={sheet}
        licence={sheet.licence}
        actions={
          staff ? (
            <Suspense fallback={publicActions}>
              <SheetActions sheet={sheet} />
            </Suspense>
          ) : (
            publicActions
          )
        }
      />
      {staff && (
        <Suspense fallback={null}>
          <WorkflowNotices sheet={sheet} />
        </Suspense>
      )}
      <SheetArticle
        sheet={sheet}
        targetAction={
          sheet.permissions.proposeRevision
            ? (indicator) => (
                <button
                  type="button"
                  className="button button--secondary button--small target-action app-chrome"
                  aria-label={`${indicator.name}の目標の修正`}
                  onClick={() => setRevising(indicator)}
                >
                  目標の修正
                </button>
              )
            : undefined
        }
        valueAction={
          correctable.size > 0
            ? (indicator, fiscalYear) =>
                correctable.has(`${indicator.indicatorId}:${fiscalYear}`) && (
                  <button
                    type="button"
                    className="button button--secondary button--small target-action app-chrome"
                    aria-label={`${indicator.name}の${formatFiscalYearShort(fiscalYear)}実績の訂正`}
                    onClick={() => setCorrecting({ indicator, fiscalYear })}
                  >
                    訂正
                  </button>
                )
            : undefined
        }
      />
      {staff && (
        <Suspense fallback={null}>
          <RevisionDialog sheet={sheet} indicator={revising} onClose={() => setRevising(null)} />
          <CorrectionDialog sheet={sheet} correcting={correcting} onClose={() => setCorrecting(null)} />
        </Suspense>
      )}
      {staff && sheet.permissions.readHistory && (
        <Suspense fallback={null}>
          <SheetComments sheet={sheet} />
        </Suspense>
      )}
    </>
  );
}
