import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { municipalities } from '../../../db/schema';
import { type Licence, licenceOf } from '../../../domain/licence';
import type { LicenceSetting } from '../../../schemas/licence-setting';

async function storedLicence(db: Db | Tx, municipalityId: string) {
  const [row] = await db
    .select({ licenceName: municipalities.licenceName, licenceUrl: municipalities.licenceUrl })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row ?? { licenceName: null, licenceUrl: null };
}

/** The licence a municipality publishes under: its own choice, else 公共データ利用規約 第1.0版. */
export async function municipalityLicence(db: Db | Tx, municipalityId: string): Promise<Licence> {
  return licenceOf(await storedLicence(db, municipalityId));
}

/** The stored choice as the settings show it: the licence, and whether it is the default. */
export async function licenceSettingOf(db: Db | Tx, municipalityId: string): Promise<LicenceSetting> {
  const stored = await storedLicence(db, municipalityId);
  return { ...licenceOf(stored), isDefault: stored.licenceName === null };
}
