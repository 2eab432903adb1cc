import { parseCell } from '../../../domain/cell-value';
import type { ConsistencyKind } from '../../../domain/consistency-kinds';
import { unsafeCharacters } from '../../../domain/publishable-text';
import type { SheetDetail } from '../../../schemas/sheet';

export interface ConsistencyItem {
  kind: ConsistencyKind;
  sheetId: string;
  sheetTitle: string;
  /** Where to fix it, in the sheet document: `goals[1].indicators[0].evaluation`. */
  path: string;
  /** Where, in words: 目標2「生活習慣病予防講座開催数」. */
  where: string;
  message: string;
}

/**
 * The planning office's checklist for a 部区 and year, before publication. `wardSheet` is the
 * 部区's own sheet (goals the sections align to), null when it has none.
 */
export function checkConsistency(sheets: SheetDetail[], wardSheet: SheetDetail | null): ConsistencyItem[] {
  const items: ConsistencyItem[] = [];
  const wardGoals = new Set(wardSheet?.goals.map((g) => g.no));
  for (const sheet of sheets) {
    const add = (kind: ConsistencyKind, path: string, where: string, message: string) =>
      items.push({ kind, sheetId: sheet.id, sheetTitle: sheet.title, path, where, message });
    for (const field of ['purpose', 'approach', 'outcome'] as const) {
      const message = unsafeMessage([sheet[field]]);
      if (message) add('unsafe_character', field, fieldLabels[field], message);
    }
    sheet.goals.forEach((goal, gi) => {
      const goalWhere = `目標${goal.no}`;
      if (goal.parentNo !== null && sheet.id !== wardSheet?.id) {
        if (!wardSheet) {
          add(
            'parent_sheet_missing',
            `goals[${gi}].parentNo`,
            goalWhere,
            `部区の目標${goal.parentNo}に沿うとされていますが、${sheet.ward.name}のシートがないため確かめられません`,
          );
        } else if (!wardGoals.has(goal.parentNo)) {
          add(
            'parent_goal_missing',
            `goals[${gi}].parentNo`,
            goalWhere,
            `部区の目標${goal.parentNo}は${sheet.ward.name}のシートにありません`,
          );
        }
      }
      const goalMessage = unsafeMessage([goal.text, ...goal.initiatives]);
      if (goalMessage) add('unsafe_character', `goals[${gi}]`, goalWhere, goalMessage);
      goal.indicators.forEach((ind, ii) => {
        const path = `goals[${gi}].indicators[${ii}]`;
        const where = `目標${goal.no}「${ind.name}」`;
        if (!ind.result.text?.trim())
          add('missing_result', `${path}.result`, where, '結果が入力されていません');
        if (!ind.evaluation) add('missing_evaluation', `${path}.evaluation`, where, '評価が選ばれていません');
        if (
          ind.evaluation &&
          ind.suggestion &&
          ind.suggestion.evaluation !== ind.evaluation &&
          !ind.evaluationReason?.trim()
        ) {
          add(
            'contradiction',
            `${path}.evaluation`,
            where,
            `評価は「${ind.evaluation}」ですが、基準では「${ind.suggestion.evaluation}」です（${ind.suggestion.basis}）。評価を見直すか、理由を記入してください`,
          );
        }
        const targetUnit = parseCell(ind.target.text).unit;
        const resultUnit = parseCell(ind.result.text).unit;
        if (targetUnit && resultUnit && targetUnit !== resultUnit) {
          add(
            'unit_mismatch',
            `${path}.result`,
            where,
            `目標は「${targetUnit}」、結果は「${resultUnit}」で単位が異なります`,
          );
        }
        const texts = [
          ind.name,
          ind.unit,
          ind.target.text,
          ind.result.text,
          ind.note,
          ind.achievement,
          ...ind.actuals.map((a) => a.text),
        ];
        const message = unsafeMessage(texts);
        if (message) add('unsafe_character', path, where, message);
      });
    });
  }
  return items;
}

const fieldLabels = {
  purpose: '組織の目的',
  approach: '取り組みについて',
  outcome: '取り組みの結果について',
} as const;

/** One hint for all 機種依存文字 of these texts, by kind. */
function unsafeMessage(texts: (string | null)[]): string | null {
  const byKind = new Map<string, Set<string>>();
  for (const u of texts.flatMap(unsafeCharacters))
    byKind.set(u.kind, (byKind.get(u.kind) ?? new Set()).add(u.char));
  if (byKind.size === 0) return null;
  const listed = [...byKind].map(([kind, chars]) => `${kind}「${[...chars].join('')}」`).join('、');
  return `${listed}は機種依存文字です。この画面・PDF・CSV・Excel ではそのまま表示されますが、読み上げソフトや他のシステム（Shift_JIS など）では正しく扱われないことがあります`;
}
