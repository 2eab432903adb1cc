import { useQuery } from '@tanstack/react-query';
import { Link, Outlet } from '@tanstack/react-router';
import { SessionNav } from '../features/auth/SessionNav';
import { useFocusOnNavigation } from '../lib/focus-on-navigation';
import { meQuery } from '../lib/queries';
import { appName } from '../lib/use-document-title';
import { canOnMunicipality } from '../lib/ward-permissions';
import { FlashMessage } from './FlashMessage';

/** The application chrome around every page: skip link, header, main, footer. Hidden in print. */
export function AppLayout() {
  useFocusOnNavigation();
  const { data: me } = useQuery(meQuery());
  return (
    <>
      <a className="skip-link app-chrome" href="#main">
        本文へ移動
      </a>
      <header className="site-header app-chrome">
        <div className="site-header__inner">
          <Link to="/" className="site-header__title">
            {appName}
          </Link>
          <nav aria-label="サイト内">
            <ul className="site-nav">
              <li>
                <Link to="/">部区・年度を選ぶ</Link>
              </li>
              {canOnMunicipality(me, 'setEvaluationRule') && (
                <li>
                  <Link to="/settings/evaluation-rule">評価の基準</Link>
                </li>
              )}
              {canOnMunicipality(me, 'setNominalDates') && (
                <li>
                  <Link to="/settings/sheet-dates">作成日・修正日・評価日</Link>
                </li>
              )}
              {canOnMunicipality(me, 'readSignInThrottles') && (
                <li>
                  <Link to="/settings/sign-in-throttles">ログインの制限</Link>
                </li>
              )}
            </ul>
          </nav>
          <SessionNav />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <FlashMessage />
        <Outlet />
      </main>
      <footer className="site-footer app-chrome">
        <p>各組織が毎年度作成する組織目標管理シート（組織目標・指標・評価）を公開しています。</p>
        {/* A page of the server, not of this app: a plain link, not the router. */}
        <p>
          <a href="/api/docs">API 仕様</a>
          <span className="muted">（データを取得するための API の説明）</span>
        </p>
      </footer>
    </>
  );
}
