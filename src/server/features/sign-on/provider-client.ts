import * as client from 'openid-client';
import { isLoopbackHttp } from '../../../schemas/sign-on';
import { AppError } from '../../app-error';
import type { SignOnConfig } from './sign-on-config';

/** How long a provider's discovery document is reused before it is read again. */
const discoveryLifetimeMs = 10 * 60 * 1000;
/** How long one request to the provider may take. */
const providerTimeoutSeconds = 10;

const discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

/**
 * The provider's configuration (openid-client): its discovery document read once per ten
 * minutes for each issuer, client and secret. Plain http is allowed only for an issuer on this
 * machine (the provider tests start on 127.0.0.1); the settings refuse any other.
 */
export function providerConfiguration(config: SignOnConfig): Promise<client.Configuration> {
  const key = JSON.stringify([config.issuer, config.clientId, config.clientSecret]);
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < discoveryLifetimeMs) return cached.configuration;
  const configuration = client
    .discovery(
      new URL(config.issuer),
      config.clientId,
      config.clientSecret ?? undefined,
      config.clientSecret ? client.ClientSecretPost(config.clientSecret) : client.None(),
      {
        timeout: providerTimeoutSeconds,
        ...(isLoopbackHttp(config.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      },
    )
    .catch((error: unknown) => {
      discovered.delete(key);
      console.error(`sign-on: discovery of ${config.issuer} failed:`, error);
      throw new AppError(
        'unavailable',
        `${config.providerName}の認証サーバーに接続できませんでした。しばらくしてからもう一度お試しいただくか、管理者に連携の設定を確認するよう依頼してください。`,
      );
    });
  discovered.set(key, { at: Date.now(), configuration });
  return configuration;
}
