import { sheetColumnLabels } from '../../../domain/fiscal-year';
import type { SheetDocument } from '../../../domain/sheet-document';
import { type FieldIssue, issuesFromZod } from '../../../schemas/issues';
import { sheetDocumentSchema } from '../../../schemas/sheet-edit';
import type { SummaryItem } from '../../components/ErrorSummary';
import { fieldTargets, formPath } from '../../lib/field-id';

/** Messages by document path (`goals[1].indicators[0].name`), the first one per field. */
export type FieldErrors = ReadonlyMap<string, string>;

export type Checked = { ok: true; document: SheetDocument } | { ok: false; issues: FieldIssue[] };

/** The same check the server makes, before anything is sent. */
export function checkDocument(document: SheetDocument): Checked {
  const parsed = sheetDocumentSchema.safeParse(document);
  if (parsed.success) return { ok: true, document: parsed.data };
  return { ok: false, issues: issuesFromZod(parsed.error) };
}

export function documentIssues(issues: FieldIssue[], fiscalYear: number): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, path: formPath(issue.path, fiscalYear) }));
}

export function errorsByPath(issues: FieldIssue[]): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of issues) if (!errors.has(issue.path)) errors.set(issue.path, issue.message);
  return errors;
}

const fieldLabels: Record<string, string> = {
  phone: '問合せ先（電話番号）',
  purpose: '組織の目的',
  approach: '取り組みについて',
  outcome: '取り組みの結果について',
  parentNo: '部区',
  text: '組織目標',
  initiatives: '主な取組',
  indicators: '指標',
  name: '項目',
  unit: '単位',
  direction: '方向',
  note: '補足・参考指標',
  achievement: '目標達成状況',
  evaluation: '評価',
  evaluationReason: '評価の理由',
  milestoneDone: '実施済み',
  goals: '組織目標',
};

/** Where a path is, in words: `goals[1].indicators[0].target.text` → 目標2 › 指標1 › R5目標. */
function pathLabel(path: string, fiscalYear: number): string {
  const columns = sheetColumnLabels(fiscalYear);
  const words: string[] = [];
  const parts = [...path.matchAll(/([A-Za-z]+)(?:\[(\d+)\])?/g)];
  for (const [index, part] of parts.entries()) {
    const [, name = '', position] = part;
    const n = position === undefined ? null : Number(position);
    if (name === 'goals' && n !== null) words.push(`目標${n + 1}`);
    else if (name === 'indicators' && n !== null) words.push(`指標${n + 1}`);
    else if (name === 'initiatives' && n !== null) words.push(`主な取組${n + 1}`);
    else if (name === 'actuals' && n !== null) words.push(columns.actuals[n]?.label ?? `実績${n + 1}`);
    else if (name === 'target') words.push(columns.target);
    else if (name === 'result') words.push(columns.result);
    else if (name === 'text' && parts[index - 1]?.[1] !== 'goals') continue;
    else words.push(fieldLabels[name] ?? name);
  }
  return words.join(' › ');
}

/** One summary line per issue, linking to its field (or the nearest enclosing group). */
export function summaryItems(issues: FieldIssue[], fiscalYear: number): SummaryItem[] {
  return issues.map((issue) => ({
    targets: issue.path === '' ? [] : fieldTargets(issue.path),
    message: issue.path === '' ? issue.message : `${pathLabel(issue.path, fiscalYear)}：${issue.message}`,
  }));
}
