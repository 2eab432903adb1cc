import { parseArgs } from 'node:util';
import { AppError } from '../../server/app-error';
import { setEmail } from '../../server/features/users/set-email';
import { argsRefused } from '../args-refused';
import { openConfiguredDatabase } from '../open-database';

const usage = `使い方: mokuhyo set-email --login ログインID --email メールアドレス
       mokuhyo set-email --login ログインID --none
  通知メールの宛先を登録・変更します（--none で削除し、メールを送らなくします）。`;

/** `mokuhyo set-email`: where a user's 通知 are mailed. */
export async function setEmailCommand(args: string[]): Promise<void> {
  let values: { login?: string; email?: string; none?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { login: { type: 'string' }, email: { type: 'string' }, none: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    throw argsRefused(error, usage);
  }
  const { login, email, none } = values;
  if (typeof login !== 'string' || (typeof email === 'string') === (none === true)) {
    throw new AppError('invalid', usage);
  }
  const database = await openConfiguredDatabase();
  try {
    await setEmail(database.db, login, none ? null : (email ?? null));
    console.log(
      none
        ? `ユーザー「${login}」のメールアドレスを削除しました（通知はメールで送りません）。`
        : `ユーザー「${login}」の通知メールの宛先を ${email} にしました。`,
    );
  } finally {
    await database.close();
  }
}
