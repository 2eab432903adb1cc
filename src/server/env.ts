import { resolve } from 'node:path';
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
  MOKUHYO_SAMPLE_DATA: z
    .enum(['on', 'off'], 'MOKUHYO_SAMPLE_DATA は on または off で指定してください')
    .default('on'),
  MOKUHYO_JOB_TIMEOUT: z.coerce
    .number('MOKUHYO_JOB_TIMEOUT は秒数で指定してください')
    .int('MOKUHYO_JOB_TIMEOUT は整数の秒数で指定してください')
    .min(1, 'MOKUHYO_JOB_TIMEOUT は 1〜86399 秒で指定してください')
    .max(86_399, 'MOKUHYO_JOB_TIMEOUT は 1〜86399 秒で指定してください')
    .default(600),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

/** The configuration, parsed once at start-up; every bad value is named in one message. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`設定（環境変数）に誤りがあります:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.MOKUHYO_DATA_DIR) };
}
