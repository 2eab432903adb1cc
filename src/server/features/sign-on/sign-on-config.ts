import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import {
  municipalities,
  organizations,
  type SignOnGroupMapping,
  type SignOnMatchField,
  signOnSettings,
} from '../../../db/schema';
import { defaultMunicipality } from '../municipalities/municipalities';

/** A provider as MOKUHYO_OIDC_* configure it: the default municipality's when it has no settings of its own. */
export interface SignOnEnvironment {
  providerName: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  redirectUrl: string;
  matchClaim: string;
  matchField: SignOnMatchField;
}

/** The sign-on in force for one municipality, wherever it was configured. */
export interface SignOnConfig extends SignOnEnvironment {
  municipalityId: string;
  municipalityName: string;
  source: 'municipality' | 'environment';
  groupsClaim: string | null;
  groupMappings: SignOnGroupMapping[];
  localPasswords: boolean;
}

type SettingsRow = typeof signOnSettings.$inferSelect;

function fromRow(row: SettingsRow, municipalityName: string): SignOnConfig {
  return {
    municipalityId: row.municipalityId,
    municipalityName,
    source: 'municipality',
    providerName: row.providerName,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: row.clientSecret,
    redirectUrl: row.redirectUrl,
    matchClaim: row.matchClaim,
    matchField: row.matchField,
    groupsClaim: row.groupsClaim,
    groupMappings: row.groupMappings,
    localPasswords: row.localPasswords,
  };
}

function fromEnvironment(env: SignOnEnvironment, municipality: { id: string; name: string }): SignOnConfig {
  return {
    ...env,
    municipalityId: municipality.id,
    municipalityName: municipality.name,
    source: 'environment',
    groupsClaim: null,
    groupMappings: [],
    localPasswords: true,
  };
}

/** The municipality's sign-on: its own settings, else the environment's if it is the default municipality, else none. */
export async function signOnConfigOf(
  db: Db | Tx,
  municipalityId: string,
  env: SignOnEnvironment | null,
): Promise<SignOnConfig | null> {
  const [row] = await db
    .select({ settings: signOnSettings, name: municipalities.name })
    .from(municipalities)
    .leftJoin(signOnSettings, eq(signOnSettings.municipalityId, municipalities.id))
    .where(eq(municipalities.id, municipalityId));
  if (!row) return null;
  if (row.settings) return fromRow(row.settings, row.name);
  if (!env) return null;
  const first = await defaultMunicipality(db);
  return first?.id === municipalityId ? fromEnvironment(env, first) : null;
}

/** Every municipality that offers sign-on, in the order municipalities were registered. */
export async function signOnConfigs(db: Db, env: SignOnEnvironment | null): Promise<SignOnConfig[]> {
  const rows = await db
    .select({ settings: signOnSettings, name: municipalities.name })
    .from(signOnSettings)
    .innerJoin(municipalities, eq(municipalities.id, signOnSettings.municipalityId))
    .orderBy(municipalities.createdAt, municipalities.name);
  const configs = rows.map((row) => fromRow(row.settings, row.name));
  if (env) {
    const first = await defaultMunicipality(db);
    if (first && !configs.some((c) => c.municipalityId === first.id))
      configs.unshift(fromEnvironment(env, first));
  }
  return configs;
}

/** Whether the municipality's staff may sign in with a password (true unless its 管理者 turned that off). */
export async function localPasswordsAllowed(db: Db | Tx, municipalityId: string): Promise<boolean> {
  const [row] = await db
    .select({ localPasswords: signOnSettings.localPasswords })
    .from(signOnSettings)
    .where(eq(signOnSettings.municipalityId, municipalityId));
  return row?.localPasswords ?? true;
}

/** The 部区 and organization names of the mappings' organizations, for people to read. */
export async function placesOf(
  db: Db | Tx,
  municipalityId: string,
  mappings: readonly { organizationId: string | null }[],
): Promise<Map<string, { ward: string; organization: string | null }>> {
  const ids = [...new Set(mappings.flatMap((m) => (m.organizationId ? [m.organizationId] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      wardId: organizations.wardId,
    })
    .from(organizations)
    .where(and(eq(organizations.municipalityId, municipalityId), inArray(organizations.id, ids)));
  const wardIds = [...new Set(rows.flatMap((r) => (r.kind === 'unit' && r.wardId ? [r.wardId] : [])))];
  const wards =
    wardIds.length === 0
      ? []
      : await db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, wardIds));
  const wardName = new Map(wards.map((w) => [w.id, w.name]));
  return new Map(
    rows.map((r) => [
      r.id,
      r.kind === 'ward'
        ? { ward: r.name, organization: null }
        : { ward: wardName.get(r.wardId ?? '') ?? '', organization: r.name },
    ]),
  );
}
