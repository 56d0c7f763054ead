import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/request-body';
import { describeCookie, fingerprint } from '@/lib/dashboard/credential-view';
import { clearedJwtCookies, jwtCookieNames, REFRESH_COOKIE_PATH } from '@/lib/jwt/cookies';
import { describeRefreshToken } from '@/lib/jwt/refresh-token';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import {
  browserTokenResponse,
  logout,
  readAccessToken,
  readRefreshCookie,
  refreshFailureResponse,
  rotateTokens,
  tokenEndpointResponse,
} from '@/lib/server/jwt';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

type PresentedRefreshToken = { ok: true; token: string | null; fromBody: boolean } | { ok: false; response: Response };

/**
 * A JSON body `{ "refresh_token": "..." }` (non-browser clients) wins over the cookie: a client
 * that sends one explicitly means that token, and answers for it come back in the body, not as
 * cookies. Without a JSON body the cookie is used.
 */
async function readPresentedToken(request: Request, secure: boolean): Promise<PresentedRefreshToken> {
  if (!/json/i.test(request.headers.get('content-type') ?? '')) return { ok: true, token: readRefreshCookie(request, secure), fromBody: false };
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: errorResponse(body.code, body.message) };
  const value = body.value as { refresh_token?: unknown } | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof value.refresh_token !== 'string') {
    return { ok: false, response: errorResponse('bad_request', 'Expected a JSON object: { "refresh_token": string }.') };
  }
  return { ok: true, token: value.refresh_token, fromBody: true };
}

/**
 * For the dashboard: what the refresh cookie stands for, without using it. Lives on this path
 * because the refresh cookie is sent nowhere else. The token itself is only ever shown as a
 * fingerprint.
 */
export const GET = handleRoute(async (request: Request) => {
  const ctx = beginAuthRequest(request);
  const token = readRefreshCookie(request, ctx.secure);
  if (token === null) return ctx.finish(refreshFailureResponse('refresh_invalid', null));
  const described = await describeRefreshToken(ctx.store, token, Date.now());
  if (!described.ok) return ctx.finish(refreshFailureResponse(described.code, null));
  const { record } = described;
  const name = jwtCookieNames(ctx.secure).refresh;
  return ctx.finish(
    Response.json(
      {
        cookie: describeCookie(name, token, `fingerprint ${fingerprint(token)}`, { httpOnly: true, secure: ctx.secure, sameSite: 'Strict', path: REFRESH_COOKIE_PATH, maxAgeSeconds: Math.round((record.absoluteExpiresAt - record.createdAt) / 1000), expiresAt: record.absoluteExpiresAt }),
        family: {
          id: `${record.familyId.slice(0, 8)}…`,
          generation: record.generation,
          currentSince: record.createdAt,
          idleExpiresAt: record.idleExpiresAt,
          absoluteExpiresAt: record.absoluteExpiresAt,
          parent: record.parentHash === null ? null : `${record.parentHash.slice(0, 12)}`,
        },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  );
});

/** Rotate: the presented refresh token is consumed and a new pair is issued. */
export const POST = handleRoute(async (request: Request) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const presented = await readPresentedToken(request, ctx.secure);
  if (!presented.ok) return ctx.finish(presented.response);
  const clearFor = presented.fromBody ? null : ctx.secure;
  if (presented.token === null) return ctx.finish(refreshFailureResponse('refresh_invalid', clearFor));
  const result = await rotateTokens(ctx, presented.token);
  if (!result.ok) {
    // Reuse is published by rotateTokens itself, with the family it revoked.
    if (result.code !== 'refresh_reused') publishEvent({ type: 'rejection', strategy: 'jwt', code: result.code, userId: result.userId ?? null, durationMs: ctx.timer.durationOf('rotate') });
    return ctx.finish(refreshFailureResponse(result.code, clearFor));
  }
  const { sub, username, jti } = result.tokens.access.claims;
  publishEvent({ type: 'refresh', strategy: 'jwt', userId: sub, username, durationMs: ctx.timer.durationOf('rotate'), detail: { jti, generation: result.tokens.refresh.record.generation } });
  return ctx.finish(presented.fromBody ? tokenEndpointResponse(result.tokens) : browserTokenResponse(result.tokens, ctx.secure));
});

/**
 * Logout: revokes the refresh-token family and clears both cookies. The access token keeps
 * working until it expires (that is the lesson), unless the denylist is on. While the store is
 * down it answers 503 and leaves the cookies, so the client can retry the revocation.
 */
export const DELETE = handleRoute(async (request: Request) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const presented = await readPresentedToken(request, ctx.secure);
  if (!presented.ok) return ctx.finish(presented.response);
  const revocation = await logout(ctx, presented.token, readAccessToken(request, ctx.secure));
  const response = Response.json({ loggedOut: true, familyRevoked: revocation?.ok === true && revocation.familyRevoked }, { headers: { 'Cache-Control': 'no-store' } });
  for (const cookie of clearedJwtCookies(ctx.secure)) response.headers.append('Set-Cookie', cookie);
  return ctx.finish(response);
});
