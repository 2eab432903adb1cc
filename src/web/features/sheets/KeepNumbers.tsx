import type { ReactNode } from 'react';

/** A number as people write it on the sheet: 「103,360」, 「４９．５」, 「１１」 — never broken inside. */
const numberRun = /[0-9０-９][0-9０-９,，.．]*[0-9０-９]/g;

/**
 * Text exactly as written, each number in it kept on one line: Japanese text may break between
 * any two characters, full-width digits included, and a narrow cell would split 「１１回」 as
 * 「１ / １回」. Everything else breaks as before.
 */
export function KeepNumbers({ text }: { text: string | null | undefined }): ReactNode {
  if (!text) return '';
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(numberRun)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <span key={match.index} className="nobr">
        {match[0]}
      </span>,
    );
    last = match.index + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
