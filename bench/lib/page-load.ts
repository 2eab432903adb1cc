import type { Browser, CDPSession, Page } from 'playwright-core';

/** What a first load fetched and when the marker text became visible. */
export interface PageLoad {
  /** Navigation start → first animation frame in which the marker text is in the rendered text. */
  textVisibleMs: number;
  /** Navigation start → the last script, and the last data answer, fully received (0: none). */
  scriptsReceivedMs: number;
  dataReceivedMs: number;
  /** Bytes received per kind (CDP `encodedDataLength`: headers + body as sent, compressed or not). */
  bytes: Record<ResourceKind, number>;
  /** Files fetched per kind. */
  files: Record<ResourceKind, number>;
  /** `content-encoding` of each script and stylesheet answer (`identity` when none). */
  encodings: string[];
  /** Every URL the page asked for. */
  urls: string[];
}

export type ResourceKind = 'html' | 'js' | 'css' | 'font' | 'data' | 'other';
export const resourceKinds: ResourceKind[] = ['html', 'js', 'css', 'font', 'data', 'other'];

/** A slow office link (closed government networks are often shared): bandwidth in bytes/s. */
export interface Throttle {
  latencyMs: number;
  bytesPerSecond: number;
}

/** The kind of an answer; an API answer is data however it was asked for (a fetch, or a preload the page named). */
function kindOf(cdpType: string, url: string): ResourceKind {
  if (new URL(url).pathname.startsWith('/api/')) return 'data';
  switch (cdpType) {
    case 'Document':
      return 'html';
    case 'Script':
      return 'js';
    case 'Stylesheet':
      return 'css';
    case 'Font':
      return 'font';
    case 'XHR':
    case 'Fetch':
      return 'data';
    default:
      return 'other';
  }
}

/**
 * Records, in the page, the first frame in which `marker` is part of the rendered text: checked on
 * every animation frame from the start of the document, so both pages are measured the same way.
 * A string, not a function: tsx would wrap a function's inner closures in a `__name` helper the
 * page does not have.
 */
function watchForText(marker: string): string {
  return `(() => {
    const marker = ${JSON.stringify(marker)};
    const check = () => {
      if (document.body && document.body.innerText.includes(marker)) {
        window.__textVisibleAt = performance.now();
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

/** Load `url` in a fresh browser context (empty cache), the way a first visit does. */
export async function firstLoad(
  browser: Browser,
  url: string,
  marker: string,
  throttle: Throttle | null,
): Promise<PageLoad & { repeatBytes: number }> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForText(marker));
    const cdp = await context.newCDPSession(page);
    const recorder = recordNetwork(cdp);
    await cdp.send('Network.enable');
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttle.latencyMs,
        downloadThroughput: throttle.bytesPerSecond,
        uploadThroughput: throttle.bytesPerSecond,
      });
    }
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => '__textVisibleAt' in window, undefined, { timeout: 60_000 });
    const textVisibleMs = await page.evaluate(
      () => (window as unknown as { __textVisibleAt: number }).__textVisibleAt,
    );
    // Fonts and late chunks arrive after the text shows with a fallback font: count them too.
    await settle(page, recorder);
    // A string: tsx would wrap an inner arrow function in a `__name` helper the page lacks.
    const received = await page.evaluate<{ scriptsReceivedMs: number; dataReceivedMs: number }>(`(() => {
      const entries = performance.getEntriesByType('resource');
      const ends = (kind) => entries.filter((entry) =>
        kind === 'js' ? entry.name.endsWith('.js') : new URL(entry.name).pathname.startsWith('/api/')).map((entry) => entry.responseEnd);
      return { scriptsReceivedMs: Math.max(0, ...ends('js')), dataReceivedMs: Math.max(0, ...ends('data')) };
    })()`);
    const load = { textVisibleMs, ...received, ...recorder.totals() };
    // A second visit in the same browser: what the cache headers let it skip.
    recorder.reset();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => '__textVisibleAt' in window, undefined, { timeout: 60_000 });
    await settle(page, recorder);
    const repeat = recorder.totals();
    const repeatBytes = resourceKinds.reduce((sum, kind) => sum + repeat.bytes[kind], 0);
    return { ...load, repeatBytes };
  } finally {
    await context.close();
  }
}

/** Until the page's fonts are loaded and no request has been open for half a second. */
async function settle(page: Page, recorder: ReturnType<typeof recordNetwork>): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  let quietSince = performance.now();
  while (performance.now() - quietSince < 500) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (recorder.pending() > 0) quietSince = performance.now();
  }
}

function recordNetwork(cdp: CDPSession) {
  const open = new Set<string>();
  cdp.on('Network.requestWillBeSent', (event) => open.add(event.requestId));
  cdp.on('Network.loadingFailed', (event) => open.delete(event.requestId));
  let requests = new Map<string, { kind: ResourceKind; encoding: string; url: string }>();
  let finished: Array<{ requestId: string; bytes: number }> = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    requests.set(event.requestId, {
      kind: kindOf(event.type, event.response.url),
      encoding: headers['content-encoding'] ?? 'identity',
      url: event.response.url,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    open.delete(event.requestId);
    finished.push({ requestId: event.requestId, bytes: event.encodedDataLength });
  });
  return {
    pending: () => open.size,
    reset() {
      requests = new Map();
      finished = [];
    },
    totals() {
      const bytes = Object.fromEntries(resourceKinds.map((kind) => [kind, 0])) as Record<
        ResourceKind,
        number
      >;
      const files = { ...bytes };
      const encodings: string[] = [];
      const urls: string[] = [];
      for (const { requestId, bytes: received } of finished) {
        const request = requests.get(requestId);
        if (!request) continue;
        bytes[request.kind] += received;
        files[request.kind] += 1;
        urls.push(request.url);
        if (request.kind === 'js' || request.kind === 'css') encodings.push(request.encoding);
      }
      return { bytes, files, encodings, urls };
    },
  };
}
