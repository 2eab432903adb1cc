import { type FormEvent, useState } from 'react';
import {
  type SheetDateField,
  type SheetDates,
  sheetDateFields,
  sheetDateLabels,
} from '../../../domain/sheet-dates';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { saveSheetDates } from '../../lib/api-sheet-dates';
import { useSheetAction } from '../sheets/use-sheet-action';
import { DateInputFields } from './DateInputFields';
import { type DateInputs, errorsByField, toDates, toInputs } from './date-fields';

const idPrefix = 'sheet-date';

/**
 * The 企画担当 sets this sheet's own 作成日・修正日・評価日 (even of a 評価確定 or 公開 sheet), or
 * returns one to the 部区's date. Each change is recorded in the sheet's history.
 */
export function SheetDatesDialog({
  sheet,
  open,
  onClose,
}: {
  sheet: SheetView;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title="作成日・修正日・評価日" onClose={onClose}>
      {open && <SheetDatesForm sheet={sheet} onClose={onClose} />}
    </Dialog>
  );
}

function SheetDatesForm({ sheet, onClose }: { sheet: SheetView; onClose: () => void }) {
  const own = new Set<SheetDateField>(sheet.workflow?.datesSetIndividually ?? []);
  const [inputs, setInputs] = useState<DateInputs>(() => toInputs(sheet));
  const [follow, setFollow] = useState<Set<SheetDateField>>(new Set());
  const [reason, setReason] = useState('');
  const { run, busy, problem } = useSheetAction(sheet.id);
  const errors = errorsByField(problem?.issues ?? []);

  const hints = Object.fromEntries(
    sheetDateFields.map((field) => [
      field,
      own.has(field)
        ? 'このシート個別に設定した日付です。'
        : '部区の日付（未設定なら既定の日付）に従っています。',
    ]),
  ) as Record<SheetDateField, string>;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = toDates(inputs);
    const dates: Partial<SheetDates> = {};
    for (const field of sheetDateFields) {
      if (!follow.has(field) && wanted[field] !== sheet[field]) dates[field] = wanted[field];
    }
    const text = reason.trim();
    const ok = await run(
      () =>
        saveSheetDates(sheet.id, {
          version: sheet.version,
          dates,
          follow: [...follow],
          ...(text === '' ? {} : { reason: text }),
        }),
      '作成日・修正日・評価日を保存しました。',
    );
    if (ok) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p>
        変更した日付はこのシート個別の日付になり、部区の日付を変えても変わりません。変更は履歴に記録されます。
      </p>
      <DateInputFields
        idPrefix={idPrefix}
        inputs={inputs}
        errors={errors}
        hints={hints}
        onChange={(field, value) => setInputs((current) => ({ ...current, [field]: value }))}
      />
      {own.size > 0 && (
        <fieldset className="form-field">
          <legend className="form-field__label">部区の日付に戻す</legend>
          {sheetDateFields
            .filter((field) => own.has(field))
            .map((field) => (
              <label key={field} className="choice">
                <input
                  type="checkbox"
                  checked={follow.has(field)}
                  onChange={(event) =>
                    setFollow((current) => {
                      const next = new Set(current);
                      if (event.target.checked) next.add(field);
                      else next.delete(field);
                      return next;
                    })
                  }
                />
                {sheetDateLabels[field]}
              </label>
            ))}
        </fieldset>
      )}
      <FormField id={`${idPrefix}-reason`} label="変更の理由（任意）">
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </FormField>
      {problem && <ErrorSummary message={problem.message} />}
      <div className="button-row dialog__buttons">
        <button type="button" className="button button--secondary" onClick={onClose}>
          キャンセル
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? '保存しています…' : '日付を保存'}
        </button>
      </div>
    </form>
  );
}
