import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { SessionNav } from '../features/auth/SessionNav';
import { useFocusOnNavigation } from '../lib/focus-on-navigation';
import { meQuery } from '../lib/queries';
import { canOnMunicipality } from '../lib/ward-permissions';
import { FlashMessage } from './FlashMessage';
import { type HomeLink, SiteFrame } from './SiteFrame';

const RouterHomeLink: HomeLink = (props) => <Link to="/" {...props} />;

/** The application chrome around every page, with the settings the user's roles open. */
export function AppLayout() {
  useFocusOnNavigation();
  const { data: me } = useQuery(meQuery());
  const navigate = useNavigate();
  return (
    <SiteFrame
      HomeLink={RouterHomeLink}
      onSearch={(q) => void navigate({ to: '/search', search: { q } })}
      nav={
        <>
          {canOnMunicipality(me, 'setEvaluationRule') && (
            <li>
              <Link to="/settings">自治体の設定</Link>
            </li>
          )}
          {me?.user?.systemAdmin && (
            <li>
              <Link to="/admin/municipalities">自治体の管理</Link>
            </li>
          )}
          {canOnMunicipality(me, 'readUsers') && (
            <li>
              <Link to="/settings/users">ユーザー管理</Link>
            </li>
          )}
          {canOnMunicipality(me, 'readSignInThrottles') && (
            <li>
              <Link to="/settings/sign-in-throttles">ログインの制限</Link>
            </li>
          )}
        </>
      }
      session={<SessionNav />}
    >
      <FlashMessage />
      <Outlet />
    </SiteFrame>
  );
}
