import type { Actor } from '../../../domain/roles';
import { rolesInWords } from '../../../domain/roles';
import {
  canImport,
  canOnWard,
  type ImportTarget,
  importPermission,
  mayImportSomewhere,
  type WardPermission,
  wardPolicy,
} from '../../../domain/ward-policy';
import { AppError, signInNeeded } from '../../app-error';
import { municipalityNotRegistered } from '../municipalities/municipalities';
import type { WardRef } from './find-ward';

/** Each permission in words: 「〇〇区の{what}権限がありません。{may}のは{roles}です。」 */
const wardPermissionLabels: Record<WardPermission, { what: string; may: string }> = {
  import: { what: 'シートを取り込む', may: '取り込める' },
  importNewWard: { what: 'シートを取り込み、部区として新たに登録する', may: '新しい部区として取り込める' },
  checkConsistency: { what: '点検表を見る', may: '見られる' },
  viewProgress: { what: '進捗管理表を見る', may: '見られる' },
  rollover: { what: '次年度シートを作成する', may: '作成できる' },
  setDeadlines: { what: '期限を設定する', may: '設定できる' },
  setSheetDates: { what: '作成日・修正日・評価日を設定する', may: '設定できる' },
  reorganize: { what: '組織を改編する', may: '改編できる' },
};

function refused(permission: WardPermission, wardName: string | null): AppError {
  const { what, may } = wardPermissionLabels[permission];
  const where = wardName === null ? '' : `${wardName}の`;
  return new AppError(
    'forbidden',
    `${where}${what}権限がありません。${may}のは${rolesInWords(wardPolicy[permission])}です。`,
  );
}

/** A 部区 of another municipality than the actor's: no role of theirs reaches it, whatever it is. */
function otherMunicipality(permission: WardPermission, wardName: string, municipalityName: string): AppError {
  return new AppError(
    'forbidden',
    `${wardName}は${municipalityName}の部区です。ほかの自治体の部区では、${wardPermissionLabels[permission].what}ことはできません。`,
  );
}

/** Allow the permission on the 部区 or say why not: 401 for the public, else 403 naming who may. */
export function authorizeWard(
  actor: Actor | null,
  permission: WardPermission,
  ward: Pick<WardRef, 'id' | 'name' | 'municipalityId'> & { municipalityName?: string },
): void {
  if (canOnWard(actor, permission, { municipalityId: ward.municipalityId, wardId: ward.id })) return;
  if (!actor) throw signInNeeded();
  if (ward.municipalityName && actor.municipalityId !== ward.municipalityId) {
    throw otherMunicipality(permission, ward.name, ward.municipalityName);
  }
  throw refused(permission, ward.name);
}

/** Allow an import of the file's 部区 (registered or not) or say why not. */
export function authorizeImport(
  actor: Actor | null,
  target: ImportTarget & { wardName: string; municipalityName: string },
): void {
  if (canImport(actor, target)) return;
  if (!actor) throw signInNeeded();
  if (!target.municipalityId) throw municipalityNotRegistered(target.municipalityName);
  if (actor.municipalityId !== target.municipalityId) {
    throw otherMunicipality(importPermission(target), target.wardName, target.municipalityName);
  }
  throw refused(importPermission(target), target.wardName);
}

/** Before an upload is read: only someone who may import into some 部区 gets further. */
export function authorizeImportSomewhere(actor: Actor | null): void {
  if (mayImportSomewhere(actor?.grants)) return;
  if (!actor) throw signInNeeded();
  throw refused('import', null);
}
