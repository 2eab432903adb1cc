import { count } from 'drizzle-orm';
import { type ImportSummary, importWardYear } from '../../server/features/interchange/import-ward-year';
import type { Db } from '../client';
import { sheets } from '../schema';
import sample from './niigata-kita-2022.json' with { type: 'json' };

/** On an empty database, load the Niigata City Kita Ward 令和4年度 sample. */
export async function loadSampleIfEmpty(db: Db): Promise<ImportSummary | null> {
  const [row] = await db.select({ n: count() }).from(sheets);
  if ((row?.n ?? 0) > 0) return null;
  return importWardYear(db, sample);
}
