import { type SheetDateField, type SheetDates, sheetDateFields } from '../../../domain/sheet-dates';

/** The form's values: '' for no date. */
export type DateInputs = Record<SheetDateField, string>;

export function toInputs(dates: SheetDates): DateInputs {
  return {
    createdOn: dates.createdOn ?? '',
    revisedOn: dates.revisedOn ?? '',
    evaluatedOn: dates.evaluatedOn ?? '',
  };
}

export function toDates(inputs: DateInputs): SheetDates {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    createdOn: orNull(inputs.createdOn),
    revisedOn: orNull(inputs.revisedOn),
    evaluatedOn: orNull(inputs.evaluatedOn),
  };
}

/** The API's issues (`dates.revisedOn`, or any path naming a field) by field; the first message wins. */
export function errorsByField(issues: { path: string; message: string }[]): Map<SheetDateField, string> {
  const errors = new Map<SheetDateField, string>();
  for (const issue of issues) {
    const field = sheetDateFields.find((f) => issue.path === f || issue.path.endsWith(`.${f}`));
    if (field && !errors.has(field)) errors.set(field, issue.message);
  }
  return errors;
}
