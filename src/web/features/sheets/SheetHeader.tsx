import { formatFiscalYear } from '../../../domain/fiscal-year';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { SheetDetail } from '../../../schemas/sheet';

function Field({ label, value, area }: { label: string; value: string; area: string }) {
  return (
    <div className={`sheet-field sheet-field--${area}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The header block of the official sheet: year, ward, organization, dates, contact and purpose. */
export function SheetHeader({ sheet, note }: { sheet: SheetDetail; note?: string }) {
  const yearLabel = formatFiscalYear(sheet.fiscalYear);
  return (
    <header className="sheet-header" id="at-header">
      <h1 className="sheet-title">
        組織目標管理シート
        {note && <span className="sheet-title__note">{`（${note}）`}</span>}
        <span className="visually-hidden">{`（${yearLabel} ${sheet.title}）`}</span>
      </h1>
      <dl className="sheet-fields">
        <Field area="year" label="年度" value={yearLabel} />
        <Field area="ward" label="部区" value={sheet.ward.name} />
        <Field area="department" label="組織名（部）" value={sheet.departmentName} />
        <Field area="organization" label="組織名（準部・課・機関名）" value={sheet.organizationName ?? ''} />
        <Field area="created" label="作成日" value={formatSheetDate(sheet.createdOn)} />
        <Field area="revised" label="修正日" value={formatSheetDate(sheet.revisedOn)} />
        <Field area="evaluated" label="評価日" value={formatSheetDate(sheet.evaluatedOn)} />
        <Field area="phone" label="問合せ先（電話番号）" value={sheet.phone ?? ''} />
        <Field area="purpose" label="組織の目的" value={sheet.purpose ?? ''} />
      </dl>
    </header>
  );
}
