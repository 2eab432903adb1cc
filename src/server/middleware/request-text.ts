import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { FieldIssue } from '../../schemas/issues';
import { findUnusableCharacter, normalizeLineBreaks, unusableCharacterMessage } from '../../schemas/text';
import { AppError } from '../app-error';
import { csrfCookie, csrfHeader } from './csrf';
import type { RouteMatch } from './route-table';
import { sessionCookie } from './session';

const undecodable = 'UTF-8 として読めない符号（%FF のような）が含まれています';

/**
 * Percent-decoding that refuses what is not UTF-8: a malformed `%`, bytes that are no UTF-8
 * (`%FF`), overlong forms (`%C0%80`) and encoded surrogates (`%ED%A0%80`). Hono keeps such text
 * as it came, which would reach a lookup as `%FF`.
 */
function decodeComponent(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replaceAll('+', ' ') : raw);
  } catch {
    return null;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Printable ASCII: a header read as it came, and text no check here refuses. */
export const isPrintableAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** A header as Node hands it over (each byte one character) read as UTF-8, or null. */
function headerText(value: string): string | null {
  if (isPrintableAscii(value)) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return null;
  }
}

/** What is wrong with a decoded value under the one text rule (src/schemas/text.ts), if anything. */
function textProblem(text: string | null): string | null {
  if (text === null) return undecodable;
  const found = findUnusableCharacter(normalizeLineBreaks(text));
  return found ? unusableCharacterMessage(found) : null;
}

/**
 * A query component decoded, when the check below would let it through (else null). For the
 * answers given before routing (`answerFromMemory`), which must refuse nothing themselves.
 */
export function readableQueryComponent(raw: string): string | null {
  const text = decodeComponent(raw, true);
  return textProblem(text) === null ? text : null;
}

/** Each `name=value` of a query string, as sent. */
export function rawQueryPairs(url: string): [string, string][] {
  const start = url.indexOf('?');
  if (start === -1) return [];
  const end = url.indexOf('#', start);
  return url
    .slice(start + 1, end === -1 ? undefined : end)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at === -1 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    });
}

/** The path of the request URL as sent (still percent-encoded). */
export function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  const query = url.indexOf('?', start);
  return url.slice(start, query === -1 ? undefined : query);
}

/** The headers the app reads, by the name an issue gives them. */
export const readHeaders = ['origin', csrfHeader, 'if-none-match', 'x-forwarded-proto'];
const readCookies = [sessionCookie, csrfCookie];

/**
 * Before routing: every query parameter (name and value), every path parameter of the matched
 * route, and every header and cookie the app reads must be readable text — valid UTF-8 after
 * percent-decoding, and under the one text rule (no U+0000 or other control characters except
 * tab and line breaks). Otherwise a 400 naming each field (`ward`, `id`, `cookies.mokuhyo_csrf`,
 * `headers.origin`), before the session, CSRF or any lookup sees the value. A bad cookie of ours
 * is also cleared, so a browser that somehow holds one recovers on its next request.
 */
export function rejectUnreadableText(routeOf: (c: Context) => RouteMatch | null): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    const issues: FieldIssue[] = [];
    for (const [name, value] of rawQueryPairs(c.req.url)) {
      const key = decodeComponent(name, true);
      const problem = textProblem(key) ?? textProblem(decodeComponent(value, true));
      if (problem) issues.push({ path: key ?? name, message: problem });
    }
    for (const [name, value] of Object.entries(routeOf(c)?.rawParams ?? {})) {
      const problem = textProblem(decodeComponent(value, false));
      if (problem) issues.push({ path: name, message: problem });
    }
    for (const name of readHeaders) {
      const value = c.req.header(name);
      const problem = value === undefined ? null : textProblem(headerText(value));
      if (problem) issues.push({ path: `headers.${name}`, message: problem });
    }
    for (const part of c.req.header('cookie')?.split(';') ?? []) {
      const at = part.indexOf('=');
      const name = part.slice(0, at).trim();
      if (at === -1 || !readCookies.includes(name)) continue;
      const value = headerText(part.slice(at + 1).trim());
      const problem = textProblem(value?.includes('%') ? decodeComponent(value, false) : value);
      if (problem) {
        issues.push({ path: `cookies.${name}`, message: problem });
        deleteCookie(c, name, { path: '/' });
      }
    }
    if (issues.length > 0) {
      throw new AppError('invalid', 'URL・Cookie・ヘッダーに読めない文字が含まれています。', issues);
    }
    await next();
  });
}
