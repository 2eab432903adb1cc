import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { withFallbackFonts } from './font-content';
import { fontFiles, pdfmakeFonts } from './fonts';

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
  configured = true;
}

/**
 * Lays out and renders a document into PDF bytes, every text in the fonts that have its
 * characters (font-content.ts). Layout and rendering run synchronously once started (the
 * event loop is blocked meanwhile); `onRenderProgress` receives the share of page items drawn
 * so far, from 0 to 1, during that synchronous run.
 */
export async function renderDocument(
  document: TDocumentDefinitions,
  onRenderProgress?: (share: number) => void,
): Promise<Buffer> {
  configure();
  // createPdf hands the global progress callback to this document synchronously, so setting
  // it right before every call keeps concurrent renders apart.
  pdfmake.setProgressCallback(onRenderProgress ?? ignoreProgress);
  return pdfmake.createPdf(withFallbackFonts(document)).getBuffer();
}

function ignoreProgress(): void {}
