import { describe, expect, it } from 'vitest';
import { attachment } from './content-disposition';

describe('Content-Disposition of a download', () => {
  it('gives the Japanese name percent-encoded, and an ASCII fallback', () => {
    expect(attachment('令和4年度_北区_地域総務課.pdf', 'sheet-2022.pdf')).toBe(
      `attachment; filename="sheet-2022.pdf"; filename*=UTF-8''${encodeURIComponent('令和4年度_北区_地域総務課.pdf')}`,
    );
  });

  it('keeps a name people wrote inside the header value whatever it holds', () => {
    const header = attachment(
      `令和4年度_<NPO法人ひまわり会>"; filename=evil.exe; x='a(b)*'.pdf`,
      'sheet-2022.pdf',
    );
    const [, encoded = ''] = /filename\*=UTF-8''(.*)$/.exec(header) ?? [];
    // RFC 8187 attr-char and percent escapes only: no quote, apostrophe, semicolon or space.
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(
      `令和4年度__NPO法人ひまわり会__; filename=evil.exe; x='a(b)_'.pdf`,
    );
    expect(header.split(';').map((p) => p.trim().split('=')[0])).toEqual([
      'attachment',
      'filename',
      'filename*',
    ]);
  });

  it('replaces what a file name cannot hold, in both forms', () => {
    expect(attachment('a/b\\c:d|e?.csv', 'x"y\u0000.csv')).toBe(
      `attachment; filename="x_y_.csv"; filename*=UTF-8''a_b_c_d_e_.csv`,
    );
  });
});
