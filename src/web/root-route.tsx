import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, notFound } from '@tanstack/react-router';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/StatusPages';
import { isNotFoundError } from './lib/api';
import { meQuery } from './lib/queries';

/** The root every route of `router.tsx` and `account-routes.tsx` hangs from, and what its loaders share. */

export type RouterContext = { queryClient: QueryClient };

/** Loads a query before the page renders; a 404 from the API becomes the not-found page. */
export async function ensure<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isNotFoundError(error)) throw notFound();
    throw error;
  }
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Who is signed in, for the header; never fails the page (prefetchQuery does not throw).
  loader: ({ context }) => context.queryClient.prefetchQuery(meQuery()),
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});
