import type { ReactNode, Ref } from 'react';

export type SummaryItem = {
  message: string;
  /**
   * Element ids on this page to focus, the most precise first; the first one on the page is used.
   * The item is then a link that moves focus there.
   */
  targets?: string[];
  /** A link to another page (e.g. the field in the editor), shown instead of the plain message. */
  link?: ReactNode;
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

function Item({ item }: { item: SummaryItem }) {
  if (item.link) return <li>{item.link}</li>;
  const targets = item.targets ?? [];
  if (targets.length === 0) return <li>{item.message}</li>;
  return (
    <li>
      <a
        href={`#${targets[0]}`}
        onClick={(event) => {
          event.preventDefault();
          focusFirst(targets);
        }}
      >
        {item.message}
      </a>
    </li>
  );
}

/** Two problems may share a message (two fields left empty): the place in the list tells them apart. */
const itemKey = (item: SummaryItem, index: number) => `${index}:${item.targets?.[0] ?? ''}:${item.message}`;

type FormSummary = {
  /** The heading of a form's summary (「入力内容を確認してください。」). */
  title: string;
  message?: undefined;
  items: SummaryItem[];
  ref?: Ref<HTMLDivElement>;
};

type ActionNotice = {
  title?: undefined;
  /** What went wrong with an action (the API's message), as a sentence. */
  message: string;
  items?: SummaryItem[];
  ref?: undefined;
};

/**
 * What went wrong, announced as an alert, in one of two forms:
 *
 * - a form's summary (`title`): a heading and the list of problems at the top of the form, each
 *   a link that moves focus to its field. The form focuses it (through `ref`) when it appears so
 *   that keyboard and screen reader users start from it.
 * - an action's notice (`message`), in a dialog or beside a button: the message as a sentence
 *   and, if the answer named any, its problems. Focus stays where it is (on the button pressed);
 *   the alert is announced.
 */
export function ErrorSummary(props: FormSummary | ActionNotice) {
  const items = props.items ?? [];
  const list = (className?: string) =>
    items.length > 0 && (
      <ul className={className}>
        {items.map((item, index) => (
          <Item key={itemKey(item, index)} item={item} />
        ))}
      </ul>
    );
  if (props.title === undefined) {
    return (
      <div role="alert" className="notice notice--error">
        <p>{props.message}</p>
        {list()}
      </div>
    );
  }
  return (
    <div
      ref={props.ref}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary__title">
        {props.title}
      </h2>
      {list('error-summary__list')}
    </div>
  );
}
