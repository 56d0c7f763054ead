import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { createSession } from '@/lib/session/session';
import { beginAuthRequest, refuseCrossSite } from '@/lib/server/auth-request';
import { publishEvent } from '@/lib/server/events';
import { handleRoute } from '@/lib/server/route';
import { sealSessionCookie, sessionPolicy, setSessionCookie } from '@/lib/server/session';
import { authenticatePassword } from '@/lib/server/password-login';

export const dynamic = 'force-dynamic';

/** Starts an admin session: the session strategy, its own namespace, a cookie scoped to /api/admin. */
export const POST = handleRoute(async (request: NextRequest) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const ctx = beginAuthRequest(request);
  const auth = await authenticatePassword(request, ctx);
  if (!auth.ok) return ctx.finish(auth.response);
  if (auth.user.role !== 'admin') return ctx.finish(errorResponse('forbidden', `${auth.user.username} is not an administrator.`));
  const created = await ctx.timer.measure('store', () =>
    createSession(ctx.store, auth.user, { now: Date.now(), policy: sessionPolicy(ctx.config), scope: 'admin', userAgent: request.headers.get('user-agent') }),
  );
  const sealed = await sealSessionCookie(created.sessionId, ctx);
  const response = NextResponse.json({ user: auth.user, session: created.session }, { headers: { 'Cache-Control': 'no-store' } });
  setSessionCookie(response, ctx, sealed, 'admin');
  publishEvent({ type: 'login', strategy: 'admin', userId: auth.user.id, username: auth.user.username });
  return ctx.finish(response);
});
