import { AppError } from '../server/app-error';

const help = `mokuhyo — 組織目標管理シート

使い方:
  mokuhyo import ファイル.json|.xlsx      部区・年度のシートを取り込みます。確認を表示して、y で取り込みます（全件成功か、何もしないか）
                                         [--dry-run 確認だけ] [--yes 質問せずに取り込む] [--reason 評価確定・公開のシートを置き換える理由]
  mokuhyo export --year 2022 --ward 北区  部区・年度のシートを書き出します [--format json|csv|pdf] [--municipality 新潟市] [--out ファイル]
  mokuhyo create-user --login ID --name 表示名 --role 役割 [--ward 部区] [--organization 組織] [--email 宛先]
                                         職員のユーザーを作成します（役割: admin・planner・head・editor・viewer）
  mokuhyo set-email --login ID --email 宛先|--none
                                         通知メールの宛先を登録・変更・削除します
  mokuhyo backup --out ファイル           すべてのテーブルのバックアップを書き出します（サーバーの稼働中も取れます）
  mokuhyo restore ファイル                バックアップを空のデータディレクトリ・データベースに復元します

データベースはサーバーと同じ環境変数で選びます: DATABASE_URL（PostgreSQL）、なければ MOKUHYO_DATA_DIR（組み込み、既定 ./data）。`;

/**
 * Each command is loaded when it is run: a command starts without reading the code of the
 * others (the PDF and Excel writers, the backup), which makes each run start sooner.
 */
const commands: Record<string, (args: string[]) => Promise<void>> = {
  import: async (args) => (await import('./commands/import')).importCommand(args),
  export: async (args) => (await import('./commands/export')).exportCommand(args),
  'create-user': async (args) => (await import('./commands/create-user')).createUserCommand(args),
  'set-email': async (args) => (await import('./commands/set-email')).setEmailCommand(args),
  backup: async (args) => (await import('./commands/backup')).backupCommand(args),
  restore: async (args) => (await import('./commands/restore')).restoreCommand(args),
};

/**
 * Runs one command line (without `mokuhyo` itself) and returns the exit code: 0 done, 1 refused
 * with a message on standard error, 2 unknown command or no command.
 */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`不明なコマンドです: ${name}\n\n${help}`);
    return 2;
  }
  try {
    await command(args);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      for (const issue of error.issues) console.error(`  ${issue.path || '(全体)'}: ${issue.message}`);
      return 1;
    }
    if (error instanceof Error && (error.name === 'DataDirLockedError' || 'code' in error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
