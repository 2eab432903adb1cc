import type { z } from 'zod';
import { joinPath } from './issues';

type AnySchema = z.core.$ZodType;

/** The object schema under wrappers (optional, nullable, default, pipe), if it is one. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/**
 * The paths of the fields in `input` that `schema` does not define (objects are walked through
 * arrays and records). Used to list, as warnings, what an import ignores.
 */
export function unknownFields(schema: AnySchema, input: unknown, path = ''): string[] {
  const inner = unwrap(schema);
  const def = inner._zod.def as {
    type: string;
    shape?: Record<string, AnySchema>;
    element?: AnySchema;
    valueType?: AnySchema;
  };
  if (def.type === 'array' && def.element && Array.isArray(input)) {
    const element = def.element;
    return input.flatMap((item, i) => unknownFields(element, item, joinPath(path, i)));
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const fields = input as Record<string, unknown>;
  if (def.type === 'record' && def.valueType) {
    const valueType = def.valueType;
    return Object.keys(fields).flatMap((key) => unknownFields(valueType, fields[key], joinPath(path, key)));
  }
  if (def.type !== 'object' || !def.shape) return [];
  const shape = def.shape;
  return Object.keys(fields).flatMap((key) => {
    const field = shape[key];
    return field ? unknownFields(field, fields[key], joinPath(path, key)) : [joinPath(path, key)];
  });
}
