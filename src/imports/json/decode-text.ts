import { AppError } from '../../server/app-error';

/**
 * The one way a text file (an interchange JSON) becomes a string: UTF-8, with or without a
 * byte order mark. Anything else is refused with a message that names the encoding the file
 * seems to be in, never decoded with replacement characters (U+FFFD).
 */

const saveAsUtf8 = 'UTF-8 で保存し直してから取り込んでください。';

function refuse(message: string): never {
  throw new AppError('invalid', message, [{ path: '', message }]);
}

function refuseEncoding(name: string): never {
  refuse(`このファイルは ${name} で保存されているようです。${saveAsUtf8}`);
}

/** Decodes with a fatal decoder: true when every byte is valid in that encoding. */
function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte order mark: ASCII characters leave a zero byte on every other position. */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const pairs = Math.min(512, Math.floor(bytes.length / 2));
  if (pairs === 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/** Which Japanese legacy encoding bytes that are not UTF-8 are most likely in, if any. */
function legacyJapanese(bytes: Uint8Array): string | null {
  const sjis = decodes(bytes, 'shift_jis');
  const euc = decodes(bytes, 'euc-jp');
  // Shift_JIS lead bytes 0x81–0x9F (but 0x8E/0x8F, EUC-JP's single shifts) never start an EUC-JP character.
  const sjisOnlyLead = bytes.some((b) => b >= 0x81 && b <= 0x9f && b !== 0x8e && b !== 0x8f);
  const eucPair = bytes.some((b, i) => b >= 0xa1 && b <= 0xfe && (bytes[i + 1] ?? 0) >= 0xa1);
  const sjisKanjiLead = bytes.some((b) => b >= 0xe0 && b <= 0xef);
  if (sjis && sjisOnlyLead) return 'Shift_JIS';
  if (euc && eucPair) return 'EUC-JP';
  if (sjis && sjisKanjiLead) return 'Shift_JIS';
  return null;
}

/** The index of the first byte that is not valid UTF-8 (for the message). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, surrogates (ED A0–BF) and code points past U+10FFFF.
    if (
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second > 0x9f) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second > 0x8f)
    )
      return i;
    i += length;
  }
  return 0;
}

/** The file's text, or an `invalid` error naming the encoding it is in instead of UTF-8. */
export function decodeUtf8Text(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    refuseEncoding('UTF-32（リトルエンディアン）');
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    refuseEncoding('UTF-32（ビッグエンディアン）');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) refuseEncoding('UTF-16（リトルエンディアン、BOM 付き）');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) refuseEncoding('UTF-16（ビッグエンディアン、BOM 付き）');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 === 'UTF-16LE') refuseEncoding('UTF-16（リトルエンディアン）');
  if (utf16 === 'UTF-16BE') refuseEncoding('UTF-16（ビッグエンディアン）');
  try {
    // The decoder drops a leading UTF-8 byte order mark (ignoreBOM: false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const legacy = legacyJapanese(bytes);
    if (legacy) refuseEncoding(legacy);
    refuse(
      `このファイルには UTF-8 として読めないバイトがあります（先頭から ${firstInvalidUtf8(bytes) + 1} バイト目）。${saveAsUtf8}`,
    );
  }
}
