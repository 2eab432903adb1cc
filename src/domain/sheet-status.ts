/**
 * Where a sheet stands in its year (see docs/glossary.md):
 * 下書き → 提出 → 承認（修正・実績入力） → 評価提出 → 評価承認 → 評価確定 → 公開.
 */
export const sheetStatuses = [
  'draft',
  'submitted',
  'approved',
  'evaluation_submitted',
  'evaluation_approved',
  'evaluated',
  'published',
] as const;
export type SheetStatus = (typeof sheetStatuses)[number];

export const sheetStatusLabels: Record<SheetStatus, string> = {
  draft: '下書き',
  submitted: '提出済み（承認待ち）',
  approved: '承認済み（修正・実績入力）',
  evaluation_submitted: '評価提出済み（所属長確認待ち）',
  evaluation_approved: '評価承認済み（企画担当確認待ち）',
  evaluated: '評価確定',
  published: '公開',
};
