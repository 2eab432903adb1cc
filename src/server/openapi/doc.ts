import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';

/** What a route says about itself for the OpenAPI document (read by `openApiDocument`). */
export interface RouteDoc {
  summary: string;
  description?: string;
  /** The schema of a 200/201 JSON answer, when it has one. */
  response?: z.ZodType;
  /** The media type of a file answer (PDF, CSV, xlsx). */
  produces?: string;
  /** Who may call it, in words. */
  access?: string;
  /** The success status when not 200. */
  status?: 201 | 202;
}

export const routeDocKey = Symbol('mokuhyo.routeDoc');
export const validationKey = Symbol('mokuhyo.validation');

export interface ValidationSpec {
  target: 'query' | 'param' | 'json' | 'form' | 'header' | 'cookie';
  schema: z.ZodType;
}

/** A middleware that does nothing but carry the route's documentation. */
export function doc(routeDoc: RouteDoc): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return Object.assign(middleware, { [routeDocKey]: routeDoc });
}
