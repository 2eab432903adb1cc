import { encodeLegacy, encodeUtf16 } from '../../imports/json/testing';
import type { MalformedFile } from './malformed-files';

const encoder = new TextEncoder();

/**
 * Files refused as a whole before any field is read: other encodings, bytes that are not
 * UTF-8, and text that is not a JSON object. `text` is a valid file as JSON.
 */
export function encodingCases(text: string): MalformedFile[] {
  const whole = (name: string, bytes: Uint8Array): MalformedFile => ({ name, bytes, path: '', status: 400 });
  return [
    whole('Shift_JIS', encodeLegacy(text, 'shift_jis')),
    whole('EUC-JP', encodeLegacy(text, 'euc-jp')),
    whole('UTF-16 LE with BOM', encodeUtf16(text, 'le', true)),
    whole('UTF-16 BE with BOM', encodeUtf16(text, 'be', true)),
    whole('UTF-16 LE without BOM', encodeUtf16(text, 'le', false)),
    whole('UTF-16 BE without BOM', encodeUtf16(text, 'be', false)),
    whole('UTF-32 LE with BOM', new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0])),
    whole(
      'a stray continuation byte',
      new Uint8Array([...encoder.encode(text.slice(0, 40)), 0x80, ...encoder.encode(text.slice(40))]),
    ),
    whole(
      'a truncated UTF-8 character',
      new Uint8Array([...encoder.encode('{"municipality":"新'), 0xe6, 0x96]),
    ),
    whole(
      'an overlong UTF-8 form',
      new Uint8Array([...encoder.encode('{"a":"'), 0xc0, 0xaf, ...encoder.encode('"}')]),
    ),
    whole(
      'a UTF-8 encoded surrogate (CESU)',
      new Uint8Array([...encoder.encode('{"a":"'), 0xed, 0xa0, 0x80, ...encoder.encode('"}')]),
    ),
    whole(
      'Latin-1 text',
      new Uint8Array([...encoder.encode('{"municipality":"Caf'), 0xe9, ...encoder.encode('"}')]),
    ),
    whole('not JSON: truncated', encoder.encode(text.slice(0, 500))),
    whole('not JSON: a trailing comma', encoder.encode(text.replace(/\}$/, ',}'))),
    whole('not JSON: single quotes', encoder.encode("{'municipality':'新潟市'}")),
    whole('empty file', new Uint8Array()),
    whole('only a byte order mark', new Uint8Array([0xef, 0xbb, 0xbf])),
    whole('JSON null', encoder.encode('null')),
    whole('a JSON array', encoder.encode('[]')),
    whole('a JSON string', encoder.encode('"新潟市"')),
    whole('a JSON number', encoder.encode('2022')),
    whole('CSV instead of JSON', encoder.encode('自治体,部区,年度\n新潟市,北区,2022\n')),
    whole('a PDF named .json', encoder.encode('%PDF-1.7\n%âãÏÓ\n')),
  ];
}
