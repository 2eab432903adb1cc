import { roles } from '../domain/roles';
import { nameText } from './text';
import { z } from './zod';

/** Which column of a user the configured claim is compared with (`users.email` or `users.login_id`). */
const signOnMatchFieldSchema = z.enum(
  ['email', 'loginId'],
  '照合する項目は email（メールアドレス）か loginId（ログインID）を指定してください',
);

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether an issuer may be reached over plain http: only one on this machine (a test provider). */
export function isLoopbackHttp(url: string): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed?.protocol === 'http:' && loopbackHosts.has(parsed.hostname);
}

/** https, or http on this machine only (a provider the tests start). */
const providerUrl = (what: string) =>
  z
    .string(`${what}を文字列で指定してください`)
    .trim()
    .min(1, `${what}を入力してください`)
    .max(2_000, `${what}は2,000文字以内で入力してください`)
    .refine(
      (url) => URL.canParse(url) && (new URL(url).protocol === 'https:' || isLoopbackHttp(url)),
      `${what}は https:// で始まるアドレスで入力してください`,
    );

const claimName = (what: string) =>
  z
    .string(`${what}を文字列で指定してください`)
    .trim()
    .min(1, `${what}を入力してください`)
    .max(100, `${what}は100文字以内で入力してください`)
    .regex(/^[\x21-\x7e]+$/, `${what}は半角英数字と記号で入力してください（例：email）`);

/** One entry of the groups claim's mapping, with its place named as people name it (部区 and 組織). */
const signOnGroupMappingSchema = z.strictObject({
  group: nameText(200, 'グループ名を入力してください', 'グループ名を文字列で指定してください'),
  role: z.enum(roles, '役割は admin・planner・head・editor・viewer のいずれかを指定してください'),
  /** 企画担当, 所属長 and 担当者: the 部区. 管理者 and 閲覧者: none (the whole municipality). */
  ward: z.string('部区を文字列で指定してください').trim().max(200).nullable().default(null),
  /** 所属長 and 担当者: the organization within the 部区. */
  organization: z.string('組織を文字列で指定してください').trim().max(200).nullable().default(null),
});

/**
 * PUT /api/v1/sign-on (管理者): the municipality's provider and how its staff are matched. The
 * client secret: a string sets it, null clears it, left out keeps the one stored.
 */
export const signOnChangeSchema = z.strictObject({
  providerName: nameText(
    100,
    '連携先の名前を入力してください（例：○○市職員）',
    '連携先の名前を文字列で指定してください',
  ),
  issuer: providerUrl('発行者（Issuer）の URL'),
  clientId: z
    .string('クライアントIDを文字列で指定してください')
    .trim()
    .min(1, 'クライアントIDを入力してください')
    .max(500, 'クライアントIDは500文字以内で入力してください'),
  clientSecret: z
    .string('クライアントシークレットを文字列で指定してください')
    .min(1, 'クライアントシークレットを入力してください')
    .max(2_000, 'クライアントシークレットは2,000文字以内で入力してください')
    .nullable()
    .optional(),
  redirectUrl: providerUrl('リダイレクト URL'),
  matchClaim: claimName('照合するクレーム'),
  matchField: signOnMatchFieldSchema,
  groupsClaim: claimName('グループのクレーム').nullable().default(null),
  groupMappings: z.array(signOnGroupMappingSchema).max(500).default([]),
  localPasswords: z.boolean('パスワードでのログインを使うかどうかを true か false で指定してください'),
});
export type SignOnChange = z.input<typeof signOnChangeSchema>;
export type SignOnChangeParsed = z.output<typeof signOnChangeSchema>;

/** GET /api/v1/sign-on: the settings in force; the client secret only as whether it is set. */
export const signOnSettingSchema = z.object({
  /** municipality: its own settings; environment: MOKUHYO_OIDC_* (the default municipality only); none. */
  source: z.enum(['municipality', 'environment', 'none']),
  providerName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  redirectUrl: z.string(),
  matchClaim: z.string(),
  matchField: signOnMatchFieldSchema,
  groupsClaim: z.string().nullable(),
  groupMappings: z.array(
    z.object({
      group: z.string(),
      role: z.enum(roles),
      ward: z.string().nullable(),
      organization: z.string().nullable(),
    }),
  ),
  localPasswords: z.boolean(),
});
export type SignOnSetting = z.infer<typeof signOnSettingSchema>;

/** GET /api/v1/auth/sign-on/providers (public): the sign-in page's buttons. */
export const signOnProvidersSchema = z.object({
  providers: z.array(
    z.object({
      municipality: z.string(),
      /** 「{providerName}のアカウントでログイン」. */
      providerName: z.string(),
      startUrl: z.string(),
    }),
  ),
  /** False when no municipality offers its staff a password: the form is only for a システム管理者. */
  passwordSignIn: z.boolean(),
});
export type SignOnProviders = z.infer<typeof signOnProvidersSchema>;

/** GET /api/v1/auth/sign-on/start. */
export const signOnStartQuerySchema = z.object({
  municipality: z.string().trim().max(200).optional(),
  /** The page to come back to: a path of this site. */
  redirect: z.string().max(2_000).optional(),
});
