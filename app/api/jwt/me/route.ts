import { beginAuthRequest } from '@/lib/server/auth-request';
import { authenticateAccessToken, missingTokenResponse, readAccessToken, rejectedTokenResponse, storeUnavailableResponse } from '@/lib/server/jwt';
import { isStoreUnavailable } from '@/lib/store/store';

export const dynamic = 'force-dynamic';

/**
 * Who am I, by access token (cookie or `Authorization: Bearer`). Verified locally: `verify` in
 * Server-Timing and `X-Store-Lookups: 0`, unless the denylist is on (then one lookup, `denylist`).
 */
export async function GET(request: Request): Promise<Response> {
  const ctx = beginAuthRequest(request);
  const token = readAccessToken(request, ctx.secure);
  if (token === null) return ctx.finish(missingTokenResponse());
  try {
    const result = await authenticateAccessToken(ctx, token);
    if (!result.ok) return ctx.finish(rejectedTokenResponse(result.code));
    const { jti, iat, exp } = result.claims;
    const body = { user: result.user, token: { jti, iat, exp, kid: result.header.kid } };
    return ctx.finish(Response.json(body, { headers: { 'Cache-Control': 'no-store' } }));
  } catch (error) {
    // Only reachable with the denylist on or before the keys first load: the store is then needed.
    if (isStoreUnavailable(error)) return ctx.finish(storeUnavailableResponse());
    throw error;
  }
}
