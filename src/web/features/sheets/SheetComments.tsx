import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { CommentThreads, StartThread } from '../../../schemas/comments';
import type { SheetView } from '../../../schemas/sheet-edit';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { commentsQuery, replyToComment, resolveComment, startComment } from '../../lib/api-comments';
import { formatDateTime } from '../../lib/format-date-time';
import { useAnchorFocus } from '../../lib/use-anchor-focus';
import '../../styles/comments.css';

type Thread = CommentThreads['threads'][number];
type Problem = { message: string; body?: string | undefined };

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) {
    return { message: '送信できませんでした。時間をおいてもう一度お試しください。' };
  }
  return { message: error.message, body: error.issues.find((i) => i.path === 'body')?.message };
}

/**
 * Sends one write (a new thread, a reply, 解決済み) and shows the threads it answers with; the
 * sheet's history and the 進捗管理表 read again. `done` is announced.
 */
function useCommentWrite(sheetId: string, announce: (message: string) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const send = async (write: () => Promise<CommentThreads>, done: string): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      queryClient.setQueryData(commentsQuery(sheetId).queryKey, await write());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sheet', sheetId, 'history'] }),
        queryClient.invalidateQueries({ queryKey: ['progress'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]);
      announce(done);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, problem };
}

/** A comment's text, its label and its error; the form around it sends it. */
function CommentForm({
  id,
  label,
  submitLabel,
  sheetId,
  announce,
  write,
}: {
  id: string;
  label: string;
  submitLabel: string;
  sheetId: string;
  announce: (message: string) => void;
  write: (body: string) => { request: () => Promise<CommentThreads>; done: string };
}) {
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const { send, busy, problem } = useCommentWrite(sheetId, announce);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      setEmpty(true);
      document.getElementById(id)?.focus();
      return;
    }
    setEmpty(false);
    const { request, done } = write(body.trim());
    if (await send(request, done)) setBody('');
  };
  return (
    <form className="comment-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormField
        id={id}
        label={label}
        error={empty ? 'コメントを入力してください' : problem?.body}
        hint="2,000文字以内。"
        hintAfter
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={2}
            maxLength={2000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </FormField>
      {problem && !problem.body && <ErrorSummary message={problem.message} />}
      <button type="submit" className="button button--small" disabled={busy}>
        {busy ? '送信しています…' : submitLabel}
      </button>
    </form>
  );
}

/** What a new thread can be about: the sheet, each goal, each indicator once. */
function subjectsOf(sheet: SheetView): { value: string; label: string; subject: StartThread['subject'] }[] {
  const indicators = new Map<string, string>();
  for (const goal of sheet.goals) {
    for (const indicator of goal.indicators) indicators.set(indicator.indicatorId, indicator.name);
  }
  return [
    { value: 'sheet:', label: 'シート全体', subject: 'sheet' },
    ...sheet.goals.map((goal) => ({
      value: `goal:${goal.id}`,
      label: `目標${goal.no}`,
      subject: 'goal' as const,
    })),
    ...[...indicators].map(([id, name]) => ({
      value: `indicator:${id}`,
      label: `指標「${name}」`,
      subject: 'indicator' as const,
    })),
  ];
}

function NewThread({ sheet, announce }: { sheet: SheetView; announce: (message: string) => void }) {
  const subjects = subjectsOf(sheet);
  const [chosen, setChosen] = useState('sheet:');
  return (
    <div className="comment-new">
      <h3 className="comment-new__title">コメントを書く</h3>
      <FormField id="comment-subject" label="対象">
        {(control) => (
          <select {...control} className="select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {subjects.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <CommentForm
        id="comment-new-body"
        label="コメント"
        submitLabel="コメントする"
        sheetId={sheet.id}
        announce={announce}
        write={(body) => {
          const [kind, id] = chosen.split(':');
          const subject = subjects.find((s) => s.value === chosen)?.subject ?? 'sheet';
          return {
            request: () =>
              startComment(sheet.id, { subject, ...(kind !== 'sheet' && id ? { subjectId: id } : {}), body }),
            done: 'コメントしました。',
          };
        }}
      />
    </div>
  );
}

function ThreadItem({
  thread,
  sheetId,
  canComment,
  announce,
}: {
  thread: Thread;
  sheetId: string;
  canComment: boolean;
  announce: (message: string) => void;
}) {
  const { send, busy, problem } = useCommentWrite(sheetId, announce);
  const titleId = `comment-thread-${thread.id}`;
  const resolved = thread.resolved !== null;
  return (
    <li className={resolved ? 'comment-thread comment-thread--resolved' : 'comment-thread'}>
      <article aria-labelledby={titleId}>
        <h3 id={titleId} className="comment-thread__title">
          {thread.subjectLabel}
          <span className={resolved ? 'comment-state comment-state--resolved' : 'comment-state'}>
            {resolved ? '解決済み' : '未解決'}
          </span>
        </h3>
        <ol className="comment-list">
          {thread.comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                {`${comment.by}・${formatDateTime(comment.at)}`}
                {comment.kind === 'return' && <span className="comment__kind">差戻しの理由</span>}
              </p>
              <p className="comment__body">{comment.body}</p>
            </li>
          ))}
        </ol>
        {thread.resolved && (
          <p className="comment-thread__resolved">
            {`${thread.resolved.by}が解決済みにしました（${formatDateTime(thread.resolved.at)}）`}
          </p>
        )}
        {canComment && (
          <div className="comment-thread__actions">
            <CommentForm
              id={`comment-reply-${thread.id}`}
              label={`${thread.subjectLabel}への返信`}
              submitLabel="返信する"
              sheetId={sheetId}
              announce={announce}
              write={(body) => ({
                request: () => replyToComment(thread.id, body),
                done: resolved ? '返信しました。コメントは未解決に戻りました。' : '返信しました。',
              })}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() =>
                void send(
                  () => resolveComment(thread.id, !resolved),
                  resolved ? '未解決に戻しました。' : '解決済みにしました。',
                )
              }
            >
              {resolved ? '未解決に戻す' : '解決済みにする'}
            </button>
            {problem && <ErrorSummary message={problem.message} />}
          </div>
        )}
      </article>
    </li>
  );
}

/**
 * コメント on the sheet page, for whoever may read the sheet's history (not printed): open threads first, each with its
 * comments, a reply and 解決済み; resolved ones folded away; a form to start one on the sheet,
 * a goal or an indicator.
 */
export function SheetComments({ sheet }: { sheet: SheetView }) {
  const { data, error } = useQuery(commentsQuery(sheet.id));
  // Reached as `#comments` (ホーム's 「未解決のコメント」): shown once this chunk has drawn them.
  const hash = useRouterState({ select: (state) => state.location.hash });
  useAnchorFocus(hash === 'comments' && data ? sheet.id : undefined);
  const [announcement, setAnnouncement] = useState('');
  const canComment = sheet.permissions.comment === true;
  const threads = data?.threads ?? [];
  const open = threads.filter((t) => t.resolved === null);
  const resolved = threads.filter((t) => t.resolved !== null);
  const item = (thread: Thread) => (
    <ThreadItem
      key={thread.id}
      thread={thread}
      sheetId={sheet.id}
      canComment={canComment}
      announce={setAnnouncement}
    />
  );
  return (
    <section id="comments" className="sheet-comments app-chrome" aria-labelledby="sheet-comments-title">
      <h2 id="sheet-comments-title" className="sheet-comments__title">
        コメント
        {data && <span className="sheet-comments__count">{`未解決 ${open.length}件`}</span>}
      </h2>
      <p role="status" className="sheet-comments__status">
        {announcement}
      </p>
      {error && <ErrorSummary message="コメントを読み込めませんでした。再読み込みしてください。" />}
      {data && threads.length === 0 && <p className="muted">コメントはまだありません。</p>}
      {open.length > 0 && <ol className="comment-threads">{open.map(item)}</ol>}
      {resolved.length > 0 && (
        <details className="comment-resolved">
          <summary>{`解決済みのコメント（${resolved.length}件）`}</summary>
          <ol className="comment-threads">{resolved.map(item)}</ol>
        </details>
      )}
      {canComment && <NewThread sheet={sheet} announce={setAnnouncement} />}
    </section>
  );
}
