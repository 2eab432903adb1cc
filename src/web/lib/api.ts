import type { z } from 'zod';
import {
  errorBodySchema,
  type Ward,
  type WardYearSheets,
  wardSchema,
  wardYearSheetsSchema,
} from '../../schemas/sheet';
import { type SheetView, sheetViewSchema } from '../../schemas/sheet-edit';
import type { WardYearQuery } from '../../schemas/ward-year';
import { wardYearParams } from './download-urls';

export type { WardYearQuery };

/** An API call that failed, with a message a Japanese reader understands. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: { path: string; message: string }[];
  /** Extra data some errors carry (a 409 conflict: the sheet as it is now). */
  readonly details: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: { path: string; message: string }[] = [],
    details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

export function isNotFoundError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 4xx answer: asking again will not help. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

function detailsOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'details' in error ? error.details : undefined;
}

async function readErrorBody(response: Response): Promise<ApiError> {
  const fallback = `サーバーとの通信に失敗しました（HTTP ${response.status}）。時間をおいてもう一度お試しください。`;
  try {
    const body: unknown = await response.json();
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, issues } = parsed.data.error;
      return new ApiError(response.status, code, message, issues, detailsOf(body));
    }
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return new ApiError(response.status, 'http_error', fallback);
}

const csrfCookie = 'mokuhyo_csrf';

/** The double-submit token the API set in a cookie readable by this page. */
function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === csrfCookie) return decodeURIComponent(value.join('='));
  }
  return null;
}

async function csrfToken(): Promise<string> {
  const token = readCsrfToken();
  if (token) return token;
  // Every API response sets the cookie: ask once for it.
  await fetch('/api/v1/auth/me', { headers: { Accept: 'application/json' } }).catch(() => undefined);
  return readCsrfToken() ?? '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Call a same-origin JSON endpoint and parse the answer with the shared schema. */
export async function requestJson<T>(
  method: Method,
  path: string,
  schema: z.ZodType<T>,
  options: {
    body?: unknown;
    /** Bytes sent as they are (an uploaded file), with their content type, instead of JSON. */
    raw?: { data: Blob; type: string };
    signal?: AbortSignal | undefined;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = options.raw ? options.raw.type : 'application/json';
    headers['x-csrf-token'] = await csrfToken();
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      signal: options.signal,
      ...(method === 'GET'
        ? {}
        : { body: options.raw ? options.raw.data : JSON.stringify(options.body ?? {}) }),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(
      0,
      'network_error',
      'サーバーに接続できませんでした。ネットワークの状態を確認してください。',
    );
  }
  if (!response.ok) {
    const error = await readErrorBody(response);
    // Signed in with a temporary password (the first read after sign-in finds out): the password
    // change comes before anything else. Kept here, not in a component: the public page's budget.
    const path = location.pathname;
    if (error.code === 'password_change_required' && path !== '/account/password')
      location.assign(
        `/account/password${path.startsWith('/sign-in') ? '' : `?redirect=${encodeURIComponent(path)}`}`,
      );
    throw error;
  }
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      'サーバーから想定外の形式のデータが返されました。',
    );
  }
  return parsed.data;
}

function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return requestJson('GET', path, schema, { signal });
}

export function fetchWards(signal?: AbortSignal): Promise<Ward[]> {
  return getJson('/api/v1/wards', wardSchema.array(), signal);
}

export function fetchWardYearSheets(query: WardYearQuery, signal?: AbortSignal): Promise<WardYearSheets> {
  return getJson(`/api/v1/sheets?${wardYearParams(query)}`, wardYearSheetsSchema, signal);
}

export function sheetPath(id: string): string {
  return `/api/v1/sheets/${encodeURIComponent(id)}`;
}

/** A sheet with what the signed-in user (or the public) may do with it. */
export function fetchSheet(id: string, signal?: AbortSignal): Promise<SheetView> {
  return getJson(sheetPath(id), sheetViewSchema, signal);
}

/** Where the interchange JSON of a ward's year is downloaded. */
export function exportUrl(query: WardYearQuery): string {
  return `/api/v1/export?${wardYearParams(query)}`;
}
