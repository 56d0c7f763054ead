import { ok } from '@/lib/server/http/reply';
import { route } from '@/lib/server/http/route';
import { describeRefreshCredential } from '@/lib/server/jwt/inspect';
import { refreshTokens } from '@/lib/server/jwt/issue';
import { logOutTokens } from '@/lib/server/jwt/logout';
import { readPresentedRefreshToken } from '@/lib/server/jwt/refresh-source';
import { browserTokens, CLEAR_JWT_COOKIES, tokenEndpointTokens } from '@/lib/server/jwt/responses';

export const dynamic = 'force-dynamic';

/**
 * For the dashboard: what the refresh cookie stands for, without using it. Lives on this path
 * because the refresh cookie is sent nowhere else.
 */
export const GET = route(async (ctx) => {
  const described = await describeRefreshCredential(ctx);
  if (!described.ok) return described;
  const { ok: _ok, ...body } = described;
  return ok(body);
});

/** Rotate: the presented refresh token is consumed and a new pair is issued. */
export const POST = route(async (ctx) => {
  const presented = await readPresentedRefreshToken(ctx);
  if (!presented.ok) return presented;
  const refreshed = await refreshTokens(ctx, presented.token);
  const viaCookie = presented.source === 'cookie';
  if (!refreshed.ok) {
    // A failed cookie is cleared so the browser stops sending it; a concurrent duplicate keeps its
    // cookies, since the winner's response has just replaced them.
    return viaCookie && refreshed.code !== 'refresh_in_progress' ? { ...refreshed, cookies: CLEAR_JWT_COOKIES } : refreshed;
  }
  return viaCookie ? browserTokens(refreshed.tokens, ctx.now) : tokenEndpointTokens(refreshed.tokens);
});

/**
 * Logout: revokes the refresh-token family and clears both cookies. The access token keeps
 * working until it expires (that is the lesson), unless the denylist is on. While the store is
 * down it answers 503 and leaves the cookies, so the client can retry the revocation.
 */
export const DELETE = route(async (ctx) => {
  const presented = await readPresentedRefreshToken(ctx);
  if (!presented.ok) return presented;
  const { familyRevoked } = await logOutTokens(ctx, presented.token);
  return ok({ loggedOut: true, familyRevoked }, { cookies: CLEAR_JWT_COOKIES });
});
