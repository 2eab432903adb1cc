/**
 * Whether a 補足 (note) speaks of a target revision: the word 修正 with a date
 * (「R4.10.1修正」「10月1日に修正」「2022年9月30日：…目標値を修正しました」), or a change from one
 * number to another (「100人→80人」「100人から80人に修正」). Returns the words that say so, or
 * null. Read one sentence (or line) at a time; full-width digits count as digits.
 */

const number = String.raw`\d[\d,]*(?:\.\d+)?`;
/** A unit after a number: a few letters, never a digit, a space or an arrow. */
const unit = String.raw`[^\d\s→⇒➡>＞、。,]{0,6}?`;

/** The unit after the new number, up to a bracket or a particle (80人（…）, 80人に修正). */
const trailingUnit = String.raw`[^\d\s→⇒➡>＞、。,()（）「」のにへでをがはと]{0,6}`;

const arrow = new RegExp(String.raw`(${number})\s*(${unit})\s*(?:→|⇒|➡|->|=>)\s*(${number})${trailingUnit}`);
const fromTo = new RegExp(
  String.raw`(${number})\s*${unit}\s*から\s*(${number})\s*${unit}\s*(?:に|へ)\s*(?:上方|下方)?(?:修正|変更|引き下げ|引き上げ|見直)`,
);

const datePatterns = [
  // 和暦, abbreviated or written out: R4.10.1, R5.2末, 令和4年10月1日, H30.4
  String.raw`(?:[RHS]|令和|平成|昭和)\s*(?:\d{1,2}|元)\s*[.年/]\s*\d{1,2}(?:\s*[.月/]\s*\d{1,2}日?)?`,
  // 西暦: 2022年9月30日, 2022/9/30, 2022-09-30, 2022.9.30
  String.raw`\d{4}\s*[年/.-]\s*\d{1,2}(?:\s*[月/.-]\s*\d{1,2}日?)?`,
  // 月日 and a month alone: 10月1日, 9月末, 10月
  String.raw`(?:^|[^\d])(?:1[0-2]|0?[1-9])\s*月(?:\s*\d{1,2}\s*日|上旬|中旬|下旬|末)?`,
];
const datePattern = new RegExp(datePatterns.join('|'));

function isYearPair(from: string, fromUnit: string, to: string): boolean {
  return fromUnit.startsWith('年') || (/^(19|20)\d\d$/.test(from) && /^(19|20)\d\d$/.test(to));
}

function excerpt(sentence: string): string {
  const trimmed = sentence.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

export function revisionMention(note: string | null): string | null {
  if (!note) return null;
  for (const written of note.split(/[\n。]/)) {
    const sentence = written.normalize('NFKC');
    const change = arrow.exec(sentence);
    if (change && !isYearPair(change[1] ?? '', change[2] ?? '', change[3] ?? '')) return change[0].trim();
    const said = fromTo.exec(sentence);
    if (said) return said[0].trim();
    if (sentence.includes('修正') && datePattern.test(sentence)) return excerpt(written);
  }
  return null;
}
