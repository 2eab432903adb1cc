import { directionLabels, directions } from '../../../domain/evaluation';
import { formatSheetDate } from '../../../domain/sheet-text';

/** A changed value as people read it: 方向 in words, dates in 和暦. */
function displayValue(value: string, path: string): string {
  if (path.endsWith('direction')) {
    const direction = directions.find((d) => d === value);
    if (direction) return directionLabels[direction];
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatSheetDate(value);
  return value;
}

/**
 * One side of a change. Removed text is struck through and added text underlined, and each says
 * so in words as well (「変更前：」「変更後：」), since the styling alone is not read aloud.
 */
export function ChangeValue({
  value,
  path,
  kind,
}: {
  value: string | null;
  path: string;
  kind: 'before' | 'after' | 'plain';
}) {
  if (value === null) return <span className="muted">（なし）</span>;
  const text = displayValue(value, path);
  if (kind === 'before') {
    return (
      <del className="diff-value diff-value--before">
        <span className="visually-hidden">変更前：</span>
        {text}
      </del>
    );
  }
  if (kind === 'after') {
    return (
      <ins className="diff-value diff-value--after">
        <span className="visually-hidden">変更後：</span>
        {text}
      </ins>
    );
  }
  return <span className="diff-value">{text}</span>;
}
