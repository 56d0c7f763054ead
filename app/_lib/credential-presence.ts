import 'server-only';
import { cookies } from 'next/headers';
import { cookieName, type CookiePurpose } from '@/lib/http/cookies';

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
  const has = (purpose: CookiePurpose) => [true, false].some((secure) => Boolean(jar.get(cookieName(purpose, secure))?.value));
  return { session: has('session'), accessToken: has('accessToken') };
}
