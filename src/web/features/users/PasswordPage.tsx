import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { changePassword } from '../../lib/api-users';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { type FormProblem, problemOf, summaryItems } from './problems';

const route = getRouteApi('/account/password');

const ids = { currentPassword: 'current-password', newPassword: 'new-password' };

/**
 * `/account/password`: the signed-in user changes their own password. A user holding a temporary
 * password is sent here first (after sign-in, and on any refusal for it), then on to ホーム.
 */
export function PasswordPage() {
  const { redirect } = route.useSearch();
  const { data: me } = useQuery(meQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useDocumentTitle(problem ? 'エラー：パスワードの変更' : 'パスワードの変更');
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await changePassword({ currentPassword, newPassword });
      await queryClient.resetQueries();
      await navigate({
        href: redirect && !/^\/(sign-in|account\/password)/.test(redirect) ? redirect : '/home',
        state: { flash: 'パスワードを変更しました。' },
      });
    } catch (error) {
      setCurrentPassword('');
      setProblem(problemOf(error, ids, 'パスワードを変更できませんでした。'));
    } finally {
      setBusy(false);
    }
  };
  const errors = problem?.fields ?? {};
  const mustChange = me?.user?.mustChangePassword === true;
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current="パスワードの変更"
      />
      <h1>パスワードの変更</h1>
      {!me?.user ? (
        <p className="notice notice--info">
          パスワードを変更するには<Link to="/sign-in">ログイン</Link>してください。
        </p>
      ) : (
        <>
          {mustChange ? (
            <p className="notice notice--warning" role="note">
              仮パスワードでログインしています。ほかの操作の前に、自分のパスワードに変更してください。
            </p>
          ) : (
            <p className="lead">今のパスワードと、新しいパスワードを入力してください。</p>
          )}
          {problem && <ErrorSummary ref={summary} title={problem.title} items={summaryItems(problem)} />}
          <form className="form-card" noValidate onSubmit={(event) => void submit(event)}>
            <input type="text" hidden readOnly autoComplete="username" value={me.user.loginId} />
            <FormField
              id={ids.currentPassword}
              // The errors name it 今のパスワード, which the temporary one is.
              label={mustChange ? '今のパスワード（仮パスワード）' : '今のパスワード'}
              error={errors[ids.currentPassword]}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={currentPassword}
                  onChange={(event) => setCurrentPassword(event.target.value)}
                />
              )}
            </FormField>
            <FormField
              id={ids.newPassword}
              label="新しいパスワード"
              hint="12文字以上。よく使われるものやログインIDを含むものは使えません。単語をいくつか空白でつないだ文（パスフレーズ）も使えます。"
              error={errors[ids.newPassword]}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="password"
                  autoComplete="new-password"
                  required
                  value={newPassword}
                  onChange={(event) => setNewPassword(event.target.value)}
                />
              )}
            </FormField>
            <button type="submit" className="button" disabled={busy}>
              {busy ? '変更しています…' : 'パスワードを変更'}
            </button>
          </form>
        </>
      )}
    </>
  );
}
