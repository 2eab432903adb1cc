import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';

const given = {
  MOKUHYO_OIDC_ISSUER: 'https://login.example.lg.jp/realms/city',
  MOKUHYO_OIDC_CLIENT_ID: 'mokuhyo',
  MOKUHYO_OIDC_CLIENT_SECRET: 'secret',
  MOKUHYO_OIDC_REDIRECT_URL: 'https://mokuhyo.example.lg.jp/api/v1/auth/sign-on/callback',
};

describe('シングルサインオン from MOKUHYO_OIDC_*', () => {
  it('is off without them', () => {
    expect(parseEnv({}).signOn).toBeNull();
  });

  it('takes the provider, its client and the match, with defaults for the words and the claim', () => {
    expect(parseEnv(given).signOn).toEqual({
      providerName: '統合認証',
      issuer: given.MOKUHYO_OIDC_ISSUER,
      clientId: 'mokuhyo',
      clientSecret: 'secret',
      redirectUrl: given.MOKUHYO_OIDC_REDIRECT_URL,
      matchClaim: 'email',
      matchField: 'email',
    });
    expect(
      parseEnv({
        ...given,
        MOKUHYO_OIDC_MATCH_CLAIM: 'employee_number',
        MOKUHYO_OIDC_MATCH_FIELD: 'login_id',
      }).signOn,
    ).toMatchObject({ matchClaim: 'employee_number', matchField: 'loginId' });
  });

  it('names what is missing or wrong, in Japanese', () => {
    expect(() => parseEnv({ MOKUHYO_OIDC_ISSUER: given.MOKUHYO_OIDC_ISSUER })).toThrow(
      /MOKUHYO_OIDC_CLIENT_ID: シングルサインオンには/,
    );
    expect(() => parseEnv({ ...given, MOKUHYO_OIDC_ISSUER: 'http://login.example.lg.jp' })).toThrow(
      /MOKUHYO_OIDC_ISSUER: 認証サーバーは https:\/\/ で指定してください/,
    );
    expect(() => parseEnv({ ...given, MOKUHYO_OIDC_MATCH_FIELD: 'number' })).toThrow(
      /MOKUHYO_OIDC_MATCH_FIELD は email か login_id で指定してください/,
    );
    // http only for a provider on this machine (the tests').
    expect(parseEnv({ ...given, MOKUHYO_OIDC_ISSUER: 'http://127.0.0.1:4000' }).signOn?.issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });
});
