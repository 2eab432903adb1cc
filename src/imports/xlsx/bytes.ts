import { AppError } from '../../server/app-error';

/**
 * Checks on the bytes before any parsing: the size, that the file is a ZIP archive (an .xlsx
 * is one) and not something renamed to .xlsx, and that it does not unpack to far more than a
 * workbook of sheets can hold.
 */

export const maxWorkbookBytes = 20 * 1024 * 1024;
/** What the archive may unpack to: a 部区's sheets take well under 1 MB. */
const maxUnpackedBytes = 200 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function invalid(message: string): AppError {
  return new AppError('invalid', message, [{ path: '', message }]);
}

/** What a file that is not an .xlsx looks like, judging by its first bytes. */
function describeOther(bytes: Buffer): string {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'PDF ファイル';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return '古い形式の Excel ファイル（.xls）';
  }
  const sample = bytes.subarray(0, 4096).toString('utf8');
  if (/^\uFEFF?\s*</.test(sample)) return 'HTML または XML のファイル';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary files contain control characters
  if (!/[\u0000-\u0008\u000e-\u001f\uFFFD]/.test(sample)) return 'テキストファイル（CSV など）';
  return 'Excel ではないファイル';
}

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;

/** Total unpacked size from the ZIP central directory, or null when the directory cannot be read. */
function unpackedSize(bytes: Buffer): number | null {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= searchFrom; at--) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== centralDirectoryEntry) return null;
    const size = bytes.readUInt32LE(at + 24);
    // ZIP64 (a member of 4 GB or more) has no place in a workbook of sheets.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

/** Throws an AppError unless the bytes can be an .xlsx workbook of a reasonable size. */
export function checkWorkbookBytes(bytes: Buffer): void {
  if (bytes.length > maxWorkbookBytes) {
    const message = `ファイルが大きすぎます（${megabytes(bytes.length)}）。${megabytes(maxWorkbookBytes)}以下の Excel ファイルにしてください`;
    throw new AppError('too_large', message, [{ path: '', message }]);
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    if (bytes.length === 0) throw invalid('ファイルが空です。Excel ファイル（.xlsx）を選んでください');
    throw invalid(
      `このファイルは${describeOther(bytes)}で、Excel ファイル（.xlsx）ではありません。` +
        'Excel で開いて「Excel ブック（*.xlsx）」の形式で保存したファイルを選んでください',
    );
  }
  const size = unpackedSize(bytes);
  if (size === null)
    throw invalid('Excel ファイルが壊れているため読み込めません。Excel で開いて保存し直してください');
  if (size > maxUnpackedBytes) {
    const message = `ファイルの中身が大きすぎます（展開すると ${megabytes(size)}）。不要な行や画像を削除してください`;
    throw new AppError('too_large', message, [{ path: '', message }]);
  }
}
