import { parseCell } from '../../../domain/cell-value';
import { type ConsistencyKind, listedIn } from '../../../domain/consistency-kinds';
import type { Phase } from '../../../domain/deadlines';
import { unsafeCharacters } from '../../../domain/publishable-text';
import { revisionMention } from '../../../domain/revision-mention';
import type { SheetDetail, SheetIndicator } from '../../../schemas/sheet';

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

export interface ConsistencyInput {
  /** The 部区's own sheet (goals the sections align to), null when it has none. */
  wardSheet: SheetDetail | null;
  /** Each sheet as approved (its 作成 snapshot), by sheet id; a sheet never approved here has none. */
  planSnapshots?: ReadonlyMap<string, SheetDetail>;
  /** The phase of the 部区's year: only what fits it is listed (see consistencyKindPhase). */
  phase?: Phase;
}

/** The planning office's checklist for a 部区 and year, before publication. */
export function checkConsistency(
  sheets: SheetDetail[],
  { wardSheet, planSnapshots = new Map(), phase = 'done' }: ConsistencyInput,
): ConsistencyItem[] {
  const items: ConsistencyItem[] = [];
  const wardGoals = new Set(wardSheet?.goals.map((g) => g.no));
  for (const sheet of sheets) {
    const add = (kind: ConsistencyKind, path: string, where: string, message: string) => {
      if (listedIn(kind, phase))
        items.push({ kind, sheetId: sheet.id, sheetTitle: sheet.title, path, where, message });
    };
    const planned = plannedTargets(planSnapshots.get(sheet.id));
    const evaluations = sheet.goals.flatMap((g) => g.indicators).filter((i) => i.evaluation).length;
    if (evaluations > 0 && !sheet.evaluatedOn) {
      const confirmed = sheet.status === 'evaluated' || sheet.status === 'published';
      add(
        'evaluated_without_date',
        'evaluatedOn',
        '評価日',
        confirmed
          ? `評価（${evaluations}件）が確定していますが、評価日がありません。企画担当が部区またはこのシートの評価日を設定してください`
          : `評価（${evaluations}件）が入力されていますが、評価日がありません（評価の確定で部区の評価日、未設定なら既定の評価日が入ります）`,
      );
    }
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
        if (!ind.target.text?.trim())
          add('missing_target', `${path}.target`, where, '目標が入力されていません');
        if (!ind.result.text?.trim())
          add('missing_result', `${path}.result`, where, '結果が入力されていません');
        const recorded = ind.revisions.length > 0;
        const plannedTarget = planned.get(ind.indicatorId);
        if (plannedTarget !== undefined && changedWithoutRevision(plannedTarget, ind)) {
          add(
            'unrecorded_target_change',
            `${path}.target`,
            where,
            `目標が作成時（承認時）の「${plannedTarget ?? '（なし）'}」から「${ind.target.text ?? '（なし）'}」に変わっていますが、目標の修正が記録されていません`,
          );
        }
        const mention = recorded ? null : revisionMention(ind.note);
        if (mention) {
          add(
            'unrecorded_revision_note',
            `${path}.note`,
            where,
            `補足に「${mention}」と目標の修正の記載がありますが、目標の修正が記録されていません。目標の修正として申請・承認してください`,
          );
        }
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
            `評価は「${ind.evaluation}」ですが、基準では「${ind.suggestion.evaluation}」です（${ind.suggestion.basis}）。評価を見直すか、理由を入力してください`,
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

/** The target text of each indicator as the sheet was approved, by series id. */
function plannedTargets(snapshot: SheetDetail | undefined): Map<string, string | null> {
  return new Map(
    snapshot?.goals.flatMap((g) => g.indicators.map((i) => [i.indicatorId, i.target.text] as const)) ?? [],
  );
}

/**
 * The target differs from the approved plan, and no approved revision ends at it (a revision
 * chain 50 → 45 explains a target of 45; a later change to 40 is still unrecorded).
 */
function changedWithoutRevision(planned: string | null, ind: SheetIndicator): boolean {
  const now = ind.target.text?.trim() || null;
  if ((planned?.trim() || null) === now) return false;
  const last = ind.revisions.at(-1);
  return (last?.to.text?.trim() || null) !== now;
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
