import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The one place that talks to pdfmake. pdfmake on Node is a process-wide singleton (fonts,
 * access policies and the progress callback are global), so it is configured here once.
 */

const require = createRequire(import.meta.url);

/** BIZ UDPGothic (Morisawa's universal-design font, the one Japanese cities use) as TrueType. */
const fontFiles = {
  normal: require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'),
};

/** The font family every document uses. */
export const fontFamily = 'BIZUDPGothic';

const allowedFiles = new Set<string>([fontFiles.normal, fontFiles.bold]);

let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.addFonts({
    [fontFamily]: {
      normal: fontFiles.normal,
      bold: fontFiles.bold,
      // The font has no italics; Japanese documents do not use them.
      italics: fontFiles.normal,
      bolditalics: fontFiles.bold,
    },
  });
  // Documents are built from data only: they may read the two font files and fetch nothing.
  pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

/**
 * Lays out and renders a document into PDF bytes. Layout and rendering run synchronously once
 * started (the event loop is blocked meanwhile); `onRenderProgress` receives the share of page
 * items drawn so far, from 0 to 1, during that synchronous run.
 */
export async function renderDocument(
  document: TDocumentDefinitions,
  onRenderProgress?: (share: number) => void,
): Promise<Buffer> {
  configure();
  // createPdf hands the global progress callback to this document synchronously, so setting
  // it right before every call keeps concurrent renders apart.
  pdfmake.setProgressCallback(onRenderProgress ?? ignoreProgress);
  return pdfmake.createPdf(document).getBuffer();
}

function ignoreProgress(): void {}
