import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { embeddedAppRole, ensureEmbeddedAppRole, grantAppRole } from './app-role';
import { projectRoot } from './content-key';
import { migrateJobQueue, pgExecutor, pgliteExecutor } from './job-queue';
import { pgliteSession, pgSession, quoteIdentifier } from './sql-session';

/** The committed migrations, from the project root whether the code runs from src/ or the server bundle. */
export const migrationsFolder = join(projectRoot, 'src', 'db', 'migrations');

/** One key for every mokuhyo server's schema step, so servers starting together take turns. */
const schemaStepLock = 7_316_021_409;

/**
 * The schema step on a PostgreSQL server: as the tables' owner (the migration URL), apply the
 * committed migrations — and any other step that creates tables, added here before the grant —
 * then give the app's role exactly its rights. With one URL the app is the owner: nothing to
 * grant (history is then guarded by the triggers alone).
 */
export async function preparePostgresSchema({ ownerUrl, appRole }: { ownerUrl: string; appRole: string }) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // A session lock: concurrent GRANTs on one table fail ("tuple concurrently updated").
    await client.query('select pg_advisory_lock($1::bigint)', [schemaStepLock]);
    await migratePg(drizzlePg(client), { migrationsFolder });
    await migrateJobQueue(pgExecutor(client));
    const owner = pgSession(client);
    const [me] = await owner.rows<{ role: string }>('select current_user as role');
    if (me?.role === appRole) return;
    await grantAppRole(owner, appRole);
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}

/**
 * The schema step in the embedded database: the process's own session is the owner (PGlite
 * runs as its superuser); after migrating and granting, the session takes the app's role for
 * everything it serves, unless the caller asked to stay the owner (a restore).
 */
export async function preparePgliteSchema(client: PGlite, { as }: { as: 'app' | 'owner' }) {
  await client.exec('RESET ROLE'); // an already-open session (tests) may be the app already
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  await migrateJobQueue(pgliteExecutor(client));
  const owner = pgliteSession(client);
  await ensureEmbeddedAppRole(owner);
  await grantAppRole(owner, embeddedAppRole);
  if (as === 'app') await client.exec(`SET ROLE ${quoteIdentifier(embeddedAppRole)}`);
}
