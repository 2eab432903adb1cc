import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/** One SQL statement as drizzle sent it, with its parameters. */
export interface LoggedStatement {
  sql: string;
  params: unknown[];
}

const recording = new AsyncLocalStorage<LoggedStatement[]>();

/** Transaction control is not work of its own: PGlite sends it without drizzle's logger, pg through it. */
const transactionControl = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * drizzle's logger for both drivers: it keeps the statements of the code running inside
 * `recordStatements` (and costs one lookup otherwise), so a test or bench can count what an
 * operation sends to the database, whichever engine runs it.
 */
export const statementLog: Logger = {
  logQuery(sql, params) {
    const statements = recording.getStore();
    if (statements && !transactionControl.test(sql)) statements.push({ sql, params });
  },
};

/** Run `work` and return what it returned with every statement it sent (BEGIN/COMMIT left out). */
export async function recordStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: LoggedStatement[] }> {
  const statements: LoggedStatement[] = [];
  const result = await recording.run(statements, work);
  return { result, statements };
}
