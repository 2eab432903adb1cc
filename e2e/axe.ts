import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const options: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations are read; passes and incomplete results are not collected in full.
  resultTypes: ['violations'],
};

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules in the page itself and returns a readable line per
 * violation and node. axe is put into a document once: the app moves between its pages without
 * loading a new document, so a journey's later checks find it there (putting it in again took
 * about 0.25 s a check). The app has no frames, so the page's own document is all there is to
 * check (@axe-core/playwright's default opened a blank page per check to merge frames' results).
 * `evaluate` is not subject to the page's Content-Security-Policy, which allows no inline script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const present = await page.evaluate(
    () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  if (!present) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (runOptions) =>
      (window as unknown as { axe: { run: typeof import('axe-core').run } }).axe.run(document, runOptions),
    options,
  );
  return (results as AxeResults).violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  at ${node.target.join(' ')}\n  ${node.failureSummary ?? ''}`,
    ),
  );
}
