import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { MunicipalitySummary } from '../../../schemas/municipalities';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { createMunicipality, municipalitiesQuery } from '../../lib/api-municipalities';
import { formatDateTime } from '../../lib/format-date-time';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The form's fields by the path the API names them with. */
const fields = [
  {
    path: 'name',
    label: '自治体名',
    hint: '例：長岡市。画面のアドレス（/長岡市/years/…）とファイルに使います。',
    type: 'text',
  },
  { path: 'admin.loginId', label: '管理者のログインID', hint: '例：nagaoka-admin', type: 'text' },
  { path: 'admin.displayName', label: '管理者の表示名', hint: '例：長岡市 管理者', type: 'text' },
  {
    path: 'admin.email',
    label: '管理者のメールアドレス（任意）',
    hint: '通知をメールでも受け取るとき',
    type: 'email',
  },
  {
    path: 'admin.password',
    label: '仮パスワード',
    hint: '12文字以上。管理者は最初のログインで自分のパスワードを設定します。',
    type: 'password',
  },
] as const;
type Field = (typeof fields)[number]['path'];
const inputId = (field: Field) => `municipality-${field.replace('.', '-')}`;
const blank: Record<Field, string> = {
  name: '',
  'admin.loginId': '',
  'admin.displayName': '',
  'admin.email': '',
  'admin.password': '',
};

function MunicipalityTable({ list }: { list: MunicipalitySummary[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{`登録されている自治体（${list.length}件）`}</caption>
        <thead>
          <tr>
            <th scope="col">自治体</th>
            <th scope="col">部区</th>
            <th scope="col">ユーザー</th>
            <th scope="col">登録日時</th>
          </tr>
        </thead>
        <tbody>
          {list.map((m) => (
            <tr key={m.name}>
              <th scope="row">
                {m.name}
                {m.default ? '（既定の自治体）' : ''}
              </th>
              <td>{`${m.wards}部区`}</td>
              <td>
                <Link to="/settings/users" search={{ municipality: m.name }}>
                  {`${m.users}人`}
                  <span className="visually-hidden">{`（${m.name}のユーザー）`}</span>
                </Link>
              </td>
              <td>{formatDateTime(m.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Municipalities() {
  const { data: list } = useSuspenseQuery(municipalitiesQuery());
  return <MunicipalityTable list={list} />;
}

function NewMunicipalityForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [inputs, setInputs] = useState(blank);
  const [errors, setErrors] = useState<Map<Field, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const email = inputs['admin.email'].trim();
      const created = await createMunicipality({
        name: inputs.name,
        admin: {
          loginId: inputs['admin.loginId'],
          displayName: inputs['admin.displayName'],
          password: inputs['admin.password'],
          ...(email ? { email } : {}),
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['municipalities'] });
      setInputs(blank);
      setErrors(new Map());
      await navigate({
        to: '/admin/municipalities',
        replace: true,
        state: {
          flash: `${created.name}と管理者「${inputs['admin.loginId']}」を登録しました。管理者に仮パスワードを伝えてください。`,
        },
      });
    } catch (error) {
      const found = new Map<Field, string>();
      for (const issue of error instanceof ApiError ? error.issues : []) {
        const field = fields.find(
          (f) => f.path === issue.path || (issue.path === 'admin' && f.path === 'admin.loginId'),
        );
        if (field && !found.has(field.path)) found.set(field.path, issue.message);
      }
      setErrors(found);
      setProblem(error instanceof Error ? error.message : '自治体を登録できませんでした。');
      const first = fields.find((f) => found.has(f.path));
      if (first) document.getElementById(inputId(first.path))?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-municipality">
      <h2 id="new-municipality">自治体の登録</h2>
      <p>
        自治体と、その最初の管理者を一度に登録します。管理者はその自治体のユーザー・設定を管理し、「シートを取り込む」で部区のシートを取り込みます（取り込みで自治体が登録されることはありません）。
      </p>
      <form
        className="form-card"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label="自治体の登録"
      >
        {fields.map((field) => (
          <FormField
            key={field.path}
            id={inputId(field.path)}
            label={field.label}
            hint={field.hint}
            error={errors.get(field.path)}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type={field.type}
                autoComplete={field.type === 'password' ? 'new-password' : 'off'}
                value={inputs[field.path]}
                onChange={(event) =>
                  setInputs((current) => ({ ...current, [field.path]: event.target.value }))
                }
              />
            )}
          </FormField>
        ))}
        {problem && (
          <p role="alert" className="form-field__error">
            {problem}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? '登録しています…' : '自治体を登録'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** `/admin/municipalities`: システム管理者 sees the installation's municipalities and registers new ones. */
export function MunicipalitiesPage() {
  const { data: me } = useSuspenseQuery(meQuery());
  useDocumentTitle('自治体の管理');
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current="自治体の管理"
      />
      <h1>自治体の管理</h1>
      <p className="lead">
        このシステムを使う自治体です。既定の自治体（最初に登録した自治体）の画面は、アドレスに自治体名が入りません。ほかの自治体の画面のアドレスは「/自治体名/years/…」です。
      </p>
      {me.user?.systemAdmin ? (
        <>
          <Municipalities />
          <NewMunicipalityForm />
        </>
      ) : (
        <p className="notice notice--info">自治体を管理できるのはシステム管理者です。</p>
      )}
    </>
  );
}
