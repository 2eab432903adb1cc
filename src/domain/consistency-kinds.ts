/** What the planning office's consistency report (点検表) can list, and how each is named. */
export const consistencyKinds = [
  'contradiction',
  'missing_result',
  'missing_evaluation',
  'unit_mismatch',
  'parent_goal_missing',
  'parent_sheet_missing',
  'unsafe_character',
] as const;
export type ConsistencyKind = (typeof consistencyKinds)[number];

export const consistencyKindLabels: Record<ConsistencyKind, string> = {
  contradiction: '基準と異なる評価（理由なし）',
  missing_result: '結果が未入力',
  missing_evaluation: '評価が未入力',
  unit_mismatch: '目標と結果の単位が異なる',
  parent_goal_missing: '部区の目標番号が見つからない',
  parent_sheet_missing: '部区のシートがない',
  unsafe_character: '機種依存文字',
};
