import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** An address as one text: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4; null if not an address. */
export function normalizeAddress(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed)?.[1];
  const address = mapped ?? trimmed;
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return address.toLowerCase();
  return null;
}

/** Whether a text is an address or a CIDR block (`10.0.0.0/8`, `fd00::/8`), for the configuration. */
export function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const normalized = normalizeAddress(address);
  if (!normalized || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (isIP(normalized) === 4 ? 32 : 128);
}

/** The reverse proxies whose X-Forwarded-For is believed (MOKUHYO_TRUSTED_PROXIES). */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[]) {
    this.entries = entries;
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const normalized = normalizeAddress(address);
      if (!normalized || !isAddressOrCidr(entry)) throw new Error(`not an address or CIDR: ${entry}`);
      const family = isIP(normalized) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(normalized, family);
      else this.list.addSubnet(normalized, Number(prefix), family);
    }
  }

  has(address: string): boolean {
    return this.list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
  }
}

/**
 * The client's address: the peer of the TCP connection; when that peer is a trusted proxy, the
 * rightmost address of X-Forwarded-For that is not a trusted proxy (what a client writes into
 * the header itself lies to the left of what the proxies appended, so it is never taken while an
 * untrusted hop stands to its right). 'unknown' when the connection has no peer address.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | null,
): string {
  const direct = normalizeAddress(peer);
  if (!direct) return 'unknown';
  if (!trusted?.has(direct)) return direct;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  let client = direct;
  for (const hop of hops.reverse()) {
    const address = normalizeAddress(hop);
    // Only a trusted proxy wrote what stands here; garbage ends the walk at that proxy.
    if (!address) return client;
    client = address;
    if (!trusted.has(address)) return address;
  }
  return client;
}

/** The address of the connection's peer, from the Node server's bindings (none under app.request). */
function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function clientAddress(c: Context, trusted: TrustedProxies | null): string {
  return resolveClientAddress(peerAddress(c), c.req.header('x-forwarded-for'), trusted);
}
