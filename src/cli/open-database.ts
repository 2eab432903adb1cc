import type { Database } from '../db/client';
import { openDatabase } from '../db/client';
import { databaseOptions, parseEnv } from '../server/env';

/** The database the server would use, from the same environment variables. */
export async function openConfiguredDatabase(): Promise<Database> {
  return openDatabase(databaseOptions(parseEnv()));
}
