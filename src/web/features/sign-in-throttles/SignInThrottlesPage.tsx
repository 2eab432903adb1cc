import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import type { ClearSignInThrottle, SignInThrottles } from '../../../schemas/sign-in-throttles';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { clearSignInThrottle, signInThrottlesQuery } from '../../lib/api-sign-in-throttles';
import { formatDateTime } from '../../lib/format-date-time';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnMunicipality } from '../../lib/ward-permissions';

type Clear = (target: ClearSignInThrottle, what: string) => void;

const loginText = (loginId: string, known: boolean) => (known ? loginId : `${loginId}（登録のないID）`);

/** One table with its caption; an empty list says so in a row. */
function ThrottleTable({
  id,
  caption,
  headers,
  rows,
}: {
  id: string;
  caption: string;
  headers: string[];
  rows: { key: string; cells: React.ReactNode[] }[];
}) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact" aria-describedby={`${id}-note`}>
        <caption id={id}>{`${caption}（${rows.length}件）`}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length}>ありません。</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={headers[i]} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={headers[i]}>{cell}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function ClearButton({ label, onClick, busy }: { label: string; onClick: () => void; busy: boolean }) {
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-label={`${label}の制限を解除`}
      disabled={busy}
      onClick={onClick}
    >
      解除
    </button>
  );
}

function Tables({ list, clear, busy }: { list: SignInThrottles; clear: Clear; busy: boolean }) {
  const { windowMinutes } = list;
  return (
    <>
      <h2>同じ接続元からの失敗</h2>
      <p id="pairs-note">
        同じログインIDで同じ接続元（IPアドレス）から続けて失敗すると、次に試せるまで待ってもらいます（1秒、2秒、4秒…最長5分）。ほかの接続元からは、正しいパスワードでいつでもログインできます。失敗は
        {windowMinutes.loginAddress / 60}
        時間数え、その接続元からのログインが成功すると消えます。
      </p>
      <ThrottleTable
        id="pairs"
        caption="同じ接続元から失敗が続いているログインID"
        headers={['ログインID', '接続元', '失敗', '最後の失敗', '次に試せる時刻', '操作']}
        rows={list.loginAddresses.map((row) => ({
          key: `${row.loginId}\u0000${row.address}`,
          cells: [
            loginText(row.loginId, row.knownLogin),
            row.address,
            `${row.failures}回`,
            formatDateTime(row.lastFailureAt),
            row.retryAt ? formatDateTime(row.retryAt) : 'すぐ（次の失敗からさらに待ちます）',
            <ClearButton
              key="clear"
              busy={busy}
              label={`${row.loginId}（${row.address}）`}
              onClick={() =>
                clear(
                  { loginId: row.loginId, address: row.address },
                  `ログインID「${row.loginId}」の接続元 ${row.address} からの`,
                )
              }
            />,
          ],
        }))}
      />

      <h2>多くの接続元からの失敗</h2>
      <p id="logins-note">
        一つのログインIDに多くの接続元から失敗が続くと、そのIDのログインはどこからでも確認の前に少し（最長2秒）待ちます。拒むことはありません。失敗は
        {windowMinutes.login}分間数えます。
      </p>
      <ThrottleTable
        id="logins"
        caption="多くの接続元から失敗しているログインID"
        headers={['ログインID', '接続元の数', '失敗', '最後の失敗', '待ち時間', '待ちが終わる時刻', '操作']}
        rows={list.logins.map((row) => ({
          key: row.loginId,
          cells: [
            loginText(row.loginId, row.knownLogin),
            `${row.addresses}か所`,
            `${row.failures}回`,
            formatDateTime(row.lastFailureAt),
            `${row.delaySeconds}秒`,
            formatDateTime(row.until),
            <ClearButton
              key="clear"
              busy={busy}
              label={`${row.loginId}（すべての接続元）`}
              onClick={() => clear({ loginId: row.loginId }, `ログインID「${row.loginId}」の`)}
            />,
          ],
        }))}
      />

      <h2>多くのログインIDでの失敗</h2>
      <p id="addresses-note">
        一つの接続元から多くのログインIDで失敗が続くと、その接続元からのログインは確認の前に少し（最長2秒）待ちます。同じ接続元のほかの職員も、拒まれることはありません。失敗は
        {windowMinutes.address}分間数えます。
      </p>
      <ThrottleTable
        id="addresses"
        caption="多くのログインIDで失敗している接続元"
        headers={['接続元', 'ログインIDの数', '失敗', '最後の失敗', '待ち時間', '待ちが終わる時刻', '操作']}
        rows={list.addresses.map((row) => ({
          key: row.address,
          cells: [
            row.address,
            `${row.logins}件`,
            `${row.failures}回`,
            formatDateTime(row.lastFailureAt),
            `${row.delaySeconds}秒`,
            formatDateTime(row.until),
            <ClearButton
              key="clear"
              busy={busy}
              label={`接続元 ${row.address}`}
              onClick={() => clear({ address: row.address }, `接続元 ${row.address} からの`)}
            />,
          ],
        }))}
      />

      <h2>解除の記録</h2>
      <p id="clearings-note">管理者が失敗の記録を消した日時と、だれが何件消したかです（新しい順に20件）。</p>
      <ThrottleTable
        id="clearings"
        caption="最近の解除"
        headers={['解除した日時', '解除した人', 'ログインID', '接続元', '消した失敗']}
        rows={list.clearings.map((row, i) => ({
          key: `${row.clearedAt}-${i}`,
          cells: [
            formatDateTime(row.clearedAt),
            row.clearedBy,
            row.loginId ?? 'すべて',
            row.address ?? 'すべて',
            `${row.failures}件`,
          ],
        }))}
      />
    </>
  );
}

function Throttles() {
  const queryClient = useQueryClient();
  const { data: list } = useSuspenseQuery(signInThrottlesQuery());
  const { isFetching, refetch } = useQuery(signInThrottlesQuery());
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const clear: Clear = (target, what) => {
    setBusy(true);
    setDone(null);
    setProblem(null);
    clearSignInThrottle(target)
      .then((answer) => {
        queryClient.setQueryData(signInThrottlesQuery().queryKey, answer.throttles);
        setDone(`${what}失敗の記録（${answer.cleared}件）を消し、制限を解除しました。`);
      })
      .catch((error: unknown) => {
        setProblem(error instanceof Error ? error.message : '解除できませんでした。');
      })
      .finally(() => setBusy(false));
  };

  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={isFetching}
          onClick={() => void refetch()}
        >
          {isFetching ? '読み込んでいます…' : '最新の状態に更新'}
        </button>
        <p className="muted">{`${formatDateTime(list.now)} 現在`}</p>
      </div>
      <p role="status">{done}</p>
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <Tables list={list} clear={clear} busy={busy} />
    </>
  );
}

/**
 * `/settings/sign-in-throttles`: who is slowed after failed sign-ins, and clearing it (管理者).
 * Nobody is locked out: the tables say who waits, how long, and until when.
 */
export function SignInThrottlesPage() {
  const { data: me } = useSuspenseQuery(meQuery());
  const href = useRouterState({ select: (state) => state.location.href });
  useDocumentTitle('ログインの制限');
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current="ログインの制限"
      />
      <h1>ログインの制限</h1>
      <p className="lead">
        パスワードの誤りが続いたログインID・接続元と、そのために待ってもらっている時間です。ログインできなくすることはなく、待ち時間で推測を遅らせます。本人が待てない事情があるときは、解除できます（解除はだれがいつ行ったか記録されます）。
      </p>
      {!me.user ? (
        <p className="notice notice--info">
          ログインの制限を見るには
          <Link to="/sign-in" search={{ redirect: href }}>
            ログイン
          </Link>
          してください。
        </p>
      ) : canOnMunicipality(me, 'readSignInThrottles') ? (
        <Throttles />
      ) : (
        <p className="notice notice--info">ログインの制限を見られるのは管理者です。</p>
      )}
    </>
  );
}
