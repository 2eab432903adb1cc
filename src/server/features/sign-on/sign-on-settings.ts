import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { type SignOnGroupMapping, signOnSettings } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { SignOnChangeParsed, SignOnSetting } from '../../../schemas/sign-on';
import { AppError } from '../../app-error';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { resolveGrants } from '../users/grants';
import { placesOf, type SignOnEnvironment, signOnConfigOf } from './sign-on-config';

const none: SignOnSetting = {
  source: 'none',
  providerName: '',
  issuer: '',
  clientId: '',
  clientSecretSet: false,
  redirectUrl: '',
  matchClaim: 'email',
  matchField: 'email',
  groupsClaim: null,
  groupMappings: [],
  localPasswords: true,
};

async function settingOf(
  db: Db | Tx,
  municipalityId: string,
  env: SignOnEnvironment | null,
): Promise<SignOnSetting> {
  const config = await signOnConfigOf(db, municipalityId, env);
  if (!config) return none;
  const places = await placesOf(db, municipalityId, config.groupMappings);
  return {
    source: config.source,
    providerName: config.providerName,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecretSet: config.clientSecret !== null,
    redirectUrl: config.redirectUrl,
    matchClaim: config.matchClaim,
    matchField: config.matchField,
    groupsClaim: config.groupsClaim,
    groupMappings: config.groupMappings.map((m) => {
      const place = m.organizationId ? places.get(m.organizationId) : undefined;
      return {
        group: m.group,
        role: m.role,
        ward: place?.ward ?? null,
        organization: place?.organization ?? null,
      };
    }),
    localPasswords: config.localPasswords,
  };
}

/** The municipality's sign-on settings as its 管理者 reads them (the client secret only as set or not). */
export async function readSignOn(
  db: Db,
  actor: Actor,
  env: SignOnEnvironment | null,
): Promise<SignOnSetting> {
  authorizeMunicipality(actor, 'readSignOn', actor.municipalityId);
  return settingOf(db, actor.municipalityId, env);
}

/** Each mapping's 部区 and organization as the organization's id, as a user's roles are (every name that is not one organization is named). */
async function resolveMappings(
  db: Db | Tx,
  municipalityId: string,
  mappings: SignOnChangeParsed['groupMappings'],
): Promise<SignOnGroupMapping[]> {
  const grants = await resolveGrants(db, municipalityId, mappings, 'groupMappings');
  return grants.map((grant, i) => ({ group: mappings[i]?.group ?? '', ...grant }));
}

/**
 * 管理者 sets the municipality's sign-on. The client secret is kept when the change leaves it
 * out. Turning local passwords off needs a provider to sign in with, which this is.
 */
export async function setSignOn(
  db: Db,
  actor: Actor,
  change: SignOnChangeParsed,
  env: SignOnEnvironment | null,
): Promise<SignOnSetting> {
  authorizeMunicipality(actor, 'setSignOn', actor.municipalityId);
  if (change.groupMappings.length > 0 && !change.groupsClaim) {
    throw new AppError('invalid', 'グループの対応づけを使うには、グループのクレームを指定してください。', [
      { path: 'groupsClaim', message: 'グループのクレームを入力してください（例：groups）' },
    ]);
  }
  const groupMappings = await resolveMappings(db, actor.municipalityId, change.groupMappings);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ clientSecret: signOnSettings.clientSecret })
      .from(signOnSettings)
      .where(eq(signOnSettings.municipalityId, actor.municipalityId));
    const values = {
      providerName: change.providerName,
      issuer: change.issuer,
      clientId: change.clientId,
      clientSecret: change.clientSecret === undefined ? (current?.clientSecret ?? null) : change.clientSecret,
      redirectUrl: change.redirectUrl,
      matchClaim: change.matchClaim,
      matchField: change.matchField,
      groupsClaim: change.groupsClaim,
      groupMappings,
      localPasswords: change.localPasswords,
      updatedAt: new Date(),
    };
    await tx
      .insert(signOnSettings)
      .values({ municipalityId: actor.municipalityId, ...values })
      .onConflictDoUpdate({ target: signOnSettings.municipalityId, set: values });
    return settingOf(tx, actor.municipalityId, env);
  });
}

/** 管理者 removes the municipality's own settings: then the environment's apply (default municipality), or none, and passwords work again. */
export async function removeSignOn(
  db: Db,
  actor: Actor,
  env: SignOnEnvironment | null,
): Promise<SignOnSetting> {
  authorizeMunicipality(actor, 'setSignOn', actor.municipalityId);
  await db.delete(signOnSettings).where(eq(signOnSettings.municipalityId, actor.municipalityId));
  return settingOf(db, actor.municipalityId, env);
}
