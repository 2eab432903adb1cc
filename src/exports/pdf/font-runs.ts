import { type FontRole, fontOf } from './fonts';

/**
 * Which font draws each part of a text. pdfmake sets a text in one font and draws a box for a
 * glyph that font lacks, so texts are cut into runs, one per font, a grapheme cluster (what a
 * reader sees as one character: 👨‍👩‍👧, 👍🏽, 葛󠄀, ｶﾞ) never being cut:
 *
 * - an emoji cluster (emoji presentation, VS16, skin tone, keycap, flag) goes to Noto Emoji
 *   first, so ✅ and ❤️ look like emoji, as on the page;
 * - any other cluster goes to the first of BIZ UDPGothic, Noto Sans JP, Noto Emoji that has a
 *   glyph for each of its characters;
 * - a cluster with an ideographic variation selector (葛󠄀 = 葛 + U+E0100) goes to a font that
 *   has a glyph of its own for the sequence; when the sequence only names the usual glyph, to a
 *   font other than the one that draws the plain character: a PDF maps each glyph of a font to
 *   one text, so sharing the glyph would make pdftotext read every plain 葛 as 葛󠄀 (or lose
 *   the selector);
 * - a skin tone the emoji font would silently drop (Noto Emoji draws 👍🏽 as a plain 👍) is
 *   drawn after its emoji as the tone's own swatch, as Unicode's emoji standard (UTS #51)
 *   suggests, so that neither character is lost;
 *
 * A character no bundled font has stays in BIZ UDPGothic (and prints as its empty box).
 */

export interface FontRun {
  text: string;
  role: FontRole;
  /** Drawn on its own, never merged with the runs beside it (pdfmake shapes each run apart). */
  apart?: boolean;
}

const textOrder: FontRole[] = ['primary', 'japanese', 'emoji'];
const emojiOrder: FontRole[] = ['emoji', 'primary', 'japanese'];

const variationSelector = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const textVariationSelector = /[\uFE00-\uFE0E\u{E0100}-\u{E01EF}]/u;
/** Zero-width joiner/non-joiner: drawn by no font, joined into the emoji glyph by the font's rules. */
const joiners = new Set([0x200c, 0x200d]);
const emojiCluster =
  /\p{Emoji_Presentation}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\uFE0F\u20E3\u{E0020}-\u{E007F}]/u;
/** Anything that may need more than BIZ UDPGothic's plain character map. */
const special = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u20E3]|\u200C|\u200D|\p{Emoji_Presentation}/u;
/** A text whose shape may depend on being set on its own (the characters of `special`, skin tones). */
export const shapedOnItsOwn = new RegExp(`${special.source}|\\p{Emoji_Modifier}`, 'u');

/** Per font, per code point: 0 not asked yet, 1 has a glyph, 2 has none. */
const coverage = new Map<FontRole, Uint8Array>();
const lastCodePoint = 0x10ffff;

function has(role: FontRole, codePoint: number): boolean {
  let known = coverage.get(role);
  if (!known) {
    known = new Uint8Array(lastCodePoint + 1);
    coverage.set(role, known);
  }
  let found = known[codePoint];
  if (!found) {
    found = fontOf(role).hasGlyphForCodePoint(codePoint) ? 1 : 2;
    known[codePoint] = found;
  }
  return found === 1;
}

function isVariationSelector(codePoint: number): boolean {
  return variationSelector.test(String.fromCodePoint(codePoint));
}

/** The characters of a cluster a font must draw: not its selectors and joiners. */
function drawnCodePoints(cluster: string): number[] {
  const codePoints: number[] = [];
  for (const char of cluster) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!isVariationSelector(codePoint) && !joiners.has(codePoint)) codePoints.push(codePoint);
  }
  return codePoints;
}

/** The font among `order` that draws most of the cluster (the first on a tie). */
function bestCovering(codePoints: number[], order: FontRole[]): FontRole {
  let best: FontRole = 'primary';
  let bestCount = -1;
  for (const role of order) {
    const count = codePoints.filter((codePoint) => has(role, codePoint)).length;
    if (count === codePoints.length) return role;
    if (count > bestCount) {
      best = role;
      bestCount = count;
    }
  }
  return best;
}

/** Whether the font has a glyph of its own for the variation sequence (not the plain one). */
function hasOwnVariant(role: FontRole, cluster: string, base: number): boolean {
  if (!has(role, base)) return false;
  const font = fontOf(role);
  const [glyph] = font.glyphsForString(cluster);
  return glyph !== undefined && glyph.id !== font.glyphForCodePoint(base).id;
}

function variationRole(cluster: string, base: number): FontRole {
  const own = textOrder.find((role) => hasOwnVariant(role, cluster, base));
  if (own) return own;
  const plain = bestCovering([base], textOrder);
  return textOrder.find((role) => role !== plain && has(role, base)) ?? plain;
}

function roleOfCluster(cluster: string): FontRole {
  const codePoints = drawnCodePoints(cluster);
  const [first] = codePoints;
  if (first === undefined) return 'primary';
  if (emojiCluster.test(cluster)) return bestCovering(codePoints, emojiOrder);
  if (codePoints.length === 1 && textVariationSelector.test(cluster)) return variationRole(cluster, first);
  return bestCovering(codePoints, textOrder);
}

const skinTone = /\p{Emoji_Modifier}/u;
const skinTones = /\p{Emoji_Modifier}/gu;

function shapedIds(role: FontRole, text: string): string {
  return fontOf(role)
    .layout(text)
    .glyphs.map((glyph) => glyph.id)
    .join(',');
}

/** The cluster's runs: one, or the emoji and its skin tones apart when the font drops them. */
function clusterRuns(cluster: string): FontRun[] {
  const role = roleOfCluster(cluster);
  if (role !== 'emoji' || !skinTone.test(cluster)) return [{ text: cluster, role }];
  const toneless = cluster.replace(skinTones, '');
  const tones = cluster.match(skinTones)?.join('') ?? '';
  if (toneless === '' || shapedIds(role, cluster) !== shapedIds(role, toneless))
    return [{ text: cluster, role }];
  return [
    { text: toneless, role, apart: true },
    { text: tones, role, apart: true },
  ];
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/**
 * Whether BIZ UDPGothic alone sets the text as written. Control characters (line ends, tabs)
 * are drawn by no font: pdfmake acts on them, and they stay in BIZ UDPGothic's run.
 */
function primaryAlone(text: string): boolean {
  if (special.test(text)) return false;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && !has('primary', codePoint)) return false;
  }
  return true;
}

/** The text cut into runs by font; one run in BIZ UDPGothic for most texts. */
export function fontRuns(text: string): FontRun[] {
  if (primaryAlone(text)) return [{ text, role: 'primary' }];
  const runs: FontRun[] = [];
  for (const { segment } of graphemes.segment(text)) {
    for (const run of clusterRuns(segment)) {
      const last = runs.at(-1);
      if (last && last.role === run.role && !last.apart && !run.apart) last.text += run.text;
      else runs.push(run);
    }
  }
  return runs;
}
