import type { z } from 'zod';
import {
  errorBodySchema,
  type SheetDetail,
  sheetDetailSchema,
  type Ward,
  type WardYearSheets,
  wardSchema,
  wardYearSheetsSchema,
} from '../../schemas/sheet';

/** An API call that failed, with a message a Japanese reader understands. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: { path: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export function isNotFoundError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 4xx answer: asking again will not help. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

async function readErrorBody(response: Response): Promise<ApiError> {
  const fallback = `サーバーとの通信に失敗しました（HTTP ${response.status}）。時間をおいて再度お試しください。`;
  try {
    const parsed = errorBodySchema.safeParse(await response.json());
    if (parsed.success) {
      const { code, message, issues } = parsed.data.error;
      return new ApiError(response.status, code, message, issues);
    }
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return new ApiError(response.status, 'http_error', fallback);
}

/** GET a same-origin JSON resource and parse it with the shared schema. */
async function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      0,
      'network_error',
      'サーバーに接続できませんでした。ネットワークの状態を確認してください。',
    );
  }
  if (!response.ok) throw await readErrorBody(response);
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

export type WardYearQuery = { fiscalYear: number; ward: string; municipality?: string | undefined };

function wardYearParams({ fiscalYear, ward, municipality }: WardYearQuery): string {
  const params = new URLSearchParams({ fiscalYear: String(fiscalYear), ward });
  if (municipality) params.set('municipality', municipality);
  return params.toString();
}

export function fetchWards(signal?: AbortSignal): Promise<Ward[]> {
  return getJson('/api/v1/wards', wardSchema.array(), signal);
}

export function fetchWardYearSheets(query: WardYearQuery, signal?: AbortSignal): Promise<WardYearSheets> {
  return getJson(`/api/v1/sheets?${wardYearParams(query)}`, wardYearSheetsSchema, signal);
}

export function fetchSheet(id: string, signal?: AbortSignal): Promise<SheetDetail> {
  return getJson(`/api/v1/sheets/${encodeURIComponent(id)}`, sheetDetailSchema, signal);
}

/** Where the interchange JSON of a ward's year is downloaded. */
export function exportUrl(query: WardYearQuery): string {
  return `/api/v1/export?${wardYearParams(query)}`;
}
