import 'server-only';
import { headers } from 'next/headers';
import { readCookie, type CookiePurpose } from '@/lib/http/cookies';

/**
 * Which credentials a page's browser may hold, for the page's server component to hand to its
 * client components: they ask the API for state only when there is something to ask about, so a
 * signed-out visit makes no request that must fail (the browser logs each 401 as an error).
 * Presence only: the values are never read here. Both names count, the secure one
 * (`__Host-…`) and the plain-http LAN one, since either may be what this browser was given.
 * The refresh and admin cookies are path-scoped to /api/jwt/refresh and /api/admin, so a page
 * never sees them; `/api/jwt/refresh/presence` and `/api/admin/presence` answer for those.
 * Read from the raw Cookie header with the API's own readCookie, so a duplicated name counts as
 * absent here exactly as it does for the API (Next's cookie jar would pick one of the two).
 */
export interface CredentialPresence {
  session: boolean;
  accessToken: boolean;
}

export async function readCredentialPresence(): Promise<CredentialPresence> {
  const cookieHeader = (await headers()).get('cookie');
  const has = (purpose: CookiePurpose) => [true, false].some((secure) => readCookie(cookieHeader, purpose, secure) !== null);
  return { session: has('session'), accessToken: has('accessToken') };
}
