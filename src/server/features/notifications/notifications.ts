import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifications, users } from '../../../db/schema';
import type { MailDelivery } from '../../../domain/notifications';
import type { MailSettings, NotificationList } from '../../../schemas/notifications';

/** How many of a user's notifications are not yet read. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The latest 100 of a user's notifications, newest first, and how many are unread. */
export async function listNotifications(db: Db, userId: string): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(100),
    unreadCount(db, userId),
  ]);
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      body: row.body,
      link: row.link,
      at: row.createdAt.toISOString(),
      read: row.readAt !== null,
      mail: row.mailState,
    })),
  };
}

/** Read: these of the user's (others' ids are ignored), or all of them. */
export async function markRead(db: Db, userId: string, ids: readonly string[] | undefined): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, [...ids]) : undefined,
      ),
    );
}

export async function mailSettingsOf(db: Db, userId: string, mailEnabled: boolean): Promise<MailSettings> {
  const [row] = await db
    .select({ email: users.email, mailDelivery: users.mailDelivery })
    .from(users)
    .where(eq(users.id, userId));
  return { email: row?.email ?? null, mailDelivery: row?.mailDelivery ?? 'digest', mailEnabled };
}

/**
 * A new choice applies to what is still waiting too, at the time it was due: 受け取らない drops it,
 * and the choice decides whether it goes in a digest or on its own.
 */
export async function setMailDelivery(db: Db, userId: string, mailDelivery: MailDelivery): Promise<void> {
  await db.update(users).set({ mailDelivery }).where(eq(users.id, userId));
}
