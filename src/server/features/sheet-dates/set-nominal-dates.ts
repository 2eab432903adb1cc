import type { Db } from '../../../db/client';
import { notifyWardChanged } from '../../../db/notify';
import { nominalDates } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { NominalDates } from '../../../domain/sheet-dates';
import { authorizeMunicipality } from '../organizations/municipality-access';

/**
 * 管理者 sets the municipality's nominal dates. They apply to dates stamped from now on: a
 * sheet that already carries a date keeps it (the printed record does not change by itself).
 */
export async function setNominalDates(db: Db, actor: Actor, dates: NominalDates): Promise<NominalDates> {
  authorizeMunicipality(actor, 'setNominalDates', actor.municipalityId);
  await db
    .insert(nominalDates)
    .values({ municipalityId: actor.municipalityId, ...dates })
    .onConflictDoUpdate({ target: nominalDates.municipalityId, set: { ...dates, updatedAt: new Date() } });
  // Every 部区 list of the municipality shows them: read them all again.
  await notifyWardChanged(db, null);
  return dates;
}
