import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-users';
import { databaseFingerprint } from '../testing/db-fingerprint';
import { indicatorNamed, sheetDetailTitled } from '../testing/finders';
import { createTestApp, type TestApp } from '../testing/test-app';

/**
 * Generated bad requests against every operation of /api/openapi.json, as the public, an
 * editor (somu-staff) and an administrator (admin): each request is a plausible one (real
 * ids, the sample's ward and year, a body made from the operation's schema) with one bad value
 * put in a query or path parameter, a header or cookie the app reads, or the body — U+0000,
 * bytes that are no UTF-8, lone surrogates, huge numbers, wrong types, very long strings, deep
 * nesting. None may answer 5xx or take longer than the time limit, and the database must be
 * what it was (sessions and sign-in failures aside).
 */

const requestCount = 2_100;
const perRequestMs = 15_000;
const seed = 20_261_130;
const roles = ['public', 'editor', 'admin'] as const;
type Role = (typeof roles)[number];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
}
interface Operation {
  method: string;
  /** `/api/v1/sheets/{id}` */
  path: string;
  query: { name: string; schema: JsonSchema }[];
  pathParams: string[];
  body: JsonSchema | null;
  /** The body is a file (import): sent as bytes, never parsed by a schema of the document. */
  fileBody: boolean;
}

const someUuid = '00000000-0000-4000-8000-000000000000';
const known: Record<string, string> = { fiscalYear: '2022', ward: '北区', municipality: '新潟市' };

/** A plausible value of a JSON schema: the first non-null variant, every property, one item. */
function sampleOf(schema: JsonSchema, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants)
    return sampleOf(variants.find((v) => v.type !== 'null') ?? (variants[0] as JsonSchema), depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, known[k] ?? sampleOf(v, depth + 1)]),
      );
    case 'array':
      return depth > 6 || !schema.items ? [] : [sampleOf(schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined && schema.maximum < 1 ? schema.maximum : 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return someUuid;
      if (schema.format === 'date') return '2022-04-01';
      if (schema.pattern?.includes('\\d{2}-\\d{2}')) return '04-01';
      return 'テスト'.repeat(Math.max(1, Math.ceil((schema.minLength ?? 1) / 3)));
    default:
      return 'テスト';
  }
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Percent-encoded sequences that are no text, or hold characters no value may. */
const badPercent = [
  '%00',
  '%FF',
  '%C0%80',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%F8%88%80%80%80',
  '%E5%8C',
  '%',
  '%Z9',
  '%1F',
  '%7F',
];
/** Bad text for a URL part, always refused before routing. */
const badUrlText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...badPercent), fc.string({ maxLength: 8 }))
  .map(([a, bad, b]) => `${encodeURIComponent(a)}${bad}${encodeURIComponent(b)}`);
/** Anything else a URL value can be: huge numbers, wrong types, very long text. */
const oddUrlValue = fc.oneof(
  fc.constantFrom(
    '1e308',
    '-1e308',
    '9007199254740993',
    '99999999999999999999999',
    'NaN',
    'Infinity',
    '-0',
    '0x10',
  ),
  fc.constantFrom('[]', '{}', 'true', 'null', '', '%20', '..', '%2F'),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => encodeURIComponent('あ'.repeat(n))),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
);
/** A string no value may hold: U+0000 or a lone surrogate somewhere. */
const badString = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff'),
    fc.string({ maxLength: 10 }),
  )
  .map(([a, bad, b]) => a + bad + b);
/** A value of the wrong kind for what `like` is, never valid where `like` is. */
function wrongKind(like: unknown): fc.Arbitrary<unknown> {
  const huge = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 1.5, Number.MIN_VALUE);
  const long = fc.integer({ min: 20_000, max: 300_000 }).map((n) => '長'.repeat(n));
  const nested = fc
    .integer({ min: 2, max: 200_000 })
    .map((n) => JSON.parse(deep(Math.min(n, 60))) as unknown);
  if (typeof like === 'string')
    return fc.oneof(huge, fc.boolean(), fc.constant([]), fc.constant({}), long, nested, badString);
  if (typeof like === 'number')
    return fc.oneof(huge, fc.constant('12'), fc.boolean(), fc.constant([1]), fc.constant({}), badString);
  if (typeof like === 'boolean')
    return fc.oneof(fc.constant('true'), fc.constant(1), fc.constant({}), badString);
  if (Array.isArray(like))
    return fc.oneof(
      fc.constant('x'),
      fc.constant({}),
      huge,
      badString,
      nested.map((n) => [n]),
    );
  return fc.oneof(fc.constant('x'), fc.constant([]), huge, badString, long);
}

/** Every path into a value, as keys. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const inner = Array.isArray(value)
    ? value.flatMap((v, i) => pathsOf(v, [...at, i]))
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))
      : [];
  return at.length === 0 ? inner : [at, ...inner];
}
function getAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}
function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = replacement;
  return copy;
}

interface Built {
  op: Operation;
  role: Role;
  where: string;
  url: string;
  init: RequestInit;
}

let t: TestApp;
let operations: Operation[] = [];
const sessions = new Map<Role, { cookie: string; csrf: string }>();
const pathValues = new Map<string, string>();

async function signIn(loginId: string | null): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(await t.request('/api/v1/auth/me'));
  if (loginId) {
    const res = await t.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: {
        cookie: `mokuhyo_csrf=${jar.get('mokuhyo_csrf')}`,
        'x-csrf-token': jar.get('mokuhyo_csrf') ?? '',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ loginId, password: demoPassword }),
    });
    expect(res.status).toBe(200);
    keep(res);
  }
  return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), csrf: jar.get('mokuhyo_csrf') ?? '' };
}

beforeAll(async () => {
  t = await createTestApp();
  sessions.set('public', await signIn(null));
  sessions.set('editor', await signIn('somu-staff'));
  sessions.set('admin', await signIn('admin'));
  const sheet = await sheetDetailTitled(t, '地域総務課');
  pathValues.set('/api/v1/sheets/{id}', sheet.id);
  pathValues.set(
    '/api/v1/indicators/{id}',
    indicatorNamed(sheet, '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定').indicatorId,
  );
  pathValues.set('stage', 'plan');

  const doc = await (await t.request('/api/openapi.json')).json();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        parameters?: { name: string; in: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map(({ name, schema }) => ({ name, schema })),
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        fileBody: /\/import(\/preview)?$/.test(path),
      });
    }
  }
  operations = operations.sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
});

afterAll(async () => {
  await t.close();
});

function pathValue(op: Operation, name: string): string {
  const prefix = op.path.slice(0, op.path.indexOf(`{${name}}`) + name.length + 2);
  return pathValues.get(prefix) ?? pathValues.get(name) ?? someUuid;
}

/** One generated request: an operation, a role, and one bad value somewhere in it. */
const requestSpec = fc.record({
  op: fc.nat(),
  role: fc.constantFrom(...roles),
  place: fc.constantFrom('query', 'path', 'header', 'body', 'body', 'body'),
  pick: fc.nat(),
  urlBad: badUrlText,
  urlOdd: oddUrlValue,
  odd: fc.boolean(),
  header: fc.constantFrom('cookies.mokuhyo_session', 'cookies.mokuhyo_csrf', 'origin', 'x-csrf-token'),
  headerBad: fc.constantFrom('%00', '%FF', '%ED%A0%80', '%C0%80', '\u00ff\u00fe', 'a%1B'),
  bodyKind: fc.constantFrom('field', 'field', 'field', 'bytes', 'whole'),
  bytes: fc.constantFrom(
    [0xff],
    [0xc0, 0x80],
    [0xed, 0xa0, 0x80],
    [0xe5, 0x8c],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0x80],
  ),
  whole: fc.oneof(
    fc.integer({ min: 1_000, max: 300_000 }).map(deep),
    fc.constantFrom('[]', 'null', '"x"', '1e999', '{"a":', '{', '', '{"__proto__":{"admin":true}}', 'true'),
  ),
  fieldSeed: fc.nat(),
});

type RequestSpec = typeof requestSpec extends fc.Arbitrary<infer S> ? S : never;

/** The request `spec` describes, ready for the app. */
function build(spec: RequestSpec): Built {
  const op = operations[spec.op % operations.length] as Operation;
  const session = sessions.get(spec.role) as { cookie: string; csrf: string };
  const writes = op.method !== 'GET';
  // A bad value where a write could otherwise go through is always one the app must refuse.
  const urlPoison = spec.odd && !writes ? spec.urlOdd : spec.urlBad;
  let place = spec.place;
  if (place === 'path' && op.pathParams.length === 0) place = 'query';
  if (place === 'body' && !op.body && !op.fileBody) place = 'header';

  const query = op.query.map(({ name, schema }) => [
    name,
    encodeURIComponent(known[name] ?? String(sampleOf(schema))),
  ]);
  let path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(op, name)));
  const headers: Record<string, string> = { cookie: session.cookie };
  if (writes) headers['x-csrf-token'] = session.csrf;
  let where: string = place;
  if (place === 'query') {
    if (query.length > 0 && spec.pick % 3 !== 0) {
      const i = spec.pick % query.length;
      const [name] = query[i] as [string, string];
      query[i] = [name, urlPoison];
      where = `query.${name}`;
    } else if (spec.pick % 2 === 0) {
      query.push(['extra', spec.urlBad]);
      where = 'query.extra';
    } else {
      query.push([spec.urlBad, '1']);
      where = 'query name';
    }
  } else if (place === 'path') {
    const name = op.pathParams[spec.pick % op.pathParams.length] as string;
    const poison = spec.odd ? spec.urlOdd : spec.urlBad;
    path = op.path.replace(/\{(\w+)\}/g, (_m, n: string) =>
      n === name ? poison : encodeURIComponent(pathValue(op, n)),
    );
    where = `path.${name}`;
  } else if (place === 'header') {
    where = `header.${spec.header}`;
    if (spec.header === 'cookies.mokuhyo_session')
      headers.cookie = `${session.cookie.replace(/mokuhyo_session=[^;]*;?\s*/, '')}; mokuhyo_session=${spec.headerBad}`;
    else if (spec.header === 'cookies.mokuhyo_csrf')
      headers.cookie = `${session.cookie.replace(/mokuhyo_csrf=[^;]*;?\s*/, '')}; mokuhyo_csrf=${spec.headerBad}`;
    else if (spec.header === 'origin')
      headers.origin = `http://${spec.headerBad.includes('%') ? 'ex\u00ffample' : spec.headerBad}`;
    else headers['x-csrf-token'] = spec.headerBad.includes('%') ? '\u00e5\u008c' : spec.headerBad;
  }

  let body: BodyInit | undefined;
  if (op.body || op.fileBody) {
    headers['content-type'] = 'application/json';
    // A file to import lacks its 自治体, 部区 and 年度: never importable, whatever the bad value.
    const base = op.body ? sampleOf(op.body) : { sheets: [{ goals: [{ text: 'テスト' }] }] };
    if (place !== 'body') body = JSON.stringify(base);
    else if (spec.bodyKind === 'whole') {
      body = spec.whole;
      where = 'body (whole)';
    } else {
      const paths = pathsOf(base);
      const at = paths[spec.pick % Math.max(1, paths.length)] ?? [];
      const field = at.join('.');
      if (spec.bodyKind === 'bytes') {
        const marker = '\u2603MARK\u2603';
        const text = JSON.stringify(at.length > 0 ? setAt(base, at, marker) : marker);
        const [before = '', after = ''] = text.split(marker);
        body = new Blob([Buffer.from(before), new Uint8Array(spec.bytes), Buffer.from(after)]);
        where = `body bytes at ${field || '(root)'}`;
      } else {
        const replacement = fc.sample(wrongKind(at.length > 0 ? getAt(base, at) : base), {
          numRuns: 1,
          seed: spec.fieldSeed,
        })[0];
        body = JSON.stringify(at.length > 0 ? setAt(base, at, replacement) : replacement);
        where = `body.${field || '(root)'}`;
      }
    }
  }
  const search = query.map(([k, v]) => `${k}=${v}`).join('&');
  return {
    op,
    role: spec.role,
    where,
    url: `${path}${search ? `?${search}` : ''}`,
    init: { method: op.method, headers, ...(body === undefined ? {} : { body }) },
  };
}

describe('generated bad requests over every documented operation', () => {
  it(`${requestCount} requests as the public, an editor and an administrator: no 5xx, no hang, nothing written`, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const documented = operations.map((o) => `${o.method} ${o.path}`);
    expect(documented).toEqual(expect.arrayContaining(['GET /api/v1/wards', 'GET /api/health']));
    const before = await databaseFingerprint(t.database.db);
    const specs = fc.sample(requestSpec, { numRuns: requestCount, seed });
    const byClass: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    const failures: string[] = [];
    const covered = new Set<string>();
    const started = performance.now();
    for (const spec of specs) {
      const request = build(spec);
      const label = `${request.role} ${request.op.method} ${request.url.slice(0, 160)} [${request.where}]`;
      covered.add(`${request.role} ${request.op.method} ${request.op.path}`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), perRequestMs);
      });
      const answer = await Promise.race([t.request(request.url, request.init), timeout]);
      clearTimeout(timer);
      if (answer === 'timeout') {
        failures.push(`no answer within ${perRequestMs} ms: ${label}`);
        byClass.timeout = (byClass.timeout ?? 0) + 1;
        continue;
      }
      const text = await answer.text();
      const statusClass = `${String(answer.status)[0]}xx`;
      byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
      byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
      if (answer.status >= 500) failures.push(`${answer.status}: ${label}: ${text.slice(0, 300)}`);
    }
    const after = await databaseFingerprint(t.database.db);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `request fuzz: ${specs.length} requests over ${operations.length} operations × ${roles.length} roles ` +
        `(${covered.size} operation-role pairs) in ${seconds.toFixed(1)} s — by class ${JSON.stringify(byClass)}, by status ${JSON.stringify(byStatus)}`,
    );
    expect(failures).toEqual([]);
    expect(covered.size).toBe(operations.length * roles.length);
    expect(after).toEqual(before);
  });
});
