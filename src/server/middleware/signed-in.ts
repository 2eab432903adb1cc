import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { signInNeeded } from '../app-error';
import type { HistoryActor } from '../features/sheets/history';

/** The signed-in user of a request that needs one, as policies and history see them. */
export function signedIn(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw signInNeeded();
  const by: HistoryActor = { id: user.id, name: user.displayName };
  return { user, actor: user.actor, by };
}
