import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { type SheetDateField, sheetDateFields, sheetDateLabels } from '../../../domain/sheet-dates';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { WardYearSheets } from '../../../schemas/sheet';
import { ApiError } from '../../lib/api';
import { saveWardYearDates } from '../../lib/api-sheet-dates';
import { meQuery } from '../../lib/queries';
import { canOnWard } from '../../lib/ward-permissions';
import { DateInputFields } from './DateInputFields';
import { type DateInputs, errorsByField, toDates, toInputs } from './date-fields';

const idPrefix = 'ward-year-date';

/**
 * The 作成日・修正日・評価日 the year's sheets print. The 企画担当 of the 部区 sets them; where
 * none is set, the municipality's nominal date applies. Others read them.
 */
export function WardYearDatesSection({ data }: { data: WardYearSheets }) {
  const { data: me } = useQuery(meQuery());
  const canSet = canOnWard(me, 'setSheetDates', data.ward);
  return (
    <section className="deadlines" aria-labelledby="ward-year-dates-title">
      <h2 id="ward-year-dates-title">{`${formatFiscalYear(data.fiscalYear)}の作成日・修正日・評価日`}</h2>
      <p className="form-field__hint">
        シートに印刷される日付です。作成（承認）・修正（目標の修正の承認）・評価（評価の確定）を終えたシートに、この日付が入ります。操作した日の日付ではありません。
      </p>
      {canSet ? (
        <WardYearDatesForm data={data} />
      ) : (
        <dl className="date-list">
          {sheetDateFields.map((field) => (
            <div key={field}>
              <dt>{sheetDateLabels[field]}</dt>
              <dd>{formatSheetDate(data.officialDates[field])}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function WardYearDatesForm({ data }: { data: WardYearSheets }) {
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState<DateInputs>(() => toInputs(data.dates));
  const [errors, setErrors] = useState<Map<SheetDateField, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const hints = Object.fromEntries(
    sheetDateFields.map((field) => [
      field,
      `空欄なら自治体の既定の日付（${formatSheetDate(data.nominalDates[field])}）`,
    ]),
  ) as Record<SheetDateField, string>;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    setProblem(null);
    setErrors(new Map());
    setBusy(true);
    try {
      const query = {
        fiscalYear: data.fiscalYear,
        ward: data.ward.name,
        municipality: data.ward.municipality,
      };
      const answer = await saveWardYearDates(query, toDates(inputs));
      const titles = answer.updatedSheets.map((s) => s.title);
      setDone(
        titles.length > 0
          ? `日付を設定しました。次のシートの日付を変更し、履歴に記録しました：${titles.join('、')}`
          : '日付を設定しました。日付が変わったシートはありません。',
      );
      await queryClient.invalidateQueries({ queryKey: ['ward-year-sheets'] });
      await queryClient.invalidateQueries({ queryKey: ['sheet'] });
    } catch (error) {
      const byField = errorsByField(error instanceof ApiError ? error.issues : []);
      setErrors(byField);
      setProblem(error instanceof Error ? error.message : '日付を設定できませんでした。');
      const first = sheetDateFields.find((field) => byField.has(field));
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="deadline-form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="form-field__hint">
        変更すると、すでにその日付を持つこの年度のシートも変わり、各シートの履歴に記録されます。シートごとに個別に設定した日付は変わりません。
      </p>
      <DateInputFields
        idPrefix={idPrefix}
        inputs={inputs}
        errors={errors}
        hints={hints}
        onChange={(field, value) => setInputs((current) => ({ ...current, [field]: value }))}
      />
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '設定しています…' : '日付を設定'}
        </button>
        <p role="status" className="deadline-form__done">
          {done}
        </p>
      </div>
    </form>
  );
}
