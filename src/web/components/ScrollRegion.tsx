import type { ReactNode } from 'react';

/**
 * A region that scrolls sideways when its table is wider than the screen. It is focusable so that
 * keyboard users can scroll it, and named by the table's caption.
 */
export function ScrollRegion({
  labelledBy,
  className,
  children,
}: {
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </section>
  );
}
