import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The run's Chromium (e2e/global-setup.ts): connecting takes a fraction of a launch, and each
 * journey file still has contexts of its own. Closing it disconnects this file only.
 */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

export type RecordedPage = {
  page: Page;
  /** The URL of every request the page made, in order, including fonts, scripts and API calls. */
  requests: string[];
};

/** A page in a fresh context that records every request, so a test can prove none left the origin. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<RecordedPage> {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    requests.push(request.url());
  });
  return { page, requests };
}

/** Requests whose URL is not on the given origin (should always be empty). */
export function requestsOutside(requests: string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((url) => !url.startsWith(`${origin}/`));
}

/**
 * A page whose editor starts in its field-by-field view (「項目ごとに編集」), the accessible
 * alternative to the sheet grid, which these journeys go through.
 */
export async function openListEditorPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<RecordedPage> {
  const recorded = await openPage(browser, options);
  await recorded.page.addInitScript(() => window.localStorage.setItem('mokuhyo.editor-view', 'list'));
  return recorded;
}
