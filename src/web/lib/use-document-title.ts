import { useEffect } from 'react';

export const appName = '組織目標管理シート';

/** A page's <title>: the page's own name first, then the application's. */
export function documentTitle(pageTitle: string | null): string {
  return pageTitle ? `${pageTitle} | ${appName}` : appName;
}

/** Sets the page's <title> (`documentTitle`). */
export function useDocumentTitle(pageTitle: string | null): void {
  useEffect(() => {
    document.title = documentTitle(pageTitle);
  }, [pageTitle]);
}
