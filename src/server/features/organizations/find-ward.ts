import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { municipalities, organizations } from '../../../db/schema';
import { AppError } from '../../app-error';
import { defaultMunicipality } from '../municipalities/municipalities';

export interface WardRef {
  id: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
}

/**
 * The 部/区 of that name. `municipality` names its municipality; without it, a name several
 * municipalities share is the default municipality's — the first registered, so that an
 * installation that began with one city keeps its short addresses (`?ward=北区`) when others join.
 */
export async function findWard(
  db: Db | Tx,
  options: { ward: string; municipality?: string | undefined },
): Promise<WardRef> {
  const rows = await wardsWithMunicipality(db)
    .where(
      and(
        eq(organizations.kind, 'ward'),
        eq(organizations.name, options.ward),
        options.municipality ? eq(municipalities.name, options.municipality) : undefined,
      ),
    )
    .orderBy(asc(municipalities.createdAt), asc(municipalities.name))
    .limit(1);
  const [first] = rows;
  if (!first)
    throw new AppError(
      'not_found',
      options.municipality
        ? `${options.municipality}に部区「${options.ward}」は登録されていません。`
        : `部区「${options.ward}」は登録されていません。`,
      [{ path: 'ward', message: '登録されていない部区です' }],
    );
  if (options.municipality || (await defaultMunicipality(db))?.id === first.municipalityId) return first;
  throw new AppError(
    'invalid',
    `部区「${options.ward}」は${first.municipalityName}の部区です。自治体名（municipality）も指定してください。`,
    [{ path: 'municipality', message: '自治体名を指定してください' }],
  );
}

/** The 部/区 of that id (one an organization of the database names). */
export async function findWardById(db: Db | Tx, wardId: string): Promise<WardRef> {
  const [ward] = await wardsWithMunicipality(db).where(
    and(eq(organizations.id, wardId), eq(organizations.kind, 'ward')),
  );
  if (!ward) throw new AppError('not_found', '部区が見つかりません。');
  return ward;
}

/** Every 部区 of a municipality, in the order they were registered. */
export function wardsOfMunicipality(db: Db | Tx, municipalityId: string): Promise<WardRef[]> {
  return wardsWithMunicipality(db)
    .where(and(eq(organizations.kind, 'ward'), eq(organizations.municipalityId, municipalityId)))
    .orderBy(asc(organizations.createdAt), asc(organizations.name));
}

/** These 部区, in the order they were registered. */
export function wardsWithIds(db: Db | Tx, wardIds: readonly string[]): Promise<WardRef[]> {
  if (wardIds.length === 0) return Promise.resolve([]);
  return wardsWithMunicipality(db)
    .where(and(eq(organizations.kind, 'ward'), inArray(organizations.id, [...wardIds])))
    .orderBy(asc(organizations.createdAt), asc(organizations.name));
}

/** 部区 rows as a `WardRef`, joined to their municipality; callers add the condition. */
function wardsWithMunicipality(db: Db | Tx) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
    })
    .from(organizations)
    .innerJoin(municipalities, eq(organizations.municipalityId, municipalities.id));
}
