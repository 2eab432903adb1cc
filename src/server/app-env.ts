import type { Db } from '../db/client';

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    requestId: string;
  };
}
