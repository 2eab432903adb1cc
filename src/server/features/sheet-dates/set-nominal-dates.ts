import type { Db } from '../../../db/client';
import { nominalDates } from '../../../db/schema';
import { canOnMunicipality } from '../../../domain/municipality-policy';
import type { Actor } from '../../../domain/roles';
import type { NominalDates } from '../../../domain/sheet-dates';
import { AppError } from '../../app-error';

/**
 * 管理者 sets the municipality's nominal dates. They apply to dates stamped from now on: a
 * sheet that already carries a date keeps it (the printed record does not change by itself).
 */
export async function setNominalDates(db: Db, actor: Actor, dates: NominalDates): Promise<NominalDates> {
  if (!canOnMunicipality(actor, 'setNominalDates', actor.municipalityId)) {
    throw new AppError('forbidden', '作成日・修正日・評価日の既定の月日を変更できるのは管理者です。');
  }
  await db
    .insert(nominalDates)
    .values({ municipalityId: actor.municipalityId, ...dates })
    .onConflictDoUpdate({ target: nominalDates.municipalityId, set: { ...dates, updatedAt: new Date() } });
  return dates;
}
