import { resolve } from 'node:path';
import type { DatabaseOptions } from '../db/client';
import type { BackupSchedule } from '../domain/backup-schedule';
import { isLoopbackHttp } from '../schemas/sign-on';
import { z } from '../schemas/zod';
import { isAddressOrCidr } from './client-address';
import type { MailConfig } from './features/notifications/mail-outbox';
import type { SignOnEnvironment } from './features/sign-on/sign-on-config';

/** `10.0.0.5, 192.168.0.0/24` → the list; every entry an address or a CIDR block. */
const trustedProxiesSchema = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter((entry) => entry !== ''))
  .superRefine((entries, ctx) => {
    const bad = entries.filter((entry) => !isAddressOrCidr(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `MOKUHYO_TRUSTED_PROXIES はアドレスか CIDR（例：10.0.0.5, 192.168.0.0/24）をカンマで区切って指定してください（誤り：${bad.join(', ')}）`,
      });
    }
  });

const envSchema = z.object({
  PORT: z.coerce
    .number('PORT は数値で指定してください')
    .int('PORT は整数で指定してください')
    .min(0, 'PORT は 0〜65535 で指定してください')
    .max(65535, 'PORT は 0〜65535 で指定してください')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MOKUHYO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL は postgres:// で始まる URL で指定してください')
    .optional(),
  /** The tables' owner: migrations run as it, the app (DATABASE_URL) as a role with fewer rights. */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_MIGRATION_URL は postgres:// で始まる URL で指定してください')
    .optional(),
  MOKUHYO_SAMPLE_DATA: z
    .enum(['on', 'off'], 'MOKUHYO_SAMPLE_DATA は on または off で指定してください')
    .default('on'),
  MOKUHYO_BACKUP_DIR: z.string().min(1).optional(),
  MOKUHYO_BACKUP_AT: z
    .string()
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d$/,
      'MOKUHYO_BACKUP_AT は 02:00 のように 24 時間制の「時:分」で指定してください',
    )
    .optional(),
  MOKUHYO_BACKUP_INTERVAL_HOURS: z.coerce
    .number('MOKUHYO_BACKUP_INTERVAL_HOURS は時間数（数値）で指定してください')
    .min(0.25, 'MOKUHYO_BACKUP_INTERVAL_HOURS は 0.25（15分）以上で指定してください')
    .max(168, 'MOKUHYO_BACKUP_INTERVAL_HOURS は 168（1週間）以下で指定してください')
    .optional(),
  MOKUHYO_BACKUP_KEEP: z.coerce
    .number('MOKUHYO_BACKUP_KEEP は保存する数（整数）で指定してください')
    .int('MOKUHYO_BACKUP_KEEP は整数で指定してください')
    .min(1, 'MOKUHYO_BACKUP_KEEP は 1 以上で指定してください')
    .optional(),
  MOKUHYO_TRUSTED_PROXIES: trustedProxiesSchema.default([]),
  MOKUHYO_JOB_TIMEOUT: z.coerce
    .number('MOKUHYO_JOB_TIMEOUT は秒数で指定してください')
    .int('MOKUHYO_JOB_TIMEOUT は整数の秒数で指定してください')
    .min(1, 'MOKUHYO_JOB_TIMEOUT は 1〜86399 秒で指定してください')
    .max(86_399, 'MOKUHYO_JOB_TIMEOUT は 1〜86399 秒で指定してください')
    .default(600),
  /** The city's mail server for 通知; without it no mail is sent (the app's list still works). */
  MOKUHYO_SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/\s]+/,
      'MOKUHYO_SMTP_URL は smtp://mail.example.lg.jp:25 のように smtp:// か smtps:// で始めて指定してください',
    )
    .optional(),
  MOKUHYO_MAIL_FROM: z.email('MOKUHYO_MAIL_FROM は送信元のメールアドレスで指定してください').optional(),
  MOKUHYO_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error:
        'MOKUHYO_PUBLIC_URL は https://mokuhyo.example.lg.jp のように、このシステムを開くアドレスで指定してください',
    })
    .optional(),
  /** シングルサインオン (OpenID Connect) of the default municipality, when it has no settings of its own. */
  MOKUHYO_OIDC_ISSUER: z
    .url({
      protocol: /^https?$/,
      error:
        'MOKUHYO_OIDC_ISSUER は https://login.example.lg.jp/realms/city のように認証サーバーの発行者（Issuer）の URL で指定してください',
    })
    .optional(),
  MOKUHYO_OIDC_CLIENT_ID: z.string().min(1).optional(),
  MOKUHYO_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  MOKUHYO_OIDC_REDIRECT_URL: z
    .url({
      protocol: /^https?$/,
      error:
        'MOKUHYO_OIDC_REDIRECT_URL は https://mokuhyo.example.lg.jp/api/v1/auth/sign-on/callback のように指定してください',
    })
    .optional(),
  MOKUHYO_OIDC_NAME: z.string().min(1).max(100).default('統合認証'),
  MOKUHYO_OIDC_MATCH_CLAIM: z
    .string()
    .regex(/^[\x21-\x7e]+$/, 'MOKUHYO_OIDC_MATCH_CLAIM はクレームの名前（例：email）で指定してください')
    .default('email'),
  MOKUHYO_OIDC_MATCH_FIELD: z
    .enum(['email', 'login_id'], 'MOKUHYO_OIDC_MATCH_FIELD は email か login_id で指定してください')
    .default('email'),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** Scheduled backups (off unless MOKUHYO_BACKUP_DIR is set). */
export interface BackupConfig {
  dir: string;
  schedule: BackupSchedule;
  /** How many scheduled backups to keep; older ones are removed. */
  keep: number;
}

export type Env = ParsedEnv & {
  dataDir: string;
  backup: BackupConfig | null;
  mail: MailConfig | null;
  signOn: SignOnEnvironment | null;
};

/** The environment's sign-on: issuer, client id and redirect URL together (the secret too unless the client is public), or none. */
function signOnConfig(env: ParsedEnv): SignOnEnvironment | null | string[] {
  const {
    MOKUHYO_OIDC_ISSUER: issuer,
    MOKUHYO_OIDC_CLIENT_ID: clientId,
    MOKUHYO_OIDC_REDIRECT_URL: redirectUrl,
  } = env;
  const given = {
    MOKUHYO_OIDC_ISSUER: issuer,
    MOKUHYO_OIDC_CLIENT_ID: clientId,
    MOKUHYO_OIDC_REDIRECT_URL: redirectUrl,
  };
  const missing = Object.entries(given).filter(([, value]) => value === undefined);
  if (missing.length === 3) {
    return env.MOKUHYO_OIDC_CLIENT_SECRET === undefined
      ? null
      : [
          '  MOKUHYO_OIDC_CLIENT_SECRET: シングルサインオンには MOKUHYO_OIDC_ISSUER・MOKUHYO_OIDC_CLIENT_ID・MOKUHYO_OIDC_REDIRECT_URL も指定してください',
        ];
  }
  if (!issuer || !clientId || !redirectUrl) {
    return missing.map(
      ([name]) =>
        `  ${name}: シングルサインオンには MOKUHYO_OIDC_ISSUER・MOKUHYO_OIDC_CLIENT_ID・MOKUHYO_OIDC_REDIRECT_URL をそろえて指定してください`,
    );
  }
  if (new URL(issuer).protocol !== 'https:' && !isLoopbackHttp(issuer)) {
    return [
      '  MOKUHYO_OIDC_ISSUER: 認証サーバーは https:// で指定してください（http はこのコンピューター上の試験用サーバーだけ）',
    ];
  }
  return {
    providerName: env.MOKUHYO_OIDC_NAME,
    issuer,
    clientId,
    clientSecret: env.MOKUHYO_OIDC_CLIENT_SECRET ?? null,
    redirectUrl,
    matchClaim: env.MOKUHYO_OIDC_MATCH_CLAIM,
    matchField: env.MOKUHYO_OIDC_MATCH_FIELD === 'login_id' ? 'loginId' : 'email',
  };
}

/** Mail of 通知: all three settings, or none (then nothing is mailed). */
function mailConfig(env: ParsedEnv): MailConfig | null | string[] {
  const { MOKUHYO_SMTP_URL: smtpUrl, MOKUHYO_MAIL_FROM: from, MOKUHYO_PUBLIC_URL: publicUrl } = env;
  if (!smtpUrl) {
    // MOKUHYO_PUBLIC_URL alone is the open data's address (the DCAT descriptions), not mail.
    return from === undefined
      ? []
      : ['  MOKUHYO_MAIL_FROM: メールで通知するには MOKUHYO_SMTP_URL（メールサーバー）も指定してください'];
  }
  const missing = [
    ...(from ? [] : ['  MOKUHYO_MAIL_FROM: メールで通知するには送信元のアドレスを指定してください']),
    ...(publicUrl
      ? []
      : ['  MOKUHYO_PUBLIC_URL: メールのリンクのため、職員が開くアドレスを指定してください']),
  ];
  if (missing.length > 0 || !from || !publicUrl) return missing;
  return { smtpUrl, from, publicUrl };
}

const defaultBackupKeep = 14;

/** The scheduled-backup settings as one value, or the Japanese messages of what is wrong. */
function backupConfig(env: ParsedEnv): BackupConfig | null | string[] {
  const { MOKUHYO_BACKUP_DIR: dir, MOKUHYO_BACKUP_AT: at, MOKUHYO_BACKUP_INTERVAL_HOURS: hours } = env;
  if (!dir) {
    const given = (
      ['MOKUHYO_BACKUP_AT', 'MOKUHYO_BACKUP_INTERVAL_HOURS', 'MOKUHYO_BACKUP_KEEP'] as const
    ).filter((name) => env[name] !== undefined);
    return given.map(
      (name) => `  ${name}: 定期バックアップには MOKUHYO_BACKUP_DIR（保存先のフォルダー）も指定してください`,
    );
  }
  if (at !== undefined && hours !== undefined) {
    return [
      '  MOKUHYO_BACKUP_AT: MOKUHYO_BACKUP_AT（毎日の時刻）と MOKUHYO_BACKUP_INTERVAL_HOURS（間隔）はどちらか一方を指定してください',
    ];
  }
  const [hour, minute] = (at ?? '02:00').split(':').map(Number);
  return {
    dir: resolve(dir),
    schedule:
      hours !== undefined
        ? { kind: 'interval', hours }
        : { kind: 'daily', hour: hour ?? 2, minute: minute ?? 0 },
    keep: env.MOKUHYO_BACKUP_KEEP ?? defaultBackupKeep,
  };
}

/** The configuration, parsed once at start-up; every bad value is named in one message. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  const issues: { path: PropertyKey[]; message: string }[] = parsed.success ? [] : parsed.error.issues;
  if (parsed.success && parsed.data.DATABASE_MIGRATION_URL && !parsed.data.DATABASE_URL) {
    issues.push({
      path: ['DATABASE_MIGRATION_URL'],
      message: 'DATABASE_MIGRATION_URL は DATABASE_URL（アプリが使うロール）と一緒に指定してください',
    });
  }
  if (!parsed.success || issues.length > 0) {
    const lines = issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`設定（環境変数）に誤りがあります:\n${lines.join('\n')}`);
  }
  const backup = backupConfig(parsed.data);
  const mail = mailConfig(parsed.data);
  const signOn = signOnConfig(parsed.data);
  const wrong = [
    ...(Array.isArray(backup) ? backup : []),
    ...(Array.isArray(mail) ? mail : []),
    ...(Array.isArray(signOn) ? signOn : []),
  ];
  if (wrong.length > 0) throw new Error(`設定（環境変数）に誤りがあります:\n${wrong.join('\n')}`);
  return {
    ...parsed.data,
    dataDir: resolve(parsed.data.MOKUHYO_DATA_DIR),
    backup: Array.isArray(backup) ? null : backup,
    mail: Array.isArray(mail) ? null : mail,
    signOn: Array.isArray(signOn) ? null : signOn,
  };
}

/**
 * The database the configuration names: PostgreSQL when DATABASE_URL is set (migrated over
 * DATABASE_MIGRATION_URL when that is set too), else the embedded one in the data directory.
 */
export function databaseOptions(env: Env, { sample = false }: { sample?: boolean } = {}): DatabaseOptions {
  // Only the server asks for the sample: a command on a new directory starts it empty.
  if (!env.DATABASE_URL) return { engine: 'pglite', dataDir: env.dataDir, ...(sample ? { sample } : {}) };
  return {
    engine: 'postgres',
    url: env.DATABASE_URL,
    ...(env.DATABASE_MIGRATION_URL ? { migrationUrl: env.DATABASE_MIGRATION_URL } : {}),
  };
}
