import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { authenticatePassword, issueTokens, storeUnavailableResponse, tokenEndpointResponse } from '@/lib/server/jwt';
import { isStoreUnavailable } from '@/lib/store/store';

export const dynamic = 'force-dynamic';

/** Non-browser login: `{ username, password }` in, `{ access_token, token_type, expires_in, refresh_token }` out, no cookies. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const login = await authenticatePassword(request, ctx);
  if (!login.ok) return ctx.finish(login.response);
  try {
    return ctx.finish(tokenEndpointResponse(await issueTokens(ctx, login.user)));
  } catch (error) {
    if (isStoreUnavailable(error)) return ctx.finish(storeUnavailableResponse());
    throw error;
  }
}
