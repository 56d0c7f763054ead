/**
 * Who is asking, as far as the deployment lets us know. A Next.js route handler never sees the
 * TCP peer: only headers. `X-Forwarded-For` is a list that each proxy extends with the address it
 * received the request from, so the entry written by the first proxy we trust is
 * `trustedProxyHops` from the right; everything to its left was written by the client and proves
 * nothing. With no trusted proxy (0, the default) the header is ignored altogether: an attacker
 * could set it to anything, and `next start` itself fills it in only when it is absent.
 */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The client's address as a rate-limit key, or null when it cannot be known (no trusted proxy, or
 * a header with fewer entries than there are proxies, i.e. a request that did not come through
 * them). IPv6 addresses are cut to their /64 prefix: one subscriber usually holds a whole /64 and
 * could otherwise rotate through 2^64 "clients".
 *
 * @example clientAddressOf(new Headers({ 'x-forwarded-for': 'forged, 203.0.113.9' }), 1) // '203.0.113.9'
 */
export function clientAddressOf(headers: Headers, trustedProxyHops: number): string | null {
  if (trustedProxyHops <= 0) return null;
  const forwardedFor = headers.get('x-forwarded-for');
  if (forwardedFor === null) return null;
  const hops = forwardedFor.split(',').map((entry) => entry.trim());
  const entry = hops[hops.length - trustedProxyHops];
  if (hops.length < trustedProxyHops || entry === undefined) return null;
  return normalizeAddress(entry);
}

function normalizeAddress(entry: string): string | null {
  // Some proxies write "203.0.113.9:51234" or "[2001:db8::1]:51234".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  const withoutPort = bracketed ? bracketed[1]! : (/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ?? entry);
  if (isIPv4(withoutPort)) return withoutPort;
  if (!isIPv6(withoutPort)) return null;
  const groups = expandIPv6(withoutPort.toLowerCase());
  // An IPv4-mapped IPv6 address is that IPv4 client.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 converted). */
function expandIPv6(address: string): number[] {
  const withoutZone = address.split('%')[0]!;
  let text = withoutZone;
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
