/** What a コメント thread is about: the sheet as a whole, one of its goals, or one of its indicators. */
export const commentSubjects = ['sheet', 'goal', 'indicator'] as const;
export type CommentSubject = (typeof commentSubjects)[number];

/** The words a thread keeps for its subject: 「シート全体」「目標2」「指標「…」」. */
export function commentSubjectLabel(
  subject: CommentSubject,
  name: { goalNo?: number; indicator?: string },
): string {
  if (subject === 'goal') return `目標${name.goalNo ?? ''}`;
  if (subject === 'indicator') return `指標「${name.indicator ?? ''}」`;
  return 'シート全体';
}
