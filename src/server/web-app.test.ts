import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressBeside } from '../../build/precompress';
import { createTestApp } from './testing/test-app';
import { webApp } from './web-app';

const immutable = 'public, max-age=31536000, immutable';

describe('the built web app', () => {
  let root: string;
  let script: Buffer;
  const asset = '/assets/SheetPage-Ab12Cd34.js';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mokuhyo-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>組織目標管理シート</title>');
    script = Buffer.from(
      `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `指標${i}`))};`,
    );
    writeFileSync(join(root, asset), script);
    await compressBeside(join(root, asset));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const get = (path: string, headers: Record<string, string> = {}) => webApp(root).request(path, { headers });
  const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

  it('leads the settings’ earlier addresses to their sections of /settings', async () => {
    for (const [path, to] of [
      ['/settings/evaluation-rule', '/settings#evaluation-rule'],
      ['/settings/sheet-dates', '/settings#sheet-dates'],
    ] as const) {
      const response = await get(path);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(to);
    }
  });

  it('sends a hashed asset brotli-compressed to a browser that accepts br', async () => {
    const response = await get(asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe(immutable);
    const body = await bytes(response);
    expect(body.length).toBeLessThan(script.length / 2);
    expect(brotliDecompressSync(body).equals(script)).toBe(true);
  });

  it('sends it gzip-compressed to a client that accepts only gzip', async () => {
    const response = await get(asset, { 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe(immutable);
    expect(gunzipSync(await bytes(response)).equals(script)).toBe(true);
  });

  it('sends the file as it is to a client that accepts no encoding, still varying on it', async () => {
    const response = await get(asset);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe(immutable);
    expect((await bytes(response)).equals(script)).toBe(true);
  });

  it('writes no variant for a file too small to gain from it', async () => {
    writeFileSync(join(root, 'assets', 'tiny-0000.js'), 'export {};');
    await compressBeside(join(root, 'assets', 'tiny-0000.js'));
    const response = await get('/assets/tiny-0000.js', { 'accept-encoding': 'br, gzip' });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe('export {};');
    expect(readFileSync(join(root, 'assets', 'tiny-0000.js'), 'utf8')).toBe('export {};');
  });

  it.each(['/', '/index.html', '/sheets/0b6f3c1e-5d0f-4c57-9d3e-1f2a3b4c5d6e'])(
    'answers %s with index.html to revalidate by its ETag',
    async (path) => {
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-cache');
      expect(await first.text()).toContain('組織目標管理シート');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { 'if-none-match': `W/${etag}` });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const changed = await get(path, { 'if-none-match': '"an-older-build"' });
      expect(changed.status).toBe(200);
    },
  );

  it('gives scripts only the headers a subresource needs, and pages the full set', async () => {
    const app = await createTestApp({ withSample: false, app: { webRoot: root } });
    try {
      const script = await app.request(asset, { headers: { 'accept-encoding': 'br' } });
      expect(script.headers.get('x-content-type-options')).toBe('nosniff');
      expect(script.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(script.headers.get('content-security-policy')).toBeNull();
      expect(script.headers.get('content-encoding')).toBe('br');
      const page = await app.request('/sheets/0b6f3c1e-5d0f-4c57-9d3e-1f2a3b4c5d6e');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await app.close();
    }
  });

  it('names the data a page starts with, so the browser fetches it beside the scripts', async () => {
    const built = mkdtempSync(join(tmpdir(), 'mokuhyo-web-'));
    try {
      writeFileSync(
        join(built, 'index.html'),
        '<!doctype html><html><head><title>組織目標管理シート</title>' +
          '<script type="module" crossorigin src="/assets/index-0000.js"></script></head><body></body></html>',
      );
      const web = webApp(built);
      const sheetId = '0B6F3C1E-5D0F-4C57-9D3E-1F2A3B4C5D6E';
      const preloads = async (path: string) => {
        const response = await web.request(path);
        const html = await response.text();
        const links = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin>/g)];
        // Before the scripts, so the browser asks for the data first.
        expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf('<script'));
        return { hrefs: links.map((m) => m[1]), etag: response.headers.get('etag') };
      };
      const sheet = await preloads(`/sheets/${sheetId}`);
      expect(sheet.hrefs).toEqual(['/api/v1/auth/me', `/api/v1/sheets/${sheetId}`]);
      const home = await preloads('/');
      expect(home.hrefs).toEqual(['/api/v1/auth/me']);
      // What is not a sheet's address names no sheet (nothing of the path is written into the page).
      expect((await preloads('/sheets/%22%3E%3Cscript%3E')).hrefs).toEqual(['/api/v1/auth/me']);
      expect((await preloads(`/sheets/${sheetId}/edit`)).hrefs).toEqual(['/api/v1/auth/me']);
      // Each page has its own ETag: a browser's copy of one page is not taken for another.
      expect(sheet.etag).not.toBe(home.etag);
      const again = await web.request(`/sheets/${sheetId}`, {
        headers: { 'if-none-match': sheet.etag ?? '' },
      });
      expect(again.status).toBe(304);
    } finally {
      rmSync(built, { recursive: true, force: true });
    }
  });
});
