import { resolve } from 'node:path';
import type { DatabaseOptions } from '../db/client';
import { z } from '../schemas/zod';

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
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

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
  return { ...parsed.data, dataDir: resolve(parsed.data.MOKUHYO_DATA_DIR) };
}

/**
 * The database the configuration names: PostgreSQL when DATABASE_URL is set (migrated over
 * DATABASE_MIGRATION_URL when that is set too), else the embedded one in the data directory.
 */
export function databaseOptions(env: Env): DatabaseOptions {
  if (!env.DATABASE_URL) return { engine: 'pglite', dataDir: env.dataDir };
  return {
    engine: 'postgres',
    url: env.DATABASE_URL,
    ...(env.DATABASE_MIGRATION_URL ? { migrationUrl: env.DATABASE_MIGRATION_URL } : {}),
  };
}
