import { describe, expect, it } from 'vitest';
import {
  clearCookieHeader,
  COOKIES,
  cookieAttributes,
  cookieName,
  cookieSizeBytes,
  describeCookie,
  readCookie,
  setCookieHeader,
  type CookiePurpose,
} from './cookies';
import { isSecureContext } from './secure-context';

const PURPOSES = Object.keys(COOKIES) as CookiePurpose[];

/** The three places a workshop serves the app from, and whether the browser takes Secure cookies there. */
const CONTEXTS = [
  { where: 'https', secure: isSecureContext('https://demo.example.org/api/session/login', 'demo.example.org', null) },
  { where: 'loopback over http', secure: isSecureContext('http://127.0.0.1:3000/api/session/login', '127.0.0.1:3000', null) },
  {
    where: 'a LAN address over plain http',
    secure: isSecureContext('http://192.168.1.20:3000/api/session/login', '192.168.1.20:3000', null),
  },
];

const EXPECTED: Record<CookiePurpose, { secureName: string; plainName: string; path: string; sameSite: string }> = {
  session: { secureName: '__Host-session', plainName: 'session', path: '/', sameSite: 'Lax' },
  adminSession: { secureName: '__Secure-admin-session', plainName: 'admin-session', path: '/api/admin', sameSite: 'Strict' },
  accessToken: { secureName: '__Host-access-token', plainName: 'access-token', path: '/', sameSite: 'Lax' },
  refreshToken: { secureName: '__Secure-refresh-token', plainName: 'refresh-token', path: '/api/jwt/refresh', sameSite: 'Strict' },
};

describe('cookie table', () => {
  it('treats https and loopback as secure contexts and a plain-http LAN address as not', () => {
    expect(CONTEXTS.map((c) => c.secure)).toEqual([true, true, false]);
  });

  describe.each(CONTEXTS)('on $where', ({ secure }) => {
    it.each(PURPOSES)('%s: HttpOnly, host-only, its own path and SameSite, Secure exactly when the browser allows it', (purpose) => {
      const expected = EXPECTED[purpose];
      const header = setCookieHeader(purpose, 'v4lue', secure, 3600);
      const name = secure ? expected.secureName : expected.plainName;
      expect(cookieName(purpose, secure)).toBe(name);
      const parts = header.split('; ');
      expect(parts[0]).toBe(`${name}=v4lue`);
      expect(parts).toContain(`Path=${expected.path}`);
      expect(parts).toContain('HttpOnly');
      expect(parts).toContain(`SameSite=${expected.sameSite}`);
      expect(parts.includes('Secure')).toBe(secure);
      expect(header).not.toMatch(/Domain=/i);
      // The prefixes' rules, as the browser enforces them: __Host- needs Secure, Path=/ and no
      // Domain; __Secure- needs Secure. A cookie breaking them would be silently dropped.
      if (name.startsWith('__Host-')) expect(expected.path).toBe('/');
      if (name.startsWith('__Host-') || name.startsWith('__Secure-')) expect(secure).toBe(true);
    });

    it.each(PURPOSES)('%s: clearing uses the same name, path and flags, with Max-Age=0', (purpose) => {
      const set = setCookieHeader(purpose, 'v4lue', secure, 3600).split('; ');
      const cleared = clearCookieHeader(purpose, secure).split('; ');
      expect(cleared[0]).toBe(`${cookieName(purpose, secure)}=`);
      expect(cleared.filter((p) => !p.startsWith('Max-Age') && p !== cleared[0])).toEqual(
        set.filter((p) => !p.startsWith('Max-Age') && p !== set[0]),
      );
      expect(cleared).toContain('Max-Age=0');
    });
  });

  it('ends sealed session cookies 60 s before their credential, token cookies with theirs', () => {
    expect(cookieAttributes('session', true, 12 * 3600).maxAgeSeconds).toBe(12 * 3600 - 60);
    expect(cookieAttributes('adminSession', true, 12 * 3600).maxAgeSeconds).toBe(12 * 3600 - 60);
    expect(cookieAttributes('accessToken', true, 900).maxAgeSeconds).toBe(900);
    expect(cookieAttributes('refreshToken', true, 30 * 86400 - 0.4).maxAgeSeconds).toBe(30 * 86400 - 1);
    expect(cookieAttributes('accessToken', true, -5).maxAgeSeconds).toBe(0);
  });

  it('reads a cookie by purpose with the name of the context, and ignores the other name', () => {
    const header = 'session=plain; __Host-session=prefixed; other=x';
    expect(readCookie(header, 'session', true)).toBe('prefixed');
    expect(readCookie(header, 'session', false)).toBe('plain');
    expect(readCookie('__Host-session=', 'session', true)).toBeNull();
    expect(readCookie(null, 'accessToken', true)).toBeNull();
  });

  it('treats a name sent twice as no cookie at all (cookie tossing), whichever copy comes first', () => {
    expect(readCookie('session=planted; session=ours', 'session', false)).toBeNull();
    expect(readCookie('__Host-access-token=a; x=1; __Host-access-token=b', 'accessToken', true)).toBeNull();
    expect(readCookie('session=; session=ours', 'session', false)).toBeNull();
    // The other context's name is a different cookie, not a duplicate.
    expect(readCookie('session=plain; __Host-session=prefixed', 'session', true)).toBe('prefixed');
  });

  it('describes a cookie with the attributes it was set with, its real size, and only the preview', () => {
    const issuedAt = 1_700_000_000_000;
    const view = describeCookie('session', true, 'Fe26.2*secret-value', 'Fe26.2*…', { issuedAt, expiresAt: issuedAt + 43_200_000 });
    expect(view).toEqual({
      name: '__Host-session',
      sizeBytes: cookieSizeBytes('__Host-session', 'Fe26.2*secret-value'),
      preview: 'Fe26.2*…',
      attributes: { httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAgeSeconds: 43_140, expiresAt: issuedAt + 43_140_000 },
    });
    expect(cookieSizeBytes('__Host-session', 'abc')).toBe('__Host-session=abc'.length);
    expect(JSON.stringify(view)).not.toContain('secret-value');
  });
});
