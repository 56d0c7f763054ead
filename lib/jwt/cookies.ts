/**
 * Cookie names and attributes for the JWT strategy. Both cookies are HttpOnly (page scripts, and
 * so XSS, cannot read the tokens) and carry no Domain (host-only).
 *
 * - Access token: `__Host-access-token`, Path=/, SameSite=Lax. `__Host-` makes the browser insist
 *   on Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or shadow it. Lax (not
 *   Strict) so that a page reached from a link elsewhere can still be rendered for the user.
 * - Refresh token: `__Secure-refresh-token`, Path=/api/jwt/refresh, SameSite=Strict. The narrow
 *   path means the browser sends the long-lived secret to the one resource that consumes it and
 *   nowhere else (not to /api/jwt/me, not to pages); it cannot use `__Host-` because that prefix
 *   requires Path=/. Strict because only our own pages ever call the refresh resource.
 *
 * Over plain http on a non-loopback host browsers refuse Secure cookies and both prefixes, so the
 * names fall back to `access-token` / `refresh-token` without Secure (the dashboard shows this).
 */
export const REFRESH_COOKIE_PATH = '/api/jwt/refresh';

export interface JwtCookieNames {
  access: string;
  refresh: string;
}

export function jwtCookieNames(secure: boolean): JwtCookieNames {
  return secure ? { access: '__Host-access-token', refresh: '__Secure-refresh-token' } : { access: 'access-token', refresh: 'refresh-token' };
}

function serialize(name: string, value: string, attributes: { path: string; maxAgeSeconds: number; sameSite: 'Lax' | 'Strict'; secure: boolean }): string {
  const parts = [`${name}=${value}`, `Path=${attributes.path}`, `Max-Age=${Math.max(0, Math.floor(attributes.maxAgeSeconds))}`, 'HttpOnly', `SameSite=${attributes.sameSite}`];
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Set-Cookie for the access token; Max-Age is the token's own lifetime, so the browser drops it when it expires. */
export function accessTokenCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return serialize(jwtCookieNames(secure).access, token, { path: '/', maxAgeSeconds, sameSite: 'Lax', secure });
}

/** Set-Cookie for the refresh token; Max-Age is what is left of the family's absolute lifetime. */
export function refreshTokenCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return serialize(jwtCookieNames(secure).refresh, token, { path: REFRESH_COOKIE_PATH, maxAgeSeconds, sameSite: 'Strict', secure });
}

/** Set-Cookie headers that delete both cookies: same name and Path, Max-Age=0. */
export function clearedJwtCookies(secure: boolean): string[] {
  const names = jwtCookieNames(secure);
  return [
    serialize(names.access, '', { path: '/', maxAgeSeconds: 0, sameSite: 'Lax', secure }),
    serialize(names.refresh, '', { path: REFRESH_COOKIE_PATH, maxAgeSeconds: 0, sameSite: 'Strict', secure }),
  ];
}

/** The value of cookie `name` in a Cookie header, or null. */
export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const index = pair.indexOf('=');
    if (index === -1) continue;
    if (pair.slice(0, index).trim() === name) {
      const value = pair.slice(index + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}
