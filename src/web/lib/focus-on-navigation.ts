import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation, moves focus to the new page's <h1> so that screen reader users
 * hear where they are (a full page load would have done the same). The first render is left alone,
 * and so is a page opened at a place it marked (see useAnchorFocus). A change of the address's
 * query alone (a filter, a sort, a grouping) is the same page: focus stays on the control used.
 */
export function useFocusOnNavigation(): void {
  const href = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  const previous = useRef<string | undefined>(undefined);

  useEffect(() => {
    const before = previous.current;
    previous.current = href;
    if (before === undefined || href === undefined || before === href) return;
    if (document.querySelector('[data-anchored]') === document.activeElement) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    // The router places the page (the top, or where the reader was when they come back): focusing
    // must not scroll it back to the heading.
    heading.focus({ preventScroll: true });
  }, [href]);
}
