import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** For tests: reads PDFs back with Debian's poppler-utils (pdftotext, pdfinfo, pdftoppm). */

function withFile<T>(pdf: Buffer, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF. `layout` keeps the physical layout (table rows on one line; the lines of
 * a wrapped cell interleave with its neighbours'); `raw` keeps the order in which the text was
 * drawn (each cell's lines together).
 */
export function pdfText(
  pdf: Buffer,
  mode: 'layout' | 'raw',
  pages?: { first: number; last: number },
): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return withFile(pdf, (path) =>
    execFileSync('pdftotext', [`-${mode}`, ...range, path, '-'], { encoding: 'utf8' }),
  );
}

/** A page drawn in grey: one byte a pixel, row by row. */
export interface PagePixels {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Every page drawn in grey at `dpi` (pdftoppm, its PGM images one after another). */
export function pdfPages(pdf: Buffer, dpi: number): PagePixels[] {
  const out = withFile(pdf, (path) =>
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), path], { maxBuffer: 1024 * 1024 * 1024 }),
  );
  const pages: PagePixels[] = [];
  for (let at = 0; at < out.length; ) {
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(out.toString('latin1', at, at + 40));
    if (!header) throw new Error('pdftoppm wrote something other than PGM images');
    const [whole, width, height] = header.map(String) as [string, string, string];
    const start = at + whole.length;
    const size = Number(width) * Number(height);
    pages.push({ width: Number(width), height: Number(height), pixels: out.subarray(start, start + size) });
    at = start + size;
  }
  return pages;
}

/** pdfinfo's fields: Pages, Page size, Title… */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const output = withFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

/** Text without any whitespace, to compare wrapped text with text as written. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
