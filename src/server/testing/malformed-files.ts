import type { WardYearFile } from '../../schemas/interchange';
import { goalNumbered, indicatorNamed, sampleFile, sheetFileTitled } from './finders';
import { encodingCases } from './malformed-encodings';

/**
 * A generated corpus of malformed interchange files, each with the path its refusal must name:
 * every field of the format with a wrong type, missing, null where it may not be, out of range;
 * impossible dates and dates out of order; duplicates; NUL and lone surrogates (JSON escapes);
 * oversized text; other encodings; text that is not JSON. The base is a valid file (three sheets
 * of the sample).
 */

export interface MalformedFile {
  name: string;
  bytes: Uint8Array;
  /** The path an issue must have ('' for the file as a whole). */
  path: string;
  status: 400 | 413;
}

type Json = Record<string, unknown>;

export function baseFile(): WardYearFile {
  const file = sampleFile();
  // 地域総務課, 北区郷土博物館, 健康福祉課 (two indicators under one goal, 実績 of three years),
  // in this order: the paths below (`places`, the cases) point into it.
  const somu = sheetFileTitled(file, '地域総務課');
  file.sheets = [somu, sheetFileTitled(file, '北区郷土博物館'), sheetFileTitled(file, '健康福祉課')];
  const indicator = indicatorNamed(
    goalNumbered(somu, 1),
    '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定',
  );
  indicator.direction = 'higher';
  indicator.evaluationReason = null;
  indicator.milestoneDone = null;
  indicator.revisions = [
    {
      from: { text: '50', value: 50 },
      to: { text: '45', value: 45 },
      revisedOn: '2022-09-30',
      reason: '選挙事務のため',
    },
  ];
  somu.status = 'published';
  return file;
}

const encoder = new TextEncoder();
const utf8 = (value: unknown) => encoder.encode(JSON.stringify(value));

/** Where each kind of object sits in the base file, for the field mutations. */
const places = {
  file: '',
  sheet: 'sheets[2]',
  goal: 'sheets[2].goals[0]',
  indicator: 'sheets[0].goals[0].indicators[0]',
  target: 'sheets[2].goals[0].indicators[1].target',
  actual: 'sheets[2].goals[1].indicators[0].actuals.2021',
  revision: 'sheets[0].goals[0].indicators[0].revisions[0]',
} as const;

type Kind =
  | { type: 'text'; max: number; required: boolean; nullable: boolean; nonEmpty?: boolean }
  | { type: 'int'; min: number; max: number; nullable: boolean }
  | { type: 'number'; nullable: boolean }
  | { type: 'date'; nullable: boolean }
  | { type: 'enum'; nullable: boolean; optional: boolean }
  | { type: 'boolean'; nullable: boolean }
  | { type: 'array'; required: boolean; max?: number; min?: number }
  | { type: 'object'; required: boolean };

const fields: Record<keyof typeof places, Record<string, Kind>> = {
  file: {
    municipality: { type: 'text', max: 200, required: true, nullable: false, nonEmpty: true },
    ward: { type: 'text', max: 200, required: true, nullable: false, nonEmpty: true },
    fiscalYear: { type: 'int', min: 1989, max: 2100, nullable: false },
    source: { type: 'text', max: 2_000, required: false, nullable: true },
    sheets: { type: 'array', required: true, min: 1 },
    uncertain: { type: 'array', required: false },
  },
  sheet: {
    department: { type: 'text', max: 200, required: true, nullable: false, nonEmpty: true },
    organization: { type: 'text', max: 200, required: true, nullable: true, nonEmpty: true },
    phone: { type: 'text', max: 50, required: true, nullable: true },
    createdOn: { type: 'date', nullable: true },
    revisedOn: { type: 'date', nullable: true },
    evaluatedOn: { type: 'date', nullable: true },
    purpose: { type: 'text', max: 20_000, required: true, nullable: true },
    approach: { type: 'text', max: 20_000, required: true, nullable: true },
    outcome: { type: 'text', max: 20_000, required: true, nullable: true },
    goals: { type: 'array', required: true, max: 20 },
    status: { type: 'enum', nullable: false, optional: true },
  },
  goal: {
    no: { type: 'int', min: 1, max: 99, nullable: false },
    parentNo: { type: 'int', min: 1, max: 99, nullable: true },
    text: { type: 'text', max: 20_000, required: true, nullable: false, nonEmpty: true },
    initiatives: { type: 'array', required: true },
    indicators: { type: 'array', required: true },
  },
  indicator: {
    name: { type: 'text', max: 500, required: true, nullable: false, nonEmpty: true },
    unit: { type: 'text', max: 50, required: true, nullable: true },
    actuals: { type: 'object', required: true },
    target: { type: 'object', required: true },
    result: { type: 'object', required: true },
    note: { type: 'text', max: 20_000, required: true, nullable: true },
    achievement: { type: 'text', max: 20_000, required: true, nullable: true },
    evaluation: { type: 'enum', nullable: true, optional: false },
    direction: { type: 'enum', nullable: false, optional: true },
    evaluationReason: { type: 'text', max: 2_000, required: false, nullable: true },
    milestoneDone: { type: 'boolean', nullable: true },
    revisions: { type: 'array', required: false },
  },
  target: {
    text: { type: 'text', max: 2_000, required: true, nullable: true },
    value: { type: 'number', nullable: true },
  },
  actual: {
    text: { type: 'text', max: 2_000, required: true, nullable: true },
    value: { type: 'number', nullable: true },
  },
  revision: {
    from: { type: 'object', required: true },
    to: { type: 'object', required: true },
    revisedOn: { type: 'date', nullable: false },
    reason: { type: 'text', max: 2_000, required: true, nullable: false, nonEmpty: true },
  },
};

/** The object at a path like `sheets[2].goals[0]` of a file. */
function at(file: unknown, path: string): Json {
  let node = file as Json;
  for (const part of path.match(/[^.[\]]+/g) ?? []) node = node[part] as Json;
  return node;
}

function join(place: string, key: string) {
  return place === '' ? key : `${place}.${key}`;
}

/** One file with one field changed (or removed). */
function mutated(place: string, key: string, value: unknown | typeof remove): Uint8Array {
  const file = baseFile();
  const target = at(file, place);
  if (value === remove) delete target[key];
  else target[key] = value;
  return utf8(file);
}
const remove = Symbol('remove');

function wrongValues(kind: Kind): unknown[] {
  switch (kind.type) {
    case 'text':
      return [123, true, ['a'], { text: 'a' }];
    case 'int':
    case 'number':
      return ['12', true, [1], { value: 1 }];
    case 'date':
      return [20230401, true];
    case 'enum':
      return [1, 'unknown'];
    case 'boolean':
      return ['true', 1];
    case 'array':
      return ['a', { 0: 'a' }, 1];
    case 'object':
      return ['a', 1, [], true];
  }
}

function outOfRange(kind: Kind, current: unknown): [string, unknown][] {
  switch (kind.type) {
    case 'text': {
      const out: [string, unknown][] = [[`${kind.max + 1} characters`, 'あ'.repeat(kind.max + 1)]];
      if (kind.nonEmpty) out.push(['empty', ''], ['blank', '　 ']);
      return out;
    }
    case 'int':
      return [
        ['below the minimum', kind.min - 1],
        ['above the maximum', kind.max + 1],
        ['not whole', kind.min + 0.5],
      ];
    case 'date':
      return [
        ['2023-02-30', '2023-02-30'],
        ['2022-04-31', '2022-04-31'],
        ['2023-13-01', '2023-13-01'],
        ['2022/04/01', '2022/04/01'],
        ['令和4年4月1日', '令和4年4月1日'],
      ];
    case 'array':
      if (kind.max !== undefined && Array.isArray(current)) {
        return [
          [
            `${kind.max + 1} items`,
            Array.from({ length: kind.max + 1 }, (_, i) => current[i % current.length]),
          ],
        ];
      }
      if (kind.min !== undefined) return [['empty', []]];
      return [];
    default:
      return [];
  }
}

function fieldCases(): MalformedFile[] {
  const cases: MalformedFile[] = [];
  const base = baseFile();
  for (const [placeName, place] of Object.entries(places) as [keyof typeof places, string][]) {
    for (const [key, kind] of Object.entries(fields[placeName])) {
      const path = join(place, key);
      const add = (what: string, value: unknown) =>
        cases.push({ name: `${path}: ${what}`, bytes: mutated(place, key, value), path, status: 400 });
      for (const value of wrongValues(kind)) add(`wrong type ${JSON.stringify(value)}`, value);
      const required =
        ('required' in kind && kind.required) ||
        kind.type === 'int' ||
        kind.type === 'number' ||
        kind.type === 'date' ||
        (kind.type === 'enum' && !kind.optional);
      if (required) add('missing', remove);
      const nullable = 'nullable' in kind && kind.nullable;
      if (!nullable && kind.type !== 'array' && kind.type !== 'object') add('null', null);
      if (kind.type === 'object' || kind.type === 'array') {
        if ('required' in kind && kind.required) add('null', null);
      }
      for (const [what, value] of outOfRange(kind, at(base, place)[key])) add(`out of range: ${what}`, value);
    }
  }
  return cases;
}

function editCase(name: string, path: string, edit: (file: WardYearFile) => void): MalformedFile {
  const file = baseFile();
  edit(file);
  return { name, bytes: utf8(file), path, status: 400 };
}

function ruleCases(): MalformedFile[] {
  const s = (file: WardYearFile, i: number) => {
    const sheet = file.sheets[i];
    if (!sheet) throw new Error('base file changed');
    return sheet;
  };
  return [
    editCase('createdOn after evaluatedOn', 'sheets[0].evaluatedOn', (f) => {
      Object.assign(s(f, 0), { createdOn: '2023-04-01', revisedOn: null, evaluatedOn: '2023-03-31' });
    }),
    editCase('revisedOn before createdOn', 'sheets[0].revisedOn', (f) => {
      Object.assign(s(f, 0), { createdOn: '2022-10-01', revisedOn: '2022-04-01', evaluatedOn: '2023-03-31' });
    }),
    editCase('evaluatedOn before revisedOn', 'sheets[2].evaluatedOn', (f) => {
      Object.assign(s(f, 2), { createdOn: '2022-04-01', revisedOn: '2022-10-01', evaluatedOn: '2022-09-30' });
    }),
    editCase('duplicate goal number', 'sheets[2].goals[1].no', (f) => {
      const goals = s(f, 2).goals;
      if (goals[1] && goals[0]) goals[1].no = goals[0].no;
    }),
    editCase('two sheets for one organization', 'sheets[2].organization', (f) => {
      f.sheets[2] = structuredClone(s(f, 0));
    }),
    editCase('a sheet of an organization twice, far apart', 'sheets[3].organization', (f) => {
      f.sheets.push(structuredClone(s(f, 1)));
    }),
    editCase(
      'an actual of a year outside the three before',
      'sheets[2].goals[1].indicators[0].actuals.2018',
      (f) => {
        const ind = s(f, 2).goals[1]?.indicators[0];
        if (ind) ind.actuals['2018'] = { text: '1', value: 1 };
      },
    ),
    editCase('an actual of the sheet’s own year', 'sheets[2].goals[1].indicators[0].actuals.2022', (f) => {
      const ind = s(f, 2).goals[1]?.indicators[0];
      if (ind) ind.actuals['2022'] = { text: '1', value: 1 };
    }),
    editCase(
      'an actual keyed by a year that is not a year',
      'sheets[2].goals[1].indicators[0].actuals.R3',
      (f) => {
        const ind = s(f, 2).goals[1]?.indicators[0];
        if (ind) ind.actuals.R3 = { text: '1', value: 1 };
      },
    ),
    editCase('21 goals', 'sheets[2].goals', (f) => {
      const sheet = s(f, 2);
      sheet.goals = Array.from(
        { length: 21 },
        (_, i) => ({ ...structuredClone(sheet.goals[0]), no: i + 1 }) as never,
      );
    }),
    editCase('no sheets', 'sheets', (f) => {
      f.sheets = [];
    }),
  ];
}

/** A number JSON can write but no sheet can hold: 1e999 parses as Infinity. */
function infiniteCase(): MalformedFile {
  const file = baseFile();
  const cell = at(file, places.target);
  cell.value = 987654321;
  const text = JSON.stringify(file).replace('987654321', '1e999');
  return {
    name: 'a value of 1e999 (infinite)',
    bytes: encoder.encode(text),
    path: `${places.target}.value`,
    status: 400,
  };
}

/** JSON text with a raw escape put into one string field (the escapes JSON.stringify never writes). */
function escapeCase(name: string, path: string, place: string, key: string, sequence: string): MalformedFile {
  const file = baseFile();
  at(file, place)[key] = '@@ESCAPE@@';
  const text = JSON.stringify(file).replace('"@@ESCAPE@@"', `"前${sequence}後"`);
  return { name, bytes: encoder.encode(text), path, status: 400 };
}

function textCases(): MalformedFile[] {
  const targets: [string, string][] = [
    [places.file, 'municipality'],
    [places.sheet, 'purpose'],
    [places.sheet, 'department'],
    [places.goal, 'text'],
    [places.indicator, 'name'],
    [places.indicator, 'note'],
    [places.target, 'text'],
    [places.revision, 'reason'],
    [places.file, 'source'],
  ];
  const cases: MalformedFile[] = [];
  for (const [place, key] of targets) {
    const path = join(place, key);
    cases.push(escapeCase(`${path}: NUL`, path, place, key, '\\u0000'));
    cases.push(escapeCase(`${path}: lone high surrogate`, path, place, key, '\\ud800'));
    cases.push(escapeCase(`${path}: lone low surrogate`, path, place, key, '\\udc00'));
    cases.push(escapeCase(`${path}: surrogates in the wrong order`, path, place, key, '\\udc00\\ud800'));
  }
  const initiatives = baseFile();
  const goal = at(initiatives, places.goal) as { initiatives: string[] };
  goal.initiatives = ['@@ESCAPE@@'];
  cases.push({
    name: 'an initiative with NUL',
    bytes: encoder.encode(JSON.stringify(initiatives).replace('"@@ESCAPE@@"', '"a\\u0000b"')),
    path: `${places.goal}.initiatives[0]`,
    status: 400,
  });
  const longInitiative = baseFile();
  (at(longInitiative, places.goal) as { initiatives: string[] }).initiatives = ['い'.repeat(2_001)];
  cases.push({
    name: 'an initiative of 2,001 characters',
    bytes: utf8(longInitiative),
    path: `${places.goal}.initiatives[0]`,
    status: 400,
  });
  return cases;
}

/** Every case, at least 200. */
export function malformedFiles(): MalformedFile[] {
  return [
    ...fieldCases(),
    ...ruleCases(),
    infiniteCase(),
    ...textCases(),
    ...encodingCases(JSON.stringify(baseFile())),
  ];
}

/** A file past the size limit (10 MB of JSON). */
export function oversizedFile(): MalformedFile {
  const file = baseFile();
  file.source = 'x'.repeat(11 * 1024 * 1024);
  return { name: '11 MB of JSON', bytes: utf8(file), path: '', status: 413 };
}

/** Text that is only text: stored as written, returned as written (never refused, never escaped in the JSON). */
export const acceptedStrings = [
  '<img src=x onerror=alert(1)>',
  '"); DELETE FROM sheets; --',
  '&amp;copy;',
  '<NPO法人ひまわり会>',
  '{{7*7}}',
];
