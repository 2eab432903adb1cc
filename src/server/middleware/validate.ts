import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { firstInvalidUtf8 } from '../../imports/json/decode-text';
import { issuesFromZod } from '../../schemas/issues';
import { findUnacceptableJson } from '../../schemas/json-value';
import { AppError } from '../app-error';
import { validationKey } from '../openapi/doc';

const targetLabels: Partial<Record<keyof ValidationTargets, string>> = {
  query: '指定した条件',
  param: 'アドレス（URL）',
  json: '送信内容',
};

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

function invalidBody(message: string, path = ''): AppError {
  return new AppError('invalid', '送信内容に誤りがあります。', [{ path, message }]);
}

/**
 * A JSON body read once, strictly: bytes that are not UTF-8 are refused (never decoded into
 * U+FFFD), then the JSON itself, then any key or string no field can hold (U+0000, a lone
 * surrogate) or nesting past the limit — each a 400 naming where. The parsed value is left in
 * Hono's body cache for the schema check that follows.
 */
async function readJsonBody(c: Context): Promise<void> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!jsonMediaType.test(mediaType)) return;
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidBody(
      `UTF-8 として読めないバイトがあります（先頭から ${firstInvalidUtf8(bytes) + 1} バイト目）`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidBody('JSON として読めません');
  }
  const issue = findUnacceptableJson(value);
  if (issue) throw invalidBody(issue.message, issue.path);
  c.req.bodyCache.json = Promise.resolve(value);
}

/** Validate one part of the request with a zod schema; a failure is a 400 naming each field. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const check = zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError(
        'invalid',
        `${targetLabels[target] ?? 'リクエスト'}に誤りがあります。`,
        issuesFromZod(result.error),
      );
    }
  });
  // Query, path and header values were checked for unreadable text before routing
  // (request-text.ts); a JSON body is checked here, where it is read.
  const middleware: typeof check =
    target === 'json'
      ? async (c, next) => {
          await readJsonBody(c);
          return check(c, next);
        }
      : check;
  // The OpenAPI document reads the schema from here, so it is written once.
  return Object.assign(middleware, { [validationKey]: { target, schema } });
}
