import { describe, expect, it } from 'vitest';
import { saveSheetSchema } from '../../schemas/sheet-edit';
import { z } from '../../schemas/zod';
import { schemaRows } from './schema-rows';

describe('a JSON Schema as the rows of a field table', () => {
  it('names nested fields by their path, in Japanese types, with what is required and allowed', () => {
    const rows = schemaRows(z.toJSONSchema(saveSheetSchema, { io: 'input', unrepresentable: 'any' }));
    const row = (name: string) => rows.find((r) => r.name === name);
    expect(row('version')).toMatchObject({ type: '整数', required: true });
    expect(row('document')).toMatchObject({ type: 'オブジェクト', required: true });
    expect(row('document.goals')).toMatchObject({ type: 'オブジェクトの配列' });
    expect(row('document.goals[].indicators[].evaluation')?.note).toContain(
      '達成・一部未達成・未達成 のいずれか',
    );
    expect(row('document.goals[].indicators[].evaluationReason')?.type).toMatch(/（null 可）$/);
  });

  it('describes a schema that is not an object as one row', () => {
    expect(schemaRows({ type: 'array', items: { type: 'string', format: 'uuid' } })).toEqual([
      { name: '（全体）', type: 'UUIDの配列', required: true, note: '' },
    ]);
  });
});
