import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { cacheFontsInThisThread } from './font-cache';
import { withFallbackFonts } from './font-content';
import { fontFiles, pdfmakeFonts } from './fonts';
import { joinedInlines, type LaidOutInline } from './joined-inlines';
import { measurePiecesByRun } from './piece-styles';
import { lookUpStylesFaster } from './style-lookup';

/**
 * The one place that talks to pdfmake. pdfmake on Node is a process-wide singleton (fonts,
 * access policies and the progress callback are global), so it is configured here once.
 */

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.addFonts(pdfmakeFonts());
  // Documents are built from data only: they may read the bundled font files and fetch nothing.
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
  pdfmake.setUrlAccessPolicy(() => false);
  cacheFontsInThisThread();
  drawTouchingPiecesAsOne();
  lookUpStylesFaster();
  measurePiecesByRun();
  configured = true;
}

interface LaidOutLine {
  inlines: LaidOutInline[];
  /** A page reference: pdfmake writes the page number over the line's first piece. */
  _pageNodeRef?: unknown;
}
type RenderLine = (this: unknown, line: LaidOutLine, x: number, y: number) => void;
/**
 * Marks the wrapped `renderLine` (its value: pdfmake's own), so it is wrapped once however often
 * this module is loaded.
 */
const joiningLines = Symbol.for('mokuhyo.joiningLines');

/**
 * pdfmake's renderer draws each line through `renderLine`; it is given the line with its
 * touching pieces joined (joined-inlines.ts). pdfmake's own module, so the one pdfmake uses;
 * a pdfmake without it fails here, at the first document, not with a changed page.
 */
function drawTouchingPiecesAsOne(): void {
  const { default: Renderer } = createRequire(import.meta.url)('pdfmake/js/Renderer.js') as {
    default: { prototype: { renderLine?: RenderLine } };
  };
  const renderLine = Renderer.prototype.renderLine;
  if (typeof renderLine !== 'function')
    throw new Error('pdfmake has no Renderer.renderLine to draw lines with');
  if (joiningLines in renderLine) return; // this module evaluated again on the same pdfmake
  Renderer.prototype.renderLine = Object.assign(
    function (this: unknown, line: LaidOutLine, x: number, y: number) {
      if (line._pageNodeRef) return renderLine.call(this, line, x, y);
      const joined = Object.assign(Object.create(Object.getPrototypeOf(line)), line, {
        inlines: joinedInlines(line.inlines),
      });
      renderLine.call(this, joined, x, y);
    },
    { [joiningLines]: renderLine },
  );
}

/**
 * Lays out and draws a document, every text in the fonts that have its characters
 * (font-content.ts), and resolves with the PDF as a stream not yet ended: its bytes so far are
 * buffered in it, the rest (fonts, cross-reference table) come when it is ended. Layout and
 * drawing run synchronously once started (the event loop is blocked meanwhile, so callers on
 * a server run this in a worker thread); `onRenderProgress` receives the share of page items
 * drawn so far, from 0 to 1, during that synchronous run.
 */
export async function openDocument(
  document: TDocumentDefinitions,
  onRenderProgress?: (share: number) => void,
): Promise<PDFKit.PDFDocument> {
  configure();
  // createPdf hands the global progress callback to this document synchronously, so setting
  // it right before every call keeps concurrent renders apart.
  pdfmake.setProgressCallback(onRenderProgress ?? ignoreProgress);
  return pdfmake.createPdf(withFallbackFonts(document)).getStream();
}

/** Ends a document opened by `openDocument` and gathers all its bytes. */
export function pdfBytes(stream: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
    stream.end();
  });
}

function ignoreProgress(): void {}
