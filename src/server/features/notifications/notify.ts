import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { notifications, roleGrants, type sheets, users } from '../../../db/schema';

type SheetRow = typeof sheets.$inferSelect;

import { formatFiscalYear } from '../../../domain/fiscal-year';
import { mailDueAt, type NotificationKind } from '../../../domain/notifications';
import type { Role } from '../../../domain/roles';
import { sheetTitle } from '../../../schemas/sheet-header';

/** The people of a sheet by their role there: 担当者 and 所属長 of its organization, 企画担当 of its 部区. */
export type SheetRole = Extract<Role, 'editor' | 'head' | 'planner'>;

/** Users holding one of these roles on the sheet, not disabled: their ids. */
export async function sheetPeople(
  db: Db | Tx,
  sheet: Pick<SheetRow, 'organizationId' | 'wardId'>,
  wanted: readonly SheetRole[],
): Promise<string[]> {
  const organizationRoles = wanted.filter((role) => role !== 'planner');
  const places = [
    ...(organizationRoles.length > 0
      ? [
          and(
            eq(roleGrants.organizationId, sheet.organizationId),
            inArray(roleGrants.role, organizationRoles),
          ),
        ]
      : []),
    ...(wanted.includes('planner')
      ? [and(eq(roleGrants.organizationId, sheet.wardId), eq(roleGrants.role, 'planner'))]
      : []),
  ];
  if (places.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.disabled, false), or(...places)));
  return rows.map((row) => row.id);
}

/** 「地域総務課（令和5年度）」: how a notification names a sheet. */
export function sheetLabel(
  sheet: Pick<SheetRow, 'departmentName' | 'organizationName' | 'fiscalYear'>,
): string {
  return `${sheetTitle(sheet)}（${formatFiscalYear(sheet.fiscalYear)}）`;
}

export interface Notice {
  kind: NotificationKind;
  sheetId: string | null;
  subject: string;
  body: string;
  link: string;
  /** Told once only per recipient (a deadline's reminder): a second notice with it is dropped. */
  onceKey?: string;
}

/**
 * Tell these users, in the transaction of the change: one row each, never to the one who did it
 * (`except`). Mail is pending for those with an address who take mail, due at once or at the
 * next digest; the outbox (`mail-outbox.ts`) sends it once the change is committed.
 */
export async function notify(
  tx: Db | Tx,
  recipients: readonly string[],
  notice: Notice,
  options: { except?: string | null; now?: Date } = {},
): Promise<number> {
  const ids = [...new Set(recipients)].filter((id) => id !== options.except);
  if (ids.length === 0) return 0;
  const now = options.now ?? new Date();
  const people = await tx
    .select({ id: users.id, email: users.email, delivery: users.mailDelivery })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false), ne(users.mailDelivery, 'none')));
  const mailed = new Map(people.filter((p) => p.email).map((p) => [p.id, p.delivery] as const));
  const inserted = await tx
    .insert(notifications)
    .values(
      ids.map((userId) => {
        const delivery = mailed.get(userId);
        return {
          userId,
          ...notice,
          onceKey: notice.onceKey ?? null,
          createdAt: now,
          mailState: delivery && delivery !== 'none' ? ('pending' as const) : ('none' as const),
          mailDueAt: delivery && delivery !== 'none' ? mailDueAt(now, delivery) : null,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}
