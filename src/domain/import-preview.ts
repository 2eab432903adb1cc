import { formatFiscalYear } from './fiscal-year';
import type { SheetStatus } from './sheet-status';

/**
 * 取り込みの確認: what an import will do to each sheet, said before it does it, and the rule
 * for replacing a sheet that is already final (評価確定 or 公開).
 */

export const importActions = ['create', 'replace', 'unchanged'] as const;
export type ImportAction = (typeof importActions)[number];

export const importActionLabels: Record<ImportAction, string> = {
  create: '新規',
  replace: '置き換え',
  unchanged: '変更なし',
};

/** 「新規 2件・置き換え 5件・変更なし 1件」: how many sheets an import creates, replaces and leaves. */
export function importCountsText(counts: { created: number; replaced: number; unchanged: number }): string {
  const byAction: Record<ImportAction, number> = {
    create: counts.created,
    replace: counts.replaced,
    unchanged: counts.unchanged,
  };
  return importActions.map((action) => `${importActionLabels[action]} ${byAction[action]}件`).join('・');
}

/** A sheet in one of these states is the published record: replacing it needs a reason. */
const finalStatuses: readonly SheetStatus[] = ['evaluated', 'published'];

export function replacingNeedsReason(action: ImportAction, currentStatus: SheetStatus | null): boolean {
  return action === 'replace' && currentStatus !== null && finalStatuses.includes(currentStatus);
}

export const importFormats = ['json', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** How the file came in: the page, the API, the command line, or the app itself (sample data). */
const importChannels = ['browser', 'api', 'cli', 'system'] as const;
export type ImportChannel = (typeof importChannels)[number];

export interface ImportSource {
  format: ImportFormat;
  fileName: string | null;
  channel: ImportChannel;
}

const formatLabels: Record<ImportFormat, string> = {
  json: '交換形式の JSON ファイル',
  xlsx: 'Excel ファイル',
};
const channelLabels: Record<ImportChannel, string> = {
  browser: '画面から',
  api: 'API から',
  cli: 'コマンドラインから',
  system: '',
};

/** The history's words for one sheet written by an import: 「Excel ファイル「北区.xlsx」を画面から取り込み（置き換え）。理由：…」 */
export function describeImport(source: ImportSource, action: ImportAction, reason: string | null): string {
  const file = source.fileName
    ? `${formatLabels[source.format]}「${source.fileName}」`
    : formatLabels[source.format];
  const channel = channelLabels[source.channel];
  // A Latin word (API) is set off by a space, as the app writes 「JSON を」.
  const how = `${file}を${/^[A-Za-z]/.test(channel) ? ` ${channel}` : channel}取り込み（${importActionLabels[action]}）`;
  return reason ? `${how}。理由：${reason}` : how;
}

/** What the page (or the API caller) expected the file to be for. */
export interface ImportExpectation {
  municipality?: string | undefined;
  ward?: string | undefined;
  fiscalYear?: number | undefined;
}

export interface ImportMismatch {
  field: 'municipality' | 'ward' | 'fiscalYear';
  expected: string;
  actual: string;
  message: string;
}

/** Where the file's municipality, 部区 or year differs from the one the user started from. */
export function importMismatches(
  expected: ImportExpectation,
  file: { municipality: string; ward: string; fiscalYear: number },
): ImportMismatch[] {
  const out: ImportMismatch[] = [];
  if (expected.fiscalYear !== undefined && expected.fiscalYear !== file.fiscalYear) {
    const [e, a] = [formatFiscalYear(expected.fiscalYear), formatFiscalYear(file.fiscalYear)];
    out.push({
      field: 'fiscalYear',
      expected: e,
      actual: a,
      message: `このファイルは${a}のシートです。取り込みを始めたページ（${e}）とは年度が異なります。`,
    });
  }
  if (expected.ward !== undefined && expected.ward !== file.ward) {
    out.push({
      field: 'ward',
      expected: expected.ward,
      actual: file.ward,
      message: `このファイルは${file.ward}のシートです。取り込みを始めたページ（${expected.ward}）とは部区が異なります。`,
    });
  }
  if (expected.municipality !== undefined && expected.municipality !== file.municipality) {
    out.push({
      field: 'municipality',
      expected: expected.municipality,
      actual: file.municipality,
      message: `このファイルは${file.municipality}のシートです。取り込みを始めたページ（${expected.municipality}）とは自治体が異なります。`,
    });
  }
  return out;
}
