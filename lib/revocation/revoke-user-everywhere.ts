/**
 * "Log this user out everywhere, now": the one definition of what revoking a user means, for both
 * strategies at once. Pure domain code: the store and `now` are parameters.
 */
import { markUserRevoked } from '@/lib/jwt/denylist';
import { revokeUserRefreshFamilies } from '@/lib/jwt/refresh-token';
import { revokeUserSessions } from '@/lib/session/session';
import type { Store } from '@/lib/store/store';

export interface UserRevocation {
  revokedAt: number;
  /** Live sessions ended, user and admin scopes together. */
  sessionsRevoked: number;
  refreshFamiliesRevoked: number;
}

/**
 * Ends every session of the user (both the ordinary and the admin namespace), every refresh-token
 * family, and marks every access token issued up to `now` as revoked for the denylist. Sessions
 * stop at their next request; access tokens keep working until they expire unless the denylist is
 * on: the lesson the revocation race shows. Each of the four is one store operation, run
 * concurrently: none depends on another, and a revocation should land as close to `now` as it can.
 */
export async function revokeUserEverywhere(store: Store, userId: string, now: number): Promise<UserRevocation> {
  const [userSessions, adminSessions, refreshFamiliesRevoked] = await Promise.all([
    revokeUserSessions(store, userId, 'user'),
    revokeUserSessions(store, userId, 'admin'),
    revokeUserRefreshFamilies(store, userId),
    markUserRevoked(store, userId, now),
  ]);
  return { revokedAt: now, sessionsRevoked: userSessions + adminSessions, refreshFamiliesRevoked };
}
