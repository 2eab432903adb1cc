import { roles } from '../domain/roles';
import { nameText } from './text';
import { z } from './zod';

export const signInSchema = z.strictObject({
  loginId: nameText(100, 'ログインIDを入力してください', 'ログインIDを入力してください'),
  password: z.string().min(1, 'パスワードを入力してください').max(200, 'パスワードが長すぎます'),
});
export type SignIn = z.infer<typeof signInSchema>;

/** The answer to a sign-in or a sign-out: the session itself travels in its HttpOnly cookie. */
export const signedInOrOutSchema = z.object({ ok: z.literal(true) });
export type SignedInOrOut = z.infer<typeof signedInOrOutSchema>;

export const meSchema = z.object({
  user: z
    .object({
      id: z.uuid(),
      loginId: z.string(),
      displayName: z.string(),
      /** The municipality the user belongs to. */
      municipality: z.string(),
      /** システム管理者 of the installation. */
      systemAdmin: z.boolean(),
      /** Signed in with a temporary password: the password must be changed before anything else. */
      mustChangePassword: z.boolean(),
      roles: z.array(
        z.object({ role: z.enum(roles), organizationId: z.uuid().nullable(), label: z.string() }),
      ),
      /** 通知 not yet read (the header's count). */
      unreadNotifications: z.number().int(),
    })
    .nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** Where a user's 通知 are mailed (`create-user --email`, `set-email`). */
export const emailAddress = z
  .email('メールアドレスの形式が正しくありません（例：yamada@city.example.lg.jp）')
  .max(254, 'メールアドレスは254文字以内で入力してください');

/** Who a new user is (`mokuhyo create-user`): names follow the one text rule of src/schemas/text.ts. */
export const newUserNamesSchema = z.object({
  municipality: nameText(200, '自治体を指定してください'),
  loginId: nameText(100, 'ログインIDを入力してください'),
  displayName: nameText(100, '表示名を入力してください'),
  /** Where 通知 are mailed. */
  email: emailAddress.optional(),
  grants: z.array(
    z.object({
      ward: nameText(200, '部区を指定してください').optional(),
      organization: nameText(200, '組織を指定してください').optional(),
    }),
  ),
});
