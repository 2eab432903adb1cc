import pg from 'pg';

/** Decides which of several app servers on one PostgreSQL takes the scheduled backups. */
export interface BackupLeader {
  /** true if this server leads (it keeps leading until it stops or loses its connection). */
  tryLead(): Promise<boolean>;
  release(): Promise<void>;
}

/** The advisory lock key of scheduled backups ('moku' in ASCII). */
const backupLockKey = 0x6d6f6b75;

/**
 * Leadership by a session-level `pg_try_advisory_lock` held on a connection of its own: the
 * first server to ask keeps it for as long as it runs, so every scheduled backup is taken by
 * exactly one server, whatever the clocks of the others say. When the leader stops (or dies,
 * and PostgreSQL drops its connection), the next server to ask takes over.
 */
export function postgresBackupLeader(url: string): BackupLeader {
  let held: pg.Client | null = null;
  return {
    async tryLead() {
      if (held) return true;
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {
        if (held === client) held = null;
      });
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
        backupLockKey,
      ]);
      if (rows[0]?.ok) {
        held = client;
        client.on('end', () => {
          if (held === client) held = null;
        });
        return true;
      }
      await client.end();
      return false;
    },
    async release() {
      const client = held;
      held = null;
      await client?.end().catch(() => {});
    },
  };
}
