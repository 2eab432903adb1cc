import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../db/seed/niigata-kita-2022.json';
import { type WardYearFile, wardYearFileSchema } from '../../schemas/interchange';
import { interchangeJsonSchema } from '../../schemas/interchange-json-schema';
import { indicatorNamed, sampleFile, sheetFileTitled } from '../testing/finders';
import { createTestApp, type TestApp } from '../testing/test-app';
import type { Schema } from './schema-rows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const typeOf = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && Number.isInteger(v)
        ? 'integer'
        : typeof v;

/**
 * The paths where `value` breaks `schema`: a small checker of the keywords the generated schema
 * uses (test-only; the app itself reads files with the zod schema). Unknown keywords fail loudly.
 */
function violations(schema: Schema, value: unknown, path = '$'): string[] {
  const known = new Set([
    ...['$schema', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties'],
    ...['propertyNames', 'items', 'anyOf', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength'],
    ...['minItems', 'maxItems', 'pattern', 'format'],
  ]);
  const unknown = Object.keys(schema).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`${path}: the checker does not know ${unknown.join(', ')}`);
  if (schema.anyOf) {
    const each = schema.anyOf.map((s) => violations(s, value, path));
    return each.some((v) => v.length === 0) ? [] : [`${path}: none of anyOf`, ...each.flat()];
  }
  const found: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = [schema.type].flat();
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      return [`${path}: ${actual} is not ${types.join('|')}`];
    }
  }
  if (schema.enum && !schema.enum.includes(value)) found.push(`${path}: not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) found.push(`${path}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) found.push(`${path}: above maximum`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) found.push(`${path}: too short`);
    if (schema.maxLength !== undefined && length > schema.maxLength) found.push(`${path}: too long`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      found.push(`${path}: does not match pattern`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) found.push(`${path}: too few items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      found.push(`${path}: too many items`);
    const items = schema.items;
    if (items) {
      for (const [i, v] of value.entries()) found.push(...violations(items, v, `${path}[${i}]`));
    }
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in record)) found.push(`${path}.${name}: missing`);
    for (const [name, v] of Object.entries(record)) {
      const property = schema.properties?.[name];
      if (property) found.push(...violations(property, v, `${path}.${name}`));
      else if (typeof schema.additionalProperties === 'object') {
        found.push(...violations(schema.additionalProperties, v, `${path}.${name}`));
      } else if (schema.additionalProperties === false) found.push(`${path}.${name}: not allowed`);
      if (schema.propertyNames)
        found.push(...violations(schema.propertyNames, name, `${path}.${name} (name)`));
    }
  }
  return found;
}

describe('the interchange format’s JSON Schema, beside the OpenAPI document', () => {
  it('is served as a JSON Schema generated from the zod schema the import reads files with', async () => {
    const res = await t.public.get('/api/interchange.schema.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/schema+json');
    const served = (await res.json()) as Schema & Record<string, unknown>;
    expect(served).toEqual(interchangeJsonSchema());
    expect(served.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(served.title).toContain('交換形式');
    expect(served.required).toEqual(['municipality', 'ward', 'fiscalYear', 'sheets']);
  });

  it('accepts the sample file and what the app exports, as the zod schema does', async () => {
    const schema = (await (await t.public.get('/api/interchange.schema.json')).json()) as Schema;
    expect(wardYearFileSchema.safeParse(sample).success).toBe(true);
    expect(violations(schema, sample)).toEqual([]);
    const exported = await (
      await (await t.as('admin')).get(`/api/v1/export?fiscalYear=2022&ward=${encodeURIComponent('北区')}`)
    ).json();
    expect(violations(schema, exported)).toEqual([]);
    // What the export writes reads back as the same file.
    expect(wardYearFileSchema.parse(exported)).toEqual(exported);
  });

  /** 北区郷土博物館's indicator of 目標1 (the second sheet's first indicator in the paths below). */
  const visitors = (f: WardYearFile) =>
    indicatorNamed(sheetFileTitled(f, '北区郷土博物館'), '年間入館者数及び事業参加者数');

  const broken: [string, (file: WardYearFile) => void, string][] = [
    ['a year written as text', (f) => Object.assign(f, { fiscalYear: '2022' }), '$.fiscalYear'],
    ['no sheets', (f) => Object.assign(f, { sheets: [] }), '$.sheets'],
    [
      'a sheet without its 部',
      (f) => Reflect.deleteProperty(sheetFileTitled(f, '地域総務課'), 'department'),
      '$.sheets[0].department',
    ],
    [
      'an evaluation the format does not know',
      (f) => Object.assign(visitors(f), { evaluation: '良好' }),
      '$.sheets[1].goals[0].indicators[0].evaluation',
    ],
    [
      'a value that is not a number',
      (f) => Object.assign(visitors(f).target, { value: '5,300' }),
      '$.sheets[1].goals[0].indicators[0].target.value',
    ],
    [
      'an actual of a year not written as four digits',
      (f) => Object.assign(visitors(f).actuals, { R3: { text: '1', value: 1 } }),
      '$.sheets[1].goals[0].indicators[0].actuals.R3',
    ],
    [
      'a date not in YYYY-MM-DD',
      (f) => Object.assign(sheetFileTitled(f, '北区郷土博物館'), { createdOn: '令和4年4月1日' }),
      '$.sheets[1].createdOn',
    ],
  ];

  it.each(broken)('refuses %s where the zod schema does', async (_what, breakIt, path) => {
    const schema = interchangeJsonSchema() as Schema;
    const file = sampleFile();
    breakIt(file);
    expect(wardYearFileSchema.safeParse(file).success).toBe(false);
    expect(violations(schema, file).some((v) => v.startsWith(path))).toBe(true);
  });

  it('allows what the import ignores with a warning (fields it does not define), and leaves out optional ones', () => {
    const file: WardYearFile & { note?: string } = sampleFile();
    file.note = 'ほかのツールの項目';
    Reflect.deleteProperty(sheetFileTitled(file, '地域総務課'), 'status');
    expect(violations(interchangeJsonSchema() as Schema, file)).toEqual([]);
    expect(wardYearFileSchema.safeParse(file).success).toBe(true);
  });
});
