import type { AnyRouter } from '@tanstack/react-router';

const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** What makes a control the same one in the app's page as in the page the server drew. */
function signature(element: Element): string {
  return [
    element.tagName,
    element.getAttribute('href'),
    element.getAttribute('aria-label'),
    element.textContent?.trim().slice(0, 80),
  ].join('|');
}

/**
 * Takes over a page the server drew (`web/prerender/`): `render` draws the app's page in its
 * place, and the control that had focus there (a link, the table's scroll region) has it again,
 * found by what it is. The place on the page stays too (`createAppRouter({ overDrawnPage })`).
 */
export function takeOverDrawnPage(root: HTMLElement, router: AnyRouter, render: () => void): void {
  const active = document.activeElement;
  const wanted = active instanceof HTMLElement && root.contains(active) ? signature(active) : undefined;
  if (wanted !== undefined) {
    const stop = router.subscribe('onRendered', () => {
      stop();
      const same = [...root.querySelectorAll<HTMLElement>(focusable)].find((el) => signature(el) === wanted);
      same?.focus({ preventScroll: true });
    });
  }
  render();
}
