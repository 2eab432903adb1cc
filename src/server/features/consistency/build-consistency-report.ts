import type { Db } from '../../../db/client';
import type { Actor } from '../../../domain/roles';
import { canOnWard } from '../../../domain/ward-policy';
import { AppError } from '../../app-error';
import { findWard } from '../organizations/find-ward';
import { loadWardYear } from '../sheets/load-ward-year';
import { type ConsistencyItem, checkConsistency } from './check-consistency';

export interface ConsistencyReport {
  ward: string;
  fiscalYear: number;
  sheets: number;
  items: ConsistencyItem[];
}

/** The consistency report of a 部区's year, over the sheets the actor may read. */
export async function buildConsistencyReport(
  db: Db,
  options: { actor: Actor | null; ward: string; municipality?: string | undefined; fiscalYear: number },
): Promise<ConsistencyReport> {
  const ward = await findWard(db, options);
  const place = { municipalityId: ward.municipalityId, wardId: ward.id };
  if (!canOnWard(options.actor, 'checkConsistency', place)) {
    if (!options.actor) throw new AppError('unauthenticated', 'この操作にはログインが必要です。');
    throw new AppError(
      'forbidden',
      `${ward.name}の点検表を見る権限がありません（企画担当・閲覧者・管理者が見られます）。`,
    );
  }
  const { sheets: details } = await loadWardYear(db, options);
  const wardSheet = details.find((d) => d.organizationId === ward.id) ?? null;
  return {
    ward: ward.name,
    fiscalYear: options.fiscalYear,
    sheets: details.length,
    items: checkConsistency(details, wardSheet),
  };
}
