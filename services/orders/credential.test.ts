import { describe, expect, it } from 'vitest';
import { COOKIES } from '@/lib/http/cookies';
import { readCredential } from './credential.mjs';
import { listOrdersForUser } from './orders.mjs';

describe('readCredential', () => {
  it('takes the Bearer token first, then either access-token cookie', () => {
    expect(readCredential('Bearer a.b.c', 'access-token=x.y.z')).toEqual({ kind: 'access-token', token: 'a.b.c', from: 'bearer' });
    expect(readCredential('bearer  a.b.c ', undefined)).toEqual({ kind: 'access-token', token: 'a.b.c', from: 'bearer' });
    expect(readCredential(undefined, 'theme=dark; access-token=x.y.z')).toEqual({ kind: 'access-token', token: 'x.y.z', from: 'cookie' });
    expect(readCredential(undefined, '__Host-access-token=x.y.z; session=s')).toEqual({
      kind: 'access-token',
      token: 'x.y.z',
      from: 'cookie',
    });
  });

  it("reads the app's own cookie names", () => {
    const { accessToken, session } = COOKIES;
    for (const name of [accessToken.secureName, accessToken.plainName]) {
      expect(readCredential(undefined, `${name}=t.o.k`).kind).toBe('access-token');
    }
    for (const name of [session.secureName, session.plainName]) {
      expect(readCredential(undefined, `${name}=sealed`).kind).toBe('session-cookie-only');
    }
  });

  it('treats a cookie sent twice or empty as absent, as the app does', () => {
    expect(readCredential(undefined, 'access-token=a.b.c; access-token=d.e.f')).toEqual({ kind: 'none' });
    expect(readCredential(undefined, 'access-token=; session=s')).toEqual({ kind: 'session-cookie-only' });
    expect(readCredential(undefined, 'session=a; session=b')).toEqual({ kind: 'none' });
  });

  it('calls anything else in Authorization malformed, and nothing at all none', () => {
    for (const header of ['Basic YWxpY2U6cHc=', 'Bearer', 'Bearer a b', 'garbage']) {
      expect(readCredential(header, 'access-token=x.y.z')).toEqual({ kind: 'malformed-authorization' });
    }
    expect(readCredential(undefined, undefined)).toEqual({ kind: 'none' });
    expect(readCredential('', ';;=;')).toEqual({ kind: 'none' });
  });
});

describe('listOrdersForUser', () => {
  it('gives the same user the same orders, and another user others', () => {
    expect(listOrdersForUser('u_alice')).toEqual(listOrdersForUser('u_alice'));
    expect(listOrdersForUser('u_alice')).not.toEqual(listOrdersForUser('u_bob'));
    for (const order of listOrdersForUser('u_alice')) {
      expect(order.totalCents).toBe(order.items.reduce((sum, item) => sum + item.quantity * item.priceCents, 0));
    }
  });
});
