import { useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * When the address names a place on the page (`#at-goal-3-indicator-0`), that place is shown
 * in the middle of the screen, marked, and focused, so that keyboard and screen reader users
 * start from it. Runs once the page's content (`ready`) is on the page.
 */
export function useAnchorFocus(ready: unknown): void {
  const hash = useRouterState({ select: (state) => state.location.hash });
  useEffect(() => {
    if (!hash || ready === undefined) return;
    const target = document.getElementById(decodedHash(hash));
    if (!target) return;
    for (const marked of document.querySelectorAll('[data-anchored]'))
      marked.removeAttribute('data-anchored');
    target.setAttribute('data-anchored', 'true');
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [hash, ready]);
}

/** The id an address's `#…` names; '' when it is malformed (`#%E0`), which names nothing. */
function decodedHash(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return '';
  }
}
