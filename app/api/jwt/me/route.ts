import { cookieSizeBytes } from '@/lib/dashboard/credential-view';
import { jwtCookieNames } from '@/lib/jwt/cookies';
import { beginAuthRequest } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { authenticateJwtRequest } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Who am I, by access token (cookie or `Authorization: Bearer`). Verified locally: `verify` in
 * Server-Timing and `X-Store-Lookups: 0`, unless the denylist is on (then one lookup, `denylist`).
 * A store outage matters here only with the denylist on (or before the keys first load): 503.
 */
export const GET = handleRoute(async (request: Request) => {
  const ctx = beginAuthRequest(request);
  const auth = await authenticateJwtRequest(request, ctx);
  const durationMs = (ctx.timer.durationOf('verify') ?? 0) + (ctx.timer.durationOf('denylist') ?? 0);
  if (!auth.ok) {
    if (auth.code !== 'unauthenticated') publishEvent({ type: 'rejection', strategy: 'jwt', code: auth.code, durationMs });
    return auth.response;
  }
  const { token, verified: result } = auth;
  const { jti, iat, exp } = result.claims;
  publishEvent({ type: 'verify', strategy: 'jwt', userId: result.user.id, username: result.user.username, durationMs, detail: { jti, denylist: ctx.timer.durationOf('denylist') !== null } });
  // What this credential costs on the wire, every request: the cookie pair, or the Bearer header.
  const credentialBytes = request.headers.has('authorization') ? Buffer.byteLength(`Bearer ${token}`) : cookieSizeBytes(jwtCookieNames(ctx.secure).access, token);
  return ctx.finish(Response.json({ user: result.user, token: { jti, iat, exp, kid: result.header.kid } }, { headers: { 'Cache-Control': 'no-store', 'X-Credential-Bytes': String(credentialBytes) } }));
});
