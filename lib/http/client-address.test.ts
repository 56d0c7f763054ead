import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address';

const forwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientAddressOf', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: the client could have written it', () => {
    expect(clientAddressOf(forwardedFor('203.0.113.9'), 0)).toBeNull();
    expect(clientAddressOf(new Headers(), 1)).toBeNull();
  });

  it('takes the entry the first trusted proxy wrote, counting from the right, never what the client prepended', () => {
    expect(clientAddressOf(forwardedFor('198.51.100.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddressOf(forwardedFor('198.51.100.1, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('knows nothing when the header has fewer entries than trusted proxies (the request bypassed them)', () => {
    expect(clientAddressOf(forwardedFor('203.0.113.9'), 2)).toBeNull();
  });

  it('refuses an entry that is not an IP address', () => {
    expect(clientAddressOf(forwardedFor('unknown'), 1)).toBeNull();
    expect(clientAddressOf(forwardedFor('alice'), 1)).toBeNull();
    expect(clientAddressOf(forwardedFor(''), 1)).toBeNull();
  });

  it('drops a port some proxies append', () => {
    expect(clientAddressOf(forwardedFor('203.0.113.9:51234'), 1)).toBe('203.0.113.9');
    expect(clientAddressOf(forwardedFor('[2001:db8::1]:51234'), 1)).toBe('2001:db8:0:0::/64');
  });

  it('keys IPv6 clients by their /64, so one subscriber cannot rotate through addresses', () => {
    expect(clientAddressOf(forwardedFor('2001:db8:1:2:aaaa::1'), 1)).toBe('2001:db8:1:2::/64');
    expect(clientAddressOf(forwardedFor('2001:DB8:1:2:bbbb:cccc:dddd:eeee'), 1)).toBe('2001:db8:1:2::/64');
    expect(clientAddressOf(forwardedFor('::1'), 1)).toBe('0:0:0:0::/64');
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 client', () => {
    expect(clientAddressOf(forwardedFor('::ffff:203.0.113.9'), 1)).toBe('203.0.113.9');
  });
});
