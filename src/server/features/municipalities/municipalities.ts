import { asc, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { municipalities, organizations, users } from '../../../db/schema';
import { canOnInstallation, type InstallationPermission } from '../../../domain/installation-policy';
import type { Actor } from '../../../domain/roles';
import type { MunicipalitySummary, NewMunicipality } from '../../../schemas/municipalities';
import { AppError, signInNeeded } from '../../app-error';
import { createUser } from '../users/create-user';
import type { ChangedBy } from '../users/record-user-change';

/** The answer when a file or a request names a municipality nobody registered. */
export function municipalityNotRegistered(name: string): AppError {
  return new AppError(
    'invalid',
    `自治体「${name}」は登録されていません。取り込みで自治体が登録されることはありません。自治体名が正しいか確かめ、新しい自治体はシステム管理者が登録してください。`,
    [{ path: 'municipality', message: `「${name}」は登録されていない自治体です` }],
  );
}

/** The id of the registered municipality of that name; an unregistered one is refused by name. */
export async function registeredMunicipalityId(db: Db | Tx, name: string): Promise<string> {
  const [row] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.name, name));
  if (!row) throw municipalityNotRegistered(name);
  return row.id;
}

/**
 * The default municipality: the first registered. Its pages keep the short addresses
 * (`/years/2022/wards/北区`) and a request that names no municipality means it.
 */
export async function defaultMunicipality(db: Db | Tx): Promise<{ id: string; name: string } | null> {
  const [first] = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.createdAt), asc(municipalities.name))
    .limit(1);
  return first ?? null;
}

const knownDefaults = new WeakMap<Db, string>();

/**
 * The default municipality's name, asked of the database until there is one: the first
 * registered stays the default for good (municipalities are never deleted).
 */
export async function defaultMunicipalityName(db: Db): Promise<string | null> {
  const known = knownDefaults.get(db);
  if (known) return known;
  const found = (await defaultMunicipality(db))?.name ?? null;
  if (found) knownDefaults.set(db, found);
  return found;
}

function authorizeInstallation(actor: Actor | null, permission: InstallationPermission): void {
  if (canOnInstallation(actor, permission)) return;
  if (!actor) throw signInNeeded();
  throw new AppError(
    'forbidden',
    permission === 'createMunicipality'
      ? '自治体を登録できるのはシステム管理者です。'
      : '自治体の一覧を見られるのはシステム管理者です。',
  );
}

/** Every registered municipality, the default first, with how many 部区 and users it has. */
export async function listMunicipalities(db: Db, actor: Actor | null): Promise<MunicipalitySummary[]> {
  authorizeInstallation(actor, 'listMunicipalities');
  const [rows, wardCounts, userCounts] = await Promise.all([
    db.select().from(municipalities).orderBy(asc(municipalities.createdAt), asc(municipalities.name)),
    db
      .select({ id: organizations.municipalityId, n: count() })
      .from(organizations)
      .where(eq(organizations.kind, 'ward'))
      .groupBy(organizations.municipalityId),
    db.select({ id: users.municipalityId, n: count() }).from(users).groupBy(users.municipalityId),
  ]);
  const wards = new Map(wardCounts.map((r) => [r.id, r.n]));
  const people = new Map(userCounts.map((r) => [r.id, r.n]));
  return rows.map((row, i) => ({
    name: row.name,
    default: i === 0,
    wards: wards.get(row.id) ?? 0,
    users: people.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * A new municipality row and nothing else (the sample's, a test's); people register one with
 * its first 管理者 through `createMunicipality`.
 */
export async function registerMunicipality(db: Db | Tx, name: string) {
  const [row] = await db.insert(municipalities).values({ name }).onConflictDoNothing().returning();
  if (!row)
    throw new AppError('conflict', `自治体「${name}」はすでに登録されています。`, [
      { path: 'name', message: '登録済みの自治体です' },
    ]);
  return row;
}

/**
 * システム管理者 registers a municipality and its first 管理者 together, or neither: the
 * 管理者 signs in with the temporary password and must choose their own. `actor` null is the
 * command line (the installation's operator). The 管理者 then builds the municipality: users,
 * settings, and its 部区 by importing their sheets.
 */
export async function createMunicipality(
  db: Db,
  actor: Actor | null,
  input: NewMunicipality,
  options: { fromCommandLine?: boolean; by?: ChangedBy } = {},
): Promise<MunicipalitySummary> {
  if (!options.fromCommandLine) authorizeInstallation(actor, 'createMunicipality');
  const created = await db.transaction(async (tx) => {
    const row = await registerMunicipality(tx, input.name);
    await createUser(tx, {
      municipality: input.name,
      ...input.admin,
      grants: [{ role: 'admin' }],
      mustChangePassword: true,
      // Recorded as the システム管理者's (the command line's without one).
      ...(options.by ? { by: options.by } : {}),
    }).catch((error: unknown) => {
      throw prefixed(error, 'admin');
    });
    return row;
  });
  const first = await defaultMunicipality(db);
  return {
    name: created.name,
    default: first?.id === created.id,
    wards: 0,
    users: 1,
    createdAt: created.createdAt.toISOString(),
  };
}

/** The first 管理者's field issues named under `admin` (`admin.password`), as the request has them. */
function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(
    error.code,
    error.message,
    error.issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` })),
    error.details,
  );
}
