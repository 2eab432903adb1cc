import type { Db } from '../db/client';
import type { Actor } from '../domain/roles';
import type { SignedInUser } from './features/auth/sessions';

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    requestId: string;
    /** The signed-in user, or null for the public. */
    user: SignedInUser | null;
    /** What policies look at: the user's grants, or null for the public. */
    actor: Actor | null;
  };
}
