import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type FontRun, fontRuns } from './font-runs';
import { fontFamilies } from './fonts';

/**
 * Gives every text of a document its fallback fonts (see font-runs.ts): a text that BIZ
 * UDPGothic cannot set alone becomes a list of inlines, the runs in another font naming it.
 * Applied to whole documents in pdfmake.ts, so no part of any PDF (cells, headers, footers,
 * sections) is missed. The input is not changed; most texts come back as they were.
 */

type Node = unknown;
type Props = Record<string, unknown>;

function isProps(node: Node): node is Props {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** A text's runs when BIZ UDPGothic cannot set it alone; null when it can. */
function fallbackRuns(text: string): FontRun[] | null {
  const runs = fontRuns(text);
  return runs.length === 1 && runs[0]?.role === 'primary' ? null : runs;
}

/** The runs as inlines, each carrying `props` (pdfmake drops the styles of nested texts). */
function inlines(runs: FontRun[], props: Props = {}): Props[] {
  return runs.map((run) =>
    run.role === 'primary'
      ? { ...props, text: run.text }
      : { ...props, text: run.text, font: fontFamilies[run.role].family },
  );
}

/** The `text` of a text node: a string or an array of strings and inline objects. */
function textValue(value: Node): Node {
  if (typeof value === 'string') {
    const runs = fallbackRuns(value);
    return runs ? inlines(runs) : value;
  }
  if (!Array.isArray(value)) return withFonts(value);
  return value.flatMap((item): Node[] => {
    if (typeof item === 'string') {
      const runs = fallbackRuns(item);
      return runs ? inlines(runs) : [item];
    }
    if (isProps(item) && typeof item.text === 'string' && item.font === undefined) {
      const { text, ...props } = item;
      const runs = fallbackRuns(text);
      return runs ? inlines(runs, props) : [item];
    }
    return [withFonts(item)];
  });
}

const contentLists = ['stack', 'columns', 'ul', 'ol'] as const;
const pageParts = ['header', 'footer', 'background'] as const;

function withFonts(node: Node): Node {
  if (typeof node === 'string') {
    const runs = fallbackRuns(node);
    return runs ? { text: inlines(runs) } : node;
  }
  if (Array.isArray(node)) return node.map(withFonts);
  if (!isProps(node)) return node;
  const copy: Props = { ...node };
  // Page references are numbers pdfmake writes in later: BIZ UDPGothic has every digit.
  if ('text' in copy && !copy.pageReference && !copy.textReference) copy.text = textValue(copy.text);
  for (const key of contentLists) if (Array.isArray(copy[key])) copy[key] = withFonts(copy[key]);
  if ('section' in copy) copy.section = withFonts(copy.section);
  for (const key of pageParts) if (key in copy) copy[key] = pagePart(copy[key]);
  if (isProps(copy.table) && Array.isArray(copy.table.body)) {
    copy.table = {
      ...copy.table,
      body: copy.table.body.map((row) => (Array.isArray(row) ? row.map(withFonts) : row)),
    };
  }
  if (isProps(copy.toc) && copy.toc.title !== undefined)
    copy.toc = { ...copy.toc, title: withFonts(copy.toc.title) };
  return copy;
}

/** A header, footer or background: content, or a function of the page giving content. */
function pagePart(part: Node): Node {
  if (typeof part !== 'function') return part === 'inherit' ? part : withFonts(part);
  return (...args: unknown[]) => withFonts(part(...args));
}

/** The document with every text in the fonts that have its characters. */
export function withFallbackFonts(document: TDocumentDefinitions): TDocumentDefinitions {
  const { content, header, footer, background } = document;
  return {
    ...document,
    content: withFonts(content) as Content,
    ...(header !== undefined && { header: pagePart(header) as TDocumentDefinitions['header'] }),
    ...(footer !== undefined && { footer: pagePart(footer) as TDocumentDefinitions['footer'] }),
    ...(background !== undefined && {
      background: pagePart(background) as TDocumentDefinitions['background'],
    }),
  };
}
