import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { browserTokenResponse, issueTokensForPassword } from '@/lib/server/jwt';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Browser login: `{ username, password }` in, the tokens in two HttpOnly cookies out. */
export const POST = handleRoute(async (request: Request) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const login = await issueTokensForPassword(request, ctx, 'browser');
  return login.ok ? ctx.finish(browserTokenResponse(login.tokens, ctx.secure)) : login.response;
});
