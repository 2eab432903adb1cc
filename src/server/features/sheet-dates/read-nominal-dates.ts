import type { Db } from '../../../db/client';
import type { Actor } from '../../../domain/roles';
import type { NominalDates } from '../../../domain/sheet-dates';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { nominalDatesOf } from './official-dates';

/** The actor's municipality's nominal 作成日・修正日・評価日, for its staff. */
export async function readNominalDates(db: Db, actor: Actor): Promise<NominalDates> {
  authorizeMunicipality(actor, 'readNominalDates', actor.municipalityId);
  return nominalDatesOf(db, actor.municipalityId);
}
