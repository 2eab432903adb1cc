import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifyWardChanged } from '../../../db/notify';
import { municipalities } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { LicenceChange } from '../../../schemas/licence-change';
import type { LicenceSetting } from '../../../schemas/licence-setting';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { licenceSettingOf } from './licence-of';

/** The municipality's licence as its staff read it on the settings page. */
export async function readLicence(db: Db, actor: Actor): Promise<LicenceSetting> {
  authorizeMunicipality(actor, 'readLicence', actor.municipalityId);
  return licenceSettingOf(db, actor.municipalityId);
}

/**
 * 管理者 chooses the licence the municipality publishes under (`null`: back to the default,
 * 公共データ利用規約 第1.0版). Every page, file and DCAT description states it from then on, on
 * every server: the notice makes them all read their lists and sheets again.
 */
export async function setLicence(
  db: Db,
  actor: Actor,
  change: LicenceChange | null,
): Promise<LicenceSetting> {
  authorizeMunicipality(actor, 'setLicence', actor.municipalityId);
  return db.transaction(async (tx) => {
    await tx
      .update(municipalities)
      .set({ licenceName: change?.name ?? null, licenceUrl: change?.url ?? null })
      .where(eq(municipalities.id, actor.municipalityId));
    await notifyWardChanged(tx, null);
    return licenceSettingOf(tx, actor.municipalityId);
  });
}
