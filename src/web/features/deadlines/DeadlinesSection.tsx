import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { WardYearSheets } from '../../../schemas/sheet';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { saveDeadlines } from '../../lib/api-ward-year';
import { meQuery } from '../../lib/queries';
import { canOnWard } from '../../lib/ward-permissions';
import {
  checkDeadlines,
  type DeadlineField,
  deadlineFields,
  deadlineHints,
  deadlineLabels,
  fieldOfIssue,
  toDeadlines,
  toInputs,
} from './deadline-fields';

const inputId = (field: DeadlineField) => `deadline-${field}`;

/** The year's 作成・修正・評価 deadlines; the 企画担当 of the 部区 sets them here. */
export function DeadlinesSection({ data }: { data: WardYearSheets }) {
  const { data: me } = useQuery(meQuery());
  const canSet = canOnWard(me, 'setDeadlines', data.ward);
  return (
    <section className="deadlines" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{`${formatFiscalYear(data.fiscalYear)}の期限`}</h2>
      {canSet ? (
        <DeadlinesForm data={data} />
      ) : (
        <dl className="deadline-list">
          {deadlineFields.map((field) => (
            <div key={field}>
              <dt>{deadlineLabels[field]}</dt>
              <dd>{data.deadlines[field] ? formatSheetDate(data.deadlines[field]) : '未設定'}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function DeadlinesForm({ data }: { data: WardYearSheets }) {
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState(() => toInputs(data.deadlines));
  const [errors, setErrors] = useState<Map<DeadlineField, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    setProblem(null);
    const found = checkDeadlines(inputs);
    setErrors(found);
    const first = deadlineFields.find((field) => found.has(field));
    if (first) {
      document.getElementById(inputId(first))?.focus();
      return;
    }
    setBusy(true);
    try {
      const query = {
        fiscalYear: data.fiscalYear,
        ward: data.ward.name,
        municipality: data.ward.municipality,
      };
      await saveDeadlines(query, toDeadlines(inputs));
      setDone('期限を設定しました。');
      await queryClient.invalidateQueries({ queryKey: ['ward-year-sheets'] });
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      const byField = new Map<DeadlineField, string>();
      for (const issue of issues) {
        const field = fieldOfIssue(issue.path);
        if (field && !byField.has(field)) byField.set(field, issue.message);
      }
      setErrors(byField);
      setProblem(error instanceof Error ? error.message : '期限を設定できませんでした。');
      const firstField = deadlineFields.find((field) => byField.has(field));
      if (firstField) document.getElementById(inputId(firstField))?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="deadline-form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="form-field__hint">
        空欄の期限は「未設定」になります。期限を過ぎたシートは一覧に「期限超過」と表示されます。
      </p>
      <div className="deadline-form__fields">
        {deadlineFields.map((field) => (
          <FormField
            key={field}
            id={inputId(field)}
            label={deadlineLabels[field]}
            hint={deadlineHints[field]}
            error={errors.get(field)}
            note={inputs[field] ? formatSheetDate(inputs[field]) : '未設定'}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="date"
                value={inputs[field]}
                onChange={(event) => setInputs((current) => ({ ...current, [field]: event.target.value }))}
              />
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
          {busy ? '設定しています…' : '期限を設定'}
        </button>
        <p role="status" className="deadline-form__done">
          {done}
        </p>
      </div>
    </form>
  );
}
