/**
 * The saves bench's baseline: the statements one save request sent (recorded through the app's
 * statement log), sent again straight to the database with no HTTP and no app code — in one
 * transaction rolled back, so each replay finds the rows as recorded (same version) and does
 * the same work.
 *
 * A save that replaces rows writes ids the database made while recording (new goals' ids read
 * back with RETURNING, then written into placements). A replay gets other ids, so the ids an
 * `insert … returning` gave are mapped: the recorded ones are the first uuids that later
 * statements use and no earlier one did, in order.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { LoggedStatement } from '../../src/db/statement-log';

export interface Replayer {
  /** Replay editor `i`'s recorded save. */
  replay(i: number): Promise<void>;
  close(): Promise<void>;
}

type Query = (sql: string, params: unknown[]) => Promise<unknown[][]>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const insertReturning = /^\s*insert into [\s\S]* returning /i;

/** For each `insert … returning`, the recorded ids it returned (see above). */
function recordedReturns(statements: LoggedStatement[]): Map<number, string[]> {
  const returns = new Map<number, string[]>();
  for (const [index, statement] of statements.entries()) {
    if (!insertReturning.test(statement.sql)) continue;
    const rows = (statement.sql.match(/\(default,/g) ?? []).length;
    const earlier = new Set(statements.slice(0, index + 1).flatMap((s) => s.params));
    const fresh: string[] = [];
    for (const param of statements.slice(index + 1).flatMap((s) => s.params)) {
      if (typeof param === 'string' && uuid.test(param) && !earlier.has(param) && !fresh.includes(param)) {
        fresh.push(param);
      }
    }
    returns.set(index, fresh.slice(0, rows));
  }
  return returns;
}

async function replayOn(query: Query, statements: LoggedStatement[], returns: Map<number, string[]>) {
  const ids = new Map<unknown, unknown>();
  for (const [index, statement] of statements.entries()) {
    const rows = await query(
      statement.sql,
      statement.params.map((p) => (ids.has(p) ? ids.get(p) : p)),
    );
    for (const [row, id] of (returns.get(index) ?? []).entries()) ids.set(id, rows[row]?.[0]);
  }
}

export async function pgliteReplayer(dataDir: string, saves: LoggedStatement[][]): Promise<Replayer> {
  const client = await PGlite.create({ dataDir });
  const returns = saves.map(recordedReturns);
  return {
    replay: (i) =>
      client.transaction(async (tx) => {
        const query: Query = async (sql, params) =>
          (await tx.query<unknown[]>(sql, params, { rowMode: 'array' })).rows;
        await replayOn(query, saves[i] ?? [], returns[i] ?? new Map());
        await tx.rollback();
      }),
    close: () => client.close(),
  };
}

export function postgresReplayer(url: string, saves: LoggedStatement[][]): Replayer {
  // As many connections as the app's pool.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const returns = saves.map(recordedReturns);
  return {
    replay: async (i) => {
      const client = await pool.connect();
      const query: Query = async (text, values) =>
        (await client.query<unknown[]>({ text, values, rowMode: 'array' })).rows;
      try {
        await client.query('begin');
        await replayOn(query, saves[i] ?? [], returns[i] ?? new Map());
      } finally {
        await client.query('rollback');
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
