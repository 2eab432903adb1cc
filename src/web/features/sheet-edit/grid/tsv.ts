/**
 * A block of cells as a spreadsheet puts it on the clipboard: rows end with CRLF (or LF),
 * cells are separated by tabs, and a cell holding a line break, a tab or a quote is quoted
 * with its quotes doubled (Excel, LibreOffice and Google Sheets all write this). The line
 * break after the last row is not a row. A text without tabs or line breaks is one cell.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && cell === '') {
      // A quoted cell: up to the lone quote that ends it.
      const end = closingQuote(text, i + 1);
      if (end !== -1 && (end + 1 === text.length || '\t\r\n'.includes(text[end + 1] ?? ''))) {
        cell = text.slice(i + 1, end).replaceAll('""', '"');
        i = end + 1;
        continue;
      }
    }
    if (char === '\t') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += char;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows.map((cells) => cells.map((value) => value.replace(/\r\n?/g, '\n')));
}

function closingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i;
    } else {
      i += 1;
    }
  }
  return -1;
}
