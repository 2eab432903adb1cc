import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { signOut } from '../../lib/api-auth';
import { meQuery } from '../../lib/queries';

/**
 * The signed-in user's name and roles, ホーム, 通知 with the number unread, パスワードの変更, and a
 * ログアウト button; or a ログイン link. Signing out
 * first leaves the page (so an editor with unsaved changes is asked first), then ends the
 * session on the home page and reads everything again as the public. A session that came
 * from シングルサインオン then goes on to the provider's logout, which sends the browser back
 * to the home page.
 */
export function SessionNav() {
  const { data } = useQuery(meQuery());
  const location = useRouterState({ select: (state) => state.location });
  const navigate = useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState<string | null>(null);
  const handled = useRef<string | undefined>(undefined);

  const signingOut = location.state.signOut === true ? location.state.__TSR_key : undefined;
  useEffect(() => {
    if (signingOut === undefined || handled.current === signingOut) return;
    handled.current = signingOut;
    signOut()
      .then(async (providerLogoutUrl) => {
        if (providerLogoutUrl) {
          window.location.assign(providerLogoutUrl);
          return;
        }
        await queryClient.resetQueries();
        await router.invalidate();
        await navigate({ to: '/', replace: true, state: { flash: 'ログアウトしました。' } });
      })
      .catch((error: unknown) => {
        setFailed(error instanceof Error ? error.message : 'ログアウトできませんでした。');
      });
  }, [signingOut, queryClient, router, navigate]);

  if (!data) return null;
  if (!data.user) {
    if (location.pathname === '/sign-in') return null;
    return (
      <Link to="/sign-in" search={{ redirect: location.href }} className="session__sign-in">
        ログイン
      </Link>
    );
  }
  const labels = data.user.roles.map((r) => r.label);
  const roles = [...new Set(data.user.systemAdmin ? [...labels, 'システム管理者'] : labels)].join('・');
  const unread = data.user.unreadNotifications;
  return (
    <div className="session">
      <Link to="/home" className="session__home">
        ホーム
      </Link>
      <Link
        to="/notifications"
        className="session__notifications"
        aria-label={unread > 0 ? `通知（未読 ${unread}件）` : '通知'}
      >
        通知
        {unread > 0 && (
          <span className="session__unread" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <p className="session__user">
        <span className="session__name">{data.user.displayName}</span>
        {roles && <span className="session__roles">{roles}</span>}
      </p>
      <Link to="/account/password" className="session__password">
        パスワードの変更
      </Link>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setFailed(null);
          void navigate({ to: '/', state: { signOut: true } });
        }}
      >
        ログアウト
      </button>
      {failed && (
        <p role="alert" className="session__error">
          {failed}
        </p>
      )}
    </div>
  );
}
