import { formatFiscalYear } from '../domain/fiscal-year';
import { importActionLabels, importCountsText } from '../domain/import-preview';
import { sheetStatusLabels } from '../domain/sheet-status';
import type { ImportPreview } from '../schemas/import';

const formatLabels = { json: '交換形式の JSON', xlsx: 'Excel' } as const;

/** 取り込みの確認 as lines for the terminal: the file, each sheet's fate, each changed field. */
export function formatImportPreview(preview: ImportPreview): string[] {
  const lines: string[] = [];
  const file = preview.fileName
    ? `${preview.fileName}（${formatLabels[preview.format]}）`
    : formatLabels[preview.format];
  lines.push(`取り込みの確認: ${file}`);
  lines.push(
    `  ${preview.municipality} ${preview.ward} ${formatFiscalYear(preview.fiscalYear)}` +
      `（${preview.fiscalYear}年度）${preview.newWard ? ' ※この部区はまだ登録されていません（新しく作成します）' : ''}`,
  );
  for (const mismatch of preview.mismatches) lines.push(`  ！ ${mismatch.message}`);
  lines.push(`  シート${preview.sheetOutcomes.length}件: ${importCountsText(preview)}`);
  for (const outcome of preview.sheetOutcomes) {
    const state = outcome.currentStatus ? `（${sheetStatusLabels[outcome.currentStatus]}）` : '';
    const mark = outcome.needsReason ? ' ※理由が必要' : '';
    lines.push(`  [${importActionLabels[outcome.action]}] ${outcome.title}${state}${mark}`);
    for (const change of outcome.changes) {
      lines.push(`      ${change.label}: ${change.before ?? '（なし）'} → ${change.after ?? '（なし）'}`);
    }
  }
  if (preview.warnings.length > 0) {
    lines.push(`  無視した項目（${preview.warnings.length}件）:`);
    for (const warning of preview.warnings) lines.push(`      ${warning.path}: ${warning.message}`);
  }
  if (preview.needsReason) {
    lines.push('  評価確定・公開のシートを置き換えます。--reason で理由を指定してください。');
  }
  return lines;
}
