import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { UserSummary } from '../../../schemas/users';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary } from '../../components/ErrorSummary';
import { municipalitiesQuery } from '../../lib/api-municipalities';
import { formatDateTime } from '../../lib/format-date-time';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnMunicipality } from '../../lib/ward-permissions';
import { usersQuery } from './user-queries';
import './users.css';

const route = getRouteApi('/settings/users');

/** 有効 / 停止中, and a temporary password not yet changed. */
export function statusText(user: Pick<UserSummary, 'disabled' | 'mustChangePassword'>): string {
  if (user.disabled) return '停止中';
  return user.mustChangePassword ? '有効（仮パスワード）' : '有効';
}

const matches = (user: UserSummary, words: string) => {
  const w = words.trim().toLowerCase();
  return w === '' || user.loginId.toLowerCase().includes(w) || user.displayName.toLowerCase().includes(w);
};

/**
 * A システム管理者 chooses whose users: every registered municipality, a new one too before it
 * has any 部区. The one in the address is shown chosen even before the list has come.
 */
function MunicipalityChooser({ own, current }: { own: string; current: string }) {
  const navigate = useNavigate();
  const { data: registered = [] } = useQuery(municipalitiesQuery());
  const names = [...new Set([own, current, ...registered.map((m) => m.name)])];
  return (
    <div className="form-field">
      <label htmlFor="users-municipality" className="form-field__label">
        自治体
      </label>
      <select
        id="users-municipality"
        className="input"
        value={current}
        onChange={(event) =>
          void navigate({
            to: '/settings/users',
            search: event.target.value === own ? {} : { municipality: event.target.value },
          })
        }
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

function UserTable({ users }: { users: UserSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{`ユーザー（${users.length}人）`}</caption>
        <thead>
          <tr>
            <th scope="col">ログインID</th>
            <th scope="col">表示名</th>
            <th scope="col">役割</th>
            <th scope="col">状態</th>
            <th scope="col">最終ログイン</th>
            <th scope="col">作成日時</th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 ? (
            <tr>
              <td colSpan={6}>該当するユーザーはいません。</td>
            </tr>
          ) : (
            users.map((user) => (
              <tr key={user.id} className={user.disabled ? 'users-table__stopped' : undefined}>
                <th scope="row">
                  <Link to="/settings/users/$userId" params={{ userId: user.id }}>
                    {user.loginId}
                  </Link>
                </th>
                <td>{user.displayName}</td>
                <td>
                  {[...user.roles.map((r) => r.text), ...(user.systemAdmin ? ['システム管理者'] : [])].join(
                    '、',
                  ) || 'なし'}
                </td>
                <td>{statusText(user)}</td>
                <td>{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'なし'}</td>
                <td>{formatDateTime(user.createdAt)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** `/settings/users`: ユーザー管理, the municipality's accounts (管理者, システム管理者). */
export function UsersPage() {
  const { municipality } = route.useSearch();
  const { data: me } = useQuery(meQuery());
  const allowed = canOnMunicipality(me, 'readUsers');
  const { data: list, error } = useQuery({ ...usersQuery(municipality), enabled: allowed });
  const [words, setWords] = useState('');
  useDocumentTitle('ユーザー管理');
  const shown = list?.users.filter((u) => matches(u, words)) ?? [];
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current="ユーザー管理"
      />
      <h1>ユーザー管理</h1>
      <p className="lead">
        職員のユーザーの作成、役割と組織の変更、利用停止・利用再開、パスワードの再設定を行います。変更はすべて、だれがいつ行ったか記録されます。
      </p>
      {!me?.user ? (
        <p className="notice notice--info">
          ユーザー管理を使うには<Link to="/sign-in">ログイン</Link>してください。
        </p>
      ) : !allowed ? (
        <p className="notice notice--info">ユーザー管理を使えるのは管理者・システム管理者です。</p>
      ) : (
        <>
          {me.user.systemAdmin && (
            <MunicipalityChooser own={me.user.municipality} current={municipality ?? me.user.municipality} />
          )}
          {error && <ErrorSummary message={error.message} />}
          {list && (
            <>
              <h2>{`${list.municipality}のユーザー`}</h2>
              <div className="users-toolbar app-chrome">
                <div className="form-field">
                  <label htmlFor="users-filter" className="form-field__label">
                    表示名・ログインIDで絞り込む
                  </label>
                  <input
                    id="users-filter"
                    className="input"
                    type="search"
                    value={words}
                    onChange={(event) => setWords(event.target.value)}
                  />
                </div>
                {list.permissions.manageUsers && (
                  <Link
                    className="button"
                    to="/settings/users/new"
                    search={municipality ? { municipality } : {}}
                  >
                    ユーザーを作成
                  </Link>
                )}
              </div>
              <UserTable users={shown} />
            </>
          )}
          {!list && !error && <p role="status">読み込んでいます…</p>}
        </>
      )}
    </>
  );
}
