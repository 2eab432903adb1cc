import type { ReactNode } from 'react';
import { type SheetDateField, sheetDateFields, sheetDateLabels } from '../../../domain/sheet-dates';
import { formatSheetDate } from '../../../domain/sheet-text';
import { FormField } from '../../components/FormField';
import type { DateInputs } from './date-fields';

/** 作成日・修正日・評価日 as three date inputs, each with its hint, error and the date as printed. */
export function DateInputFields({
  idPrefix,
  inputs,
  errors,
  hints,
  onChange,
}: {
  idPrefix: string;
  inputs: DateInputs;
  errors: Map<SheetDateField, string>;
  hints: Record<SheetDateField, ReactNode>;
  onChange: (field: SheetDateField, value: string) => void;
}) {
  return (
    <div className="deadline-form__fields">
      {sheetDateFields.map((field) => (
        <FormField
          key={field}
          id={`${idPrefix}-${field}`}
          label={sheetDateLabels[field]}
          hint={hints[field]}
          error={errors.get(field)}
          note={inputs[field] ? `印刷される日付：${formatSheetDate(inputs[field])}` : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={inputs[field]}
              onChange={(event) => onChange(field, event.target.value)}
            />
          )}
        </FormField>
      ))}
    </div>
  );
}
