import type { Deadlines } from '../../../domain/deadlines';
import { formatSheetDate } from '../../../domain/sheet-text';

export const deadlineFields = ['plan', 'revision', 'evaluation'] as const;
export type DeadlineField = (typeof deadlineFields)[number];

export const deadlineLabels: Record<DeadlineField, string> = {
  plan: '作成の期限',
  revision: '修正の期限',
  evaluation: '評価の期限',
};

export const deadlineHints: Record<DeadlineField, string> = {
  plan: 'シートの作成・承認を終える日',
  revision: '目標の修正を受け付ける最後の日',
  evaluation: '評価を確定する日',
};

/** The form's values: '' for a deadline not set. */
export type DeadlineInputs = Record<DeadlineField, string>;

export function toInputs(deadlines: Deadlines): DeadlineInputs {
  return {
    plan: deadlines.plan ?? '',
    revision: deadlines.revision ?? '',
    evaluation: deadlines.evaluation ?? '',
  };
}

export function toDeadlines(inputs: DeadlineInputs): Deadlines {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    plan: orNull(inputs.plan),
    revision: orNull(inputs.revision),
    evaluation: orNull(inputs.evaluation),
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The check the server makes, said next to each field: a date in the form YYYY-MM-DD, and the
 * deadlines in the order 作成 → 修正 → 評価 (a deadline not set is skipped).
 */
export function checkDeadlines(inputs: DeadlineInputs): Map<DeadlineField, string> {
  const errors = new Map<DeadlineField, string>();
  let previous: { field: DeadlineField; date: string } | null = null;
  for (const field of deadlineFields) {
    const date = inputs[field];
    if (date === '') continue;
    if (!isoDate.test(date)) {
      errors.set(field, '日付を正しく入力してください（例：2023-04-01）');
      continue;
    }
    if (previous && date < previous.date) {
      errors.set(
        field,
        `${deadlineLabels[previous.field]}（${formatSheetDate(previous.date)}）と同じか、それより後の日付にしてください`,
      );
    }
    previous = { field, date };
  }
  return errors;
}

/** An issue from the API (`deadlines.revision`) → its field. */
export function fieldOfIssue(path: string): DeadlineField | null {
  const name = path.replace(/^deadlines\./, '');
  return deadlineFields.find((field) => field === name) ?? null;
}
