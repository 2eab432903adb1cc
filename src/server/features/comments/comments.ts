import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { comments, commentThreads, goals, indicators, placements, users } from '../../../db/schema';
import { type CommentSubject, commentSubjectLabel } from '../../../domain/comments';
import { type Actor, rolesReaching } from '../../../domain/roles';
import type { CommentThreads, StartThread } from '../../../schemas/comments';
import { AppError } from '../../app-error';
import { noticeOfComment } from '../notifications/sheet-notices';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { authorize, loadSheetSubject } from '../sheets/sheet-access';

/** A sheet's threads, open ones first, each with its comments in order. */
export async function listThreads(db: Db | Tx, sheetId: string): Promise<CommentThreads> {
  const threads = await db
    .select()
    .from(commentThreads)
    .where(eq(commentThreads.sheetId, sheetId))
    .orderBy(asc(commentThreads.createdAt));
  const all =
    threads.length === 0
      ? []
      : await db
          .select()
          .from(comments)
          .where(
            inArray(
              comments.threadId,
              threads.map((t) => t.id),
            ),
          )
          .orderBy(asc(comments.createdAt), asc(comments.id));
  const resolverNames = await namesOf(db, all, threads);
  return {
    threads: threads
      .map((thread) => ({
        id: thread.id,
        subject: thread.subject,
        subjectId: thread.subjectId,
        subjectLabel: thread.subjectLabel,
        resolved:
          thread.resolvedAt && thread.resolvedBy
            ? { by: resolverNames.get(thread.resolvedBy) ?? '', at: thread.resolvedAt.toISOString() }
            : null,
        comments: all
          .filter((c) => c.threadId === thread.id)
          .map((c) => ({
            id: c.id,
            kind: c.kind,
            body: c.body,
            by: c.authorName,
            at: c.createdAt.toISOString(),
          })),
      }))
      .sort((a, b) => Number(a.resolved !== null) - Number(b.resolved !== null)),
  };
}

/** Who resolved each thread, by the name they signed their comments with (else their id). */
async function namesOf(
  db: Db | Tx,
  all: (typeof comments.$inferSelect)[],
  threads: (typeof commentThreads.$inferSelect)[],
): Promise<Map<string, string>> {
  const names = new Map(all.flatMap((c) => (c.authorId ? [[c.authorId, c.authorName] as const] : [])));
  const missing = threads.flatMap((t) => (t.resolvedBy && !names.has(t.resolvedBy) ? [t.resolvedBy] : []));
  if (missing.length > 0) {
    const rows = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, missing));
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

/** The words a new thread keeps for its subject, once it is known to be on this sheet. */
async function subjectLabelOf(
  tx: Tx,
  sheetId: string,
  subject: CommentSubject,
  subjectId: string | undefined,
) {
  if (subject === 'sheet') return { subjectId: null, label: commentSubjectLabel('sheet', {}) };
  if (subject === 'goal') {
    const [goal] = await tx
      .select({ no: goals.no })
      .from(goals)
      .where(and(eq(goals.sheetId, sheetId), eq(goals.id, subjectId ?? '')));
    if (!goal) throw notOnSheet('目標');
    return { subjectId: subjectId ?? null, label: commentSubjectLabel('goal', { goalNo: goal.no }) };
  }
  const [indicator] = await tx
    .select({ name: indicators.name })
    .from(placements)
    .innerJoin(goals, eq(goals.id, placements.goalId))
    .innerJoin(indicators, eq(indicators.id, placements.indicatorId))
    .where(and(eq(goals.sheetId, sheetId), eq(placements.indicatorId, subjectId ?? '')));
  if (!indicator) throw notOnSheet('指標');
  return {
    subjectId: subjectId ?? null,
    label: commentSubjectLabel('indicator', { indicator: indicator.name }),
  };
}

const notOnSheet = (what: string) =>
  new AppError('invalid', `この${what}はこのシートにありません。`, [
    { path: 'subjectId', message: `このシートの${what}を選んでください` },
  ]);

interface Writer {
  actor: Actor;
  by: HistoryActor;
}

/**
 * Starts a thread on the sheet, a goal or an indicator with its first comment (or, for a
 * 差戻し, its comment), recorded in the sheet's history without changing its version: a comment
 * is not an edit, and an editor open meanwhile can still save.
 */
export function startThread(db: Db, options: Writer & StartThread & { sheetId: string }): Promise<string> {
  return db.transaction((tx) => startThreadIn(tx, options));
}

/**
 * The same inside the caller's transaction. A 差戻し (`kind: 'return'`) starts its thread from the
 * transition, which has already checked the move and records it in the history itself.
 */
export async function startThreadIn(
  tx: Tx,
  options: Writer & StartThread & { sheetId: string; kind?: 'comment' | 'return' },
): Promise<string> {
  const { sheet, subject } = await loadSheetSubject(tx, options.sheetId);
  if (options.kind !== 'return') authorize(options.actor, 'comment', subject);
  const { subjectId, label } = await subjectLabelOf(tx, options.sheetId, options.subject, options.subjectId);
  const [thread] = await tx
    .insert(commentThreads)
    .values({ sheetId: options.sheetId, subject: options.subject, subjectId, subjectLabel: label })
    .returning({ id: commentThreads.id });
  if (!thread) throw new Error('no thread');
  await addComment(tx, thread.id, options, options.kind ?? 'comment');
  if (options.kind !== 'return') {
    await recordHistory(tx, {
      sheetId: options.sheetId,
      actor: options.by,
      kind: 'comment',
      action: 'started',
      comment: `${label}: ${options.body}`,
    });
    const authorRoles = rolesReaching(options.actor, subject);
    await noticeOfComment(
      tx,
      sheet,
      { subjectLabel: label, body: options.body, participants: [], authorRoles },
      options.by,
    );
  }
  return thread.id;
}

async function addComment(
  tx: Tx,
  threadId: string,
  writer: Writer & { body: string },
  kind: 'comment' | 'return',
) {
  await tx
    .insert(comments)
    .values({ threadId, authorId: writer.by.id, authorName: writer.by.name, kind, body: writer.body });
}

/** The thread with its sheet, once the actor may comment there. */
async function threadFor(tx: Tx, threadId: string, actor: Actor) {
  const [thread] = await tx.select().from(commentThreads).where(eq(commentThreads.id, threadId));
  if (!thread) throw new AppError('not_found', 'お探しのコメントは見つかりませんでした。');
  const { sheet, subject } = await loadSheetSubject(tx, thread.sheetId);
  authorize(actor, 'comment', subject);
  return { thread, sheet, subject };
}

/** A reply in a thread; a reply to a resolved thread reopens it (someone has more to say). */
export async function replyToThread(
  db: Db,
  options: Writer & { threadId: string; body: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const { thread, sheet, subject: loadedSubject } = await threadFor(tx, options.threadId, options.actor);
    const writers = await tx
      .selectDistinct({ id: comments.authorId })
      .from(comments)
      .where(eq(comments.threadId, thread.id));
    await addComment(tx, thread.id, options, 'comment');
    if (thread.resolvedAt) {
      await tx
        .update(commentThreads)
        .set({ resolvedAt: null, resolvedBy: null })
        .where(eq(commentThreads.id, thread.id));
    }
    await recordHistory(tx, {
      sheetId: thread.sheetId,
      actor: options.by,
      kind: 'comment',
      action: 'replied',
      comment: `${thread.subjectLabel}: ${options.body}`,
    });
    await noticeOfComment(
      tx,
      sheet,
      {
        subjectLabel: thread.subjectLabel,
        body: options.body,
        participants: writers.flatMap((w) => (w.id ? [w.id] : [])),
        authorRoles: rolesReaching(options.actor, loadedSubject),
      },
      options.by,
    );
    return thread.sheetId;
  });
}

/** 解決済み, or open again; recorded in the sheet's history. */
export async function resolveThread(
  db: Db,
  options: Writer & { threadId: string; resolved: boolean },
): Promise<string> {
  return db.transaction(async (tx) => {
    const { thread } = await threadFor(tx, options.threadId, options.actor);
    const updated = await tx
      .update(commentThreads)
      .set(
        options.resolved
          ? { resolvedAt: new Date(), resolvedBy: options.by.id }
          : { resolvedAt: null, resolvedBy: null },
      )
      .where(
        and(
          eq(commentThreads.id, thread.id),
          options.resolved ? isNull(commentThreads.resolvedAt) : undefined,
        ),
      )
      .returning({ id: commentThreads.id });
    if (updated.length > 0) {
      await recordHistory(tx, {
        sheetId: thread.sheetId,
        actor: options.by,
        kind: 'comment',
        action: options.resolved ? 'resolved' : 'reopened',
        comment: thread.subjectLabel,
      });
    }
    return thread.sheetId;
  });
}

/** Unresolved threads per sheet, for the 進捗管理表. */
export async function openThreadCounts(db: Db, sheetIds: readonly string[]): Promise<Map<string, number>> {
  if (sheetIds.length === 0) return new Map();
  const rows = await db
    .select({ sheetId: commentThreads.sheetId })
    .from(commentThreads)
    .where(and(inArray(commentThreads.sheetId, [...sheetIds]), isNull(commentThreads.resolvedAt)));
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.sheetId, (counts.get(row.sheetId) ?? 0) + 1);
  return counts;
}
