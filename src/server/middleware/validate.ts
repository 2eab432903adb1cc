import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { issuesFromZod } from '../../schemas/issues';
import { AppError } from '../app-error';
import { validationKey } from '../openapi/doc';

const targetLabels: Partial<Record<keyof ValidationTargets, string>> = {
  query: 'クエリ',
  param: 'URL',
  json: '送信内容',
};

/** Validate one part of the request with a zod schema; a failure is a 400 naming each field. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const middleware = zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError(
        'invalid',
        `${targetLabels[target] ?? 'リクエスト'}の内容に誤りがあります。`,
        issuesFromZod(result.error),
      );
    }
  });
  // The OpenAPI document reads the schema from here, so it is written once.
  return Object.assign(middleware, { [validationKey]: { target, schema } });
}
