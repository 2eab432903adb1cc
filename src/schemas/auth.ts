import { roles } from '../domain/roles';
import { z } from './zod';

export const signInSchema = z.strictObject({
  loginId: z.string().trim().min(1, 'ログインIDを入力してください').max(100, 'ログインIDが長すぎます'),
  password: z.string().min(1, 'パスワードを入力してください').max(200, 'パスワードが長すぎます'),
});
export type SignIn = z.infer<typeof signInSchema>;

export const meSchema = z.object({
  user: z
    .object({
      id: z.uuid(),
      loginId: z.string(),
      displayName: z.string(),
      roles: z.array(
        z.object({ role: z.enum(roles), organizationId: z.uuid().nullable(), label: z.string() }),
      ),
    })
    .nullable(),
});
export type Me = z.infer<typeof meSchema>;
