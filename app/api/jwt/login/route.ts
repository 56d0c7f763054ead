import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { authenticatePassword, browserTokenResponse, issueTokens, storeUnavailableResponse } from '@/lib/server/jwt';
import { isStoreUnavailable } from '@/lib/store/store';

export const dynamic = 'force-dynamic';

/** Browser login: `{ username, password }` in, the tokens in two HttpOnly cookies out. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const login = await authenticatePassword(request, ctx);
  if (!login.ok) return ctx.finish(login.response);
  try {
    return ctx.finish(browserTokenResponse(await issueTokens(ctx, login.user), ctx.secure));
  } catch (error) {
    if (isStoreUnavailable(error)) return ctx.finish(storeUnavailableResponse());
    throw error;
  }
}
