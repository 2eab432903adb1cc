import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { UserWithPassword } from '../../../schemas/users';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { createUser } from '../../lib/api-users';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnMunicipality } from '../../lib/ward-permissions';
import { emptyGrant, type GrantRow, GrantsEditor, grantInputOf } from './GrantsEditor';
import { type FormProblem, problemOf, summaryItems } from './problems';
import { TemporaryPassword } from './TemporaryPassword';
import './users.css';

const route = getRouteApi('/settings/users/new');

const ids = {
  loginId: 'user-login-id',
  displayName: 'user-display-name',
  email: 'user-email',
  password: 'user-password',
  mustChangePassword: 'user-must-change',
};

function Created({ created, municipality }: { created: UserWithPassword; municipality?: string }) {
  const { user } = created.detail;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="user-created">
      <h2 id="user-created" ref={heading} tabIndex={-1}>
        {`ユーザー「${user.loginId}」（${user.displayName}）を作成しました`}
      </h2>
      {created.temporaryPassword && (
        <TemporaryPassword loginId={user.loginId} password={created.temporaryPassword} />
      )}
      <p>
        <Link to="/settings/users/$userId" params={{ userId: user.id }}>
          {`${user.displayName}のページへ`}
        </Link>
        {' ／ '}
        <Link to="/settings/users" search={municipality ? { municipality } : {}}>
          ユーザーの一覧へ
        </Link>
      </p>
    </section>
  );
}

/** `/settings/users/new`: a new account with its roles, and a temporary or given password. */
export function NewUserPage() {
  const { municipality } = route.useSearch();
  const { data: me } = useQuery(meQuery());
  const queryClient = useQueryClient();
  const [loginId, setLoginId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [grants, setGrants] = useState<GrantRow[]>([emptyGrant]);
  const [passwordKind, setPasswordKind] = useState<'generated' | 'given'>('generated');
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<UserWithPassword | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  useDocumentTitle(problem ? 'エラー：ユーザーの作成' : 'ユーザーの作成');
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const target = municipality ?? me?.user?.municipality ?? '';
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const answer = await createUser(
        {
          loginId,
          displayName,
          email: email.trim() === '' ? null : email.trim(),
          grants: grants.map(grantInputOf),
          ...(passwordKind === 'given' ? { password, mustChangePassword: mustChange } : {}),
        },
        municipality,
      );
      setProblem(null);
      setCreated(answer);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (error) {
      setProblem(problemOf(error, ids, 'ユーザーを作成できませんでした。'));
    } finally {
      setBusy(false);
    }
  };

  const errors = problem?.fields ?? {};
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
          <Link key="users" to="/settings/users" search={municipality ? { municipality } : {}}>
            ユーザー管理
          </Link>,
        ]}
        current="ユーザーの作成"
      />
      <h1>ユーザーの作成</h1>
      {!canOnMunicipality(me, 'manageUsers') ? (
        <p className="notice notice--info">ユーザーを作成できるのは管理者・システム管理者です。</p>
      ) : created ? (
        <Created created={created} municipality={municipality} />
      ) : (
        <>
          <p className="lead">{`${target}の職員のユーザーを作成します。`}</p>
          {problem && <ErrorSummary ref={summary} title={problem.title} items={summaryItems(problem)} />}
          <form className="form-card" noValidate onSubmit={(event) => void submit(event)}>
            <FormField
              id={ids.loginId}
              label="ログインID"
              hint="ログインに使う英数字など。あとから変えられません。"
              error={errors[ids.loginId]}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={loginId}
                  onChange={(event) => setLoginId(event.target.value)}
                />
              )}
            </FormField>
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
            <FormField
              id={ids.email}
              label="メールアドレス（任意）"
              hint="通知をメールでも受け取る宛先です。"
              error={errors[ids.email]}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="email"
                  autoComplete="off"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              )}
            </FormField>
            <GrantsEditor municipality={target} rows={grants} errors={errors} onChange={setGrants} />
            <fieldset>
              <legend>パスワード</legend>
              <label className="choice users-choice">
                <input
                  type="radio"
                  name="password-kind"
                  checked={passwordKind === 'generated'}
                  onChange={() => setPasswordKind('generated')}
                />{' '}
                仮パスワードを自動で発行する（作成後に一度だけ表示します）
              </label>
              <label className="choice users-choice">
                <input
                  type="radio"
                  name="password-kind"
                  checked={passwordKind === 'given'}
                  onChange={() => setPasswordKind('given')}
                />{' '}
                パスワードを入力する
              </label>
              {passwordKind === 'given' && (
                <>
                  <FormField
                    id={ids.password}
                    label="パスワード"
                    hint="12文字以上。よく使われるものやログインIDを含むものは使えません。"
                    error={errors[ids.password]}
                  >
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        type="password"
                        autoComplete="new-password"
                        value={password}
                        onChange={(event) => setPassword(event.target.value)}
                      />
                    )}
                  </FormField>
                  <label className="choice users-choice" htmlFor={ids.mustChangePassword}>
                    <input
                      id={ids.mustChangePassword}
                      type="checkbox"
                      checked={mustChange}
                      onChange={(event) => setMustChange(event.target.checked)}
                    />{' '}
                    仮パスワードとして扱い、初回ログイン時に変更してもらう
                  </label>
                </>
              )}
            </fieldset>
            <button type="submit" className="button" disabled={busy}>
              {busy ? '作成しています…' : 'ユーザーを作成'}
            </button>
          </form>
        </>
      )}
    </>
  );
}
