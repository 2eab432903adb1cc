import type { FormEvent, ReactNode } from 'react';
import { appName } from '../lib/use-document-title';

/** A link to the home page: the router's in the app, a plain one in a page the server draws. */
export type HomeLink = (props: { className?: string; children: ReactNode }) => ReactNode;

/**
 * The chrome around every page: skip link, header (the site's name, its navigation and who is
 * signed in), main, footer. Hidden in print. Drawn by the app (`AppLayout`) and, the same, around
 * the public sheet page the server sends already drawn (`web/prerender/`).
 */
export function SiteFrame({
  HomeLink,
  nav,
  session,
  drawnByServer,
  onSearch,
  children,
}: {
  /** The app opens the search page itself; without it the form asks the server for /search. */
  onSearch?: (words: string) => void;
  HomeLink: HomeLink;
  /** Drawn by the server, to be replaced by the app's own page (`data-drawn-by-server` on main). */
  drawnByServer?: boolean;
  /** Navigation after 部区・年度を選ぶ (the settings a user's roles open). */
  nav?: ReactNode;
  session?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link app-chrome" href="#main">
        本文へ移動
      </a>
      <header className="site-header app-chrome">
        <div className="site-header__inner">
          <HomeLink className="site-header__title">{appName}</HomeLink>
          <nav aria-label="サイト内">
            <ul className="site-nav">
              <li>
                <HomeLink>部区・年度を選ぶ</HomeLink>
              </li>
              {nav}
            </ul>
          </nav>
          <search>
            <form
              className="site-search"
              action="/search"
              method="get"
              onSubmit={(event: FormEvent<HTMLFormElement>) => {
                if (!onSearch) return;
                event.preventDefault();
                onSearch(String(new FormData(event.currentTarget).get('q') ?? '').trim());
              }}
            >
              <label htmlFor="site-search-q" className="visually-hidden">
                シートを検索
              </label>
              <input
                id="site-search-q"
                className="site-search__input"
                name="q"
                type="search"
                placeholder="シートを検索（例：防災）"
                maxLength={200}
                required
              />
              <button type="submit" className="site-search__button">
                検索
              </button>
            </form>
          </search>
          {session}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main" data-drawn-by-server={drawnByServer || undefined}>
        {children}
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
