import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../app-error';
import type { HistoryActor } from '../features/sheets/history';

/** The signed-in user of a request that needs one, as policies and history see them. */
export function signedIn(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user)
    throw new AppError(
      'unauthenticated',
      'この操作にはログインが必要です。ログインしてからもう一度お試しください。',
    );
  const by: HistoryActor = { id: user.id, name: user.displayName };
  return { user, actor: user.actor, by };
}
