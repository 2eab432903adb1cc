import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { evaluationRuleQuery, meQuery, nominalDatesQuery } from './lib/queries';
import { ensure, rootRoute } from './root-route';
import { municipalityOf, redirectOf } from './route-params';

/**
 * The pages of settings and accounts: the municipality's settings, its users and one's own
 * password (管理者, システム管理者, every signed-in user for the password), the installation's
 * municipalities. Each page loads with its own chunk.
 */

/** `/settings`: the municipality's settings on one page (管理者 changes them, other staff read them). */
const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  loader: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQuery());
    if (!me.user) return;
    await ensure(() =>
      Promise.all([
        context.queryClient.ensureQueryData(evaluationRuleQuery()),
        context.queryClient.ensureQueryData(nominalDatesQuery()),
      ]),
    );
  },
  component: lazyRouteComponent(() => import('./features/settings/SettingsPage'), 'SettingsPage'),
});

/** `/admin/municipalities`: the installation's municipalities (システム管理者). */
const municipalitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/municipalities',
  // The page reads its list itself (staff pages keep their loaders off every page's first load).
  component: lazyRouteComponent(
    () => import('./features/municipalities/MunicipalitiesPage'),
    'MunicipalitiesPage',
  ),
});

/** `/settings/sign-in-throttles`: login ids and addresses slowed after failed sign-ins (管理者). */
const signInThrottlesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/sign-in-throttles',
  component: lazyRouteComponent(
    () => import('./features/sign-in-throttles/SignInThrottlesPage'),
    'SignInThrottlesPage',
  ),
});

/** `/settings/users`: ユーザー管理, the municipality's accounts (管理者, システム管理者). */
const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/users',
  // `?municipality=長岡市`: whose users a システム管理者 manages (default: their own municipality's).
  validateSearch: municipalityOf,
  component: lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage'),
});

/** `/settings/users/new`: a new account. */
const newUserRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/users/new',
  validateSearch: municipalityOf,
  component: lazyRouteComponent(() => import('./features/users/NewUserPage'), 'NewUserPage'),
});

/** `/settings/users/:id`: one account, its roles, 利用停止, パスワードの再設定 and its record. */
const userRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/users/$userId',
  component: lazyRouteComponent(() => import('./features/users/UserPage'), 'UserPage'),
});

/** `/account/password?redirect=…`: change one's own password (first, when it is a temporary one). */
const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/password',
  validateSearch: redirectOf,
  component: lazyRouteComponent(() => import('./features/users/PasswordPage'), 'PasswordPage'),
});

export const accountRoutes = [
  settingsRoute,
  municipalitiesRoute,
  signInThrottlesRoute,
  usersRoute,
  newUserRoute,
  userRoute,
  passwordRoute,
];
