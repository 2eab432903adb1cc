import { type Phase, phases } from './deadlines';

/** What the planning office's consistency report (点検表) can list, and how each is named. */
export const consistencyKinds = [
  'contradiction',
  'missing_target',
  'missing_result',
  'missing_evaluation',
  'evaluated_without_date',
  'unrecorded_target_change',
  'unrecorded_revision_note',
  'unit_mismatch',
  'parent_goal_missing',
  'parent_sheet_missing',
  'unsafe_character',
] as const;
export type ConsistencyKind = (typeof consistencyKinds)[number];

export const consistencyKindLabels: Record<ConsistencyKind, string> = {
  contradiction: '基準と異なる評価（理由なし）',
  missing_target: '目標が未入力',
  missing_result: '結果が未入力',
  missing_evaluation: '評価が未入力',
  evaluated_without_date: '評価日がない',
  unrecorded_target_change: '記録のない目標の変更',
  unrecorded_revision_note: '補足に修正の記載（修正の記録なし）',
  unit_mismatch: '目標と結果の単位が異なる',
  parent_goal_missing: '部区の目標番号が見つからない',
  parent_sheet_missing: '部区のシートがない',
  unsafe_character: '機種依存文字',
};

/**
 * From which phase of the year each kind is listed: an empty target matters from 作成 on,
 * a 修正 only once revisions can happen, an empty result or evaluation only in 評価 — not
 * every empty result in April. Kinds that need what they compare (a contradiction needs an
 * evaluation) are listed whenever they occur.
 */
const consistencyKindPhase: Record<ConsistencyKind, Phase> = {
  contradiction: 'plan',
  missing_target: 'plan',
  missing_result: 'evaluation',
  missing_evaluation: 'evaluation',
  evaluated_without_date: 'evaluation',
  unrecorded_target_change: 'revision',
  unrecorded_revision_note: 'revision',
  unit_mismatch: 'plan',
  parent_goal_missing: 'plan',
  parent_sheet_missing: 'plan',
  unsafe_character: 'plan',
};

/** Whether the report lists this kind while the 部区's year is in `phase`. */
export function listedIn(kind: ConsistencyKind, phase: Phase): boolean {
  return phases.indexOf(phase) >= phases.indexOf(consistencyKindPhase[kind]);
}
