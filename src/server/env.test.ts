import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('MOKUHYO_TRUSTED_PROXIES', () => {
  it('is a list of addresses and CIDR blocks, empty by default', () => {
    expect(parseEnv({}).MOKUHYO_TRUSTED_PROXIES).toEqual([]);
    expect(
      parseEnv({ MOKUHYO_TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/24,fd00::/8' }).MOKUHYO_TRUSTED_PROXIES,
    ).toEqual(['10.0.0.5', '192.168.0.0/24', 'fd00::/8']);
  });

  it('names the entries that are not addresses', () => {
    expect(() => parseEnv({ MOKUHYO_TRUSTED_PROXIES: '10.0.0.5, proxy.local, 10.0.0.0/40' })).toThrow(
      /MOKUHYO_TRUSTED_PROXIES.*（誤り: proxy\.local, 10\.0\.0\.0\/40）/,
    );
  });
});
