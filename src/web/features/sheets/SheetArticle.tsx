import type { ReactNode } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Licence } from '../../../domain/licence';
import type { SheetDetail } from '../../../schemas/sheet';
import type { TargetAction, ValueAction } from './GoalRows';
import { SheetCorrections } from './SheetCorrections';
import { SheetHeader } from './SheetHeader';
import { SheetNarratives } from './SheetNarratives';
import { SheetTable } from './SheetTable';
import { StatusBadge } from './StatusBadge';

/** The name a sheet's page goes by (its <title>, before the application's name). */
export function sheetPageTitle(sheet: SheetDetail): string {
  return `${sheet.title} ${formatFiscalYear(sheet.fiscalYear)}（${sheet.municipality} ${sheet.ward.name}）`;
}

/**
 * Above the sheet, hidden in print: which sheet this is, its state, the actions given, and for a
 * published sheet the licence its content may be used under.
 */
export function SheetToolbar({
  sheet,
  licence,
  actions,
}: {
  sheet: SheetDetail;
  licence: Licence;
  actions: ReactNode;
}) {
  return (
    <div className="sheet-toolbar app-chrome">
      <p className="sheet-toolbar__context">
        {`${sheet.municipality} ${sheet.ward.name} ${formatFiscalYear(sheet.fiscalYear)} ${sheet.title}`}
        <StatusBadge status={sheet.status} />
      </p>
      {actions}
      {sheet.status === 'published' && (
        <p>
          ライセンス：<a href={licence.url}>{licence.name}</a>
        </p>
      )}
    </div>
  );
}

/**
 * The sheet in its official layout, ready to print on A4 landscape: its header, goals and
 * indicators (each with its history on screen), narratives and 正誤. The app's sheet page and the
 * page the server sends already drawn both show it.
 */
export function SheetArticle({
  sheet,
  targetAction,
  valueAction,
}: {
  sheet: SheetDetail;
  targetAction?: TargetAction | undefined;
  valueAction?: ValueAction | undefined;
}) {
  return (
    <article className="sheet" aria-label={`${sheet.title}の組織目標管理シート`}>
      <SheetHeader sheet={sheet} />
      <SheetTable sheet={sheet} withHistory targetAction={targetAction} valueAction={valueAction} />
      <SheetNarratives sheet={sheet} />
      <SheetCorrections sheet={sheet} />
    </article>
  );
}
