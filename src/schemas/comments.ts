import { commentSubjects } from '../domain/comments';
import { plainText } from './text';
import { whoWhen } from './who-when';
import { z } from './zod';

/**
 * コメント: threads on a sheet, a goal or an indicator (GET and POST /api/v1/sheets/:id/comments,
 * POST /api/v1/comment-threads/:id/replies and …/resolution). Every write answers with the
 * sheet's threads as they are now.
 */
const body = plainText(2_000).trim().min(1, 'コメントを入力してください');

export const startThreadSchema = z
  .strictObject({
    subject: z.enum(commentSubjects, '対象は sheet・goal・indicator のいずれかを指定してください'),
    /** The goal's id, or the indicator's (its series) id; none for the sheet as a whole. */
    subjectId: z.uuid('対象の ID が正しくありません').optional(),
    body,
  })
  .superRefine((value, ctx) => {
    if (value.subject !== 'sheet' && !value.subjectId) {
      ctx.addIssue({
        code: 'custom',
        path: ['subjectId'],
        message: 'コメントする目標・指標を選んでください',
      });
    }
  });
export type StartThread = z.infer<typeof startThreadSchema>;

export const replySchema = z.strictObject({ body });

export const resolutionSchema = z.strictObject({
  resolved: z.boolean('解決済みにするか（true）、未解決に戻すか（false）を指定してください'),
});

export const commentThreadsSchema = z.object({
  threads: z.array(
    z.object({
      id: z.uuid(),
      subject: z.enum(commentSubjects),
      subjectId: z.uuid().nullable(),
      /** 「シート全体」「目標2」「指標「定時退庁推進日実施率」」, as it was when the thread began. */
      subjectLabel: z.string(),
      resolved: whoWhen.nullable(),
      comments: z.array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['comment', 'return']),
          body: z.string(),
          ...whoWhen.shape,
        }),
      ),
    }),
  ),
});
export type CommentThreads = z.infer<typeof commentThreadsSchema>;
