import { formatNumber, parseCell } from '../../domain/cell-value';

/**
 * What the server will read from a value cell as typed (it computes the number with the same
 * `parseCell`): 「数値: 1,234」, or why there is none. Nothing for an empty cell.
 */
export function cellHint(text: string): string | null {
  const parsed = parseCell(text);
  switch (parsed.kind) {
    case 'empty':
      return null;
    case 'none':
      return '数値: なし（値がないことを表す記号）';
    case 'milestone':
      return '数値: なし（文字のまま記録します）';
    case 'number':
      return parsed.value === null ? null : `数値: ${formatNumber(parsed.value)}`;
  }
}
