import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { UserDetail } from '../../../schemas/users';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { deactivateUser, reactivateUser, resetPassword, updateUser } from '../../lib/api-users';
import { formatDateTime } from '../../lib/format-date-time';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { type GrantRow, GrantsEditor, grantInputOf } from './GrantsEditor';
import { type FormProblem, problemOf, summaryItems } from './problems';
import { TemporaryPassword } from './TemporaryPassword';
import { statusText } from './UsersPage';
import { userQuery } from './user-queries';
import './users.css';

const route = getRouteApi('/settings/users/$userId');

const ids = { displayName: 'user-display-name', email: 'user-email' };

const rowsOf = (detail: UserDetail): GrantRow[] =>
  detail.user.roles.map((r) => ({ role: r.role, ward: r.ward ?? '', organization: r.organization ?? '' }));

function Facts({ detail }: { detail: UserDetail }) {
  const { user } = detail;
  return (
    <dl className="user-facts">
      <dt>ログインID</dt>
      <dd>{user.loginId}</dd>
      <dt>自治体</dt>
      <dd>{detail.municipality}</dd>
      <dt>役割</dt>
      <dd>
        {[...user.roles.map((r) => r.text), ...(user.systemAdmin ? ['システム管理者'] : [])].join('、') ||
          'なし'}
      </dd>
      <dt>状態</dt>
      <dd>{statusText(user)}</dd>
      <dt>最終ログイン</dt>
      <dd>{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'なし'}</dd>
      <dt>作成日時</dt>
      <dd>{formatDateTime(user.createdAt)}</dd>
    </dl>
  );
}

/**
 * 表示名・メールアドレス・役割, sent as a whole with the record entry the form started from.
 * Taking away every role is asked once more: the user could then sign in and do nothing.
 */
function EditForm({
  detail,
  keepAdmin,
  onSaved,
}: {
  detail: UserDetail;
  /** The 管理者 editing themselves: their 管理者 role stays. */
  keepAdmin: boolean;
  onSaved: (d: UserDetail) => void;
}) {
  const [displayName, setDisplayName] = useState(detail.user.displayName);
  const [email, setEmail] = useState(detail.user.email ?? '');
  const [grants, setGrants] = useState<GrantRow[]>(rowsOf(detail));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [askNoRoles, setAskNoRoles] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (grants.length === 0 && detail.user.roles.length > 0 && !detail.user.systemAdmin) setAskNoRoles(true);
    else void save();
  };
  const save = async () => {
    setAskNoRoles(false);
    setBusy(true);
    try {
      const saved = await updateUser(detail.user.id, {
        displayName,
        email: email.trim() === '' ? null : email.trim(),
        grants: grants.map(grantInputOf),
        lastChangeId: detail.lastChangeId,
      });
      setProblem(null);
      onSaved(saved);
    } catch (error) {
      setStale(error instanceof ApiError && error.status === 409);
      setProblem(problemOf(error, ids, '変更できませんでした。'));
    } finally {
      setBusy(false);
    }
  };
  const errors = problem?.fields ?? {};
  return (
    <>
      <form className="form-card" noValidate onSubmit={submit}>
        {problem && <ErrorSummary ref={summary} title={problem.title} items={summaryItems(problem)} />}
        {stale && (
          <p>
            <Link to="/settings/users/$userId" params={{ userId: detail.user.id }} reloadDocument>
              最新の内容を読み込む（入力中の変更は失われます）
            </Link>
          </p>
        )}
        <FormField id={ids.displayName} label="表示名" error={errors[ids.displayName]}>
          {(control) => (
            <input
              {...control}
              className="input"
              required
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={ids.email} label="メールアドレス（任意）" error={errors[ids.email]}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <GrantsEditor
          municipality={detail.municipality}
          rows={grants}
          errors={errors}
          onChange={setGrants}
          keepAdmin={keepAdmin}
          systemAdmin={detail.user.systemAdmin}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? '保存しています…' : '変更を保存'}
        </button>
      </form>
      <ConfirmDialog
        open={askNoRoles}
        title="役割をすべて外しますか"
        message="役割がなくなると、このユーザーはログインはできますが、シートを見ることも作成することもできなくなります。"
        confirmLabel="役割をすべて外して保存する"
        cancelLabel="やめる"
        onConfirm={() => void save()}
        onCancel={() => setAskNoRoles(false)}
      />
    </>
  );
}

type Pending = 'deactivate' | 'reactivate' | 'reset' | null;

const questions: Record<Exclude<Pending, null>, { title: string; message: string; confirm: string }> = {
  deactivate: {
    title: 'このユーザーを利用停止にしますか',
    message:
      '利用停止にすると、このユーザーはログインできなくなり、ログイン中の画面もすぐに使えなくなります。あとで利用を再開できます。',
    confirm: '利用停止にする',
  },
  reactivate: {
    title: 'このユーザーの利用を再開しますか',
    message: 'これまでのパスワードで、再びログインできるようになります。',
    confirm: '利用を再開する',
  },
  reset: {
    title: 'パスワードを再設定しますか',
    message:
      '仮パスワードを発行します。今のパスワードは使えなくなり、ログイン中の画面も終了します。本人は次のログインで自分のパスワードに変更します。',
    confirm: '仮パスワードを発行する',
  },
};

function Account({ detail, onChanged }: { detail: UserDetail; onChanged: (d: UserDetail) => void }) {
  const [pending, setPending] = useState<Pending>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const { user } = detail;
  const run = async (what: Exclude<Pending, null>) => {
    setPending(null);
    setProblem(null);
    setDone(null);
    try {
      if (what === 'reset') {
        const answer = await resetPassword(user.id);
        setTemporary(answer.temporaryPassword);
        onChanged(answer.detail);
        setDone('仮パスワードを発行しました。');
      } else {
        onChanged(what === 'deactivate' ? await deactivateUser(user.id) : await reactivateUser(user.id));
        setDone(what === 'deactivate' ? '利用停止にしました。' : '利用を再開しました。');
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : '操作できませんでした。');
    }
  };
  const question = pending ? questions[pending] : null;
  return (
    <>
      <p role="status" data-focus-fallback tabIndex={-1}>
        {done}
      </p>
      {problem && <ErrorSummary message={problem} />}
      {temporary && <TemporaryPassword loginId={user.loginId} password={temporary} />}
      <div className="button-row user-account__actions app-chrome">
        {user.disabled ? (
          <button type="button" className="button button--secondary" onClick={() => setPending('reactivate')}>
            利用を再開
          </button>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setPending('deactivate')}>
            利用停止
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => setPending('reset')}>
          パスワードを再設定
        </button>
      </div>
      <ConfirmDialog
        open={question !== null}
        title={question?.title ?? ''}
        message={question?.message ?? ''}
        confirmLabel={question?.confirm ?? ''}
        cancelLabel="やめる"
        onConfirm={() => pending && void run(pending)}
        onCancel={() => setPending(null)}
      />
    </>
  );
}

function Record({ detail }: { detail: UserDetail }) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{`記録（${detail.changes.length}件、新しい順）`}</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">操作</th>
            <th scope="col">内容</th>
            <th scope="col">操作した人</th>
          </tr>
        </thead>
        <tbody>
          {detail.changes.length === 0 ? (
            <tr>
              <td colSpan={4}>記録はありません。</td>
            </tr>
          ) : (
            detail.changes.map((change) => (
              <tr key={change.id}>
                <th scope="row">{formatDateTime(change.at)}</th>
                <td>{change.label}</td>
                <td>{change.description}</td>
                <td>{change.by}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** `/settings/users/$userId`: one user, their roles, 利用停止・再開, パスワードの再設定 and their record. */
export function UserPage() {
  const { userId } = route.useParams();
  const queryClient = useQueryClient();
  const { data: detail, error } = useQuery(userQuery(userId));
  const viewer = useQuery(meQuery()).data?.user;
  // The form starts over from each saved answer (its lastChangeId with it).
  const [formKey, setFormKey] = useState(0);
  // What the last save did, said beside the form, which takes the focus the remounted form lost.
  // A new object each save, so that saving twice over moves the focus twice.
  const [saved, setSaved] = useState<{ message: string } | null>(null);
  const savedNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) savedNote.current?.focus();
  }, [saved]);
  useDocumentTitle(detail ? `${detail.user.displayName}（ユーザー管理）` : 'ユーザー管理');
  const changed = (next: UserDetail) => {
    queryClient.setQueryData(userQuery(userId).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['users', null] });
    setFormKey((k) => k + 1);
  };
  const edited = (next: UserDetail) => {
    setSaved({
      message:
        next.lastChangeId === detail?.lastChangeId ? '変更はありませんでした。' : '変更を保存しました。',
    });
    changed(next);
  };
  // The list the user is on: another municipality's is named, as the list's address names it.
  const listSearch =
    detail && viewer && detail.municipality !== viewer.municipality
      ? { municipality: detail.municipality }
      : {};
  const own = detail !== undefined && viewer?.id === detail.user.id;
  // A システム管理者's account is theirs alone to change (the server refuses a 管理者).
  const guarded = detail?.user.systemAdmin === true && viewer?.systemAdmin !== true;
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
          <Link key="users" to="/settings/users" search={listSearch}>
            ユーザー管理
          </Link>,
        ]}
        current={detail?.user.displayName ?? 'ユーザー'}
      />
      <h1>{detail ? `${detail.user.displayName}（${detail.user.loginId}）` : 'ユーザー'}</h1>
      {error && <ErrorSummary message={error.message} />}
      {!detail && !error && <p role="status">読み込んでいます…</p>}
      {detail && (
        <>
          <Facts detail={detail} />
          {detail.permissions.manageUsers && guarded && (
            <p className="notice notice--info">
              このユーザーはシステム管理者です。利用停止、パスワードの再設定、表示名・役割などの変更ができるのは、システム管理者だけです。
            </p>
          )}
          {detail.permissions.manageUsers && !guarded && (
            <>
              <h2>利用停止・パスワード</h2>
              {own ? (
                <p className="user-account__own">
                  自分自身は利用停止にできません。停止するとログインできなくなり、自分では元に戻せないためです（必要なときは、ほかの管理者に依頼してください）。自分のパスワードは、再設定ではなく
                  <Link to="/account/password">パスワードの変更</Link>
                  で変更します。
                </p>
              ) : (
                <Account
                  detail={detail}
                  onChanged={(next) => {
                    setSaved(null);
                    changed(next);
                  }}
                />
              )}
              <h2>表示名・メールアドレス・役割の変更</h2>
              <p ref={savedNote} role="status" tabIndex={-1} className="user-saved">
                {saved?.message}
              </p>
              <EditForm
                key={formKey}
                detail={detail}
                keepAdmin={own && viewer?.systemAdmin !== true}
                onSaved={edited}
              />
            </>
          )}
          <h2>記録</h2>
          <Record detail={detail} />
        </>
      )}
    </>
  );
}
