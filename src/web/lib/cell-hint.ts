import { formatNumber, parseCell, qualifierWords } from '../../domain/cell-value';

/**
 * What the server will read from a value cell as typed (it computes the number with the same
 * `parseCell`): 「数値：1,234」, 「数値：-5」 for △5, 「数値：50以上」, or why there is none.
 * Nothing for an empty cell.
 */
export function cellHint(text: string): string | null {
  const parsed = parseCell(text);
  switch (parsed.kind) {
    case 'empty':
      return null;
    case 'none':
      return '数値：なし（値がないことを表す記号）';
    case 'milestone':
      return '数値：なし（文字のまま記録します。割合による目安は出ません）';
    case 'number': {
      if (parsed.value === null) return null;
      const bound = parsed.qualifier ? qualifierWords[parsed.qualifier] : '';
      return `数値：${formatNumber(parsed.value)}${bound}`;
    }
  }
}
