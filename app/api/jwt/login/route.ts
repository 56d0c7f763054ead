import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { browserTokenResponse, issueTokens } from '@/lib/server/jwt';
import { authenticatePassword } from '@/lib/server/password-login';
import { handleRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Browser login: `{ username, password }` in, the tokens in two HttpOnly cookies out. */
export const POST = handleRoute(async (request: Request) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const login = await authenticatePassword(request, ctx);
  if (!login.ok) return ctx.finish(login.response);
  const tokens = await issueTokens(ctx, login.user);
  publishEvent({ type: 'login', strategy: 'jwt', userId: login.user.id, username: login.user.username, durationMs: ctx.timer.durationOf('sign'), detail: { jti: tokens.access.claims.jti } });
  return ctx.finish(browserTokenResponse(tokens, ctx.secure));
});
