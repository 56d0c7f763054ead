import 'server-only';
import { denyAccessToken } from '@/lib/jwt/denylist';
import { revokeRefreshTokenFamily } from '@/lib/jwt/refresh-token';
import type { RequestContext } from '../http/context';
import { readAccessToken, verifyIssuedToken } from './authenticate';

/**
 * Logout: revokes the refresh-token family, and denies the presented access token by `jti`
 * (written whether the denylist is on or not, so turning it on later still catches this token).
 * The access token keeps working until it expires unless the denylist is on: that is the lesson.
 */
export async function logOutTokens(ctx: RequestContext, refreshToken: string | null): Promise<{ ok: true; familyRevoked: boolean }> {
  const revocation =
    refreshToken === null ? null : await ctx.timer.measure('revoke', () => revokeRefreshTokenFamily(ctx.store, refreshToken));
  const access = readAccessToken(ctx);
  if (access !== null && access.token !== '') {
    const verified = await verifyIssuedToken(ctx, access.token);
    // Only a token we issued may add to the denylist: a forged one must not write to the store.
    if (verified.ok) await denyAccessToken(ctx.store, verified.claims, ctx.now);
  }
  if (revocation?.ok)
    ctx.publish({
      type: 'logout',
      strategy: 'jwt',
      userId: revocation.userId,
      durationMs: ctx.timer.durationOf('revoke'),
      detail: { familyId: revocation.familyId },
    });
  return { ok: true, familyRevoked: revocation?.ok === true && revocation.familyRevoked };
}
