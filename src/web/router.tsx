import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, notFound } from '@tanstack/react-router';
import { AppLayout } from './components/AppLayout';
import { ErrorPage, NotFoundPage, PendingPage } from './components/StatusPages';
import { SheetPage } from './features/sheet/SheetPage';
import { WardSheetsPage } from './features/ward-sheets/WardSheetsPage';
import { WardListPage } from './features/wards/WardListPage';
import { isNotFoundError } from './lib/api';
import { sheetQuery, wardsQuery, wardYearSheetsQuery } from './lib/queries';

export type RouterContext = { queryClient: QueryClient };

/** Loads a query before the page renders; a 404 from the API becomes the not-found page. */
async function ensure<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isNotFoundError(error)) throw notFound();
    throw error;
  }
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

/** `/`: choose a ward and a fiscal year. */
const wardListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: ({ context }) => ensure(() => context.queryClient.ensureQueryData(wardsQuery())),
  component: WardListPage,
});

/** `/years/2022/wards/北区?municipality=新潟市`: the ward's sheets of one fiscal year. */
const wardSheetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/wards/$wardName',
  params: {
    parse: (raw) => ({
      fiscalYear: /^\d{4}$/.test(raw.fiscalYear) ? Number(raw.fiscalYear) : Number.NaN,
      wardName: raw.wardName,
    }),
    stringify: (params) => ({ fiscalYear: String(params.fiscalYear), wardName: params.wardName }),
  },
  validateSearch: (search: Record<string, unknown>): { municipality?: string } =>
    typeof search.municipality === 'string' && search.municipality !== ''
      ? { municipality: search.municipality }
      : {},
  loaderDeps: ({ search }) => ({ municipality: search.municipality }),
  loader: ({ context, params, deps }) => {
    if (!Number.isInteger(params.fiscalYear)) throw notFound();
    const query = { fiscalYear: params.fiscalYear, ward: params.wardName, municipality: deps.municipality };
    return ensure(() => context.queryClient.ensureQueryData(wardYearSheetsQuery(query)));
  },
  component: WardSheetsPage,
});

/** `/sheets/:id`: one sheet in the official layout, printable. */
const sheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sheets/$sheetId',
  loader: ({ context, params }) =>
    ensure(() => context.queryClient.ensureQueryData(sheetQuery(params.sheetId))),
  component: SheetPage,
});

const routeTree = rootRoute.addChildren([wardListRoute, wardSheetsRoute, sheetRoute]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: PendingPage,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPreload: 'intent',
    // Loaders read through TanStack Query, which owns caching.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
