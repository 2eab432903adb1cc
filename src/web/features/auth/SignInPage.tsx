import '../../styles/sign-on.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { signInSchema } from '../../../schemas/auth';
import { issuesFromZod } from '../../../schemas/issues';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { signIn } from '../../lib/api-auth';
import { signOnProvidersQuery } from '../../lib/api-sign-on';
import { useDocumentTitle } from '../../lib/use-document-title';

const route = getRouteApi('/sign-in');

type Field = 'loginId' | 'password';
const fieldIds: Record<Field, string> = { loginId: 'sign-in-login-id', password: 'sign-in-password' };
type Problem = { title: string; fields: Partial<Record<Field, string>> };

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { title: 'ログインできませんでした。', fields: {} };
  const fields: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    if (issue.path === 'loginId' || issue.path === 'password') fields[issue.path] ??= issue.message;
  }
  return { title: error.message, fields };
}

/**
 * `/sign-in`: a button for each municipality that offers シングルサインオン, and ログインID and
 * password; afterwards back to the page the user came from, else ホーム. When no municipality
 * lets its staff use a password, the form is folded away for a システム管理者.
 */
export function SignInPage() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useDocumentTitle(problem ? 'エラー：ログイン' : 'ログイン');
  const { data: signOn } = useQuery(signOnProvidersQuery());
  const back = redirect && redirect !== '/' ? redirect : '/home';

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = signInSchema.safeParse({ loginId, password });
    if (!parsed.success) {
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of issuesFromZod(parsed.error)) {
        if (issue.path === 'loginId' || issue.path === 'password') fields[issue.path] ??= issue.message;
      }
      setProblem({ title: '入力内容を確認してください。', fields });
      return;
    }
    setBusy(true);
    try {
      await signIn(parsed.data);
      await queryClient.resetQueries();
      // From the public start page, staff go to their ホーム rather than back to the ward chooser.
      await navigate({ href: back, state: { flash: 'ログインしました。' } });
    } catch (error) {
      setPassword('');
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const items = problem
    ? (Object.entries(problem.fields) as [Field, string][]).map(([field, message]) => ({
        targets: [fieldIds[field]],
        message,
      }))
    : [];

  const passwordForm = (
    <form className="form-card" noValidate onSubmit={(event) => void submit(event)}>
      <FormField id={fieldIds.loginId} label="ログインID" error={problem?.fields.loginId}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="loginId"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={loginId}
            onChange={(event) => setLoginId(event.target.value)}
          />
        )}
      </FormField>
      <FormField id={fieldIds.password} label="パスワード" error={problem?.fields.password}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'ログインしています…' : 'ログイン'}
      </button>
    </form>
  );

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">ログイン</h1>
      <p className="lead">
        組織目標管理シートを作成・修正・評価する職員の方は、ログインしてください。公開されているシートはログインせずに閲覧できます。
      </p>
      {problem && <ErrorSummary ref={summary} title={problem.title} items={items} />}
      {signOn && signOn.providers.length > 0 && (
        <ul className="sign-on-buttons">
          {signOn.providers.map((provider) => (
            <li key={provider.municipality}>
              <a className="button" href={`${provider.startUrl}&redirect=${encodeURIComponent(back)}`}>
                {provider.providerName}のアカウントでログイン
              </a>
            </li>
          ))}
        </ul>
      )}
      {signOn?.passwordSignIn === false ? (
        <details className="sign-in__password" open={problem !== null}>
          <summary>システム管理者のログイン（パスワード）</summary>
          {passwordForm}
        </details>
      ) : (
        passwordForm
      )}
    </section>
  );
}
