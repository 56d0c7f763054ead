/**
 * Every cookie the app sets, in one table keyed by purpose. Setting, clearing, reading and
 * describing a cookie (the dashboard's inspectors) all read the same entry, so an attribute is
 * written once. Pure: no Next.js, no environment; `secure` says whether the browser will accept
 * Secure cookies for this request (https, or a loopback host; see secure-context.ts).
 *
 * Every cookie is HttpOnly (page scripts, and so XSS, cannot read a credential) and host-only (no
 * Domain). Names carry a prefix the browser enforces:
 * - `__Host-` demands Secure, Path=/ and no Domain, so a sibling subdomain can neither plant nor
 *   shadow the cookie;
 * - `__Secure-` demands Secure only; it is the strongest prefix a path-scoped cookie can have.
 * Over plain http on a LAN address browsers refuse Secure and both prefixes, so each cookie falls
 * back to a plain name without Secure there; the dashboard shows that downgrade.
 */
import { COOKIE_EXPIRY_MARGIN_SECONDS } from '@/lib/policy';

export type CookiePurpose = 'session' | 'adminSession' | 'accessToken' | 'refreshToken';

type SameSite = 'Lax' | 'Strict';

export interface CookieSpec {
  secureName: string;
  plainName: string;
  path: string;
  sameSite: SameSite;
  /**
   * How Max-Age follows from the lifetime of the credential inside: the same, or ending
   * COOKIE_EXPIRY_MARGIN_SECONDS earlier (a sealed cookie must never outlive its seal).
   */
  maxAge: 'credential-lifetime' | 'credential-lifetime-minus-margin';
  /** Why this cookie is shaped this way, shown to learners next to the attributes. */
  why: string;
}

const REFRESH_COOKIE_PATH = '/api/jwt/refresh';
const ADMIN_COOKIE_PATH = '/api/admin';

export const COOKIES: Readonly<Record<CookiePurpose, CookieSpec>> = {
  session: {
    secureName: '__Host-session',
    plainName: 'session',
    path: '/',
    // Lax: sent on top-level navigations from other sites (links into the app keep working),
    // withheld from cross-site POSTs, iframes and fetches: the CSRF cases.
    sameSite: 'Lax',
    // Like iron-session itself: the cookie ends before the seal, so a browser never sends a seal
    // the server would call expired.
    maxAge: 'credential-lifetime-minus-margin',
    why: 'A sealed session id; every page and API call needs it, so Path=/ and Lax.',
  },
  adminSession: {
    secureName: '__Secure-admin-session',
    plainName: 'admin-session',
    // Scoped to the admin API, so it never travels with ordinary requests; `__Host-` would
    // demand Path=/, hence `__Secure-`.
    path: ADMIN_COOKIE_PATH,
    // Strict: the admin API is only ever called by our own pages, never reached from a link, so
    // no cross-site request (not even a top-level navigation) needs to carry it.
    sameSite: 'Strict',
    maxAge: 'credential-lifetime-minus-margin',
    why: 'The admin session travels only to /api/admin.',
  },
  accessToken: {
    secureName: '__Host-access-token',
    plainName: 'access-token',
    path: '/',
    // Lax, not Strict: a page reached from a link elsewhere can still be rendered for the user.
    sameSite: 'Lax',
    // The browser drops it when the token expires.
    maxAge: 'credential-lifetime',
    why: 'A short-lived JWT, verified locally on every request.',
  },
  refreshToken: {
    secureName: '__Secure-refresh-token',
    plainName: 'refresh-token',
    // The long-lived secret goes to the one resource that consumes it, nowhere else (not to
    // /api/jwt/me, not to pages). Strict: only our own pages ever call it.
    path: REFRESH_COOKIE_PATH,
    sameSite: 'Strict',
    maxAge: 'credential-lifetime',
    why: 'The long-lived refresh token travels only to the refresh endpoint.',
  },
};

export function cookieName(purpose: CookiePurpose, secure: boolean): string {
  const spec = COOKIES[purpose];
  return secure ? spec.secureName : spec.plainName;
}

/** Max-Age in whole seconds for a credential that lives `credentialLifetimeSeconds`. */
function cookieMaxAgeSeconds(purpose: CookiePurpose, credentialLifetimeSeconds: number): number {
  const margin = COOKIES[purpose].maxAge === 'credential-lifetime-minus-margin' ? COOKIE_EXPIRY_MARGIN_SECONDS : 0;
  return Math.max(0, Math.floor(credentialLifetimeSeconds) - margin);
}

export interface CookieAttributes {
  httpOnly: true;
  secure: boolean;
  sameSite: SameSite;
  path: string;
  maxAgeSeconds: number;
}

export function cookieAttributes(purpose: CookiePurpose, secure: boolean, credentialLifetimeSeconds: number): CookieAttributes {
  const spec = COOKIES[purpose];
  return {
    httpOnly: true,
    secure,
    sameSite: spec.sameSite,
    path: spec.path,
    maxAgeSeconds: cookieMaxAgeSeconds(purpose, credentialLifetimeSeconds),
  };
}

/**
 * What a Set-Cookie line can say. The app's own cookies are always HttpOnly with a SameSite value;
 * the wider type exists for the attack lab (lib/lab/lab-cookies.ts), whose cookies leave flags
 * out on purpose and are written by this same serializer.
 */
export interface CookieLine {
  path: string;
  maxAgeSeconds: number;
  httpOnly: boolean;
  /** null: no SameSite attribute at all, so the browser's default applies. */
  sameSite: SameSite | 'None' | null;
  secure: boolean;
}

export function serializeCookie(name: string, value: string, attributes: CookieLine): string {
  const parts = [`${name}=${value}`, `Path=${attributes.path}`, `Max-Age=${attributes.maxAgeSeconds}`];
  if (attributes.httpOnly) parts.push('HttpOnly');
  if (attributes.sameSite !== null) parts.push(`SameSite=${attributes.sameSite}`);
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The Set-Cookie value that stores `value` for a credential living `credentialLifetimeSeconds`. */
export function setCookieHeader(purpose: CookiePurpose, value: string, secure: boolean, credentialLifetimeSeconds: number): string {
  return serializeCookie(cookieName(purpose, secure), value, cookieAttributes(purpose, secure, credentialLifetimeSeconds));
}

/** The Set-Cookie value that deletes the cookie: same name and Path (or the browser keeps it), Max-Age=0. */
export function clearCookieHeader(purpose: CookiePurpose, secure: boolean): string {
  return serializeCookie(cookieName(purpose, secure), '', cookieAttributes(purpose, secure, 0));
}

/**
 * The value of cookie `name` in a Cookie header, or null: an empty value counts as absent, and so
 * does a name sent more than once. A browser sends two cookies of one name when a second one was
 * planted beside ours (cookie tossing: a sibling subdomain or a plain-http response can set
 * `session` with a longer Path, which the browser then sends first). First-wins would hand the
 * request to whichever cookie the attacker placed first, so a duplicate is treated as no
 * credential at all: the request fails closed as signed out, never as someone else.
 */
export function readCookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  let found: string | null = null;
  let seen = 0;
  for (const pair of cookieHeader.split(';')) {
    const index = pair.indexOf('=');
    if (index === -1) continue;
    if (pair.slice(0, index).trim() === name) {
      seen += 1;
      found = pair.slice(index + 1).trim();
    }
  }
  return seen !== 1 || found === '' ? null : found;
}

/** One rule for every reader (route context, page presence checks): see readCookieValue. */
export function readCookie(cookieHeader: string | null, purpose: CookiePurpose, secure: boolean): string | null {
  return readCookieValue(cookieHeader, cookieName(purpose, secure));
}

/** Bytes of `name=value` the browser sends on every request that matches the cookie's path. */
export function cookieSizeBytes(name: string, value: string): number {
  return new TextEncoder().encode(`${name}=${value}`).byteLength;
}

export interface CookieView {
  name: string;
  sizeBytes: number;
  /** A redacted preview that cannot be replayed (see lib/dashboard/credential-view.ts). */
  preview: string;
  attributes: CookieAttributes & { expiresAt: number };
}

/**
 * What the dashboard shows of a cookie: the attributes it was set with, derived from the same
 * entry that set it, and its size measured from the real value, which never leaves the server.
 */
export function describeCookie(
  purpose: CookiePurpose,
  secure: boolean,
  value: string,
  preview: string,
  credential: { issuedAt: number; expiresAt: number },
): CookieView {
  const name = cookieName(purpose, secure);
  const attributes = cookieAttributes(purpose, secure, (credential.expiresAt - credential.issuedAt) / 1000);
  return {
    name,
    sizeBytes: cookieSizeBytes(name, value),
    preview,
    attributes: { ...attributes, expiresAt: credential.issuedAt + attributes.maxAgeSeconds * 1000 },
  };
}
