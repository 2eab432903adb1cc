import { AppError } from '../server/app-error';

const help = `mokuhyo — 組織目標管理シート

使い方: mokuhyo コマンド [オプション]（各コマンドの詳しい使い方は、オプションなしで実行すると表示します）

  import ファイル.json|ファイル.xlsx
      部区・年度のシートを取り込みます。確認を表示し、y で取り込みます（全件成功か、何も書き込まないか）。
      --dry-run 確認だけ　--yes 質問せずに取り込む　--reason 評価確定・公開のシートを置き換える理由
      例: mokuhyo import kita-2022.xlsx --dry-run

  export --year 年度 --ward 部区 [--format json|csv|pdf|xlsx] [--municipality 自治体] [--out ファイル]
      部区・年度のシートを書き出します。json: 交換形式（取り込みに使えます）、csv: オープンデータ
      （公開済みのシート。--all ですべて）、pdf: 冊子（公開済みのシート）、xlsx: Excel（編集して取り込めます）。
      pdf と xlsx は --out が必要です。年度は 2022・令和4年度・R4 のどれでも指定できます。
      例: mokuhyo export --year R4 --ward 北区 --format csv > kita-2022.csv

  create-municipality --name 自治体名 --admin-login ID --admin-name 表示名 [--admin-email 宛先]
      自治体と、その最初の管理者を登録します。管理者の仮パスワードは端末で尋ね（--password-stdin で標準入力から）、
      管理者は最初のログインで自分のパスワードを設定します。取り込みで自治体が登録されることはありません。
      例: mokuhyo create-municipality --name 長岡市 --admin-login nagaoka-admin --admin-name 長岡市管理者

  create-user --login ID --name 表示名 --role 役割 [--ward 部区] [--organization 組織] [--email 宛先]
      職員のユーザーを作成します（役割: admin・planner・head・editor・viewer）。パスワードは端末で尋ねます
      （標準入力から渡すときは --password-stdin）。
      例: mokuhyo create-user --login yamada --name 山田太郎 --role editor --ward 北区 --organization 地域総務課

  set-email --login ID --email 宛先 | --none
      通知メールの宛先を登録・変更します（--none で削除）。
      例: mokuhyo set-email --login yamada --email yamada@city.example.lg.jp

  backup --out ファイル.ndjson.gz
      すべてのテーブルのバックアップを書き出します（サーバーの稼働中も取れます）。
      例: mokuhyo backup --out mokuhyo-2026-04-01.ndjson.gz

  restore ファイル.ndjson.gz
      バックアップを空のデータディレクトリ・データベースに復元します。
      例: MOKUHYO_DATA_DIR=./data-restored mokuhyo restore mokuhyo-2026-04-01.ndjson.gz

データベースはサーバーと同じ環境変数で選びます: DATABASE_URL（PostgreSQL）、なければ MOKUHYO_DATA_DIR（組み込み、既定 ./data）。`;

/**
 * Each command is loaded when it is run: a command starts without reading the code of the
 * others (the PDF and Excel writers, the backup), which makes each run start sooner.
 */
const commands: Record<string, (args: string[]) => Promise<void>> = {
  import: async (args) => (await import('./commands/import')).importCommand(args),
  export: async (args) => (await import('./commands/export')).exportCommand(args),
  'create-municipality': async (args) =>
    (await import('./commands/create-municipality')).createMunicipalityCommand(args),
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
      for (const issue of error.issues) console.error(`  ${issue.path || '（全体）'}: ${issue.message}`);
      return 1;
    }
    if (error instanceof Error && (error.name === 'DataDirLockedError' || 'code' in error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
