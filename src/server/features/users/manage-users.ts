import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roleGrants, users } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { UpdatedDetail } from '../../../domain/user-changes';
import type { UserEdit } from '../../../schemas/users';
import { AppError } from '../../app-error';
import { hashPassword } from '../auth/password';
import { endSessionsOf } from '../auth/sessions';
import { resolveGrants, rolesOf } from './grants';
import { type ChangedBy, lastChangeIdOf, recordUserChange } from './record-user-change';
import { temporaryPassword } from './temporary-password';
import { userInReach } from './user-access';

/**
 * What a 管理者 (or a システム管理者) does to an account: change it, stop and restart it, give
 * it a temporary password. Each runs in one transaction with the user's row locked and writes
 * one entry of the user's record (`user_changes`) beside the change.
 */

interface Change {
  actor: Actor;
  by: ChangedBy;
  userId: string;
}

const stale = () =>
  new AppError(
    'conflict',
    'このユーザーは、画面を開いたあとにほかの人が変更しました。最新の内容を読み込んでから、もう一度変更してください。',
  );

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sortedB[i]);
}

/**
 * 表示名・メールアドレス・役割 as a whole. `lastChangeId` must be the user's newest record
 * entry: a change made since (by anyone) is a 409 and nothing is written. A 管理者 keeps their
 * own 管理者 role. Nothing different from what is stored writes nothing.
 */
export async function updateUser(db: Db, { actor, by, userId, edit }: Change & { edit: UserEdit }) {
  await db.transaction(async (tx) => {
    const { user, municipality } = await userInReach(tx, actor, userId, 'manageUsers', { lock: true });
    if ((await lastChangeIdOf(tx, userId)) !== edit.lastChangeId) throw stale();
    const grants = await resolveGrants(tx, municipality.id, edit.grants);
    if (userId === actor.userId && !actor.systemAdmin && !grants.some((g) => g.role === 'admin')) {
      throw new AppError(
        'invalid',
        '自分の管理者の役割は外せません。外すと、ユーザー管理の画面を使えなくなるためです。ほかの管理者に依頼してください。',
        [{ path: 'grants', message: '自分の管理者の役割は外せません' }],
      );
    }
    const held = await tx.select().from(roleGrants).where(eq(roleGrants.userId, userId));
    const key = (g: { role: string; organizationId: string | null }) => `${g.role}:${g.organizationId ?? ''}`;
    const before = (await rolesOf(tx, [userId])).get(userId)?.map((r) => r.text) ?? [];
    let after = before;
    if (!sameList(held.map(key), grants.map(key))) {
      await tx.delete(roleGrants).where(eq(roleGrants.userId, userId));
      if (grants.length > 0) await tx.insert(roleGrants).values(grants.map((g) => ({ ...g, userId })));
      after = (await rolesOf(tx, [userId])).get(userId)?.map((r) => r.text) ?? [];
    }

    const changes: UpdatedDetail['changes'] = [];
    if (user.displayName !== edit.displayName)
      changes.push({ field: 'displayName', before: user.displayName, after: edit.displayName });
    if (user.email !== edit.email) changes.push({ field: 'email', before: user.email, after: edit.email });
    if (after !== before && !sameList(before, after)) changes.push({ field: 'roles', before, after });
    if (changes.length === 0) return;
    await tx
      .update(users)
      .set({ displayName: edit.displayName, email: edit.email })
      .where(eq(users.id, userId));
    await recordUserChange(tx, {
      userId,
      municipalityId: municipality.id,
      action: 'updated',
      detail: { changes } satisfies UpdatedDetail,
      by,
    });
  });
}

/** 利用停止: the user can no longer sign in, and their open sessions end at once. */
export async function deactivateUser(db: Db, { actor, by, userId }: Change) {
  await db.transaction(async (tx) => {
    const { user, municipality } = await userInReach(tx, actor, userId, 'manageUsers', { lock: true });
    if (userId === actor.userId) {
      throw new AppError(
        'forbidden',
        '自分自身は利用停止にできません。停止するとログインできなくなり、自分では元に戻せないためです。ほかの管理者に依頼してください。',
      );
    }
    if (user.disabled) throw new AppError('conflict', `「${user.displayName}」はすでに利用停止中です。`);
    await tx.update(users).set({ disabled: true }).where(eq(users.id, userId));
    const sessionsEnded = await endSessionsOf(tx, userId);
    await recordUserChange(tx, {
      userId,
      municipalityId: municipality.id,
      action: 'deactivated',
      detail: { sessionsEnded },
      by,
    });
  });
}

/** 利用再開: the user may sign in again (with the password they had). */
export async function reactivateUser(db: Db, { actor, by, userId }: Change) {
  await db.transaction(async (tx) => {
    const { user, municipality } = await userInReach(tx, actor, userId, 'manageUsers', { lock: true });
    if (!user.disabled) throw new AppError('conflict', `「${user.displayName}」は利用停止されていません。`);
    await tx.update(users).set({ disabled: false }).where(eq(users.id, userId));
    await recordUserChange(tx, { userId, municipalityId: municipality.id, action: 'reactivated', by });
  });
}

/**
 * パスワードの再設定: a new temporary password (仮パスワード), returned to be shown once; the
 * user must change it at their next sign-in, and their open sessions end. Not one's own: that
 * is the password change, which asks for the current password.
 */
export async function resetPassword(db: Db, { actor, by, userId }: Change): Promise<string> {
  const { user } = await userInReach(db, actor, userId, 'manageUsers');
  if (userId === actor.userId) {
    throw new AppError(
      'forbidden',
      '自分のパスワードは再設定できません。「パスワードの変更」で、今のパスワードを入力して変更してください。',
    );
  }
  const password = await temporaryPassword(user.loginId);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const { municipality } = await userInReach(tx, actor, userId, 'manageUsers', { lock: true });
    await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, userId));
    const sessionsEnded = await endSessionsOf(tx, userId);
    await recordUserChange(tx, {
      userId,
      municipalityId: municipality.id,
      action: 'password_reset',
      detail: { sessionsEnded },
      by,
    });
  });
  return password;
}
