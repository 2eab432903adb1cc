import type { Ref } from 'react';

export type SummaryItem = {
  /** Element ids to focus, the most precise first; the first one on the page is used. */
  targets: string[];
  message: string;
};

function focusFirst(targets: string[]): void {
  for (const id of targets) {
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
  }
}

/**
 * The list of problems at the top of a form, each a link that moves focus to its field. It is
 * focused when it appears so that keyboard and screen reader users start from it.
 */
export function ErrorSummary({
  title,
  items,
  ref,
}: {
  title: string;
  items: SummaryItem[];
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      {items.length > 0 && (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={`${item.targets[0] ?? ''}:${item.message}`}>
              <a
                href={`#${item.targets[0] ?? ''}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusFirst(item.targets);
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
