import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sheetHistory } from '../../../db/schema';

export interface HistoryPick {
  sheetId: string;
  actorName: string;
  kind: string;
  action: string | null;
  comment: string | null;
  at: Date;
}

/**
 * The last change of each sheet (its last history entry but a 督促, which asks for a change and
 * makes none), and its last move through the year (a transition): two statements whatever the
 * number of sheets, each read from the index on (sheet, id).
 */
export async function latestHistory(db: Db, sheetIds: readonly string[]) {
  const latest = (onlyTransitions: boolean): Promise<HistoryPick[]> =>
    sheetIds.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinctOn([sheetHistory.sheetId], {
            sheetId: sheetHistory.sheetId,
            actorName: sheetHistory.actorName,
            kind: sheetHistory.kind,
            action: sheetHistory.action,
            comment: sheetHistory.comment,
            at: sheetHistory.at,
          })
          .from(sheetHistory)
          .where(
            and(
              inArray(sheetHistory.sheetId, [...sheetIds]),
              onlyTransitions ? eq(sheetHistory.kind, 'transition') : ne(sheetHistory.kind, 'reminder'),
            ),
          )
          .orderBy(sheetHistory.sheetId, desc(sheetHistory.id));
  const [changes, moves] = await Promise.all([latest(false), latest(true)]);
  return {
    lastChange: new Map(changes.map((entry) => [entry.sheetId, entry])),
    lastMove: new Map(moves.map((entry) => [entry.sheetId, entry])),
  };
}

/** The 差戻し a sheet is back with, if its last move was one. */
export function returnedBy(move: HistoryPick | undefined) {
  return move?.action === 'return'
    ? { by: move.actorName, at: move.at.toISOString(), comment: move.comment }
    : null;
}
