/**
 * Where a sheet stands in its year (see docs/glossary.md):
 * 下書き → 提出 → 承認 → 評価提出 → 評価確定 → 公開. 修正 and 実績入力 happen while 承認.
 */
export const sheetStatuses = [
  'draft',
  'submitted',
  'approved',
  'evaluation_submitted',
  'evaluated',
  'published',
] as const;
export type SheetStatus = (typeof sheetStatuses)[number];

export const sheetStatusLabels: Record<SheetStatus, string> = {
  draft: '下書き',
  submitted: '提出済み',
  approved: '承認済み',
  evaluation_submitted: '評価提出済み',
  evaluated: '評価確定',
  published: '公開',
};
