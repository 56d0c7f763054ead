/**
 * The optional denylist: the "now you have state again" switch. With it on, verifying an access
 * token costs one store round trip, in exchange for revocation that bites before the token expires.
 *
 * Store layout: two kinds of plain keys, both read together with one `getMany` (MGET):
 *   jwt_denied:{userId}:{jti}       one token denied (logout of one device leaves the user's other
 *                                   devices alone). Lives exactly as long as that token could.
 *   jwt_revoked_before:{userId}     epoch ms: every token of the user issued up to this instant is
 *                                   revoked (admin "revoke user", refresh-token theft). One key per
 *                                   user, overwritten with the later instant, never a growing set;
 *                                   lives one maximum token age after its last write.
 * The check is two key lookups whatever the number of revocations (constant time, no SMEMBERS on
 * the hot path), and every entry is bounded by the longest token lifetime, so the key count tracks
 * live tokens, not the number of logouts or replayed refresh tokens ever seen.
 * Entries are written on every revocation whether the denylist is on or not, so switching it on
 * later still rejects tokens issued before an earlier revocation.
 */
import type { Store } from '@/lib/store/store';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';

const ENTRY_LIFETIME_MS = (MAX_ACCESS_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000;

export const deniedTokenKey = (userId: string, jti: string) => `jwt_denied:${userId}:${jti}`;
export const revokedBeforeKey = (userId: string) => `jwt_revoked_before:${userId}`;

export type DenylistCheck = { ok: true } | { ok: false; code: 'token_revoked'; reason: 'jti_denied' | 'user_revoked' };

/** Denies one access token (logout) until it would have expired anyway. */
export async function denyAccessToken(store: Store, token: { sub: string; jti: string; exp: number }, now: number): Promise<void> {
  const remainingMs = token.exp * 1000 - now + CLOCK_TOLERANCE_SECONDS * 1000;
  if (remainingMs <= 0) return;
  await store.set(deniedTokenKey(token.sub, token.jti), '1', { ttlMs: Math.min(remainingMs, ENTRY_LIFETIME_MS) });
}

/**
 * Marks every access token of `userId` issued up to `now` as revoked. Tokens carry `iat` in whole
 * seconds, so a token issued in the same second as the mark counts as revoked too: the safe side.
 * An earlier mark is never written over a later one (instances' clocks and requests interleave);
 * two revocations racing within one round trip may leave the earlier of the two instants, which
 * still covers every token issued before the earlier revocation began.
 */
export async function markUserRevoked(store: Store, userId: string, now: number): Promise<void> {
  const current = Number((await store.get(revokedBeforeKey(userId))) ?? Number.NaN);
  const instant = Number.isFinite(current) ? Math.max(current, now) : now;
  await store.set(revokedBeforeKey(userId), String(instant), { ttlMs: ENTRY_LIFETIME_MS });
}

/** One store round trip: is this token denied by jti, or issued before a revocation of its user? */
export async function checkDenylist(store: Store, token: { sub: string; jti: string; iat: number }): Promise<DenylistCheck> {
  const [denied, revokedBefore] = await store.getMany([deniedTokenKey(token.sub, token.jti), revokedBeforeKey(token.sub)]);
  if (denied !== null && denied !== undefined) return { ok: false, code: 'token_revoked', reason: 'jti_denied' };
  const revokedBeforeMs = Number(revokedBefore ?? Number.NaN);
  // iat is floored to the second, so compare the whole second: issued in that second counts as before.
  if (Number.isFinite(revokedBeforeMs) && token.iat * 1000 <= revokedBeforeMs)
    return { ok: false, code: 'token_revoked', reason: 'user_revoked' };
  return { ok: true };
}
