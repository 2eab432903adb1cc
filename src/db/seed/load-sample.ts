import { count, eq } from 'drizzle-orm';
import { type ImportSummary, importWardYear } from '../../server/features/interchange/import-ward-year';
import { registerMunicipality } from '../../server/features/municipalities/municipalities';
import { type Db, openDatabase } from '../client';
import { preparedImage } from '../prepared-image';
import { municipalities, sheets } from '../schema';
import { createDemoUsersIfNone } from './demo-users';
import sample from './niigata-kita-2022.json' with { type: 'json' };

/** On an empty database, load the Niigata City Kita Ward 令和4年度 sample. */
export async function loadSampleIfEmpty(db: Db): Promise<ImportSummary | null> {
  const [row] = await db.select({ n: count() }).from(sheets);
  if ((row?.n ?? 0) > 0) return null;
  // The sample's municipality is registered as a システム管理者 would; the import itself never does.
  const [registered] = await db
    .select({ n: count() })
    .from(municipalities)
    .where(eq(municipalities.name, sample.municipality));
  if ((registered?.n ?? 0) === 0) await registerMunicipality(db, sample.municipality);
  return importWardYear(db, sample);
}

/** What loading the sample reports, for a database that got it from the prepared sample image. */
export function sampleSummary(): Pick<ImportSummary, 'municipality' | 'ward' | 'sheets'> {
  return { municipality: sample.municipality, ward: sample.ward, sheets: sample.sheets.length };
}

/**
 * The prepared `sample` image for the current code (made by `npm run build`): the migrated image
 * with the sample and the demo users, loaded by the code a first start runs.
 */
export async function sampleImage(): Promise<string> {
  await preparedImage('migrated');
  return preparedImage('sample', async (dataDir) => {
    const database = await openDatabase({ engine: 'pglite', dataDir });
    try {
      await loadSampleIfEmpty(database.db);
      await createDemoUsersIfNone(database.db);
    } finally {
      await database.close();
    }
  });
}
