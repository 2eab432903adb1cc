import { formatFiscalYearShort } from './fiscal-year';
import type { IndicatorDocument, SheetDocument } from './sheet-document';
import type { SheetPart } from './sheet-lifecycle';
import { type SheetStatus, sheetStatusLabels } from './sheet-status';

/** One field that changed, named so a person can read it. */
export interface SheetChange {
  /** Where, in the document: `goals[1].indicators[0].target`. */
  path: string;
  /** Where, in words: 目標2 › 指標「協働した団体数」 › R4目標. */
  label: string;
  before: string | null;
  after: string | null;
  /** Which part of the sheet it belongs to; `any` is editable whenever something is. */
  part: SheetPart;
}

const headerFields = [
  ['phone', '問合せ先（電話番号）', 'plan'],
  ['purpose', '組織の目的', 'plan'],
  ['approach', '取り組みについて', 'plan'],
  ['outcome', '取り組みの結果について', 'results'],
] as const;

/** Every difference between two versions of a sheet of fiscal year `fy`. */
export function diffSheets(before: SheetDocument, after: SheetDocument, fy: number): SheetChange[] {
  const changes: SheetChange[] = [];
  const push = (path: string, label: string, b: unknown, a: unknown, part: SheetChange['part']) => {
    const bs = show(b);
    const as = show(a);
    if (bs !== as) changes.push({ path, label, before: bs, after: as, part });
  };
  for (const [field, label, part] of headerFields) push(field, label, before[field], after[field], part);

  const beforeIds = new Map<string, { goal: number; indicator: IndicatorDocument }>();
  before.goals.forEach((g, gi) => {
    for (const ind of g.indicators)
      if (ind.indicatorId) beforeIds.set(ind.indicatorId, { goal: gi, indicator: ind });
  });
  const seen = new Set<string>();
  const goalCount = Math.max(before.goals.length, after.goals.length);
  for (let gi = 0; gi < goalCount; gi++) {
    const b = before.goals[gi];
    const a = after.goals[gi];
    const where = `目標${gi + 1}`;
    if (!b || !a) {
      push(`goals[${gi}]`, where, b?.text ?? null, a?.text ?? null, 'plan');
      if (!a) continue;
    } else {
      push(`goals[${gi}].text`, `${where} › 組織目標`, b.text, a.text, 'plan');
      push(`goals[${gi}].parentNo`, `${where} › 部区`, b.parentNo, a.parentNo, 'plan');
      push(
        `goals[${gi}].initiatives`,
        `${where} › 主な取組`,
        b.initiatives.join('\n'),
        a.initiatives.join('\n'),
        'plan',
      );
    }
    a.indicators.forEach((ind, ii) => {
      const path = `goals[${gi}].indicators[${ii}]`;
      const label = `${where} › 指標「${ind.name}」`;
      const previous = ind.indicatorId ? beforeIds.get(ind.indicatorId) : undefined;
      if (!previous) {
        push(path, label, null, ind.name, 'plan');
        return;
      }
      seen.add(ind.indicatorId ?? '');
      if (previous.goal !== gi)
        push(`${path}.goal`, `${label} › 組織目標`, `目標${previous.goal + 1}`, where, 'plan');
      changes.push(...diffIndicator(previous.indicator, ind, path, label, fy));
    });
  }
  for (const [id, { goal, indicator }] of beforeIds) {
    if (!seen.has(id))
      push(
        `goals[${goal}].indicators`,
        `目標${goal + 1} › 指標「${indicator.name}」`,
        indicator.name,
        null,
        'plan',
      );
  }
  return changes;
}

function diffIndicator(b: IndicatorDocument, a: IndicatorDocument, path: string, label: string, fy: number) {
  const changes: SheetChange[] = [];
  const push = (field: string, name: string, bv: unknown, av: unknown, part: SheetChange['part']) => {
    const bs = show(bv);
    const as = show(av);
    if (bs !== as)
      changes.push({ path: `${path}.${field}`, label: `${label} › ${name}`, before: bs, after: as, part });
  };
  const short = formatFiscalYearShort(fy);
  push('name', '項目', b.name, a.name, 'plan');
  push('unit', '単位', b.unit, a.unit, 'plan');
  push('direction', '方向', b.direction, a.direction, 'plan');
  for (const actual of a.actuals) {
    const previous = b.actuals.find((x) => x.fiscalYear === actual.fiscalYear);
    push(
      `actuals.${actual.fiscalYear}`,
      `${formatFiscalYearShort(actual.fiscalYear)}実績`,
      previous?.text ?? null,
      actual.text,
      'plan',
    );
  }
  push('target', `${short}目標`, b.target.text, a.target.text, 'plan');
  push('result', `${short}結果`, b.result.text, a.result.text, 'results');
  push('note', '補足・参考指標', b.note, a.note, 'any');
  push('achievement', '目標達成状況', b.achievement, a.achievement, 'results');
  push('evaluation', '評価', b.evaluation, a.evaluation, 'results');
  push('evaluationReason', '評価の理由', b.evaluationReason, a.evaluationReason, 'results');
  push('milestoneDone', '実施済み', doneLabel(b.milestoneDone), doneLabel(a.milestoneDone), 'results');
  return changes;
}

/** Values compare and show as text; empty text is no value. */
function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text === '' ? null : text;
}

function doneLabel(done: boolean | null | undefined): string | null {
  return done === true ? '実施済み' : done === false ? '未実施' : null;
}

/** A sheet's header as printed and its state: what an import may change besides the content. */
export interface SheetHeaderFields {
  departmentName: string;
  organizationName: string | null;
  createdOn: string | null;
  revisedOn: string | null;
  evaluatedOn: string | null;
  status: SheetStatus;
}

const headerRecordFields = [
  ['departmentName', '組織名（部）'],
  ['organizationName', '組織名（準部・課・機関名）'],
  ['createdOn', '作成日'],
  ['revisedOn', '修正日'],
  ['evaluatedOn', '評価日'],
] as const;

/** Differences of the header fields no editor changes (names, dates, state), for imports. */
export function diffSheetHeader(before: SheetHeaderFields, after: SheetHeaderFields): SheetChange[] {
  const changes: SheetChange[] = [];
  for (const [field, label] of headerRecordFields) {
    const b = show(before[field]);
    const a = show(after[field]);
    if (b !== a) changes.push({ path: field, label, before: b, after: a, part: 'any' });
  }
  if (before.status !== after.status) {
    changes.push({
      path: 'status',
      label: '状態',
      before: sheetStatusLabels[before.status],
      after: sheetStatusLabels[after.status],
      part: 'any',
    });
  }
  return changes;
}
