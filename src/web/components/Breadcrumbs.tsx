import type { ReactNode } from 'react';

/** A breadcrumb trail; the last item is the current page (not a link). Hidden in print. */
export function Breadcrumbs({ items, current }: { items: ReactNode[]; current: string }) {
  return (
    <nav aria-label="現在位置" className="breadcrumbs app-chrome">
      <ol>
        {items.map((item, index) => (
          // Items are fixed per page and never reordered.
          // biome-ignore lint/suspicious/noArrayIndexKey: static list
          <li key={index}>{item}</li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
