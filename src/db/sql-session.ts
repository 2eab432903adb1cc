import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { plainParsers } from './pglite-client';

/**
 * One database session as the schema step uses it, whichever engine is behind it: read rows
 * of a parameterised query, or run a script of several statements.
 */
export interface SqlSession {
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
  run(script: string): Promise<void>;
}

export function pgSession(client: pg.Client): SqlSession {
  return {
    rows: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    run: async (script) => {
      await client.query(script);
    },
  };
}

export function pgliteSession(client: PGlite): SqlSession {
  return {
    rows: async <T>(text: string, params: unknown[] = []) =>
      (await client.query<T>(text, params, { parsers: plainParsers })).rows,
    run: async (script) => {
      await client.exec(script, { parsers: plainParsers });
    },
  };
}

/** A name as an SQL identifier, quoted whatever it holds. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
