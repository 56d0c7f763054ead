/**
 * The optional denylist: the "now you have state again" switch. With it on, verifying an access
 * token costs one store read, in exchange for revocation that bites before the token expires.
 *
 * One read per check: everything that can revoke a user's access tokens lives in one per-user set,
 * `jwt_denylist:{userId}`, read with a single `listIndex`:
 *   - `jti:{jti}`        one token denied (logout of one device leaves the user's other devices alone)
 *   - `before:{epochMs}` every token of the user issued before this instant (admin "revoke user",
 *                        refresh-token theft)
 * Entries are written on every revocation whether the denylist is on or not, so switching it on
 * later still rejects tokens issued before an earlier revocation. No entry needs to outlive the
 * longest possible access token, so the set expires one maximum token age after its last write.
 */
import type { Store } from '@/lib/store/store';
import { CLOCK_TOLERANCE_SECONDS, MAX_ACCESS_TOKEN_AGE_SECONDS } from '@/lib/policy';

const ENTRY_LIFETIME_MS = (MAX_ACCESS_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000;

export const denylistKey = (userId: string) => `jwt_denylist:${userId}`;

export type DenylistCheck = { ok: true } | { ok: false; code: 'token_revoked'; reason: 'jti_denied' | 'user_revoked' };

/** Denies one access token (logout) until it would have expired anyway. */
export async function denyAccessToken(store: Store, token: { sub: string; jti: string; exp: number }, now: number): Promise<void> {
  const remainingMs = token.exp * 1000 - now + CLOCK_TOLERANCE_SECONDS * 1000;
  if (remainingMs <= 0) return;
  await store.addToIndex(denylistKey(token.sub), `jti:${token.jti}`, Math.min(remainingMs, ENTRY_LIFETIME_MS));
}

/**
 * Marks every access token of `userId` issued up to `now` as revoked. Tokens carry `iat` in whole
 * seconds, so a token issued in the same second as the mark counts as revoked too: the safe side.
 */
export async function markUserRevoked(store: Store, userId: string, now: number): Promise<void> {
  await store.addToIndex(denylistKey(userId), `before:${now}`, ENTRY_LIFETIME_MS);
}

/** One store read: is this token denied by jti, or issued before a revocation of its user? */
export async function checkDenylist(store: Store, token: { sub: string; jti: string; iat: number }): Promise<DenylistCheck> {
  const entries = await store.listIndex(denylistKey(token.sub));
  const issuedAtMs = token.iat * 1000;
  for (const entry of entries) {
    if (entry === `jti:${token.jti}`) return { ok: false, code: 'token_revoked', reason: 'jti_denied' };
    if (entry.startsWith('before:')) {
      const revokedBefore = Number(entry.slice('before:'.length));
      // iat is floored to the second, so compare the whole second: issued in that second counts as before.
      if (Number.isFinite(revokedBefore) && issuedAtMs <= revokedBefore)
        return { ok: false, code: 'token_revoked', reason: 'user_revoked' };
    }
  }
  return { ok: true };
}
