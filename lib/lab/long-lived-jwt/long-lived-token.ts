import type { JWTPayload } from 'jose';

/** A week: the kind of lifetime chosen so nobody ever has to build a refresh flow. */
export const LONG_LIVED_TOKEN_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

/**
 * WRONG ON PURPOSE: the weak lab's idea of "is this user still allowed in?" is the token alone.
 * A valid signature and a future `exp` are enough; nothing is looked up, so an admin's revoke, a
 * password change or a deleted account changes nothing for the next seven days.
 */
export function isStillAllowed(verified: { ok: true; claims: JWTPayload } | { ok: false }): boolean {
  return verified.ok;
}

/** Seconds a token has left, from its `exp`; 0 once expired. */
export function secondsLeft(claims: JWTPayload, now: number): number {
  return typeof claims.exp === 'number' ? Math.max(0, claims.exp - Math.floor(now / 1000)) : 0;
}
