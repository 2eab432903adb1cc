import type { SummaryItem } from '../../components/ErrorSummary';
import { ApiError } from '../../lib/api';

/** What went wrong with a form: a title for the summary and one message per field id. */
export interface FormProblem {
  title: string;
  fields: Record<string, string>;
  /** Messages that belong to no field on the page. */
  other: string[];
}

/** The element id of the field an issue's path names (`grants[1].role` → `grant-1-role`). */
function fieldIdOf(path: string, ids: Record<string, string>): string | null {
  if (ids[path]) return ids[path] ?? null;
  const grant = /^grants\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (grant) return `grant-${grant[1]}-${grant[2] ?? 'ward'}`;
  if (path === 'grants') return 'grant-add';
  return null;
}

/** The API's refusal (or any failure) as a form problem. */
export function problemOf(error: unknown, ids: Record<string, string>, fallback: string): FormProblem {
  if (!(error instanceof ApiError)) return { title: fallback, fields: {}, other: [] };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of error.issues) {
    const id = fieldIdOf(issue.path, ids);
    if (id) fields[id] ??= issue.message;
    else other.push(issue.message);
  }
  return { title: error.message, fields, other };
}

/** The summary's items: each field's message links to the field. */
export function summaryItems(problem: FormProblem): SummaryItem[] {
  return [
    ...Object.entries(problem.fields).map(([id, message]) => ({ targets: [id], message })),
    ...problem.other.map((message) => ({ message })),
  ];
}
