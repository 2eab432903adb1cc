import type { Database } from '../db/client';
import { openDatabase } from '../db/client';
import { parseEnv } from '../server/env';

/** The database the server would use, from the same environment variables. */
export async function openConfiguredDatabase(): Promise<Database> {
  const env = parseEnv();
  return env.DATABASE_URL
    ? openDatabase({ engine: 'postgres', url: env.DATABASE_URL })
    : openDatabase({ engine: 'pglite', dataDir: env.dataDir });
}
