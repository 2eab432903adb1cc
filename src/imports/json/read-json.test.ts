import { describe, expect, it } from 'vitest';
import { wardYearFileSchema } from '../../schemas/interchange';
import { unknownFields } from '../../schemas/unknown-fields';
import { AppError } from '../../server/app-error';
import { decodeUtf8Text } from './decode-text';
import { cleanJson, parseJsonText } from './parse-json';
import { encodeLegacy, encodeUtf16 } from './testing';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = '{"municipality":"新潟市","ward":"北区","memo":"ｶﾀｶﾅ・𠮷・①"}';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('decodeUtf8Text', () => {
  it('reads UTF-8 with or without a BOM, keeping every character', () => {
    expect(decodeUtf8Text(utf8(text))).toBe(text);
    expect(decodeUtf8Text(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text);
  });

  it.each([
    ['Shift_JIS', () => encodeLegacy('{"municipality":"新潟市","ward":"北区"}', 'shift_jis'), 'Shift_JIS'],
    ['EUC-JP', () => encodeLegacy('{"municipality":"新潟市","ward":"北区"}', 'euc-jp'), 'EUC-JP'],
    ['UTF-16 LE + BOM', () => encodeUtf16(text, 'le', true), 'UTF-16（リトルエンディアン、BOM 付き）'],
    ['UTF-16 BE + BOM', () => encodeUtf16(text, 'be', true), 'UTF-16（ビッグエンディアン、BOM 付き）'],
    ['UTF-16 LE', () => encodeUtf16(text, 'le', false), 'UTF-16（リトルエンディアン）'],
    ['UTF-16 BE', () => encodeUtf16(text, 'be', false), 'UTF-16（ビッグエンディアン）'],
  ])('refuses %s by name, for the file as a whole', (_name, bytes, encoding) => {
    const error = refusal(() => decodeUtf8Text(bytes()));
    expect(error.message).toBe(
      `このファイルは ${encoding} で保存されているようです。UTF-8 で保存し直してから取り込んでください。`,
    );
    expect(error.issues).toEqual([{ path: '', message: error.message }]);
  });

  it('says where the first byte that is not UTF-8 is, never replacing it with U+FFFD', () => {
    const bytes = new Uint8Array([...utf8('{"a":"あ'), 0xed, 0xa0, 0x80, ...utf8('"}')]);
    expect(refusal(() => decodeUtf8Text(bytes)).message).toMatch(
      /UTF-8 として読めないバイトがあります（先頭から 10 バイト目）/,
    );
  });
});

describe('parseJsonText and cleanJson', () => {
  it('says the line and column where the text stops being JSON', () => {
    expect(refusal(() => parseJsonText('{\n  "a": 1,\n  "b" 2\n}')).message).toMatch(/3行目 7文字目付近/);
    expect(refusal(() => parseJsonText('  ')).message).toMatch(/ファイルが空です/);
  });

  it('drops prototype keys into fresh objects and lists them, touching no prototype', () => {
    const parsed = parseJsonText(
      '{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}},"b":[{"prototype":2}]}}',
    );
    const { value, dropped, issues } = cleanJson(parsed);
    expect(value).toEqual({ a: { b: [{}] } });
    expect(dropped).toEqual(['__proto__', 'a.constructor', 'a.b[0].prototype']);
    expect(issues).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('refuses NUL and lone surrogates from JSON escapes by path, and keeps surrogate pairs', () => {
    const parsed = parseJsonText(
      '{"a":"x\\u0000","b":["\\ud800"],"c":"\\udc00\\ud800","d":"\\ud842\\udfb7","\\ud800k":1}',
    );
    const { issues } = cleanJson(parsed);
    expect(issues.map((i) => i.path)).toEqual(['a', 'b[0]', 'c', '"\\ud800k"']);
    expect(issues[0]?.message).toContain('使えない制御文字（U+0000）');
    expect(issues[1]?.message).toMatch(/サロゲート/);
  });
});

describe('unknownFields', () => {
  it('lists the fields the interchange format does not define, by path, through arrays and records', () => {
    const input = {
      municipality: '新潟市',
      extra: 1,
      sheets: [
        {
          goals: [{ indicators: [{ actuals: { 2021: { text: '1', value: 1, unit: '回' } }, hint: 'x' }] }],
          x: {},
        },
      ],
    };
    expect(unknownFields(wardYearFileSchema, input)).toEqual([
      'extra',
      'sheets[0].goals[0].indicators[0].actuals.2021.unit',
      'sheets[0].goals[0].indicators[0].hint',
      'sheets[0].x',
    ]);
  });
});
