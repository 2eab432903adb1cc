import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The fonts a PDF is set in, all TrueType files shipped by npm packages (nothing is fetched and
 * no system font is read). BIZ UDPGothic sets everything it has; what it lacks falls back, one
 * grapheme at a time, to Noto Sans JP (Adobe-Japan1 kanji such as 𠮷, and IVS glyphs) and
 * then to Noto Emoji (monochrome outlines: pdfkit cannot draw colour emoji). See font-runs.ts.
 */

const require = createRequire(import.meta.url);

export type FontRole = 'primary' | 'japanese' | 'emoji';

interface FamilyFiles {
  family: string;
  normal: string;
  bold: string;
}

export const fontFamilies: Record<FontRole, FamilyFiles> = {
  /** Morisawa's universal-design font, the one Japanese cities use. */
  primary: {
    family: 'BIZUDPGothic',
    normal: require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'),
  },
  japanese: {
    family: 'NotoSansJP',
    normal: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  },
  emoji: {
    family: 'NotoEmoji',
    normal: require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf'),
  },
};

/** The family every document is set in. */
export const fontFamily = fontFamilies.primary.family;

/** pdfmake's font table. The fonts have no italics; Japanese documents do not use them. */
export function pdfmakeFonts(): Record<
  string,
  Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>
> {
  return Object.fromEntries(
    Object.values(fontFamilies).map(({ family, normal, bold }) => [
      family,
      { normal, bold, italics: normal, bolditalics: bold },
    ]),
  );
}

/** Every font file a document may read. */
export const fontFiles: ReadonlySet<string> = new Set(
  Object.values(fontFamilies).flatMap(({ normal, bold }) => [normal, bold]),
);

const opened = new Map<FontRole, fontkit.Font>();

/**
 * The regular weight of a role, opened once per thread for its character map and metrics
 * (each bold weight maps the same characters: pdf.fonts.test.ts checks it).
 */
export function fontOf(role: FontRole): fontkit.Font {
  let font = opened.get(role);
  if (!font) {
    font = fontkit.openSync(fontFamilies[role].normal);
    opened.set(role, font);
  }
  return font;
}

/** Height of a line in the font (ascent + descent + gap) in ems; BIZ UDPGothic's is exactly 1. */
export function lineHeightEm(role: FontRole): number {
  const font = fontOf(role);
  return (font.ascent - font.descent + font.lineGap) / font.unitsPerEm;
}
