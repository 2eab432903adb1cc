import { Link, Outlet } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useFocusOnNavigation } from '../lib/focus-on-navigation';
import { appName } from '../lib/use-document-title';

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The application chrome around every page: skip link, header, main, footer. Hidden in print. */
export function AppLayout() {
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link app-chrome" href="#main" onClick={skipToMain}>
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
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer app-chrome">
        <p>各組織が毎年度作成する組織目標管理シート（組織目標・指標・評価）を公開しています。</p>
      </footer>
    </>
  );
}
