import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { sheetChangesChannel, type Tx } from './client';
import { sheets } from './schema';

const own = alias(sheets, 'own_sheet');
const sections_ = alias(sheets, 'section_sheet');

/**
 * Announce, inside the writing transaction, that these sheets changed. PostgreSQL delivers the
 * notification only if the transaction commits, to every process listening (cache invalidation
 * across app servers).
 */
export async function notifySheetChanged(tx: Tx, sheetIds: readonly string[]): Promise<void> {
  // A 部区's own sheet is shown inside its sections' sheets (the aligned goals): they change too.
  const sections =
    sheetIds.length === 0
      ? []
      : await tx
          .select({ id: sections_.id })
          .from(sections_)
          .innerJoin(
            own,
            and(
              eq(own.organizationId, own.wardId),
              eq(sections_.wardId, own.wardId),
              eq(sections_.fiscalYear, own.fiscalYear),
            ),
          )
          .where(inArray(own.id, [...sheetIds]));
  for (const id of new Set([...sheetIds, ...sections.map((s) => s.id)])) {
    await tx.execute(sql`select pg_notify(${sheetChangesChannel}, ${id})`);
  }
}
