import { describe, expect, it } from 'vitest';
import { isAddressOrCidr, normalizeAddress, resolveClientAddress, TrustedProxies } from './client-address';

describe('the client address', () => {
  it('is the connection peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('198.51.100.4', '1.2.3.4', null)).toBe('198.51.100.4');
    expect(resolveClientAddress('::ffff:127.0.0.1', undefined, null)).toBe('127.0.0.1');
    expect(resolveClientAddress(undefined, '1.2.3.4', null)).toBe('unknown');
  });

  it('is the rightmost untrusted hop behind trusted proxies', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
    // The client wrote 6.6.6.6 itself; the proxy appended the address it saw.
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.0.0.2', '203.0.113.9, 192.168.1.5, 10.1.1.1', proxies)).toBe(
      '203.0.113.9',
    );
    expect(resolveClientAddress('fd00::1', '2001:DB8::7', proxies)).toBe('2001:db8::7');
    // Everyone trusted: the leftmost is the client (a machine inside).
    expect(resolveClientAddress('10.0.0.2', '10.3.3.3, 192.168.1.5', proxies)).toBe('10.3.3.3');
    // No header: the proxy itself.
    expect(resolveClientAddress('10.0.0.2', undefined, proxies)).toBe('10.0.0.2');
    // Garbage where only a trusted proxy writes: the walk stops at that proxy.
    expect(resolveClientAddress('10.0.0.2', 'x\u0000y, 10.5.5.5', proxies)).toBe('10.5.5.5');
    // An untrusted peer's header is ignored.
    expect(resolveClientAddress('203.0.113.50', '10.0.0.1', proxies)).toBe('203.0.113.50');
  });

  it('checks configured entries', () => {
    expect(['10.0.0.5', '10.0.0.0/8', '::1', 'fd00::/8', '0.0.0.0/0'].every(isAddressOrCidr)).toBe(true);
    expect(
      ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2', '', '::1/129', '10.0.0.0/'].some(isAddressOrCidr),
    ).toBe(false);
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
  });
});
