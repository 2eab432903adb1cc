/** Test helpers: text encoded the ways a file to import should not be. */

const tables = new Map<string, Map<string, number[]>>();

/** A character → bytes table for a double-byte Japanese encoding, built with its own decoder. */
function table(encoding: 'shift_jis' | 'euc-jp'): Map<string, number[]> {
  const known = tables.get(encoding);
  if (known) return known;
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const leads = encoding === 'shift_jis' ? [...range(0x81, 0x9f), ...range(0xe0, 0xef)] : range(0xa1, 0xfe);
  const trails = encoding === 'shift_jis' ? range(0x40, 0xfc) : range(0xa1, 0xfe);
  for (const lead of leads) {
    for (const trail of trails) {
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length >= 1 && !map.has(char)) map.set(char, [lead, trail]);
      } catch {
        // not a character in this encoding
      }
    }
  }
  // Half-width katakana: one byte in Shift_JIS, a single shift (0x8E) and one byte in EUC-JP.
  for (const byte of range(0xa1, 0xdf)) {
    const bytes = encoding === 'shift_jis' ? [byte] : [0x8e, byte];
    map.set(decoder.decode(new Uint8Array(bytes)), bytes);
  }
  tables.set(encoding, map);
  return map;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** `text` in Shift_JIS or EUC-JP (ASCII as is); a character the encoding lacks becomes `?`, as a text editor saving it would. */
export function encodeLegacy(text: string, encoding: 'shift_jis' | 'euc-jp'): Uint8Array {
  const map = table(encoding);
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(char);
      out.push(...(bytes ?? [0x3f]));
    }
  }
  return new Uint8Array(out);
}

/** `text` in UTF-16, little or big endian, with or without its byte order mark. */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const codes = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(codes.length * 2);
  for (let i = 0; i < codes.length; i++) {
    const unit = codes.charCodeAt(i);
    out[2 * i] = endian === 'le' ? unit & 0xff : unit >> 8;
    out[2 * i + 1] = endian === 'le' ? unit >> 8 : unit & 0xff;
  }
  return out;
}
