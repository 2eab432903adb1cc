import { parseArgs } from 'node:util';
import { issuesFromZod } from '../../schemas/issues';
import { newMunicipalitySchema } from '../../schemas/municipalities';
import { AppError } from '../../server/app-error';
import { createMunicipality } from '../../server/features/municipalities/municipalities';
import { argsRefused } from '../args-refused';
import { openConfiguredDatabase } from '../open-database';
import { readPassword } from '../read-password';

const usage = `使い方: mokuhyo create-municipality --name 自治体名 --admin-login ログインID --admin-name 表示名 [--admin-email メールアドレス]
  自治体と、その最初の管理者を登録します（画面ではシステム管理者の「自治体の管理」）。
  管理者の仮パスワードは端末で尋ねます（標準入力から渡すときは --password-stdin）。管理者は最初のログインで自分のパスワードを設定します。
  最初に登録した自治体が既定の自治体です（その画面のアドレスには自治体名が入りません）。`;

/** `mokuhyo create-municipality`: the installation's operator registers a municipality and its first 管理者. */
export async function createMunicipalityCommand(args: string[]): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        'admin-login': { type: 'string' },
        'admin-name': { type: 'string' },
        'admin-email': { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw argsRefused(error, usage);
  }
  const { name, 'admin-login': loginId, 'admin-name': displayName, 'admin-email': email } = values;
  if (typeof name !== 'string' || typeof loginId !== 'string' || typeof displayName !== 'string') {
    throw new AppError('invalid', usage);
  }
  const password = await readPassword(values['password-stdin'] === true);
  const input = newMunicipalitySchema.safeParse({
    name,
    admin: { loginId, displayName, password, ...(typeof email === 'string' ? { email } : {}) },
  });
  if (!input.success)
    throw new AppError('invalid', '自治体または管理者の内容に誤りがあります。', issuesFromZod(input.error));
  const database = await openConfiguredDatabase();
  try {
    const created = await createMunicipality(database.db, null, input.data, { fromCommandLine: true });
    console.log(
      `自治体「${created.name}」と管理者「${loginId}」を登録しました。${created.default ? 'この自治体が既定の自治体です。' : ''}`,
    );
  } finally {
    await database.close();
  }
}
