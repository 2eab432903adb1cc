import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Suspense, useState } from 'react';
import { formatFiscalYear, formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { SheetIndicator } from '../../../schemas/sheet';
import { sheetQuery } from '../../lib/queries';
import { useAnchorFocus } from '../../lib/use-anchor-focus';
import { useDocumentTitle } from '../../lib/use-document-title';
import type { Correcting } from './CorrectionDialog';
import { SheetActionBar } from './SheetActionBar';
import { SheetBreadcrumbs } from './SheetBreadcrumbs';
import { SheetCorrections } from './SheetCorrections';
import { SheetHeader } from './SheetHeader';
import { SheetNarratives } from './SheetNarratives';
import { SheetTable } from './SheetTable';
import { StatusBadge } from './StatusBadge';
import {
  CorrectionDialog,
  offersStaffTools,
  RevisionDialog,
  SheetActions,
  WorkflowNotices,
} from './sheet-staff-tools';

const route = getRouteApi('/sheets/$sheetId');

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
  const yearLabel = formatFiscalYear(sheet.fiscalYear);
  const wardLabel = `${sheet.municipality} ${sheet.ward.name}`;
  useDocumentTitle(`${sheet.title} ${yearLabel}（${wardLabel}）`);
  // Opened from the 点検表 at one row (`#at-goal-3-indicator-0`).
  useAnchorFocus(sheet.id);
  const staff = offersStaffTools(sheet);
  const publicActions = <SheetActionBar sheetId={sheet.id} />;

  return (
    <>
      <SheetBreadcrumbs sheet={sheet} />
      <div className="sheet-toolbar app-chrome">
        <p className="sheet-toolbar__context">
          {`${wardLabel} ${yearLabel} ${sheet.title}`}
          <StatusBadge status={sheet.status} />
        </p>
        {staff ? (
          <Suspense fallback={publicActions}>
            <SheetActions sheet={sheet} />
          </Suspense>
        ) : (
          publicActions
        )}
      </div>
      {staff && (
        <Suspense fallback={null}>
          <WorkflowNotices sheet={sheet} />
        </Suspense>
      )}
      <article className="sheet" aria-label={`${sheet.title}の組織目標管理シート`}>
        <SheetHeader sheet={sheet} />
        <SheetTable
          sheet={sheet}
          withHistory
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
        <SheetNarratives sheet={sheet} />
        <SheetCorrections sheet={sheet} />
      </article>
      {staff && (
        <Suspense fallback={null}>
          <RevisionDialog sheet={sheet} indicator={revising} onClose={() => setRevising(null)} />
          <CorrectionDialog sheet={sheet} correcting={correcting} onClose={() => setCorrecting(null)} />
        </Suspense>
      )}
    </>
  );
}
