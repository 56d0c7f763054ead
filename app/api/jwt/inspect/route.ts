import { describeCookie, redactJwtSignature } from '@/lib/dashboard/credential-view';
import { jwtCookieNames } from '@/lib/jwt/cookies';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { authenticateJwtRequest } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * For the dashboard: the access token decoded (header and claims, which are not secret) with its
 * signature cut short, so what page scripts receive cannot be replayed.
 */
export const GET = handleRoute(async (request: Request) => {
  const ctx = beginAuthRequest(request);
  const auth = await authenticateJwtRequest(request, ctx);
  if (!auth.ok) return auth.response;
  const { token, verified: result } = auth;
  const name = jwtCookieNames(ctx.secure).access;
  return ctx.finish(
    Response.json(
      {
        cookie: describeCookie(name, token, `${token.split('.').slice(0, 2).join('.').slice(0, 24)}…`, { httpOnly: true, secure: ctx.secure, sameSite: 'Lax', path: '/', maxAgeSeconds: result.claims.exp - result.claims.iat, expiresAt: result.claims.exp * 1000 }),
        header: result.header,
        payload: result.claims,
        signature: redactJwtSignature(token),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  );
});
