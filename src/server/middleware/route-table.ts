import type { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { type BodyLimit, bodyLimitKey, bodyLimits } from './body-limit';

type Handler = { [bodyLimitKey]?: BodyLimit };

export interface RouteMatch {
  /** The route as registered: `/api/v1/sheets/:id`. */
  path: string;
  /** The path parameters exactly as the URL has them (not percent-decoded). */
  rawParams: Record<string, string>;
  bodyLimit: BodyLimit;
}

/**
 * The app's API routes as a lookup by method and path, read from the finished app's own route
 * table (as the OpenAPI document is), for the checks that run before routing: the body limit
 * each route declares with `acceptsBody`, and the path parameters as sent.
 */
export function routeTable(app: () => Hono<never>) {
  let router: TrieRouter<{ path: string; bodyLimit: BodyLimit }> | undefined;
  const build = () => {
    const routes = new Map<string, { method: string; path: string; bodyLimit: BodyLimit }>();
    for (const route of app().routes) {
      if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue;
      const key = `${route.method} ${route.path}`;
      const declared = (route.handler as Handler)[bodyLimitKey];
      const known = routes.get(key);
      routes.set(key, {
        method: route.method,
        path: route.path,
        bodyLimit: declared ?? known?.bodyLimit ?? bodyLimits.json,
      });
    }
    const built = new TrieRouter<{ path: string; bodyLimit: BodyLimit }>();
    for (const { method, path, bodyLimit } of routes.values()) built.add(method, path, { path, bodyLimit });
    return built;
  };
  return {
    match(method: string, path: string): RouteMatch | null {
      router ??= build();
      const [matches] = router.match(method === 'HEAD' ? 'GET' : method, path) as [
        [{ path: string; bodyLimit: BodyLimit }, Record<string, string>][],
      ];
      const [found] = matches;
      if (!found) return null;
      const [route, rawParams] = found;
      return { path: route.path, rawParams, bodyLimit: route.bodyLimit };
    },
  };
}
