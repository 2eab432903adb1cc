import { correctionText, sheetCorrections } from '../../../domain/sheet-text';
import type { SheetDetail } from '../../../schemas/sheet';

/** 正誤: the approved corrections of the results the sheet shows, dated, printed with the sheet. */
export function SheetCorrections({ sheet }: { sheet: SheetDetail }) {
  const notes = sheetCorrections(sheet);
  if (notes.length === 0) return null;
  const titleId = `sheet-corrections-${sheet.id}`;
  return (
    <section className="sheet-corrections" aria-labelledby={titleId}>
      <h2 id={titleId} className="sheet-corrections__title">
        正誤（過年度実績の訂正）
      </h2>
      <ul>
        {notes.map(({ indicator, note }) => (
          <li key={`${indicator.indicatorId}:${note.fiscalYear}:${note.correctedOn}:${note.to ?? ''}`}>
            {correctionText(indicator, note)}
          </li>
        ))}
      </ul>
    </section>
  );
}
