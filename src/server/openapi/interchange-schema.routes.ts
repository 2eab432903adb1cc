import { Hono } from 'hono';
import { interchangeJsonSchema } from '../../schemas/interchange-json-schema';
import type { AppEnv } from '../app-env';

/**
 * `/api/interchange.schema.json`: the JSON Schema of the interchange file (what `GET /v1/export`
 * writes and `POST /v1/import` reads), beside the OpenAPI document. Built once, on first use.
 */
export function interchangeSchemaRoutes() {
  let schema: Record<string, unknown> | undefined;
  return new Hono<AppEnv>().get('/interchange.schema.json', (c) => {
    schema ??= interchangeJsonSchema();
    return c.json(schema, 200, { 'content-type': 'application/schema+json; charset=utf-8' });
  });
}
