import '../../styles/ward-year.css';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  formatMonthDay,
  type NominalDates,
  type SheetDateField,
  sheetDateFields,
  sheetDateLabels,
} from '../../../domain/sheet-dates';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { saveNominalDates } from '../../lib/api-sheet-dates';
import { meQuery, nominalDatesQuery } from '../../lib/queries';
import { canOnMunicipality } from '../../lib/ward-permissions';
import { errorsByField } from './date-fields';

const months = Array.from({ length: 12 }, (_, i) => ((i + 3) % 12) + 1);
const days = Array.from({ length: 31 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

function NominalDatesForm({ dates }: { dates: NominalDates }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(dates);
  const [errors, setErrors] = useState<Map<SheetDateField, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const part = (field: SheetDateField, index: 0 | 1) => Number(values[field].split('-')[index]);
  const set = (field: SheetDateField, month: number, day: number) =>
    setValues((current) => ({ ...current, [field]: `${pad(month)}-${pad(day)}` }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    setProblem(null);
    setErrors(new Map());
    try {
      const saved = await saveNominalDates(values);
      queryClient.setQueryData(nominalDatesQuery().queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['ward-year-sheets'] });
      setDone('既定の日付を保存しました。');
    } catch (error) {
      const byField = errorsByField(error instanceof ApiError ? error.issues : []);
      setErrors(byField);
      setProblem(error instanceof Error ? error.message : '保存できませんでした。');
      const first = sheetDateFields.find((field) => byField.has(field));
      if (first) document.getElementById(`nominal-${first}-month`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="deadline-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="deadline-form__fields">
        {sheetDateFields.map((field) => (
          <FormField
            key={field}
            id={`nominal-${field}-month`}
            label={`${sheetDateLabels[field]}（月）`}
            error={errors.get(field)}
            note={formatMonthDay(values[field])}
          >
            {(control) => (
              <span className="button-row">
                <select
                  {...control}
                  className="select"
                  value={part(field, 0)}
                  onChange={(event) => set(field, Number(event.target.value), part(field, 1))}
                >
                  {months.map((m) => (
                    <option key={m} value={m}>{`${m}月`}</option>
                  ))}
                </select>
                <select
                  className="select"
                  aria-label={`${sheetDateLabels[field]}（日）`}
                  value={part(field, 1)}
                  onChange={(event) => set(field, part(field, 0), Number(event.target.value))}
                >
                  {days.map((d) => (
                    <option key={d} value={d}>{`${d}日`}</option>
                  ))}
                </select>
              </span>
            )}
          </FormField>
        ))}
      </div>
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '保存しています…' : '既定の日付を保存'}
        </button>
        <p role="status" className="deadline-form__done">
          {done}
        </p>
      </div>
    </form>
  );
}

function CurrentDates() {
  const { data: me } = useSuspenseQuery(meQuery());
  const { data: dates } = useSuspenseQuery(nominalDatesQuery());
  if (canOnMunicipality(me, 'setNominalDates')) return <NominalDatesForm dates={dates} />;
  return (
    <>
      <dl className="date-list">
        {sheetDateFields.map((field) => (
          <div key={field}>
            <dt>{sheetDateLabels[field]}</dt>
            <dd>{formatMonthDay(dates[field])}</dd>
          </div>
        ))}
      </dl>
      <p className="notice notice--info">既定の日付を変更できるのは管理者です。</p>
    </>
  );
}

/**
 * 作成日・修正日・評価日, a section of the municipality's settings (`/settings`): the nominal
 * month and day of each in the fiscal year. 管理者 changes them; other signed-in users read them.
 */
export function NominalDatesSettings() {
  return (
    <section aria-labelledby="sheet-dates-title" id="sheet-dates">
      <h2 id="sheet-dates-title">作成日・修正日・評価日の既定の日付</h2>
      <p>
        シートに印刷する作成日・修正日・評価日の、年度ごとの既定の月日です。1月〜3月の日付は年度の翌年の日付になります（令和5年度の3月31日は令和6年3月31日）。部区の企画担当が年度の日付を設定すると、そちらが優先されます。変更しても、すでに日付の入ったシートは変わりません。
      </p>
      <CurrentDates />
    </section>
  );
}
