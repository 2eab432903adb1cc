import type { IncomingMessage, ServerResponse } from 'node:http';
import { type WardYearQuery, wardYearQuery } from '../schemas/ward-year';
import { type EncodedAnswer, isFresh, notModifiedHeaders, sharedAnswerHeaders } from './answer-cache';
import type { SheetCache } from './features/sheets/sheet-cache';
import { publicSheetInMemory } from './features/sheets/view-sheet';
import { publicWardSheetsInMemory } from './features/sheets/view-ward-sheets';
import { apiHeaders } from './middleware/api-headers';
import { requestIdFor, requestIdHeader } from './middleware/request-id';
import {
  isPrintableAscii,
  rawQueryPairs,
  readableQueryComponent,
  readHeaders,
} from './middleware/request-text';
import { sessionCookie } from './middleware/session';

/** A request listener that answered (true) or left the request to the app (false). */
export type EarlyAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

/** A Host the Node adapter takes as it is (its own check); any other goes to the app, which may refuse it. */
const plainHost = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
/** The route also checks the id is a UUID; the cache holds only ids the database gave, which are. */
const sheetPath = /^\/api\/v1\/sheets\/([0-9a-f-]{36})$/;
const plainComponent = /^[\w.~%-]*$/;

/**
 * What the public reads most — one sheet, a 部区's year list, the wards list — answered on the
 * socket when it is ready in memory, before the request is turned into a `Request` and routed:
 * the same bytes and headers as the routes send, for about half of their CPU (bench/public-reads.ts).
 * Only a plain request is answered here: GET or HEAD, no body, nobody signed in, and every
 * header, cookie and query value one the routes would accept unchanged. Everything else — a
 * miss, a sheet the public may not read, a signed-in user, anything the routes would refuse or
 * read differently — goes to the app, which answers it (answer-from-memory.test.ts sends the
 * same requests both ways).
 */
export function answerFromMemory(cache: SheetCache): EarlyAnswer {
  return (request, response) => {
    if (!isPlainPublicRequest(request)) return false;
    const answer = answerFor(cache, request.url ?? '');
    if (!answer) return false;
    const sentId = request.headers[requestIdHeader];
    const id = requestIdFor(typeof sentId === 'string' ? sentId : undefined);
    const heads = headsOf(answer);
    if (isFresh(request.headers['if-none-match'], answer.etag)) {
      response.writeHead(304, [...heads.notModified, requestIdHeader, id]);
      response.end();
    } else if (request.method === 'HEAD') {
      response.writeHead(200, [...heads.whole, requestIdHeader, id]);
      response.end();
    } else {
      response.writeHead(200, [...heads.whole, requestIdHeader, id, 'content-length', heads.length]);
      response.end(answer.body);
    }
    return true;
  };
}

/**
 * An answer's headers as the routes send them (`sendShared`, `apiSecurityHeaders`), in the flat
 * form Node writes fastest, kept for as long as the answer is. A HEAD answer has no length, as
 * with the routes.
 */
interface Heads {
  whole: string[];
  notModified: string[];
  length: string;
}
const heads = new WeakMap<EncodedAnswer, Heads>();
const flat = (headers: Record<string, string>) => Object.entries(headers).flat();

function headsOf(answer: EncodedAnswer): Heads {
  let found = heads.get(answer);
  if (!found) {
    found = {
      whole: flat({ ...sharedAnswerHeaders(answer), ...apiHeaders }),
      notModified: flat({ ...notModifiedHeaders(answer), ...apiHeaders }),
      length: String(answer.body.byteLength),
    };
    heads.set(answer, found);
  }
  return found;
}

function isPlainPublicRequest(request: IncomingMessage): boolean {
  const { method, headers } = request;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (headers.host === undefined || !plainHost.test(headers.host)) return false;
  if (headers['transfer-encoding'] !== undefined) return false;
  if (headers['content-length'] !== undefined && headers['content-length'] !== '0') return false;
  for (const name of readHeaders) {
    const value = headers[name];
    if (value !== undefined && (typeof value !== 'string' || !isPrintableAscii(value))) return false;
  }
  const cookie = headers.cookie;
  return (
    cookie === undefined ||
    (isPrintableAscii(cookie) && !cookie.includes('%') && !cookie.includes(sessionCookie))
  );
}

function answerFor(cache: SheetCache, url: string): EncodedAnswer | undefined {
  if (url === '/api/v1/wards') return cache.wards.inMemory();
  const sheet = sheetPath.exec(url)?.[1];
  if (sheet) return publicSheetInMemory(cache, sheet);
  if (url.startsWith('/api/v1/sheets?')) {
    const query = wardYearQueryOf(url);
    return query ? publicWardSheetsInMemory(cache, query) : undefined;
  }
  return undefined;
}

/** Queries as read, by their text: the public asks for the same few lists over and over. */
const readQueries = new Map<string, WardYearQuery | null>();
const rememberedQueryLength = 256;

function wardYearQueryOf(url: string): WardYearQuery | null {
  let read = readQueries.get(url);
  if (read === undefined) {
    read = readWardYearQuery(url);
    if (url.length <= rememberedQueryLength) {
      if (readQueries.size >= 1_000) readQueries.clear();
      readQueries.set(url, read);
    }
  }
  return read;
}

/** `fiscalYear=…&ward=…` read as the route reads it, or null when anything is unusual. */
function readWardYearQuery(url: string): WardYearQuery | null {
  const fields = new Map<string, string>();
  for (const [rawName, rawValue] of rawQueryPairs(url)) {
    if (!plainComponent.test(rawName) || !plainComponent.test(rawValue)) return null;
    const name = readableQueryComponent(rawName);
    const value = readableQueryComponent(rawValue);
    if (name === null || value === null || fields.has(name)) return null;
    fields.set(name, value);
  }
  const parsed = wardYearQuery.safeParse(Object.fromEntries(fields));
  return parsed.success ? parsed.data : null;
}
