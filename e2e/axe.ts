import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core with the WCAG 2.1 A/AA rules and returns a readable line per violation and node. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  at ${node.target.join(' ')}\n  ${node.failureSummary ?? ''}`,
    ),
  );
}
