import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules and returns a readable line per violation and node.
 * Legacy mode runs `axe.run` in the page itself: the default opens a blank page per check to
 * merge the results of cross-origin frames, which the app has none of, and that took half of
 * each check. Only violations are collected in full (the passes were never read).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // One options object: `.options()` replaces what `.withTags()` set, so the tags go in here.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] })
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  at ${node.target.join(' ')}\n  ${node.failureSummary ?? ''}`,
    ),
  );
}
