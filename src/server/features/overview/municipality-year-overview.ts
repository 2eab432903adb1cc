import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { municipalities, sheets } from '../../../db/schema';
import { emptyMix } from '../../../domain/evaluation-mix';
import type { Actor } from '../../../domain/roles';
import { can } from '../../../domain/sheet-policy';
import type { MunicipalityYearOverview } from '../../../schemas/overview';
import { AppError } from '../../app-error';
import { type WardRef, wardsOfMunicipality } from '../organizations/find-ward';
import { combinedMix, readableYearMixes } from './year-mixes';

/** The municipality named, else the actor's own, else the default one (the first registered). */
async function findMunicipality(db: Db, name: string | undefined, actor: Actor | null) {
  const rows = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.createdAt), asc(municipalities.name));
  const found = name
    ? rows.find((m) => m.name === name)
    : (rows.find((m) => m.id === actor?.municipalityId) ?? rows[0]);
  if (found) return found;
  if (name) {
    throw new AppError('not_found', `自治体「${name}」は登録されていません。`, [
      { path: 'municipality', message: '登録されていない自治体です' },
    ]);
  }
  throw new AppError('invalid', '自治体名を指定してください。', [
    { path: 'municipality', message: '自治体名を指定してください' },
  ]);
}

/** The fiscal years of these 部区 the actor may read a sheet of, newest first. */
async function readableYears(db: Db, wards: readonly WardRef[], actor: Actor | null): Promise<number[]> {
  if (wards.length === 0) return [];
  const rows = await db
    .selectDistinct({
      fiscalYear: sheets.fiscalYear,
      status: sheets.status,
      wardId: sheets.wardId,
      organizationId: sheets.organizationId,
      submittedBy: sheets.submittedBy,
    })
    .from(sheets)
    .where(
      inArray(
        sheets.wardId,
        wards.map((ward) => ward.id),
      ),
    );
  const municipalityId = wards[0]?.municipalityId ?? '';
  const years = new Set(
    rows.filter((row) => can(actor, 'read', { ...row, municipalityId })).map((row) => row.fiscalYear),
  );
  return [...years].sort((a, b) => b - a);
}

/**
 * A municipality's year across its 部区: each 部区's readable sheets and their 評価 mix, the
 * year before beside it, and the whole municipality's.
 */
export async function municipalityYearOverview(
  db: Db,
  options: { actor: Actor | null; municipality?: string | undefined; fiscalYear: number },
): Promise<MunicipalityYearOverview> {
  const municipality = await findMunicipality(db, options.municipality, options.actor);
  const wards = await wardsOfMunicipality(db, municipality.id);
  const [now, before, fiscalYears] = await Promise.all([
    readableYearMixes(db, wards, options.fiscalYear, options.actor),
    readableYearMixes(db, wards, options.fiscalYear - 1, options.actor),
    readableYears(db, wards, options.actor),
  ]);
  const whole = combinedMix(options.fiscalYear, now.values());
  return {
    municipality: municipality.name,
    fiscalYear: options.fiscalYear,
    fiscalYears,
    sheetCount: whole?.sheetCount ?? 0,
    evaluations: whole?.evaluations ?? emptyMix(),
    wards: wards
      .filter((ward) => now.has(ward.id) || before.has(ward.id))
      .map((ward) => ({
        id: ward.id,
        name: ward.name,
        sheetCount: now.get(ward.id)?.sheetCount ?? 0,
        evaluations: now.get(ward.id)?.evaluations ?? emptyMix(),
        previous: before.get(ward.id) ?? null,
      })),
    previous: combinedMix(options.fiscalYear - 1, before.values()),
  };
}
