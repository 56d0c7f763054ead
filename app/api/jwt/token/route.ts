import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { issueTokensForPassword, tokenEndpointResponse } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Non-browser login: `{ username, password }` in, `{ access_token, token_type, expires_in, refresh_token }` out, no cookies. */
export const POST = handleRoute(async (request: Request) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const login = await issueTokensForPassword(request, ctx, 'token-endpoint');
  return login.ok ? ctx.finish(tokenEndpointResponse(login.tokens)) : login.response;
});
