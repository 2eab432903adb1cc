import { queryOptions } from '@tanstack/react-query';
import { type CommentThreads, commentThreadsSchema, type StartThread } from '../../schemas/comments';
import { requestJson, sheetPath } from './api';

const threadPath = (threadId: string) => `/api/v1/comment-threads/${encodeURIComponent(threadId)}`;

/** コメント of a sheet: read fresh whenever the sheet page shows them. */
export const commentsQuery = (sheetId: string) =>
  queryOptions({
    queryKey: ['sheet', sheetId, 'comments'],
    queryFn: ({ signal }) =>
      requestJson('GET', `${sheetPath(sheetId)}/comments`, commentThreadsSchema, { signal }),
    staleTime: 0,
  });

/** A new thread on the sheet, a goal or an indicator; answers with the sheet's threads. */
export function startComment(sheetId: string, input: StartThread): Promise<CommentThreads> {
  return requestJson('POST', `${sheetPath(sheetId)}/comments`, commentThreadsSchema, { body: input });
}

export function replyToComment(threadId: string, body: string): Promise<CommentThreads> {
  return requestJson('POST', `${threadPath(threadId)}/replies`, commentThreadsSchema, { body: { body } });
}

export function resolveComment(threadId: string, resolved: boolean): Promise<CommentThreads> {
  return requestJson('POST', `${threadPath(threadId)}/resolution`, commentThreadsSchema, {
    body: { resolved },
  });
}
