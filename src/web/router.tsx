import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, lazyRouteComponent, notFound, redirect } from '@tanstack/react-router';
import { type SnapshotStage, snapshotStages } from '../domain/sheet-lifecycle';
import { ErrorPage, NotFoundPage, PendingPage } from './components/StatusPages';
import { type Grouping, groupings } from './features/consistency/consistency-groups';
import { SheetPage } from './features/sheets/SheetPage';
import { loadStaffTools, offersStaffTools } from './features/sheets/sheet-staff-tools';
import './lib/history-state';
import { accountRoutes } from './account-routes';
import { searchParamsOf } from './features/search/search-params';
import {
  consistencyQuery,
  historyQuery,
  meQuery,
  sheetQuery,
  snapshotQuery,
  wardsQuery,
  wardYearSheetsQuery,
} from './lib/queries';
import { ensure, type RouterContext, rootRoute } from './root-route';
import {
  municipalityInPath,
  municipalityOf,
  redirectOf,
  wardYearOf,
  wardYearParams,
  yearParams,
} from './route-params';

/** `/`: choose a ward and a fiscal year. */
const wardListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: ({ context }) => ensure(() => context.queryClient.ensureQueryData(wardsQuery())),
  component: lazyRouteComponent(() => import('./features/organizations/WardListPage'), 'WardListPage'),
});

/** The loader of every page about a ward year: its sheets, from the cache when fresh. */
function loadWardYearSheets({
  context,
  params,
  deps,
}: {
  context: RouterContext;
  params: { fiscalYear: number; wardName: string };
  deps: { municipality?: string | undefined };
}) {
  return ensure(() => context.queryClient.ensureQueryData(wardYearSheetsQuery(wardYearOf(params, deps))));
}

/** `/years/2022/wards/北区?municipality=新潟市`: the ward's sheets of one fiscal year. */
const wardSheetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/wards/$wardName',
  params: wardYearParams,
  validateSearch: municipalityOf,
  loaderDeps: ({ search }) => ({ municipality: search.municipality }),
  // The overview beside the list is read by the page (its schemas load with it).
  loader: loadWardYearSheets,
  component: lazyRouteComponent(() => import('./features/ward-sheets/WardSheetsPage'), 'WardSheetsPage'),
});

/** `/years/2022/municipalities/新潟市`: a municipality's year across its 部区. */
const municipalityYearRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/municipalities/$municipalityName',
  params: yearParams<'municipalityName'>(),
  // The overview is read by its page (its schemas load with it): here only the address is checked.
  loader: ({ params }) => {
    if (!Number.isInteger(params.fiscalYear)) throw notFound();
  },
  component: lazyRouteComponent(
    () => import('./features/overview/MunicipalityYearPage'),
    'MunicipalityYearPage',
  ),
});

/** `/years/2022/wards/北区/consistency?group=sheet`: the 点検表 of the ward's year, always read fresh. */
const consistencyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/wards/$wardName/consistency',
  params: wardYearParams,
  validateSearch: (search: Record<string, unknown>): { municipality?: string; group?: Grouping } => {
    const group = groupings.find((g) => g === search.group && g !== 'kind');
    return { ...municipalityOf(search), ...(group ? { group } : {}) };
  },
  loaderDeps: ({ search }) => ({ municipality: search.municipality }),
  loader: ({ context, params, deps }) =>
    ensure(() =>
      context.queryClient.fetchQuery({ ...consistencyQuery(wardYearOf(params, deps)), staleTime: 0 }),
    ),
  component: lazyRouteComponent(() => import('./features/consistency/ConsistencyPage'), 'ConsistencyPage'),
});

/** `/years/2022/wards/北区/import`: 企画担当 and 管理者 import an Excel workbook. */
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/wards/$wardName/import',
  params: wardYearParams,
  validateSearch: municipalityOf,
  loaderDeps: ({ search }) => ({ municipality: search.municipality }),
  loader: loadWardYearSheets,
  component: lazyRouteComponent(() => import('./features/interchange/ImportPage'), 'ImportPage'),
});

/** `/import`: the municipality's import, whatever the file's 部区 and year (企画担当・管理者). */
const municipalityImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: lazyRouteComponent(
    () => import('./features/interchange/MunicipalityImportPage'),
    'MunicipalityImportPage',
  ),
});

/** `/years/2022/wards/北区/reorganize`: 組織の改編 from the next fiscal year (企画担当・管理者). */
const reorganizeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/wards/$wardName/reorganize',
  params: wardYearParams,
  validateSearch: municipalityOf,
  loaderDeps: ({ search }) => ({ municipality: search.municipality }),
  loader: loadWardYearSheets,
  component: lazyRouteComponent(() => import('./features/reorganization/ReorganizePage'), 'ReorganizePage'),
});

/**
 * The 進捗管理表's filter and order as given in the address, kept as text here; the page reads
 * them (features/progress/board-view.ts) so that their rules load with it, not with every page.
 */
const boardSearchKeys = [
  'municipality',
  'phase',
  'overdue',
  'evaluation',
  'words',
  'sort',
  'descending',
] as const;
type RawBoardSearch = Partial<Record<(typeof boardSearchKeys)[number], string | number | boolean>>;
function boardSearchOf(search: Record<string, unknown>): RawBoardSearch {
  const kept: RawBoardSearch = {};
  for (const key of boardSearchKeys) {
    const value = search[key];
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
      kept[key] = value;
  }
  return kept;
}

/** `/home`: what the signed-in user has to do; the public is asked to sign in first. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/home',
  loader: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQuery());
    if (!me.user) throw redirect({ to: '/sign-in', search: { redirect: '/home' } });
  },
  component: lazyRouteComponent(() => import('./features/home/HomePage'), 'HomePage'),
});

/** `/search?q=防災&fiscalYear=2022`: 検索, for everyone (the public sees published sheets only). */
const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: searchParamsOf,
  component: lazyRouteComponent(() => import('./features/search/SearchPage'), 'SearchPage'),
});

/** `/notifications`: what the app has told the signed-in user, and how their mail comes. */
const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notifications',
  loader: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQuery());
    if (!me.user) throw redirect({ to: '/sign-in', search: { redirect: '/notifications' } });
  },
  component: lazyRouteComponent(
    () => import('./features/notifications/NotificationsPage'),
    'NotificationsPage',
  ),
});

/** `/years/2023/wards/北区/progress?phase=plan&sort=deadline`: the 進捗管理表 of a ward's year. */
const wardProgressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/wards/$wardName/progress',
  params: wardYearParams,
  validateSearch: boardSearchOf,
  // The board itself is read by its page (its schemas load with it): here only the address is checked.
  loader: ({ params }) => {
    wardYearOf(params, {});
  },
  component: lazyRouteComponent(() => import('./features/progress/ProgressPage'), 'WardProgressPage'),
});

/** `/years/2023/progress`: the 進捗管理表 of every ward of the user's municipality. */
const municipalityProgressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/years/$fiscalYear/progress',
  params: yearParams<never>(),
  validateSearch: boardSearchOf,
  loader: ({ params }) => {
    if (!Number.isInteger(params.fiscalYear)) throw notFound();
  },
  component: lazyRouteComponent(() => import('./features/progress/ProgressPage'), 'MunicipalityProgressPage'),
});

/** `/sheets/:id`: one sheet in the official layout, printable. */
const sheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sheets/$sheetId',
  loader: ({ context, params }) =>
    ensure(async () => {
      const sheet = await context.queryClient.ensureQueryData(sheetQuery(params.sheetId));
      // Staff get their actions with the page rather than a moment after it (if they cannot be
      // loaded, the page still shows, and says so where the actions would be).
      if (offersStaffTools(sheet)) await loadStaffTools().catch(() => undefined);
    }),
  component: SheetPage,
});

/** `/sign-in?redirect=/sheets/…`: sign in, then back where the user was. */
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: redirectOf,
  component: lazyRouteComponent(() => import('./features/auth/SignInPage'), 'SignInPage'),
});

/** `/sheets/:id/edit`: always starts from the sheet as it is now, not from the cache. */
const editRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sheets/$sheetId/edit',
  loader: ({ context, params }) =>
    ensure(() => context.queryClient.fetchQuery({ ...sheetQuery(params.sheetId), staleTime: 0 })),
  component: lazyRouteComponent(() => import('./features/sheet-edit/EditPage'), 'EditPage'),
});

/** `/sheets/:id/history`: the sheet's history and its recorded stages. */
const historyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sheets/$sheetId/history',
  loader: async ({ context, params }) => {
    const sheet = await ensure(() =>
      context.queryClient.fetchQuery({ ...sheetQuery(params.sheetId), staleTime: 0 }),
    );
    if (sheet.permissions.readHistory) await context.queryClient.ensureQueryData(historyQuery(sheet.id));
  },
  component: lazyRouteComponent(() => import('./features/history/HistoryPage'), 'HistoryPage'),
});

/** `/sheets/:id/snapshots/plan|revision|evaluation`: the sheet as it stood at that stage. */
const snapshotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sheets/$sheetId/snapshots/$stage',
  params: {
    parse: (raw): { sheetId: string; stage: SnapshotStage } => {
      const stage = snapshotStages.find((s) => s === raw.stage);
      if (!stage) throw notFound();
      return { sheetId: raw.sheetId, stage };
    },
    stringify: (params) => ({ sheetId: params.sheetId, stage: params.stage }),
  },
  loader: ({ context, params }) =>
    ensure(() => context.queryClient.ensureQueryData(snapshotQuery(params.sheetId, params.stage))),
  component: lazyRouteComponent(() => import('./features/history/SnapshotPage'), 'SnapshotPage'),
});

const routeTree = rootRoute.addChildren([
  ...accountRoutes,
  wardListRoute,
  notificationsRoute,
  searchRoute,
  wardSheetsRoute,
  municipalityYearRoute,
  consistencyRoute,
  importRoute,
  municipalityImportRoute,
  reorganizeRoute,
  homeRoute,
  wardProgressRoute,
  municipalityProgressRoute,
  sheetRoute,
  signInRoute,
  editRoute,
  historyRoute,
  snapshotRoute,
]);

/**
 * The app's router. `overDrawnPage`: the app takes over a page the server drew, where the reader
 * may already have scrolled, so its first page keeps its place instead of going to the top.
 */
export function createAppRouter(queryClient: QueryClient, { overDrawnPage = false } = {}) {
  let keepPlace = overDrawnPage;
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: PendingPage,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPreload: 'intent',
    rewrite: municipalityInPath,
    // Loaders read through TanStack Query, which owns caching.
    defaultPreloadStaleTime: 0,
    scrollRestoration: () => {
      const restore = !keepPlace;
      keepPlace = false;
      return restore;
    },
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
