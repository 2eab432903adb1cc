import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium, never downloaded by Playwright, as the journeys and the benches run it. */
const launchOptions: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** A Chromium of this process's own (the benches). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/** A Chromium other processes connect to (the journeys' run-wide one). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions);
}
