import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';

/**
 * The result of the last action (「保存しました。」), carried by the navigation in its history
 * state. The live region is always on the page and filled after the page changed, so screen
 * readers announce it; when the control that was used is gone, focus moves here.
 */
export function FlashMessage() {
  const flash = useRouterState({ select: (state) => state.location.state.flash });
  const key = useRouterState({ select: (state) => state.location.state.__TSR_key });
  const [shown, setShown] = useState<string | undefined>(undefined);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setShown(key === undefined ? undefined : flash);
  }, [flash, key]);

  useEffect(() => {
    if (!shown) return;
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) ref.current?.focus();
  }, [shown]);

  return (
    <div
      ref={ref}
      role="status"
      tabIndex={-1}
      data-focus-fallback={shown ? true : undefined}
      className={shown ? 'flash-message app-chrome' : 'flash-message flash-message--empty app-chrome'}
    >
      {shown}
    </div>
  );
}
