import { sql } from 'drizzle-orm';
import { sheetChangesChannel, type Tx } from './client';

/**
 * Announce, inside the writing transaction, that these sheets changed. PostgreSQL delivers the
 * notification only if the transaction commits, to every process listening (cache invalidation
 * across app servers).
 */
export async function notifySheetChanged(tx: Tx, sheetIds: readonly string[]): Promise<void> {
  for (const id of new Set(sheetIds)) {
    await tx.execute(sql`select pg_notify(${sheetChangesChannel}, ${id})`);
  }
}
