import type { Database } from '../../db/client';
import sample from '../../db/seed/niigata-kita-2022.json';
import { createTestDatabase } from '../../db/testing';
import { createApp } from '../app';
import { importWardYear } from '../features/interchange/import-ward-year';

export interface TestApp {
  database: Database;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

/** The real app over a fresh test database, optionally holding the Niigata Kita sample. */
export async function createTestApp({ withSample = true } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (withSample) await importWardYear(database.db, sample);
  const { app, dispose } = await createApp({ database });
  return {
    database,
    request: async (path, init) => app.request(path, init),
    close: async () => {
      await dispose();
      await database.close();
    },
  };
}
