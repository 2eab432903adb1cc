import { useEffect } from 'react';

export const appName = '組織目標管理シート';

/** Sets the page's <title>: the page's own name first, then the application's. */
export function useDocumentTitle(pageTitle: string | null): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} | ${appName}` : appName;
  }, [pageTitle]);
}
