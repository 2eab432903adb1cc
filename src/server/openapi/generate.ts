import type { Hono } from 'hono';
import { z } from '../../schemas/zod';
import { type RouteDoc, routeDocKey, type ValidationSpec, validationKey } from './doc';

type Handler = { [routeDocKey]?: RouteDoc; [validationKey]?: ValidationSpec };

const errorBody = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: '日本語のメッセージ' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

/**
 * The OpenAPI 3.1 document of the API, read from the routes themselves: every route's path and
 * method from the router, its parameters and body from the zod schemas its `validate()`
 * middleware checks, its summary and answer from its `doc()`. Nothing is written twice.
 */
export function openApiDocument(app: Hono<never>, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const byRoute = new Map<string, Handler[]>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue;
    const key = `${route.method} ${route.path}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), route.handler as Handler]);
  }
  for (const [key, handlers] of byRoute) {
    const routeDoc = handlers.map((h) => h[routeDocKey]).find(Boolean);
    if (!routeDoc) continue;
    const [method = 'GET', path = ''] = key.split(' ');
    const openApiPath = path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    const validations = handlers.flatMap((h) => (h[validationKey] ? [h[validationKey]] : []));
    const parameters = validations
      .filter((v) => v.target === 'query' || v.target === 'param')
      .flatMap((v) => {
        const schema = jsonSchema(v.schema, 'input') as {
          properties?: Record<string, unknown>;
          required?: string[];
        };
        return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
          name,
          in: v.target === 'param' ? 'path' : 'query',
          required: v.target === 'param' || (schema.required ?? []).includes(name),
          schema: s,
        }));
      });
    const body = validations.find((v) => v.target === 'json');
    const okStatus = String(routeDoc.status ?? 200);
    paths[openApiPath] = {
      ...paths[openApiPath],
      [method.toLowerCase()]: {
        summary: routeDoc.summary,
        ...(routeDoc.description || routeDoc.access
          ? {
              description: [routeDoc.description, routeDoc.access && `権限：${routeDoc.access}`]
                .filter(Boolean)
                .join('\n\n'),
            }
          : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(body.schema, 'input') } },
              },
            }
          : {}),
        responses: {
          [okStatus]: {
            description: '成功',
            ...(routeDoc.response
              ? { content: { 'application/json': { schema: jsonSchema(routeDoc.response, 'output') } } }
              : routeDoc.produces
                ? { content: { [routeDoc.produces]: { schema: { type: 'string', format: 'binary' } } } }
                : {}),
          },
          '4XX': {
            description: '入力の誤り・権限なし・見つからない・競合（日本語のメッセージと項目ごとの誤り）',
            content: { 'application/json': { schema: errorBody } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        '組織目標管理シートの API。状態を変えるリクエストには Cookie mokuhyo_csrf の値を x-csrf-token ヘッダーで送ってください。',
    },
    paths,
  };
}
