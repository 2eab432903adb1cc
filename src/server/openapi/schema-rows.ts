/**
 * A JSON Schema (as zod writes it for the OpenAPI document) read as the rows of a field table:
 * each field by its path (`document.goals[].text`), its type in Japanese, whether it is required,
 * and what else the schema says (the allowed values, the format, the limits, its description).
 */
export interface SchemaRow {
  name: string;
  type: string;
  required: boolean;
  note: string;
}

/** The JSON Schema keywords zod writes for the app's payloads (also read by the interchange schema's test). */
export type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
};

const typeNames: Record<string, string> = {
  string: '文字列',
  number: '数値',
  integer: '整数',
  boolean: '真偽値',
  object: 'オブジェクト',
  array: '配列',
  null: 'null',
};

const formatNames: Record<string, string> = {
  date: '日付（YYYY-MM-DD）',
  'date-time': '日時（ISO 8601）',
  uuid: 'UUID',
  email: 'メールアドレス',
  uri: 'URL',
};

/** How deep a table follows nested objects, and how many rows it shows at most. */
const maxDepth = 8;
const maxRows = 400;

function variants(schema: Schema): Schema[] {
  return schema.anyOf ?? schema.oneOf ?? [schema];
}

/** A schema's type in Japanese: 「文字列（null 可）」, 「整数」, 「UUID」, 「オブジェクトの配列」. */
export function schemaType(schema: Schema): string {
  const parts = variants(schema);
  const nullable = parts.some((p) => p.type === 'null');
  const named = parts
    .filter((p) => p.type !== 'null')
    .map((p) => {
      if (p.const !== undefined) return `固定値 ${JSON.stringify(p.const)}`;
      if (p.enum) return '列挙';
      const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
      const base = types.map((t) => typeNames[t] ?? t).join('・') || '任意';
      const format = p.format ? formatNames[p.format] : undefined;
      if (p.type === 'array' && p.items) return `${schemaType(p.items)}の配列`;
      return format ?? base;
    });
  const unique = [...new Set(named)];
  return `${unique.join(' または ') || 'null'}${nullable && unique.length > 0 ? '（null 可）' : ''}`;
}

/** What else a schema says: allowed values, limits, its description. */
export function schemaNote(schema: Schema): string {
  const notes: string[] = [];
  for (const part of variants(schema)) {
    if (part.enum) notes.push(`${part.enum.map((v) => String(v)).join('・')} のいずれか`);
    if (part.minLength !== undefined || part.maxLength !== undefined) {
      notes.push(`${part.minLength ?? 0}〜${part.maxLength ?? ''}文字`);
    }
    // zod bounds every integer by the safe range: only a bound of the field's own is worth saying.
    const min =
      Math.abs(part.minimum ?? Number.MAX_SAFE_INTEGER) < Number.MAX_SAFE_INTEGER ? part.minimum : undefined;
    const max =
      Math.abs(part.maximum ?? Number.MAX_SAFE_INTEGER) < Number.MAX_SAFE_INTEGER ? part.maximum : undefined;
    if (min !== undefined && max !== undefined) notes.push(`${min}〜${max}`);
    else if (min !== undefined) notes.push(`${min}以上`);
    else if (max !== undefined) notes.push(`${max}以下`);
    if (part.maxItems !== undefined) notes.push(`${part.maxItems}件まで`);
    if (part.description) notes.push(part.description);
  }
  if (schema.description && !notes.includes(schema.description)) notes.push(schema.description);
  return notes.join('。');
}

/** The object a schema describes, if it describes one (also when it may be null). */
function objectOf(schema: Schema): Schema | undefined {
  return variants(schema).find((p) => p.properties !== undefined);
}

function arrayItemsOf(schema: Schema): Schema | undefined {
  return variants(schema).find((p) => p.type === 'array')?.items;
}

export function schemaRows(schema: unknown): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const walk = (node: Schema, prefix: string, depth: number) => {
    if (depth > maxDepth) return;
    const object = objectOf(node);
    if (object?.properties) {
      const required = new Set(object.required ?? []);
      for (const [key, child] of Object.entries(object.properties)) {
        if (rows.length >= maxRows) return;
        const name = prefix ? `${prefix}.${key}` : key;
        rows.push({ name, type: schemaType(child), required: required.has(key), note: schemaNote(child) });
        walk(child, name, depth + 1);
      }
      return;
    }
    const items = arrayItemsOf(node);
    if (items) walk(items, `${prefix}[]`, depth + 1);
  };
  const root = (schema ?? {}) as Schema;
  if (!objectOf(root)) {
    rows.push({ name: '（全体）', type: schemaType(root), required: true, note: schemaNote(root) });
  }
  walk(root, '', 0);
  return rows;
}
