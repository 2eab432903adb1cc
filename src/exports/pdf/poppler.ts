import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** For tests: reads PDFs back with Debian's poppler-utils (pdftotext, pdfinfo). */

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
