import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

/**
 * Debian's Chromium headless shell (package chromium-headless-shell), never downloaded by
 * Playwright, as the journeys and the benches run it. It is the same Blink and Skia without the
 * full browser around them — what Playwright itself runs for headless — and it spent about a
 * third less CPU than `chromium --headless` on the same five journey files (126.6 and 123.8
 * against 84.5 and 77.2 CPU-seconds, two alternating rounds; 108–112 s against 88–91 s).
 */
const launchOptions: LaunchOptions = {
  executablePath: '/usr/bin/chromium-headless-shell',
  headless: true,
  args: [
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
