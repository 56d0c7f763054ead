import type { JWTPayload } from 'jose';

/** Which of the pair a lab token is; the claim is named `lab_use` so no real claim is confused with it. */
export type OneLifetimeUse = 'access' | 'refresh';

export function oneLifetimeClaims(use: OneLifetimeUse): JWTPayload & { sub: string } {
  return { sub: 'alice', username: 'alice', role: 'user', lab_use: use };
}

/**
 * WRONG ON PURPOSE: a refresh is accepted on the token alone, and hands back the same refresh token.
 * Nothing is stored, so nothing is rotated, a copy is never noticed, and nothing can be revoked.
 */
export function acceptsAs(claims: JWTPayload, use: OneLifetimeUse): boolean {
  return claims.lab_use === use;
}
