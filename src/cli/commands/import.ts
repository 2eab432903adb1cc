import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readImportFile } from '../../imports/read-import-file';
import { AppError } from '../../server/app-error';
import { confirmImport, previewImport } from '../../server/features/interchange/import-ward-year';
import type { HistoryActor } from '../../server/features/sheets/history';
import { argsRefused } from '../args-refused';
import { formatImportPreview } from '../format-import-preview';
import { openConfiguredDatabase } from '../open-database';
import { progressBar } from '../progress';

const usage = `使い方: mokuhyo import ファイル.json|ファイル.xlsx [--dry-run] [--yes] [--reason 理由]
  まず取り込みの確認（シートごとの新規・置き換え・変更なしと、変わる項目）を表示します。
  --dry-run  確認を表示するだけで、何も書き込みません
  --yes      確認の質問をせずに取り込みます（端末でないときは必須）
  --reason   評価確定・公開のシートを置き換える理由（そのシートの履歴に残ります）`;

/** Who imports from the command line, for the history: the command and the operating system's user. */
function commandLineActor(): HistoryActor {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No user name on this system: the command alone.
  }
  return {
    id: null,
    name: user ? `コマンドラインからの取り込み（${user}）` : 'コマンドラインからの取り込み',
  };
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/**
 * `mokuhyo import FILE`: shows what the file would do (取り込みの確認), then imports it, all or
 * nothing, once confirmed — on the terminal (y/N) or by --yes.
 */
export async function importCommand(args: string[]): Promise<void> {
  let parsed: { values: { 'dry-run'?: boolean; yes?: boolean; reason?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        reason: { type: 'string' },
      },
    });
  } catch (error) {
    throw argsRefused(error, usage);
  }
  const { values, positionals } = parsed;
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new AppError('invalid', usage);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ファイルが見つかりません' : '読み込めません';
    throw new AppError('invalid', `${path}: ${reason}。`);
  }
  const fileName = basename(path);
  const read = await readImportFile(bytes, fileName);
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  if (!values['dry-run'] && !values.yes && !interactive) {
    throw new AppError(
      'invalid',
      '確認の質問に答えられないため（端末ではありません）、取り込みませんでした。確認の内容を --dry-run で見てから、--yes を付けて実行してください。',
    );
  }
  const source = { format: read.format, fileName, channel: 'cli' } as const;
  const actor = commandLineActor();
  const database = await openConfiguredDatabase();
  try {
    const preview = await previewImport(database.db, read.file, { actor, source, warnings: read.warnings });
    console.log(formatImportPreview(preview).join('\n'));
    if (values['dry-run']) {
      console.log('（--dry-run: 何も書き込んでいません）');
      return;
    }
    let reason = values.reason?.trim() || undefined;
    if (preview.needsReason && !reason && interactive && !values.yes) {
      reason = (await ask('置き換えの理由: ')).trim() || undefined;
    }
    if (preview.needsReason && !reason) {
      const message = '評価確定・公開のシートを置き換えるには理由が必要です';
      throw new AppError('invalid', `${message}。--reason 理由 を付けてください。何も書き込んでいません。`, [
        { path: 'reason', message },
      ]);
    }
    if (!values.yes) {
      const answer = (await ask('取り込みますか？ (y/N) ')).trim().toLowerCase();
      if (answer !== 'y' && answer !== 'yes') {
        console.log('取り込みをやめました。何も書き込んでいません。');
        return;
      }
    }
    const bar = progressBar('取り込み中');
    let result: Awaited<ReturnType<typeof confirmImport>>;
    try {
      result = await confirmImport(database.db, read.file, {
        actor,
        source,
        warnings: read.warnings,
        previewToken: preview.previewToken,
        reason,
        onProgress: bar.update,
      });
    } catch (error) {
      bar.done();
      const fresh = error instanceof AppError && error.code === 'conflict' ? error.details : undefined;
      if (fresh && typeof fresh === 'object' && 'preview' in fresh) {
        console.log(
          formatImportPreview((fresh as { preview: Parameters<typeof formatImportPreview>[0] }).preview).join(
            '\n',
          ),
        );
      }
      throw error;
    }
    bar.done();
    console.log(
      `${result.municipality}${result.ward} ${result.fiscalYear}年度: ` +
        `${result.sheets}シート（新規${result.createdSheets}・置き換え${result.updatedSheets}・変更なし${result.unchangedSheets}）、` +
        `組織目標${result.goals}件、指標${result.indicators}件を取り込みました。`,
    );
  } finally {
    await database.close();
  }
}
