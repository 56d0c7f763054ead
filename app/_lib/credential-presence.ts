import 'server-only';
import { cookies } from 'next/headers';
import { jwtCookieNames } from '@/lib/jwt/cookies';
import { sessionCookieName } from '@/lib/server/session';

/**
 * Which credentials a page's browser may hold, for the page's server component to hand to its
 * client components: they ask the API for state only when there is something to ask about, so a
 * signed-out visit makes no request that must fail (the browser logs each 401 as an error).
 * Presence only: the values are never read here. Both names count, the secure one
 * (`__Host-…`) and the plain-http LAN one, since either may be what this browser was given.
 * The refresh and admin cookies are path-scoped to /api/jwt/refresh and /api/admin, so a page
 * never sees them; `/api/jwt/refresh/presence` and `/api/admin/presence` answer for those.
 */
export interface CredentialPresence {
  session: boolean;
  accessToken: boolean;
}

export async function readCredentialPresence(): Promise<CredentialPresence> {
  const jar = await cookies();
  const has = (names: string[]) => names.some((name) => Boolean(jar.get(name)?.value));
  return {
    session: has([sessionCookieName('user', true), sessionCookieName('user', false)]),
    accessToken: has([jwtCookieNames(true).access, jwtCookieNames(false).access]),
  };
}
