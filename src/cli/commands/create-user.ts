import { parseArgs } from 'node:util';
import { type Role, roleLabels, roles } from '../../domain/roles';
import { AppError } from '../../server/app-error';
import { defaultMunicipalityName } from '../../server/features/municipalities/municipalities';
import { createUser } from '../../server/features/users/create-user';
import { commandLine } from '../../server/features/users/record-user-change';
import { argsRefused } from '../args-refused';
import { openConfiguredDatabase } from '../open-database';
import { readPassword } from '../read-password';

const usage = `使い方: mokuhyo create-user --login ログインID --name 表示名 --role 役割 [--ward 部区] [--organization 組織] [--municipality 自治体] [--email メールアドレス] [--system-admin] [--password-stdin]
  役割: ${roles.map((r) => `${r}（${roleLabels[r]}）`).join('、')}
  企画担当は --ward、所属長・担当者は --ward と --organization を指定します。
  --municipality を省くと、既定の自治体（最初に登録した自治体）のユーザーです。
  --email を指定すると、通知をメールでも受け取ります（MOKUHYO_SMTP_URL を設定したとき）。
  --system-admin を指定すると、システム管理者（すべての自治体のユーザーを管理できる）を作成します。このときは --role を省けます。
  パスワードは端末で尋ねます（標準入力から渡すときは --password-stdin）。12文字以上で、よく使われるものやログインIDを含むものは使えません（単語を空白でつないだパスフレーズも使えます）。`;

/** `mokuhyo create-user`: a staff member with one role. */
export async function createUserCommand(args: string[]): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        login: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        ward: { type: 'string' },
        organization: { type: 'string' },
        municipality: { type: 'string' },
        email: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        'system-admin': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw argsRefused(error, usage);
  }
  const { login, name, role, ward, organization, municipality, email } = values;
  const systemAdmin = values['system-admin'] === true;
  const hasRole = roles.includes(role as Role);
  if (
    typeof login !== 'string' ||
    typeof name !== 'string' ||
    (!hasRole && !(systemAdmin && role === undefined))
  ) {
    throw new AppError('invalid', usage);
  }
  const password = await readPassword(values['password-stdin'] === true);
  const database = await openConfiguredDatabase();
  try {
    // Without --municipality: the default municipality (the first registered).
    const where =
      typeof municipality === 'string' ? municipality : await defaultMunicipalityName(database.db);
    if (!where)
      throw new AppError(
        'invalid',
        '自治体が登録されていません。先に mokuhyo create-municipality で登録してください。',
      );
    await createUser(database.db, {
      municipality: where,
      loginId: login,
      displayName: name,
      ...(typeof email === 'string' ? { email } : {}),
      password,
      grants: hasRole
        ? [
            {
              role: role as Role,
              ...(typeof ward === 'string' ? { ward } : {}),
              ...(typeof organization === 'string' ? { organization } : {}),
            },
          ]
        : [],
      systemAdmin,
      // Recorded in the user's record as made by the command line (changed_by null, 「コマンド」).
      by: commandLine,
    });
    const what = [hasRole ? roleLabels[role as Role] : null, systemAdmin ? 'システム管理者' : null]
      .filter((w) => w !== null)
      .join('・');
    console.log(`ユーザー「${login}」（${name}、${what}）を作成しました。`);
  } finally {
    await database.close();
  }
}
