import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { issueTokens, tokenEndpointResponse } from '@/lib/server/jwt';
import { authenticatePassword } from '@/lib/server/password-login';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Non-browser login: `{ username, password }` in, `{ access_token, token_type, expires_in, refresh_token }` out, no cookies. */
export const POST = handleRoute(async (request: Request) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const login = await authenticatePassword(request, ctx);
  if (!login.ok) return ctx.finish(login.response);
  const tokens = await issueTokens(ctx, login.user);
  publishEvent({ type: 'login', strategy: 'jwt', userId: login.user.id, username: login.user.username, durationMs: ctx.timer.durationOf('sign'), detail: { client: 'token-endpoint' } });
  return ctx.finish(tokenEndpointResponse(tokens));
});
